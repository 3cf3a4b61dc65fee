/**
 * The tab on a phone and a laptop, in a real browser: from 320 px wide
 * nothing scrolls sideways — the checklist, an open item, a search, the
 * self-assessment panel and form — and the first screen shows requirements,
 * not controls. Wide screens keep the desktop layout.
 */
import type { Page } from 'playwright-core';
import { testEdition } from '../helpers/testServer';
import { useTabPages, useTabTestEnvironment } from '../helpers/browser';

const ref = testEdition();
const env = useTabTestEnvironment();
const tabs = useTabPages(env);

const PHONES = [
  { name: '320 px (small phone)', width: 320, height: 640 },
  { name: '390 px (phone)', width: 390, height: 844 },
];
const ITEM = '6.5-C-6';

async function open(hash: string, viewport: { width: number; height: number }): Promise<Page> {
  const { page } = await tabs.open(hash, { viewport });
  await page.waitForSelector('[data-testid="assessment-panel"]');
  return page;
}

/** The page's width and every visible element that reaches past the viewport's right edge. */
async function sideways(page: Page): Promise<{ documentWidth: number; viewportWidth: number; outside: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const outside: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Clipped by an ancestor that hides overflow (a text field's inner parts, an ellipsis): not a sideways scroll.
      let clipped = false;
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const o = getComputedStyle(p).overflowX;
        if (o !== 'visible' && p.getBoundingClientRect().right <= vw + 0.5) { clipped = true; break; }
      }
      if (!clipped && (r.right > vw + 0.5 || r.left < -0.5)) outside.push(`${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''} ${Math.round(r.left)}–${Math.round(r.right)}: ${(el.textContent ?? '').slice(0, 40)}`);
    }
    return { documentWidth: document.documentElement.scrollWidth, viewportWidth: vw, outside: outside.slice(0, 10) };
  });
}

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const m = await sideways(page);
  expect(m.outside).toEqual([]);
  expect(m.documentWidth).toBe(m.viewportWidth);
}

describe.each(PHONES)('at $name nothing scrolls sideways', (viewport) => {
  it('the checklist, with the self-assessment panel open (filters, progress per section, exports)', async () => {
    const page = await open('#/', viewport);
    expect(await page.evaluate(() => window.innerWidth)).toBe(viewport.width);
    await expectNoSidewaysScroll(page);
    await page.locator('[data-action="assessment-toggle"]').click();
    await page.locator('[data-action="progress-sections"]').click();
    await page.getByTestId('section-progress').waitFor();
    await expectNoSidewaysScroll(page);
  });

  it('an open item with its self-assessment form', async () => {
    const page = await open(`#/items/${ITEM}`, viewport);
    const form = page.locator(`li[data-item-id="${ITEM}"]:not([hidden]) [data-testid="assessment-form"]`);
    await form.waitFor();
    await form.locator('[data-action="history"]').click();
    await expectNoSidewaysScroll(page);
    // Every field of the form is within the screen, not cut off.
    const fields = await form.locator('select, input, textarea, button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => ({ left: r.left, right: r.right })));
    expect(fields.length).toBeGreaterThanOrEqual(6);
    for (const f of fields) {
      expect(f.left).toBeGreaterThanOrEqual(0);
      expect(f.right).toBeLessThanOrEqual(viewport.width);
    }
  });

  it('a search, also for a query that is one long unbroken word (a pasted URL)', async () => {
    const page = await open(`#/?q=${encodeURIComponent('アクセスログ')}`, viewport);
    await page.waitForSelector('[data-testid="checklist"][aria-busy="false"][data-query="アクセスログ"]');
    await expectNoSidewaysScroll(page);
    const url = `https://learn.microsoft.com/ja-jp/purview/audit-log-search-${'x'.repeat(120)}`;
    await page.getByRole('searchbox').fill(url);
    await page.waitForSelector('[data-testid="checklist"][aria-busy="false"]', { state: 'attached' });
    await page.waitForFunction((q) => document.querySelector('[data-testid="result-count"]')?.textContent?.includes(q.slice(-20)), url);
    await expectNoSidewaysScroll(page);
  });

  it('a channel tab\'s scope and its configuration page', async () => {
    const page = await open('#/?view=chapter-7', viewport);
    await expectNoSidewaysScroll(page);
    const config = (await tabs.open('#/config', { viewport })).page;
    await config.getByTestId('config-page').waitFor();
    await config.getByRole('radio', { name: '章を選ぶ' }).check();
    await expectNoSidewaysScroll(config);
  });

  it('an item in English, whose words are longer', async () => {
    const page = await open(`#/items/${ITEM}`, { ...viewport });
    await page.getByRole('button', { name: 'English' }).click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectNoSidewaysScroll(page);
  });
});

/** How many rows show their requirement (the preview under the title) wholly within the first screen. */
async function requirementsOnFirstScreen(page: Page): Promise<number> {
  await page.waitForSelector('[data-testid="assessment-progress"]');
  return page.$$eval('[data-testid="checklist"] li[data-item-id]:not([hidden])', (rows) => rows.filter((row) => {
    const r = row.querySelector('p')?.getBoundingClientRect();
    return Boolean(r && r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight);
  }).length);
}

describe('the first screen shows requirements', () => {
  it.each([
    { name: 'a laptop (1280 × 720)', width: 1280, height: 720, rows: 3 },
    { name: 'a phone (390 × 844)', width: 390, height: 844, rows: 1 },
    { name: 'a small phone (320 × 640)', width: 320, height: 640, rows: 1 },
  ])('on $name at least $rows', async ({ width, height, rows }) => {
    const page = await open('#/', { width, height });
    const closed = await requirementsOnFirstScreen(page);
    expect(closed).toBeGreaterThanOrEqual(rows);
    // Opened, the panel pushes them down: the closed line is what makes room.
    await page.locator('[data-action="assessment-toggle"]').click();
    await page.locator('#assessment-body [data-action="export-xlsx"]').waitFor();
    expect(await requirementsOnFirstScreen(page)).toBeLessThan(closed);
  });
});

describe('wide screens keep the desktop layout', () => {
  it('at 1280 px the four filters sit in one row and IDs line up in a column', async () => {
    const page = await open('#/', { width: 1280, height: 900 });
    const tops = await page.$$eval('select[data-filter="section"], select[data-filter="level"], select[data-filter="conformity"], select[data-filter="topic"]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    const titleLefts = await page.$$eval('[data-testid="checklist"] li[data-item-id]:not([hidden]) button[aria-expanded] > span:last-child', (els) => els.slice(0, 20).map((e) => Math.round(e.getBoundingClientRect().left)));
    expect(new Set(titleLefts).size).toBe(1);
    expect(ref.items.length).toBeGreaterThan(20);
  });

  it('at 390 px the filters stack two to a row', async () => {
    const page = await open('#/', { width: 390, height: 844 });
    const tops = await page.$$eval('select[data-filter="section"], select[data-filter="level"], select[data-filter="conformity"], select[data-filter="topic"]', (els) => els.map((e) => Math.round(e.getBoundingClientRect().top)));
    expect(tops[0]).toBe(tops[1]);
    expect(tops[2]).toBe(tops[3]);
    expect(tops[2]).toBeGreaterThan(tops[0]);
  });
});
