/**
 * Keyboard-only use and automated accessibility checks (axe) of the tab in
 * the light and dark themes.
 */
import type { Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { testEdition } from '../helpers/testServer';
import { expectHash, visibleItemIds, useTabPages, useTabTestEnvironment } from '../helpers/browser';

const ref = testEdition();
const env = useTabTestEnvironment();
const tabs = useTabPages(env);

async function open(hash: string, options = {}): Promise<Page> {
  return (await tabs.open(hash, options)).page;
}

/** What has focus, described the way a keyboard user would meet it. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body';
    const item = el.closest('li[data-item-id]')?.getAttribute('data-item-id');
    const label = el.getAttribute('aria-label') || el.getAttribute('data-filter') || el.textContent?.trim() || el.getAttribute('type') || '';
    return `${el.tagName.toLowerCase()}:${label}${item && el.hasAttribute('aria-expanded') ? `@${item}` : ''}`;
  });
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

describe('keyboard-only use', () => {
  it('opens the self-assessment panel with Enter and then reaches its controls in order', async () => {
    const page = await open('#/');
    const toggle = page.locator('[data-action="assessment-toggle"]');
    await toggle.focus();
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Enter');
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const order: string[] = [];
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      'button:節ごとの進捗',
      'select:status',
      'select:owner',
      'input:mine',
      'input:overdue',
      'button:Excel に書き出す',
      'button:CSV に書き出す',
      'button:バックアップ（JSON）',
      'button:立入検査チェックリスト形式（CSV）',
      'button:JSON から復元',
    ]);
    await toggle.focus();
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('reaches the controls in reading order, then the items; Enter and Space expand and collapse', async () => {
    const page = await open('#/');
    // The self-assessment panel loads after the list; wait for it so the order is stable.
    await page.waitForSelector('[data-testid="assessment-panel"]');
    const order: string[] = [];
    for (let i = 0; i < 15; i += 1) {
      await page.keyboard.press('Tab');
      order.push(await focused(page));
    }
    expect(order).toEqual([
      'button:第5版', 'button:第6.0版', 'button:第7.0版', 'button:立入検査',
      'button:日本語',
      'button:English',
      'button:一覧表を印刷',
      'button:詳細を印刷',
      'input:search',
      'select:section',
      'select:level',
      'select:conformity',
      'select:topic',
      // "Clear filters" is disabled while nothing is filtered; the self-assessment is one closed line.
      'button:自己点検',
      // Then the first item.
      expect.stringMatching(new RegExp(`^button:.*@${ref.items[0].id.replace(/\./g, '\\.')}$`)),
    ]);
    const first = page.locator(`li[data-item-id="${ref.items[0].id}"]:not([hidden]) button[aria-expanded]`);
    // The focus indicator is visible (Fluent's outline drawn as ::after).
    const outline = await first.evaluate((el) => getComputedStyle(el, '::after'));
    expect(outline.borderTopStyle).toBe('solid');
    expect(parseFloat(outline.borderTopWidth)).toBeGreaterThan(0);

    await page.keyboard.press('Enter');
    expect(await first.getAttribute('aria-expanded')).toBe('true');
    await expectHash(page, `#/items/${ref.items[0].id}`);
    // Into the detail: its first focusable control is a document link or the copy button.
    await page.keyboard.press('Tab');
    expect(await page.evaluate((id) => document.activeElement?.closest('li[data-item-id]')?.getAttribute('data-item-id') === id, ref.items[0].id)).toBe(true);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press(' ');
    expect(await first.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(new RegExp(`@${ref.items[1].id.replace(/\./g, '\\.')}$`));
  });

  it('filters and searches from the keyboard', async () => {
    const page = await open('#/');
    for (let i = 0; i < 10; i += 1) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('select:section');
    // A closed native select steps through its options with the arrow keys.
    const sections = [...new Set(ref.items.map((i) => i.section))];
    const target = sections.indexOf('6.5') + 1;
    for (let i = 0; i < target; i += 1) await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => decodeURIComponent(window.location.hash) === '#/?section=6.5');
    expect(await visibleItemIds(page)).toEqual(ref.items.filter((i) => i.section === '6.5').map((i) => i.id));
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('input:search');
    await page.keyboard.type('access log');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="checklist"][aria-busy="false"][data-query="access log"]');
    const ids = await visibleItemIds(page);
    expect(ids).toContain('6.5-C-6');
    expect(ids.every((id) => ref.itemById.get(id)?.section === '6.5')).toBe(true);
  });
});

// One section's rows stand for all (every row is the same component); the
// whole list takes axe minutes on a small CI machine.
describe('axe', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no serious or critical violations in the ${colorScheme} theme, list and open item`, async () => {
      const page = await open('#/items/6.5-C-6?section=6.5', { colorScheme });
      expect(await page.getAttribute('[data-host]', 'data-theme')).toBe(colorScheme === 'dark' ? 'dark' : 'default');
      expect(await seriousViolations(page)).toEqual([]);
    }, 120_000);
  }

  it('finds no serious or critical violations in English with filters and a search', async () => {
    const page = await open('#/?section=6.5&level=C&q=access%20log', { locale: 'en-US', colorScheme: 'dark' });
    expect(await seriousViolations(page)).toEqual([]);
  }, 120_000);

  it('finds no serious or critical violations on the configuration page', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const page = await open('#/config', { colorScheme });
      expect(await seriousViolations(page)).toEqual([]);
      await tabs.last!.close();
    }
  }, 120_000);
});
