/**
 * A stand-in for the Teams web client: a page at https://teams.microsoft.com
 * (served by Playwright's router) that frames the tab and answers teams-js's
 * postMessage protocol — initialize, getContext, settings, sharing — and can
 * push a theme change or press the configuration dialog's Save button.
 *
 * The tab itself is the real server, reached as https://medsec.test through
 * the router (Teams frames tabs over HTTPS; an http frame would be blocked
 * as mixed content), with the server's own headers, CSP included.
 */
import type { BrowserContext, Frame, Page } from 'playwright-core';

export const TAB_ORIGIN = 'https://medsec.test';
export const HOST_ORIGIN = 'https://teams.microsoft.com';

export interface FakeHostOptions {
  /** Hash of the tab URL, e.g. `#/` or `#/config`. */
  hash: string;
  frameContext?: 'content' | 'settings';
  locale?: string;
  theme?: 'default' | 'dark' | 'contrast';
  subEntityId?: string;
  entityId?: string;
  /** Capabilities the host declares (teams-js runtime `supports`). */
  supports?: Record<string, unknown>;
  /** A frame that never answers: an embedding that is not Teams. */
  silent?: boolean;
  /** A channel tab: the team's thread ID (context.team.internalId) and the channel's ID. */
  teamId?: string;
  channelId?: string;
  /** What authentication.getAuthToken answers (a string: success; absent: failure). */
  authToken?: string;
  /** The Teams client the host says it is (teams-js HostClientType): `web` unless told. */
  hostClientType?: 'web' | 'desktop' | 'android' | 'ios';
}

export interface HostMessage {
  func: string;
  args: unknown[];
}

export async function proxyTabOrigin(context: BrowserContext, serverBaseUrl: string): Promise<void> {
  await context.route(`${TAB_ORIGIN}/**`, async (route) => {
    const url = new URL(route.request().url());
    const response = await route.fetch({ url: `${serverBaseUrl}${url.pathname}${url.search}` });
    await route.fulfill({ response });
  });
}

function hostPage(options: FakeHostOptions): string {
  const config = {
    frameContext: options.frameContext ?? 'content',
    runtime: { apiVersion: 4, supports: options.supports ?? { pages: { config: {} } } },
    context: {
      locale: options.locale ?? 'ja-jp',
      theme: options.theme ?? 'default',
      entityId: options.entityId ?? 'checklist',
      subEntityId: options.subEntityId,
      frameContext: options.frameContext ?? 'content',
      hostClientType: options.hostClientType ?? 'web',
      appSessionId: 'test-session',
      tid: '00000000-0000-4000-8000-00000000000a',
      userObjectId: '00000000-0000-4000-8000-00000000000b',
      ...(options.teamId ? { teamId: options.teamId, channelId: options.channelId } : {}),
    },
    silent: Boolean(options.silent),
    authToken: options.authToken ?? null,
  };
  // The host script is the test's, not the tab's: the tab's CSP does not apply here.
  return `<!doctype html><html><head><meta charset="utf-8"><title>Fake Teams</title></head>
<body style="margin:0">
<iframe id="tab" title="tab" src="${TAB_ORIGIN}/${options.hash}" allow="clipboard-write; clipboard-read" style="border:0;width:100vw;height:100vh"></iframe>
<script>
  const config = ${JSON.stringify(config)};
  window.hostLog = [];
  const frame = document.getElementById('tab');
  const reply = (msg, args) => frame.contentWindow.postMessage({ id: msg.id, uuidAsString: msg.uuidAsString, args }, '${TAB_ORIGIN}');
  window.sendToTab = (func, args) => frame.contentWindow.postMessage({ func, args }, '${TAB_ORIGIN}');
  window.addEventListener('message', (e) => {
    if (e.source !== frame.contentWindow || !e.data || typeof e.data.func !== 'string') return;
    const msg = e.data;
    window.hostLog.push({ func: msg.func, args: msg.args });
    if (config.silent) return;
    switch (msg.func) {
      case 'initialize': return reply(msg, [config.frameContext, config.context.hostClientType, JSON.stringify(config.runtime), '2.58.0']);
      case 'getContext': return reply(msg, [config.context]);
      case 'settings.setSettings': return reply(msg, [true]);
      case 'sharing.shareWebContent': return reply(msg, [null]);
      case 'authentication.getAuthToken': return reply(msg, config.authToken ? [true, config.authToken] : [false, 'resourceDisabled']);
      default: return undefined; // one-way messages: recorded only
    }
  });
</script></body></html>`;
}

export async function openInFakeTeams(context: BrowserContext, options: FakeHostOptions): Promise<{ host: Page; tab: Frame }> {
  await context.route(`${HOST_ORIGIN}/_fakehost`, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: hostPage(options) }));
  const host = await context.newPage();
  await host.goto(`${HOST_ORIGIN}/_fakehost`);
  const frameHandle = await host.waitForSelector('iframe#tab');
  const tab = (await frameHandle.contentFrame())!;
  await tab.waitForSelector('[data-host="teams"], [data-host="standalone"]', { timeout: 15_000 });
  return { host, tab };
}

export function hostLog(host: Page): Promise<HostMessage[]> {
  return host.evaluate(() => (window as unknown as { hostLog: HostMessage[] }).hostLog);
}

export async function sendToTab(host: Page, func: string, args: unknown[]): Promise<void> {
  await host.evaluate(([f, a]) => (window as unknown as { sendToTab(f: string, a: unknown[]): void }).sendToTab(f as string, a as unknown[]), [func, args] as const);
}
