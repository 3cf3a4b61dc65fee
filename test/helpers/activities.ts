/**
 * Teams activities as the Teams service posts them to /api/messages.
 */
let seq = 0;

export function messageActivity(text: string, overrides: Record<string, unknown> = {}) {
  seq += 1;
  return {
    type: 'message',
    id: `act-${seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9',
    from: { id: '29:user-1', name: '山田 花子', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: '28:bot-1', name: 'medsec' },
    conversation: { id: 'a:personal-chat-1', conversationType: 'personal', tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' } },
    locale: 'ja-JP',
    text,
    ...overrides,
  };
}

export function channelMention(question: string, overrides: Record<string, unknown> = {}) {
  return messageActivity(`<at>medsec</at> ${question}`, {
    conversation: { id: '19:channel-1@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, tenantId: 'tenant-1' },
    channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team-1@thread.tacv2' }, channel: { id: '19:channel-1@thread.tacv2' } },
    entities: [{ type: 'mention', text: '<at>medsec</at>', mentioned: { id: '28:bot-1', name: 'medsec' } }],
    ...overrides,
  });
}

export function invokeActivity(name: string, value: unknown, overrides: Record<string, unknown> = {}) {
  return messageActivity('', { type: 'invoke', name, value, text: undefined, ...overrides });
}

export async function postActivity(baseUrl: string, activity: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${baseUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof activity === 'string' ? activity : JSON.stringify(activity),
  });
  const text = await res.text();
  let body: any;
  try { body = text ? JSON.parse(text) : undefined; } catch { body = text; }
  return { status: res.status, body, text };
}

/** The Adaptive Card contents of the replies returned with deliveryMode "expectReplies". */
export function replyCards(body: any): any[] {
  return (body?.activities ?? []).flatMap((a: any) => (a.attachments ?? []).map((att: any) => att.content));
}
