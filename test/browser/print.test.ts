/**
 * The checklist on paper, printed by Chromium to PDF (A4) from the real tab:
 * the summary table (一覧表) of all items on at most 10 pages, the detail
 * (詳細) of all items on at most 60 — items packed one after another, an
 * item moved to the next page rather than split when it fits on one — both
 * offered from the header, printing what the filters show.
 */
import type { Page } from 'playwright-core';
import { testEdition } from '../helpers/testServer';
import { useTabPages, useTabTestEnvironment, waitForChecklist } from '../helpers/browser';
import { countPageObjects, readPdf } from '../helpers/pdf';

const ref = testEdition();
const env = useTabTestEnvironment();
const tabs = useTabPages(env);

const MM = 96 / 25.4;
// A4 less the @page margins of tab/src/global.css (12 mm top and bottom, 10 mm left and right).
const CONTENT_WIDTH = (210 - 20) * MM;
const CONTENT_HEIGHT = (297 - 24) * MM;

const SUMMARY_MAX_PAGES = 10;
const DETAIL_MAX_PAGES = 60;

async function open(hash = '#/', locale = 'ja-JP'): Promise<Page> {
  const { page } = await tabs.open(hash, { locale });
  await page.waitForSelector('[data-testid="assessment-panel"]');
  return page;
}

/** Chooses 一覧表 or 詳細 in the header, as a user would; the browser's print dialog is not opened. */
async function choosePrint(page: Page, kind: 'summary' | 'detail'): Promise<void> {
  await page.evaluate(() => { window.print = () => undefined; });
  await page.locator(`[data-print="${kind}"]`).click();
  await page.waitForSelector(`[data-testid="print-${kind}"]`, { state: 'attached' });
}

async function putState(id: string, body: object): Promise<void> {
  const res = await fetch(`${env.srv.baseUrl}/api/assessments/personal/items/${id}`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
}

describe('printing from the header', () => {
  it('offers 一覧表 and 詳細 in a group named 印刷', async () => {
    const page = await open();
    const group = page.getByRole('group', { name: '印刷' });
    await expect(group.getByRole('button', { name: '一覧表を印刷' }).isVisible()).resolves.toBe(true);
    await expect(group.getByRole('button', { name: '詳細を印刷' }).isVisible()).resolves.toBe(true);
  });

  it('一覧表 prints one table row per shown item: ID, title, conformity, status, owner, target and checked dates', async () => {
    const [a, b] = ref.items.filter((i) => i.section === '6.3').map((i) => i.id);
    await putState(a, { status: 'partial', owner: '医療情報部 高橋', targetDate: '2020-03-31', checkedDate: '2026-01-15', version: 0 });
    await putState(b, { status: 'done', owner: '事務部 伊藤', version: 0 });
    const page = await open('#/?section=6.3');
    await page.waitForSelector(`li[data-item-id="${a}"] [data-marker="status"]`);
    await choosePrint(page, 'summary');
    await page.emulateMedia({ media: 'print' });
    const table = page.getByTestId('print-summary');
    expect(await table.isVisible()).toBe(true);
    expect(await table.locator('thead th').allTextContents()).toEqual(['ID', '項目', '適合性', '対応状況', '担当者', '対応期限', '確認日']);
    const shown = ref.items.filter((i) => i.section === '6.3');
    expect(await table.locator('tr[data-item-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item-id')))).toEqual(shown.map((i) => i.id));
    const cells = (id: string) => table.locator(`tr[data-item-id="${id}"] td`).allTextContents();
    const item = ref.itemById.get(a)!;
    expect(await cells(a)).toEqual([ref.displayId(a), item.title.ja, { conformable: '適合可能', 'not-met-by-teams': 'Teams では対応不可', 'outside-teams': 'Teams 対象外' }[item.conformity!], '一部対応', '医療情報部 高橋', '2020-03-31 期限超過', '2026-01-15']);
    expect((await cells(b)).slice(3)).toEqual(['対応済', '事務部 伊藤', '—', '—']);
    // The screen's list and controls do not print.
    expect(await page.getByTestId('checklist').isVisible()).toBe(false);
    expect(await page.getByRole('search').isVisible()).toBe(false);
    expect(await page.getByRole('group', { name: '印刷' }).isVisible()).toBe(false);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    expect(await page.getByTestId('print-summary').count()).toBe(0);
  });

  it('詳細 (and Ctrl+P) prints every shown item\'s full text, its documents by number and their addresses once at the end', async () => {
    const page = await open('#/?section=6.5&level=C');
    const shown = ref.items.filter((i) => i.section === '6.5' && i.level === 'C');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const detail = page.getByTestId('print-detail');
    expect(await detail.locator('article[data-item-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-item-id')))).toEqual(shown.map((i) => i.id));
    const item = ref.itemById.get('6.5-C-6')!;
    const text = await detail.locator('article[data-item-id="6.5-C-6"]').innerText();
    for (const t of [item.requirement.ja, item.teams!.ja, ...item.actions!.map((x) => x.ja), item.licensing?.ja, item.review?.ja, item.conformityReason?.ja]) {
      if (t) expect(text.replace(/\s+/g, '')).toContain(t.replace(/\s+/g, ''));
    }
    for (const n of item.documents) expect(text).toContain(`文書${n}`);
    const cited = new Set(shown.flatMap((i) => i.documents));
    const listed = await detail.locator('li[data-document]').evaluateAll((els) => els.map((e) => e.getAttribute('data-document')));
    expect(new Set(listed)).toEqual(cited);
    for (const n of cited) {
      const doc = ref.documentByNumber.get(n)!;
      if (doc.url) expect(await detail.locator(`li[data-document="${n}"]`).innerText()).toContain(doc.url);
    }
    const conditions = await page.getByText(/^表示条件:/).textContent();
    expect(conditions).toContain('6.5');
    expect(conditions).toContain('C: 最低限のガイドライン');
    expect(await page.getByRole('search').isVisible()).toBe(false);
    // Printed on white whatever the theme.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    expect(await page.getByTestId('print-detail').count()).toBe(0);
    await waitForChecklist(page);
  });
});

