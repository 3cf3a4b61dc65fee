/**
 * Adaptive Cards as a reader sees them: rendered in headless Chromium by the
 * `adaptivecards` package (its browser bundle and stylesheet from
 * node_modules), at a given width, with the package's own default host
 * config — roomier than Teams' (spacing 20/30 px against Teams' 12/16, and
 * medium text 17 px against 14), so a height measured here is an upper
 * bound for Teams. Elements with `isVisible: false` are not displayed, as in
 * Teams, so the first height is the card's first view.
 */
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';

const AC_DIST = path.dirname(require.resolve('adaptivecards/dist/adaptivecards.min.js'));

export interface RenderedCard {
  /** Height of the card as first shown, in CSS pixels. */
  height: number;
  /** Texts of the buttons, in order. */
  buttons: string[];
}

export interface CardRenderer {
  page: Page;
  /** Renders a card alone at `width` px and measures it (the previous card is removed). */
  render(card: unknown, width?: number): Promise<RenderedCard>;
  /** Renders each card in turn (one round trip) and returns their first-view heights. */
  heights(cards: unknown[], width?: number): Promise<number[]>;
  /** Clicks the rendered card's button with this text; returns the new height. */
  click(buttonText: string): Promise<number>;
  /** The rendered card's texts that are displayed now. */
  visibleText(): Promise<string>;
  close(): Promise<void>;
}

export async function openCardRenderer(browser: Browser, locale = 'ja-JP'): Promise<CardRenderer> {
  const context = await browser.newContext({ locale, viewport: { width: 1000, height: 1000 } });
  const page = await context.newPage();
  await page.setContent('<!doctype html><html lang="ja"><head><meta charset="utf-8"></head><body style="margin:0"><div id="host"></div></body></html>');
  await page.addStyleTag({ path: path.join(AC_DIST, 'adaptivecards.css') });
  await page.addScriptTag({ path: path.join(AC_DIST, 'adaptivecards.min.js') });
  await page.evaluate(() => {
    const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
    // maxLines by CSS line clamping only: the renderer's own re-truncation after a
    // toggle measures lines with its computed line height, not the font's, and cuts a line more.
    AC.GlobalSettings.useAdvancedTextBlockTruncation = false;
    // Teams renders Markdown links as their text; the renderer needs a processor for that.
    AC.AdaptiveCard.onProcessMarkdown = (text: string, result: { outputHtml?: string; didProcess?: boolean }) => {
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      result.outputHtml = `<p>${esc(text)
        .replace(/\[((?:\\.|[^\]])*)\]\(([^)\s]+)\)/g, (_m, label: string, url: string) => `<a href="${url.replace(/"/g, '&quot;')}">${label}</a>`)
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1')}</p>`;
      result.didProcess = true;
    };
  });
  return {
    page,
    async render(card, width = 400) {
      return page.evaluate(({ json, width }) => {
        const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
        const host = document.getElementById('host')!;
        host.replaceChildren();
        host.style.width = `${width}px`;
        const parsed = new AC.AdaptiveCard();
        parsed.parse(json);
        const el = parsed.render();
        if (!el) throw new Error('the renderer rendered nothing');
        host.appendChild(el);
        return {
          height: host.getBoundingClientRect().height,
          buttons: Array.from(host.querySelectorAll('button')).filter((b) => b.offsetParent !== null).map((b) => b.textContent ?? ''),
        };
      }, { json: card, width });
    },
    async heights(cards, width = 400) {
      return page.evaluate(({ cards, width }) => {
        const AC = (window as unknown as { AdaptiveCards: any }).AdaptiveCards;
        const host = document.getElementById('host')!;
        host.style.width = `${width}px`;
        return cards.map((json) => {
          host.replaceChildren();
          const parsed = new AC.AdaptiveCard();
          parsed.parse(json);
          host.appendChild(parsed.render());
          return host.getBoundingClientRect().height;
        });
      }, { cards, width });
    },
    async click(buttonText) {
      await page.locator('#host button', { hasText: buttonText }).first().click();
      return page.evaluate(() => document.getElementById('host')!.getBoundingClientRect().height);
    },
    async visibleText() {
      return page.evaluate(() => (document.getElementById('host') as HTMLElement).innerText);
    },
    close: () => context.close(),
  };
}
