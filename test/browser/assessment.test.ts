/**
 * The self-assessment in the checklist tab, in a real browser against the
 * real server in local mode (no token): edit and persist, progress, filters,
 * a conflicting edit, history, exports and import, accessibility.
 */
import * as fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testEdition } from '../helpers/testServer';
import { expectHash, visibleItemIds, waitForChecklist, useTabPages, useTabTestEnvironment } from '../helpers/browser';

const ref = testEdition();
const env = useTabTestEnvironment();
const tabs = useTabPages(env);

const api = (path = '') => `${env.srv.baseUrl}/api/assessments/personal${path}`;

async function apiGet(path = ''): Promise<any> {
  const res = await fetch(api(path));
  expect(res.status).toBe(200);
  return res.json();
}

async function apiPut(id: string, body: object): Promise<Response> {
  return fetch(api(`/items/${id}`), { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function open(hash = '#/', options = {}): Promise<Page> {
  const { page } = await tabs.open(hash, options);
  await page.waitForSelector('[data-testid="assessment-panel"]');
  return page;
}

function row(page: Page, id: string): Locator {
  return page.locator(`li[data-item-id="${id}"]:not([hidden])`);
}

async function openForm(page: Page, id: string): Promise<Locator> {
  const r = row(page, id);
  if ((await r.locator('button[aria-expanded]').getAttribute('aria-expanded')) !== 'true') await r.locator('button[aria-expanded]').click();
  const form = r.getByTestId('assessment-form');
  await form.waitFor();
  return form;
}

/** Opens the self-assessment panel (closed by default) for its filters, exports and the local-mode note. */
async function openPanel(page: Page): Promise<Locator> {
  const toggle = page.locator('[data-action="assessment-toggle"]');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const body = page.locator('#assessment-body');
  await body.waitFor();
  return body;
}

async function counts(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-testid="assessment-progress"] li[data-status]', (els) => Object.fromEntries(els.map((e) => [e.getAttribute('data-status')!, Number(e.getAttribute('data-count'))])));
}

// Items are used once each, so tests do not depend on one another's order.
const [A, B, C, D, E] = ref.items.filter((i) => i.section === '6.5').map((i) => i.id);

describe('the self-assessment in the tab (local mode)', () => {
  it('says it runs in local mode and starts with every item unchecked', async () => {
    const page = await open();
    // Closed, the summary line says so in short; opened, in full.
    await expect(page.getByTestId('local-mode-tag').textContent()).resolves.toBe('ローカル モード');
    await openPanel(page);
    await expect(page.getByTestId('local-mode').textContent()).resolves.toContain('ローカル モードで動作しています（記録はこの PC でのみ利用できます）');
    const c = await counts(page);
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(ref.items.length);
    expect(await row(page, ref.items[0].id).locator('[data-marker="status"]').textContent()).toBe('未着手');
  });

  it('is one summary line at first — progress and the count per status — that opens on demand and stays as it was left', async () => {
    const page = await open();
    const panel = page.getByTestId('assessment-panel');
    const toggle = page.locator('[data-action="assessment-toggle"]');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    // Closed: no filters, exports or progress bar, only the line.
    expect(await panel.locator('select, input, [role="progressbar"], [data-action^="export"]').count()).toBe(0);
    const summary = await page.getByTestId('assessment-progress').innerText();
    const doc = await apiGet();
    const done = ref.items.filter((i) => ['done', 'not-applicable'].includes(doc.items[i.id]?.status)).length;
    expect(summary).toContain(`${done} / ${ref.items.length} 件が完了`);
    for (const label of ['未着手', '対応済', '一部対応', '未対応', '該当なし']) expect(summary).toContain(label);
    const c = await counts(page);
    expect(Object.values(c).reduce((a, b) => a + b, 0)).toBe(ref.items.length);
    // One line on a laptop: the panel is no taller than the heading button and a little padding.
    const [panelHeight, toggleHeight] = await Promise.all([panel.evaluate((el) => el.getBoundingClientRect().height), toggle.evaluate((el) => el.getBoundingClientRect().height)]);
    expect(panelHeight).toBeLessThan(toggleHeight + 24);

    await toggle.click();
    await page.locator('#assessment-body [data-action="export-xlsx"]').waitFor();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('medsec-reference:assessment-panel-open'))).toBe('1');
    // Remembered in this browser: open after a reload, and closed again after closing and reloading.
    await page.reload();
    await waitForChecklist(page);
    await page.locator('#assessment-body').waitFor();
    await page.locator('[data-action="assessment-toggle"]').click();
    await page.reload();
    await waitForChecklist(page);
    await page.waitForSelector('[data-testid="assessment-panel"]');
    expect(await page.locator('[data-action="assessment-toggle"]').getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('#assessment-body').count()).toBe(0);
  });

  it('says on the closed line when the self-assessment filters narrow the list', async () => {
    const page = await open('#/?status=done');
    expect(await page.locator('[data-action="assessment-toggle"]').getAttribute('aria-expanded')).toBe('false');
    await expect(page.getByTestId('assessment-filtered').textContent()).resolves.toBe('自己点検の条件で絞り込み中');
    const plain = await open('#/');
    expect(await plain.getByTestId('assessment-filtered').count()).toBe(0);
  });

  it('saves status, owner, note and dates; a reload and the API show them; progress counts change', async () => {
    const page = await open();
    const before = await counts(page);
    const form = await openForm(page, A);
    await form.getByLabel('対応状況').selectOption('partial');
    await form.getByLabel('担当者').fill('情報システム部 田中');
    await form.getByLabel('メモ（根拠、設定の場所など）').fill('Purview の監査ログ設定を確認中');
    await form.getByLabel('対応期限').fill('2030-06-30');
    await form.getByLabel('確認日').fill('2025-04-01');
    await form.locator('[data-action="save"]').click();
    await page.waitForFunction((id) => document.querySelector(`li[data-item-id="${id}"] [data-testid="save-status"]`)?.textContent?.includes('1'), A);

    const after = await counts(page);
    expect(after.partial).toBe(before.partial + 1);
    expect(after.unchecked).toBe(before.unchecked - 1);
    expect(await row(page, A).locator('[data-marker="status"]').textContent()).toBe('一部対応');
    expect(await row(page, A).locator('[data-marker="owner"]').textContent()).toBe('情報システム部 田中');

    const doc = await apiGet();
    expect(doc.items[A]).toMatchObject({ status: 'partial', owner: '情報システム部 田中', note: 'Purview の監査ログ設定を確認中', targetDate: '2030-06-30', checkedDate: '2025-04-01', version: 1 });

    await page.reload();
    await waitForChecklist(page);
    await page.waitForSelector('[data-testid="assessment-panel"]');
    const again = await openForm(page, A);
    await expect(again.getByLabel('対応状況').inputValue()).resolves.toBe('partial');
    await expect(again.getByLabel('担当者').inputValue()).resolves.toBe('情報システム部 田中');
    await expect(again.getByLabel('対応期限').inputValue()).resolves.toBe('2030-06-30');
    expect(tabs.last!.errors).toEqual([]);
  });

  it('narrows the list by status and owner, kept in the address', async () => {
    expect((await apiPut(B, { status: 'not-done', owner: '佐藤', version: 0 })).status).toBe(200);
    const page = await open();
    await openPanel(page);
    await page.locator('select[data-filter="status"]').selectOption('not-done');
    await expectHash(page, '#/?status=not-done');
    const shown = await visibleItemIds(page);
    const doc = await apiGet();
    const expected = ref.items.filter((i) => doc.items[i.id]?.status === 'not-done').map((i) => i.id);
    expect(shown).toEqual(expected);
    expect(shown).toContain(B);

    await page.locator('select[data-filter="status"]').selectOption('');
    await page.locator('select[data-filter="owner"]').selectOption('佐藤');
    await expectHash(page, `#/?owner=${'佐藤'}`);
    expect(await visibleItemIds(page)).toEqual(ref.items.filter((i) => doc.items[i.id]?.owner === '佐藤').map((i) => i.id));

    // The address alone restores the filter.
    await tabs.last!.close();
    const page2 = await open('#/?status=not-done');
    await page2.waitForFunction((n) => document.querySelectorAll('[data-testid="checklist"] li[data-item-id]:not([hidden])').length === n, expected.length);
    expect(await visibleItemIds(page2)).toEqual(expected);
  });

  it('shows overdue items: a past target date and not done', async () => {
    expect((await apiPut(C, { status: 'partial', targetDate: '2020-01-31', version: 0 })).status).toBe(200);
    expect((await apiPut(D, { status: 'done', targetDate: '2020-01-31', version: 0 })).status).toBe(200);
    const page = await open();
    await openPanel(page);
    expect(await row(page, C).locator('[data-marker="overdue"]').count()).toBe(1);
    expect(await row(page, D).locator('[data-marker="overdue"]').count()).toBe(0);
    await page.getByLabel('期限超過のみ').check();
    await expectHash(page, '#/?overdue=1');
    const shown = await visibleItemIds(page);
    expect(shown).toContain(C);
    expect(shown).not.toContain(D);
  });

  it('on a conflicting edit shows the other editor\'s state, does not overwrite, and saves only when asked', async () => {
    const page = await open();
    const form = await openForm(page, E);
    await form.getByLabel('担当者').fill('自分の入力');
    // Someone else saves behind the UI's back.
    expect((await apiPut(E, { status: 'done', owner: '別の編集者', version: 0 })).status).toBe(200);
    await form.locator('[data-action="save"]').click();
    const conflict = form.getByTestId('save-conflict');
    await conflict.waitFor();
    await expect(conflict.textContent()).resolves.toContain('ほかの人が先にこの項目を変更しました');
    await expect(form.getByTestId('conflict-current').textContent()).resolves.toContain('別の編集者');
    expect((await apiGet()).items[E]).toMatchObject({ status: 'done', owner: '別の編集者', version: 1 });
    // The user's input is still there.
    await expect(form.getByLabel('担当者').inputValue()).resolves.toBe('自分の入力');

    await conflict.locator('[data-action="reapply"]').click();
    await page.waitForFunction((id) => document.querySelector(`li[data-item-id="${id}"] [data-testid="save-status"]`)?.textContent?.includes('2'), E);
    expect((await apiGet()).items[E]).toMatchObject({ owner: '自分の入力', version: 2 });

    // History shows both changes, newest first.
    await form.locator('[data-action="history"]').click();
    const entries = form.locator('[data-testid="assessment-history"] li[data-version]');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(2);
    await expect(entries.first().textContent()).resolves.toContain('別の編集者 → 自分の入力');
    await expect(entries.nth(1).textContent()).resolves.toContain('未着手 → 対応済');
  });

  it('exports Excel, CSV and JSON as downloads, and restores a JSON backup', async () => {
    const page = await open();
    await openPanel(page);
    const read = async (action: string) => {
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-action="${action}"]`).click()]);
      return { name: download.suggestedFilename(), bytes: fs.readFileSync((await download.path())!) };
    };
    const xlsx = await read('export-xlsx');
    expect(xlsx.name).toMatch(/^assessment-personal-v5-\d{8}\.xlsx$/);
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const csv = await read('export-csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const json = await read('export-json');
    const backup = JSON.parse(json.bytes.toString('utf8'));
    expect(backup.format).toBe('medsec-reference/assessment');

    // Change an item, then restore the backup through the UI.
    const target = backup.items.find((i: { id: string }) => i.id === ref.items[1].id);
    const put = await apiPut(target.id, { status: 'not-applicable', owner: '復元前', version: target.version });
    expect(put.status).toBe(200);
    await page.getByTestId('import-file').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: json.bytes });
    await page.locator('[data-action="import-confirm"]').click();
    const status = page.getByTestId('export-status');
    await page.waitForFunction(() => document.querySelector('[data-testid="export-status"]')?.textContent?.includes('復元しました'));
    await expect(status.textContent()).resolves.toContain(`${ref.items.length} 件`);
    expect((await apiGet()).items[target.id]).toMatchObject({ status: target.status, owner: target.owner });
    await page.waitForFunction(([id, label]) => document.querySelector(`li[data-item-id="${id}"] [data-marker="status"]`)?.textContent === label, [target.id, target.status === 'unchecked' ? '未着手' : target.status] as const);
  });

  it('prints each item\'s assessment as text, without forms or export buttons', async () => {
    const item = ref.items.filter((i) => i.section === '6.6')[0]?.id ?? ref.items[ref.items.length - 1].id;
    const section = ref.itemById.get(item)!.section;
    expect((await apiPut(item, { status: 'done', owner: '印刷 確認', note: '設定画面の写しを保管', version: 0 })).status).toBe(200);
    const page = await open(`#/items/${item}?section=${section}`);
    await row(page, item).getByTestId('assessment-form').waitFor();
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = page.locator(`[data-testid="print-detail"] article[data-item-id="${item}"]`).getByTestId('assessment-print');
    await expect(printed.textContent()).resolves.toContain('対応済');
    await expect(printed.textContent()).resolves.toContain('印刷 確認');
    await expect(printed.textContent()).resolves.toContain('設定画面の写しを保管');
    // The open item's form stays on screen only.
    expect(await page.getByTestId('assessment-form').isVisible()).toBe(false);
    expect(await page.locator('[data-action="assessment-toggle"]').isVisible()).toBe(true);
    expect(await page.locator('[data-action="export-xlsx"]').count()).toBe(0);
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
  });

  it('says why when the API refuses (403), and the checklist still works', async () => {
    const context = await env.browser.newContext({ locale: 'ja-JP' });
    try {
      await context.route('**/api/assessments/**', (route) => route.fulfill({
        status: 403, contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'not_team_member', message: 'You are not a member of this team.' } }),
      }));
      const page = await context.newPage();
      await page.goto(`${env.srv.baseUrl}/#/`);
      await waitForChecklist(page);
      const error = page.getByTestId('assessment-error');
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain('この自己点検を閲覧する権限がありません');
      await expect(error.textContent()).resolves.toContain('You are not a member of this team.');
      expect(await visibleItemIds(page)).toEqual(ref.items.map((i) => i.id));
      expect(await page.locator('[data-marker="status"]').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('names the refused tenant and the setting when the organisation is not allowed', async () => {
    const tenant = 'cccccccc-0000-4000-8000-00000000000c';
    const context = await env.browser.newContext({ locale: 'ja-JP' });
    try {
      await context.route('**/api/assessments/**', (route) => route.fulfill({
        status: 403, contentType: 'application/json',
        body: JSON.stringify({ error: { code: 'tenant_not_allowed', message: `Tenant ${tenant} is not allowed to use this service.`, details: { tenantId: tenant } } }),
      }));
      const page = await context.newPage();
      await page.goto(`${env.srv.baseUrl}/#/`);
      await waitForChecklist(page);
      const error = page.getByTestId('assessment-error');
      await error.waitFor();
      await expect(error.textContent()).resolves.toContain(`この組織（テナント ${tenant}）には、この自己点検の利用が許可されていません。`);
      await expect(error.textContent()).resolves.toContain('ALLOWED_TENANT_IDS');
    } finally {
      await context.close();
    }
  });

  it('finds no serious or critical axe violations with the panel and an open form', async () => {
    const page = await open(`#/items/${A}?section=6.5`);
    await row(page, A).getByTestId('assessment-form').waitFor();
    await openPanel(page);
    const result = await new AxeBuilder({ page }).analyze();
    const serious = result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    expect(serious).toEqual([]);
  }, 120_000);
});
