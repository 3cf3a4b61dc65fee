/**
 * The tab inside a (fake) Teams client: locale, theme and its live changes,
 * the deep link's subPageId, sharing, and the channel tab's configuration
 * page saving its view with pages.config.
 */
import type { BrowserContext, Frame } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testEdition } from '../helpers/testServer';
import { useTabTestEnvironment } from '../helpers/browser';
import { hostLog, openInFakeTeams, proxyTabOrigin, sendToTab, TAB_ORIGIN, type FakeHostOptions } from '../helpers/fakeTeamsHost';

const ref = testEdition();
const APP_ID = '11111111-2222-4333-8444-555555555555';
// Published to the organisation's catalogue: deep links must name this ID, not the manifest's.
const CATALOG_APP_ID = '5c1e2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const env = useTabTestEnvironment({ TEAMS_APP_ID: APP_ID, TEAMS_CATALOG_APP_ID: CATALOG_APP_ID });
const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36';
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function inTeams(options: FakeHostOptions & { beforeLoad?: (ctx: BrowserContext) => Promise<void>; userAgent?: string }) {
  context = await env.browser.newContext({ viewport: { width: 1200, height: 800 }, ...(options.userAgent ? { userAgent: options.userAgent } : {}) });
  await proxyTabOrigin(context, env.srv.baseUrl);
  await options.beforeLoad?.(context);
  return openInFakeTeams(context, options);
}

async function waitForList(tab: Frame) {
  await tab.waitForSelector('[data-testid="checklist"][aria-busy="false"] > [data-rendered="all"]', { state: 'attached' });
}