describe('the whole checklist on A4 (Chromium\'s PDF)', () => {
  it.each(['ja-JP', 'en-US'])(`the summary table of every item fits ${SUMMARY_MAX_PAGES} pages (%s)`, async (locale) => {
    const page = await open('#/', locale);
    await choosePrint(page, 'summary');
    expect(await page.locator('[data-testid="print-summary"] tr[data-item-id]').count()).toBe(ref.items.length);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { pages } = readPdf(pdf);
    console.log(`summary print, ${locale}: ${ref.items.length} items on ${pages.length} A4 pages`);
    expect(pages.length).toBe(countPageObjects(pdf));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBeLessThanOrEqual(SUMMARY_MAX_PAGES);
  });

  it.each(['ja-JP', 'en-US'])(`the detail of every item fits ${DETAIL_MAX_PAGES} pages, packed, and no item that fits on a page is split (%s)`, async (locale) => {
    const page = await open('#/', locale);
    await page.setViewportSize({ width: Math.round(CONTENT_WIDTH), height: Math.round(CONTENT_HEIGHT) });
    await choosePrint(page, 'detail');
    await page.emulateMedia({ media: 'print' });
    // Mark where each item starts and ends (empty inline elements: no layout change) and link to the marks,
    // so the PDF names the page of each.
    const heights = await page.evaluate(() => {
      const links = document.createElement('div');
      links.style.cssText = 'position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden';
      const articles = Array.from(document.querySelectorAll<HTMLElement>('[data-testid="print-detail"] article[data-item-id]'));
      articles.forEach((article, i) => {
        const start = document.createElement('span');
        start.id = `s${i}`;
        article.prepend(start);
        const end = document.createElement('span');
        end.id = `e${i}`;
        article.append(end);
        for (const id of [start.id, end.id]) {
          const a = document.createElement('a');
          a.href = `#${id}`;
          a.textContent = '.';
          links.append(a);
        }
      });
      document.body.append(links);
      return articles.map((a) => a.getBoundingClientRect().height);
    });
    expect(heights).toHaveLength(ref.items.length);
    const pdf = await page.pdf({ preferCSSPageSize: true });
    const { pages, destinations } = readPdf(pdf);
    expect(pages.length).toBe(countPageObjects(pdf));
    const split: string[] = [];
    const tooTall: string[] = [];
    heights.forEach((h, i) => {
      const [start, end] = [destinations.get(`s${i}`), destinations.get(`e${i}`)];
      expect(start).toBeDefined();
      expect(end).toBeDefined();
      if (h > CONTENT_HEIGHT - 2) tooTall.push(ref.items[i].id);
      else if (start !== end) split.push(`${ref.items[i].id} (${Math.round(h)} px, pages ${start}–${end})`);
    });
    console.log(`detail print, ${locale}: ${ref.items.length} items on ${pages.length} A4 pages; taller than a page: ${tooTall.join(', ') || 'none'}`);
    expect(split).toEqual([]);
    // Packed: several items to a page, not a page each.
    expect(pages.length).toBeLessThan(ref.items.length / 2);
    expect(pages.length).toBeLessThanOrEqual(DETAIL_MAX_PAGES);
  }, 120_000);
});
