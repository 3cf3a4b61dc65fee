/**
 * Editions in the tab, in a real browser against the real server (local
 * mode): the switch, a later edition's rows with the 第5版 coverage they
 * borrow and their counterparts, one status shown across editions, and the
 * 立入検査 view with links into the checklist.
 */
import type { Page } from 'playwright-core';
import { currentHash, visibleItemIds, waitForChecklist, useTabPages, useTabTestEnvironment } from '../helpers/browser';

const env = useTabTestEnvironment();
const tabs = useTabPages(env);

async function open(hash: string): Promise<Page> {
  const { page } = await tabs.open(hash);
  await waitForChecklist(page);
  return page;
}

describe('editions in the tab', () => {
  it('opens a 第7.0版 row from its link, grouped by volume, with the 第5版 items whose coverage it borrows and its counterparts', async () => {
    const page = await open('#/items/v7:sys-14-5');
    const ids = await visibleItemIds(page);
    expect(ids).toContain('sys-14-5');
    expect(ids).not.toContain('6.5-C-6');
    await expect(page.locator('[data-edition="v7"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(page.locator('header').textContent()).resolves.toContain('第7.0版');
    await expect(page.locator('#section-sys-14').textContent()).resolves.toContain('システム運用編 14章');
    const row = page.locator('li[data-item-id="sys-14-5"]');
    await expect(row.locator('[data-marker="conformity"]').textContent()).resolves.toBe('第5版の対応項目を参照');
    const borrowed = row.getByTestId('borrowed-coverage');
    await expect(borrowed.textContent()).resolves.toContain('6.5 D-5');
    const counterparts = row.getByTestId('counterparts');
    await expect(counterparts.textContent()).resolves.toContain('第6.0版 シス14⑤');
    // No C/D levels in this edition: no level filter.
    await expect(page.getByLabel('区分').count()).resolves.toBe(0);
    // Following the borrowed item goes back to 第5版 with that item open.
    await borrowed.getByRole('link', { name: /6\.5 D-5/ }).click();
    await page.waitForFunction(() => document.querySelector('li[data-item-id="6.5-D-5"] [data-testid="item-detail"]') !== null);
    expect(await currentHash(page)).toMatch(/#\/items\/6\.5-D-5/);
  });

  it('shows a row new since 第5版 with Teams coverage of its own, and 第7.0版 says where that coverage was written', async () => {
    const page = await open('#/items/v6:sys-12-x2');
    const row = page.locator('li[data-item-id="sys-12-x2"]');
    await expect(row.locator('[data-marker="conformity"]').textContent()).resolves.toBe('適合可能');
    await expect(row.getByTestId('borrowed-coverage').count()).resolves.toBe(0);
    await page.waitForFunction(() => document.querySelector('li[data-item-id="sys-12-x2"] [data-testid="item-detail"]') !== null);
    const detail = await row.getByTestId('item-detail').textContent();
    expect(detail).toContain('Microsoft 365 Backup');
    expect(detail).toMatch(/文書\s?330/);
    const v7 = await open('#/items/v7:sys-12-x2');
    const v7row = v7.locator('li[data-item-id="sys-12-x2"]');
    await expect(v7row.locator('[data-marker="conformity"]').textContent()).resolves.toBe('適合可能');
    await v7.waitForFunction(() => document.querySelector('li[data-item-id="sys-12-x2"] [data-testid="item-detail"]') !== null);
    await expect(v7row.getByTestId('item-detail').textContent()).resolves.toContain('第6.0版 シス12（番号未確認2） について書いたもの');
  });

  it('switches editions with the header buttons, keeping the address in step', async () => {
    const page = await open('#/');
    expect(await visibleItemIds(page)).toContain('6.5-C-6');
    await page.locator('[data-edition="v6"]').click();
    await page.waitForSelector('li[data-item-id="sys-14-5"]');
    await page.waitForFunction(() => window.location.hash.includes('edition=v6'));
    await page.locator('[data-edition="v5"]').click();
    await page.waitForSelector('li[data-item-id="6.5-C-6"]');
    await page.waitForFunction(() => !window.location.hash.includes('edition='));
  });

  it('shows a 第7.0版 row with the status entered for its 第5版 item, saying where it comes from', async () => {
    const res = await fetch(`${env.srv.baseUrl}/api/assessments/personal/items/6.5-D-5`, {
      method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ status: 'done', version: 0 }),
    });
    expect(res.status).toBe(200);
    const page = await open('#/?edition=v7');
    const badge = page.locator('li[data-item-id="sys-14-5"] [data-marker="status"]');
    await badge.waitFor();
    await expect(badge.textContent()).resolves.toBe('対応済（第5版から）');
  });

  it('lists the 立入検査 checklist with its references and the items that answer each row', async () => {
    const { page } = await tabs.open('#/inspection');
    await page.getByTestId('inspection').waitFor();
    const row = page.locator('[data-checklist-row="institution-2-10"]');
    await expect(row.textContent()).resolves.toContain('二要素認証の導入');
    await expect(row.getByTestId('checklist-refs').textContent()).resolves.toContain('シス14⑤');
    await expect(page.locator('main').textContent()).resolves.toContain('令和8年度版');
    await row.getByTestId('checklist-answers').getByRole('link', { name: /6\.5 D-5/ }).click();
    await page.waitForSelector('li[data-item-id="6.5-D-5"] [data-testid="item-detail"]');
  });

  it.each(['#/?edition=v7', '#/items/v7:sys-14-5', '#/inspection'])('fits a 320 px phone without scrolling sideways: %s', async (hash) => {
    const { page } = await tabs.open(hash, { viewport: { width: 320, height: 640 } });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBe(320);
    // On a phone the edition switch is one select.
    await expect(page.getByTestId('edition-select').isVisible()).resolves.toBe(true);
  });
});