describe('inside Teams', () => {
  it('takes language and theme from the Teams context and follows theme changes live', async () => {
    const { host, tab } = await inTeams({ hash: '#/', locale: 'en-us', theme: 'dark' });
    await waitForList(tab);
    expect(await tab.getAttribute('[data-host]', 'data-host')).toBe('teams');
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await tab.getAttribute('[data-host]', 'data-theme')).toBe('dark');
    const darkBackground = await tab.$eval('[data-host]', (el) => getComputedStyle(el).backgroundColor);

    await sendToTab(host, 'themeChange', ['contrast']);
    await tab.waitForSelector('[data-theme="contrast"]');
    await sendToTab(host, 'themeChange', ['default']);
    await tab.waitForSelector('[data-theme="default"]');
    const lightBackground = await tab.$eval('[data-host]', (el) => getComputedStyle(el).backgroundColor);
    expect(lightBackground).not.toBe(darkBackground);
    // The tab told Teams it has loaded.
    expect((await hostLog(host)).map((m) => m.func)).toContain('appInitialization.success');
  });

  it('passes axe in Teams\' high-contrast theme', async () => {
    const { host, tab } = await inTeams({ hash: '#/items/6.5-C-6?section=6.5', theme: 'contrast' });
    await waitForList(tab);
    expect(await tab.getAttribute('[data-host]', 'data-theme')).toBe('contrast');
    // The self-assessment panel arrives after the list: check the page once it is in.
    await tab.waitForSelector('[data-testid="assessment-panel"]');
    const result = await new AxeBuilder({ page: host }).include('iframe#tab').analyze();
    const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    expect(serious).toEqual([]);
    // The tab's own nodes were checked (their targets go through the frame).
    expect(result.passes.some((r) => r.nodes.some((n) => n.target.length > 1))).toBe(true);
  }, 120_000);

  it('is Japanese for a Japanese Teams client', async () => {
    const { tab } = await inTeams({ hash: '#/', locale: 'ja-jp' });
    await waitForList(tab);
    expect(await tab.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await tab.locator('li[data-item-id]:not([hidden])').count()).toBe(ref.items.length);
  });

  it('opens the item a deep link names (subPageId)', async () => {
    const { tab } = await inTeams({ hash: '#/', subEntityId: '6.5-C-6' });
    await tab.waitForSelector('li[data-item-id="6.5-C-6"]:not([hidden]) [data-testid="item-detail"]');
    await tab.waitForFunction(() => decodeURIComponent(window.location.hash) === '#/items/6.5-C-6');
    expect(await tab.locator('li[data-item-id="6.5-C-6"]:not([hidden]) button[aria-expanded]').getAttribute('aria-expanded')).toBe('true');
  });

  it('shares an item with Teams\' share dialog where the host has one', async () => {
    const { host, tab } = await inTeams({ hash: '#/items/6.5-C-6', supports: { pages: { config: {} }, sharing: {} } });
    await tab.waitForSelector('li[data-item-id="6.5-C-6"]:not([hidden]) [data-testid="item-detail"]');
    await tab.getByRole('button', { name: '6.5 C-6 を共有' }).click();
    await host.waitForFunction(() => (window as any).hostLog.some((m: { func: string }) => m.func === 'sharing.shareWebContent'));
    const share = (await hostLog(host)).find((m) => m.func === 'sharing.shareWebContent')!;
    const request = share.args[0] as { content: Array<{ type: string; url: string; message: string }> };
    expect(request.content[0].type).toBe('URL');
    // The shared URL is the item's page URL, which the message extension unfurls into a card.
    expect(request.content[0].url).toBe(`${TAB_ORIGIN}/#/items/6.5-C-6`);
    expect(request.content[0].message).toContain('6.5 C-6');
    // Inside Teams the web share page is never offered: the host's dialog keeps people in Teams.
    expect(await tab.locator('[data-action="share-to-teams"]').count()).toBe(0);
  });

  it.each<[string, Partial<FakeHostOptions> & { userAgent?: string }]>([
    ['a Teams client without a share dialog', {}],
    ['Teams on an Android phone', { hostClientType: 'android', userAgent: ANDROID_CHROME }],
  ])('copies a Teams deep link to the item, with the catalogue app ID, in %s', async (_what, host) => {
    const { tab } = await inTeams({ hash: '#/items/6.5-C-6', ...host, beforeLoad: async (ctx) => {
      await ctx.grantPermissions(['clipboard-write'], { origin: TAB_ORIGIN });
      // Record what reaches the clipboard (reading it back from a frame needs focus headless Chromium does not give).
      await ctx.addInitScript(() => {
        const write = navigator.clipboard.writeText.bind(navigator.clipboard);
        navigator.clipboard.writeText = (text: string) => { (window as any).copiedText = text; return write(text); };
      });
    } });
    await tab.waitForSelector('li[data-item-id="6.5-C-6"]:not([hidden]) [data-testid="item-detail"]');
    expect(await tab.getByRole('button', { name: '6.5 C-6 を共有' }).count()).toBe(0);
    // Nor Teams' web share page, which would leave Teams (and does not work on mobile).
    expect(await tab.locator('[data-action="share-to-teams"]').count()).toBe(0);
    await tab.getByRole('button', { name: '6.5 C-6 へのリンクをコピー' }).click();
    await tab.getByText('6.5 C-6 へのリンクをコピーしました。').waitFor();
    const copied = await tab.evaluate(() => (window as any).copiedText as string);
    const url = new URL(copied);
    expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${CATALOG_APP_ID}/checklist`);
    expect(JSON.parse(url.searchParams.get('context')!)).toEqual({ subEntityId: '6.5-C-6' });
  });

  it('shows the page in standalone mode when the frame around it never answers', async () => {
    const started = Date.now();
    const { tab } = await inTeams({ hash: '#/', silent: true });
    expect(await tab.getAttribute('[data-host]', 'data-host')).toBe('standalone');
    await waitForList(tab);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

describe('the channel tab configuration page', () => {
  it('saves the chosen view with pages.config when Teams\' Save is pressed', async () => {
    const { host, tab } = await inTeams({ hash: '#/config', frameContext: 'settings', entityId: '' });
    await tab.waitForSelector('[data-testid="config-page"]');
    await host.waitForFunction(() => (window as any).hostLog.some((m: { func: string; args: unknown[] }) => m.func === 'settings.setValidityState' && m.args[0] === true));

    await tab.getByRole('radio', { name: '章を選ぶ' }).check();
    await tab.getByRole('combobox', { name: '章' }).selectOption('7');
    await sendToTab(host, 'settings.save', [{}]);
    await host.waitForFunction(() => (window as any).hostLog.some((m: { func: string }) => m.func === 'settings.save.success'));

    const saved = (await hostLog(host)).find((m) => m.func === 'settings.setSettings')!.args[0] as Record<string, string>;
    expect(saved).toEqual({
      contentUrl: `${TAB_ORIGIN}/#/?view=chapter-7`,
      websiteUrl: `${TAB_ORIGIN}/#/?view=chapter-7`,
      entityId: 'checklist-chapter-7',
      suggestedDisplayName: 'チェックリスト（第7章）',
    });
  });

  it('opens the channel tab on the saved view', async () => {
    const { tab } = await inTeams({ hash: '#/?view=conformable', entityId: 'checklist-conformable' });
    await waitForList(tab);
    const ids = await tab.$$eval('li[data-item-id]:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-item-id')));
    expect(ids).toEqual(ref.items.filter((i) => i.conformity === 'conformable').map((i) => i.id));
  });

  it('works on the channel\'s shared self-assessment, sending the Teams SSO token', async () => {
    const teamId = '19:team-abc@thread.tacv2';
    const channelId = '19:channel-def@thread.tacv2';
    const seen: Array<{ path: string; auth: string | undefined }> = [];
    const { host, tab } = await inTeams({
      hash: '#/', teamId, channelId, authToken: 'header.payload.signature',
      beforeLoad: async (ctx) => {
        ctx.on('request', (req) => {
          const url = new URL(req.url());
          if (url.pathname.startsWith('/api/assessments/')) seen.push({ path: decodeURIComponent(url.pathname), auth: req.headers().authorization });
        });
      },
    });
    await waitForList(tab);
    await tab.waitForSelector('[data-testid="assessment-panel"]');
    await tab.locator('[data-action="assessment-toggle"]').click();
    expect(await tab.getByTestId('assessment-panel').textContent()).toContain('このチャネルの自己点検');
    expect((await hostLog(host)).map((m) => m.func)).toContain('authentication.getAuthToken');
    expect(seen[0]).toEqual({ path: `/api/assessments/channel:${teamId}:${channelId}`, auth: 'Bearer header.payload.signature' });
  });
});
