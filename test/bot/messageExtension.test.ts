/**
 * Sharing requirement cards: the message extension's search and link
 * unfurling, as invokes posted to the real server.
 */
import { startTestServer, RunningServer, testEdition } from '../helpers/testServer';
import { invokeActivity, postActivity } from '../helpers/activities';
import { cardProblems, utf16Bytes } from '../helpers/cardValidation';

const HOST = 'medsec.example.org';
let srv: RunningServer;
beforeAll(async () => { srv = await startTestServer({ PUBLIC_BASE_URL: `https://${HOST}` }); });
afterAll(async () => { await srv.stop(); });

function query(text: string | undefined, options: { skip?: number; count?: number; commandId?: string; locale?: string; initialRun?: boolean } = {}) {
  const parameters = options.initialRun ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: text }];
  return invokeActivity('composeExtension/query', {
    commandId: options.commandId ?? 'searchItems',
    parameters,
    queryOptions: { skip: options.skip ?? 0, count: options.count ?? 10 },
  }, { locale: options.locale ?? 'ja-JP' });
}

describe('composeExtension/query', () => {
  it('finds the access-log items for 「ログ」, each with a thumbnail preview and a full Adaptive Card', async () => {
    const { status, body } = await postActivity(srv.baseUrl, query('ログ'));
    expect(status).toBe(200);
    const { composeExtension: ce } = body;
    expect(ce.type).toBe('result');
    expect(ce.attachmentLayout).toBe('list');
    expect(ce.attachments.length).toBeGreaterThan(1);
    const ids = ce.attachments.map((a: any) => a.preview.content.title);
    expect(ids.some((t: string) => t.startsWith('6.5 C-6'))).toBe(true);
    for (const a of ce.attachments) {
      expect(a.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(a.content.version).toBe('1.5');
      expect(cardProblems(a.content)).toEqual([]);
      expect(JSON.stringify(a.content)).not.toContain('Action.Submit');
      expect(a.preview.contentType).toBe('application/vnd.microsoft.card.thumbnail');
      expect(a.preview.content.subtitle).toMatch(/適合可能|Teams では対応不可|Teams 対象外/);
      expect(a.preview.content.tap.type).toBe('invoke');
    }
  });

  it('lists the later editions\' rows new since 第5版 after the 第5版 items, each naming its edition', async () => {
    const { body } = await postActivity(srv.baseUrl, query('バックアップ', { count: 25 }));
    const titles: string[] = body.composeExtension.attachments.map((a: any) => a.preview.content.title);
    const later = titles.findIndex((t) => /^第[67]\.0版 /.test(t));
    expect(later).toBeGreaterThan(0);
    expect(titles.slice(later).every((t) => /^第[67]\.0版 /.test(t))).toBe(true);
    const row = body.composeExtension.attachments[later];
    expect(row.preview.content.tap.value.id).toMatch(/^v[67]:/);
    expect(row.preview.content.subtitle).toMatch(/適合可能|Teams では対応不可|Teams 対象外/);
    expect(cardProblems(row.content)).toEqual([]);
    expect(JSON.stringify(row.content)).not.toContain('Action.Submit');
  });

  it('finds an item by its ID first', async () => {
    const { body } = await postActivity(srv.baseUrl, query('6.5 C-6'));
    expect(body.composeExtension.attachments[0].preview.content.title).toMatch(/^6\.5 C-6 /);
  });

  it('answers "MFA" in English for an English client', async () => {
    const { body } = await postActivity(srv.baseUrl, query('MFA', { locale: 'en-US' }));
    const first = body.composeExtension.attachments[0];
    expect(first.preview.content.subtitle).toMatch(/Conformable|Not met by Teams|Outside Teams/);
    expect(JSON.stringify(first.content)).toContain('What Teams and Microsoft 365 provide');
  });

  it('shows the most asked items on the initial run (empty query)', async () => {
    const { body } = await postActivity(srv.baseUrl, query(undefined, { initialRun: true }));
    expect(body.composeExtension.attachments.length).toBeGreaterThan(3);
    expect(body.composeExtension.attachments[0].preview.content.title).toMatch(/^6\.5 C-6 /);
  });

  it('pages with skip and count without repeating items', async () => {
    const first = await postActivity(srv.baseUrl, query('6.5', { skip: 0, count: 5 }));
    const second = await postActivity(srv.baseUrl, query('6.5', { skip: 5, count: 5 }));
    const a = first.body.composeExtension.attachments.map((x: any) => x.preview.content.title);
    const b = second.body.composeExtension.attachments.map((x: any) => x.preview.content.title);
    expect(a).toHaveLength(5);
    expect(b).toHaveLength(5);
    expect(a.filter((t: string) => b.includes(t))).toEqual([]);
  });

  it('answers an unknown command, an over-long query and no results with a message, not an error', async () => {
    const unknown = await postActivity(srv.baseUrl, query('ログ', { commandId: 'deleteEverything' }));
    expect(unknown.status).toBe(200);
    expect(unknown.body.composeExtension.type).toBe('message');
    const long = await postActivity(srv.baseUrl, query('ロ'.repeat(500)));
    expect(long.body.composeExtension.type).toBe('message');
    expect(long.body.composeExtension.text).toMatch(/長すぎます/);
    const none = await postActivity(srv.baseUrl, query('qwxzvplorfk'));
    expect(none.body.composeExtension.type).toBe('message');
  });

  it('copes with missing parameters', async () => {
    const { status, body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/query', { commandId: 'searchItems' }));
    expect(status).toBe(200);
    expect(['result', 'message']).toContain(body.composeExtension.type);
  });
});

describe('composeExtension/selectItem', () => {
  it('returns the chosen item\'s self-contained card in the sharer\'s language', async () => {
    const { status, body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/selectItem', { id: '6.9-C-10', locale: 'en' }));
    expect(status).toBe(200);
    const card = body.composeExtension.attachments[0].content;
    expect(cardProblems(card)).toEqual([]);
    const text = JSON.stringify(card);
    expect(text).toContain('6.9 C-10');
    expect(text).toContain(`https://${HOST}/#/items/6.9-C-10`);
    expect(utf16Bytes(card)).toBeLessThanOrEqual(28 * 1024);
    // Whoever reads it, on any client, shares it by its link (which unfurls) or the compose-box search, not the web share page.
    const share = card.actions.find((a: { title: string }) => a.title === 'Share');
    expect(share.type).toBe('Action.ShowCard');
    expect(share.card.body.find((e: { type: string }) => e.type === 'Input.Text').value).toBe(`https://${HOST}/#/items/6.9-C-10`);
    expect(text).not.toContain('teams.microsoft.com/share');
  });

  it('answers an unknown item with a message', async () => {
    const { body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/selectItem', { id: '99.9-C-1' }));
    expect(body.composeExtension.type).toBe('message');
  });
});

describe('composeExtension/queryLink (link unfurling)', () => {
  it('unfurls a link to an item in the tab into that item\'s card', async () => {
    const item = testEdition().itemById.get('6.5-C-6')!;
    const { status, body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/queryLink', { url: `https://${HOST}/#/items/6.5-C-6` }));
    expect(status).toBe(200);
    const [att] = body.composeExtension.attachments;
    // Link unfurling documents Adaptive Cards up to 1.3: the card declares it and uses nothing newer.
    expect(att.content.version).toBe('1.3');
    expect(cardProblems(att.content, { version: '1.3' })).toEqual([]);
    expect(JSON.stringify(att.content)).toContain(item.title.ja);
    expect(att.preview.content.title).toMatch(/^6\.5 C-6/);
  });

  it.each([
    ['a foreign host', 'https://evil.example.com/#/items/6.5-C-6'],
    ['an unknown item', `https://${HOST}/#/items/99.9-C-1`],
    ['not a URL', 'javascript:alert(1)'],
    ['no item in the link', `https://${HOST}/#/`],
  ])('gives an empty result for %s', async (_label, url) => {
    const { status, body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/queryLink', { url }));
    expect(status).toBe(200);
    expect(body.composeExtension.attachments).toEqual([]);
  });
});
