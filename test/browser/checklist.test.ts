/**
 * The checklist tab in a real browser against the real server, outside Teams
 * (a plain browser is the standalone mode; the Teams host is in teamsHost.test.ts).
 */
import type { Page } from 'playwright-core';
import { testEdition } from '../helpers/testServer';
import { currentHash, expectHash, visibleItemIds, waitForChecklist, useTabPages, useTabTestEnvironment } from '../helpers/browser';

const ref = testEdition();
const ACCESS_LOG_ITEM = '6.5-C-6';
const env = useTabTestEnvironment();
const tabs = useTabPages(env);

async function open(hash = '#/', options = {}): Promise<Page> {
  return (await tabs.open(hash, options)).page;
}

async function search(page: Page, text: string): Promise<string[]> {
  await page.getByRole('searchbox').fill(text);
  await page.waitForSelector(`[data-testid="checklist"][aria-busy="false"][data-query="${text}"]`);
  return visibleItemIds(page);
}

describe('the checklist outside Teams', () => {
  it('renders every item of the reference, in guideline order, grouped by section with counts', async () => {
    const page = await open();
    expect(await visibleItemIds(page)).toEqual(ref.items.map((i) => i.id));
    const groups = await page.$$eval('section[data-section]:not([hidden])', (els) => els.map((el) => ({
      section: el.getAttribute('data-section')!,
      heading: el.querySelector('h2')!.textContent!,
      rows: el.querySelectorAll('li[data-item-id]:not([hidden])').length,
    })));
    const sections = [...new Set(ref.items.map((i) => i.section))];
    expect(groups.map((g) => g.section)).toEqual(sections);
    for (const g of groups) {
      const count = ref.items.filter((i) => i.section === g.section).length;
      expect(g.rows).toBe(count);
      expect(g.heading).toContain(`${count} 件`);
      expect(g.heading).toContain(ref.sectionById.get(g.section)!.title.ja);
    }
    await expect(page.getByTestId('result-count').textContent()).resolves.toContain(`全 ${ref.items.length} 件中 ${ref.items.length} 件`);
  });

  it('works as a plain web page: standalone mode, Japanese by default, no errors', async () => {
    const page = await open();
    expect(await page.getAttribute('[data-host]', 'data-host')).toBe('standalone');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Teams セキュリティ リファレンス');
    // Each row shows the displayed ID, title, level and conformity.
    const item = ref.itemById.get(ACCESS_LOG_ITEM)!;
    const row = page.locator(`li[data-item-id="${ACCESS_LOG_ITEM}"]:not([hidden])`);
    await expect(row.locator('button[aria-expanded]').textContent()).resolves.toContain('6.5 C-6');
    await expect(row.locator('button[aria-expanded]').textContent()).resolves.toContain(item.title.ja);
    await expect(row.locator('[data-marker="level"]').textContent()).resolves.toContain(item.level === 'C' ? '最低限' : '推奨');
    await expect(row.locator('[data-marker="conformity"]').textContent()).resolves.toBe({ conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity!]);
    expect(await row.locator('[data-marker="confidence"]').count()).toBe(item.confidence === 'high' ? 0 : 1);
    expect(tabs.last!.errors).toEqual([]);
  });

  it('takes the language from the manifest URL\'s {locale} outside a Teams context', async () => {
    const page = await open('#/?locale=en-us');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('follows an English browser and switches language with the visible switch', async () => {
    const page = await open('#/', { locale: 'en-US' });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Teams security reference');
    const first = ref.items[0];
    await expect(page.locator(`li[data-item-id="${first.id}"]:not([hidden]) button[aria-expanded]`).textContent()).resolves.toContain(first.title.en);
    await page.getByRole('button', { name: '日本語' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ja');
    await expect(page.locator(`li[data-item-id="${first.id}"]:not([hidden]) button[aria-expanded]`).textContent()).resolves.toContain(first.title.ja);
    expect(await page.getByRole('button', { name: '日本語' }).getAttribute('aria-pressed')).toBe('true');
  });
});

describe('searching', () => {
  it('finds the access-log item for 「アクセスログ」', async () => {
    const page = await open();
    const ids = await search(page, 'アクセスログ');
    expect(ids).toContain(ACCESS_LOG_ITEM);
    expect(ids.length).toBeLessThan(ref.items.length);
    await expectHash(page, '#/?q=アクセスログ');
  });

  it('finds the access-log item for "access log"', async () => {
    const page = await open();
    const ids = await search(page, 'access log');
    expect(ids).toContain(ACCESS_LOG_ITEM);
    expect(ids.length).toBeLessThan(ref.items.length);
  });

  it('does not search while a Japanese IME is composing, and searches the committed word', async () => {
    const page = await open();
    const searches: string[] = [];
    page.on('request', (r) => { if (r.url().includes('/api/search')) searches.push(decodeURIComponent(new URL(r.url()).searchParams.get('q') ?? '')); });
    const cdp = await page.context().newCDPSession(page);
    await page.getByRole('searchbox').focus();
    // Typing あくせすろぐ with an IME, then converting it: all of it is composition.
    for (const text of ['あ', 'あく', 'あくせ', 'あくせす', 'あくせすろぐ', 'アクセスログ']) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    }
    await page.waitForTimeout(400);
    expect(searches).toEqual([]);
    expect(await currentHash(page)).toBe('#/');
    expect(await visibleItemIds(page)).toHaveLength(ref.items.length);
    // Committing the conversion searches once, for the committed word.
    await cdp.send('Input.insertText', { text: 'アクセスログ' });
    await page.waitForSelector('[data-testid="checklist"][aria-busy="false"][data-query="アクセスログ"]');
    expect(await page.getByRole('searchbox').inputValue()).toBe('アクセスログ');
    expect(await visibleItemIds(page)).toContain(ACCESS_LOG_ITEM);
    expect(searches).toEqual(['アクセスログ']);
  });

  it('says so when the search service fails, and keeps the list and the other filters working', async () => {
    const page = await open('#/?level=D');
    await page.route('**/api/search?**', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":{"code":"unavailable","message":"down"}}' }));
    const ids = await search(page, 'アクセスログ');
    expect(ids).toEqual(ref.items.filter((i) => i.level === 'D').map((i) => i.id));
    await page.getByText('検索サーバーに接続できないため、キーワードでは絞り込めません。ほかの条件は使えます。').waitFor();
  });

  it('shows the query from a link and clears it with the clear button', async () => {
    const page = await open('#/?q=access%20log');
    expect(await page.getByRole('searchbox').inputValue()).toBe('access log');
    expect(await visibleItemIds(page)).toContain(ACCESS_LOG_ITEM);
    await page.getByRole('button', { name: '条件をクリア' }).click();
    await page.waitForSelector('[data-testid="checklist"][aria-busy="false"][data-query=""]');
    expect(await visibleItemIds(page)).toHaveLength(ref.items.length);
    expect(await page.getByRole('searchbox').inputValue()).toBe('');
    await expectHash(page, '#/');
  });
});

describe('filters', () => {
  const cases: Array<{ filter: string; value: string; keep: (i: (typeof ref.items)[number]) => boolean }> = [
    { filter: 'section', value: '6.5', keep: (i) => i.section === '6.5' },
    { filter: 'level', value: 'D', keep: (i) => i.level === 'D' },
    { filter: 'conformity', value: 'outside-teams', keep: (i) => i.conformity === 'outside-teams' },
    { filter: 'topic', value: 'access-log', keep: (i) => i.topics.includes('access-log') },
  ];

  it.each(cases)('narrows the list by $filter and records it in the URL', async ({ filter, value, keep }) => {
    const page = await open();
    await page.selectOption(`select[data-filter="${filter}"]`, value);
    await page.waitForFunction((expected) => decodeURIComponent(window.location.hash) === expected, `#/?${filter}=${value}`);
    const expected = ref.items.filter(keep).map((i) => i.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(ref.items.length);
    expect(await visibleItemIds(page)).toEqual(expected);
    await expect(page.getByTestId('result-count').textContent()).resolves.toContain(`全 ${ref.items.length} 件中 ${expected.length} 件`);
  });

  it('combines filters from a link, and with a search', async () => {
    const page = await open('#/?level=C&conformity=conformable');
    const expected = ref.items.filter((i) => i.level === 'C' && i.conformity === 'conformable').map((i) => i.id);
    expect(await visibleItemIds(page)).toEqual(expected);
    const ids = await search(page, 'アクセスログ');
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id) => expected.includes(id))).toBe(true);
    await expectHash(page, '#/?level=C&conformity=conformable&q=アクセスログ');
  });

  it('opens a channel tab scope (view) and lets the reader leave it', async () => {
    const page = await open('#/?view=chapter-7');
    const chapter7 = ref.items.filter((i) => ref.sectionById.get(i.section)?.chapter === '7').map((i) => i.id);
    expect(await visibleItemIds(page)).toEqual(chapter7);
    await page.getByRole('button', { name: 'すべての項目を表示' }).click();
    expect(await visibleItemIds(page)).toHaveLength(ref.items.length);
  });
});

describe('an item', () => {
  it('opens from its link with the full detail and cited documents', async () => {
    const page = await open(`#/items/${ACCESS_LOG_ITEM}`);
    const item = ref.itemById.get(ACCESS_LOG_ITEM)!;
    const row = page.locator(`li[data-item-id="${ACCESS_LOG_ITEM}"]:not([hidden])`);
    const toggle = row.locator('button[aria-expanded]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await toggle.evaluate((el) => el === document.activeElement)).toBe(true);
    const detail = row.getByTestId('item-detail');
    const text = await detail.textContent();
    expect(text).toContain(item.requirement.ja);
    expect(text).toContain(item.teams!.ja);
    for (const a of item.actions!) expect(text).toContain(a.ja);
    if (item.licensing) expect(text).toContain(item.licensing.ja);
    if (item.review) expect(text).toContain(item.review.ja);
    for (const n of item.documents) {
      const doc = ref.documentByNumber.get(n)!;
      const li = detail.locator(`li[data-document="${n}"]`);
      expect(await li.textContent()).toContain(`文書${n}`);
      if (doc.url) expect(await li.locator('a').getAttribute('href')).toBe(doc.url);
      else expect(await li.textContent()).toContain('現在は公開されていません');
    }
    // Only the linked item is open.
    expect(await page.locator('button[aria-expanded="true"]').count()).toBe(1);
  });

  it('says when a cited document is no longer published', async () => {
    const item = ref.items.find((i) => i.documents.some((n) => !ref.documentByNumber.get(n)?.url));
    if (!item) return; // every cited document is still published
    const page = await open(`#/items/${item.id}`);
    const n = item.documents.find((d) => !ref.documentByNumber.get(d)?.url)!;
    const li = page.locator(`li[data-item-id="${item.id}"]:not([hidden]) li[data-document="${n}"]`);
    expect(await li.textContent()).toContain('現在は公開されていません');
    expect(await li.locator('a').count()).toBe(0);
  });

  it('accepts the displayed ID in a link and follows links while open', async () => {
    const page = await open('#/items/6.5%20C-6');
    expect(await page.locator(`li[data-item-id="${ACCESS_LOG_ITEM}"]:not([hidden]) button[aria-expanded]`).getAttribute('aria-expanded')).toBe('true');
    const other = ref.items[ref.items.length - 1].id;
    await page.evaluate((id) => { window.location.hash = `#/items/${id}`; }, other);
    await page.waitForSelector(`li[data-item-id="${other}"]:not([hidden]) [data-testid="item-detail"]`);
    expect(await page.evaluate((id) => document.activeElement?.closest('li')?.getAttribute('data-item-id') === id, other)).toBe(true);
  });

  it('puts the open item in the URL when expanded and takes it out when collapsed', async () => {
    const page = await open('#/?section=6.5');
    const toggle = page.locator(`li[data-item-id="${ACCESS_LOG_ITEM}"]:not([hidden]) button[aria-expanded]`);
    await toggle.click();
    await expectHash(page, `#/items/${ACCESS_LOG_ITEM}?section=6.5`);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await expectHash(page, '#/?section=6.5');
  });

  it('shows an item its link names even when the link\'s filters would hide it', async () => {
    const page = await open(`#/items/${ACCESS_LOG_ITEM}?section=9.1`);
    await page.waitForSelector(`li[data-item-id="${ACCESS_LOG_ITEM}"]:not([hidden]) [data-testid="item-detail"]`);
    await expectHash(page, `#/items/${ACCESS_LOG_ITEM}`);
  });

  it('copies a link to the item outside Teams (the page URL)', async () => {
    const page = await open(`#/items/${ACCESS_LOG_ITEM}`, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.getByRole('button', { name: '6.5 C-6 へのリンクをコピー' }).click();
    await page.getByText('6.5 C-6 へのリンクをコピーしました。').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${env.srv.baseUrl}/#/items/${ACCESS_LOG_ITEM}`);
    // No Teams host, so no share dialog to offer.
    expect(await page.getByRole('button', { name: '6.5 C-6 を共有' }).count()).toBe(0);
  });

  const DESKTOP_CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36';
  const IPHONE_SAFARI = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';
  const ANDROID_CHROME = 'Mozilla/5.0 (Linux; Android 15; Pixel 9) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Mobile Safari/537.36';

  it('offers Teams\' web share page outside Teams in desktop Chrome, where Microsoft supports it, in a new window', async () => {
    const page = await open(`#/items/${ACCESS_LOG_ITEM}`, { userAgent: DESKTOP_CHROME });
    const link = page.locator('li[data-item-id="6.5-C-6"] [data-action="share-to-teams"]');
    await link.waitFor();
    expect(await link.getAttribute('aria-label')).toBe('6.5 C-6 を Teams で共有（新しいウィンドウで開きます）');
    expect(await link.getAttribute('href')).toBe(`https://teams.microsoft.com/share?href=${encodeURIComponent(`${env.srv.baseUrl}/#/items/${ACCESS_LOG_ITEM}`)}`);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it.each([['an iPhone', IPHONE_SAFARI], ['an Android phone', ANDROID_CHROME]])('offers only "copy link" on %s, where the web share page does not work', async (_what, userAgent) => {
    const page = await open(`#/items/${ACCESS_LOG_ITEM}`, { userAgent });
    await page.getByRole('button', { name: '6.5 C-6 へのリンクをコピー' }).waitFor();
    expect(await page.locator('[data-action="share-to-teams"]').count()).toBe(0);
    expect(await page.content()).not.toContain('teams.microsoft.com/share');
  });
});
