/**
 * An answer at a glance on a phone: every card the bot and the message
 * extension send, rendered by the Adaptive Cards renderer at 400 px wide,
 * is under 1,000 px tall as first shown — the requirement, the marker and
 * its reason, what Teams provides in short and the first actions — and the
 * rest of the item is one tap ("詳しく表示" / "Show details") away.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { openCardRenderer, type CardRenderer } from '../helpers/cardRenderer';
import { testEdition, testLibrary, testServices } from '../helpers/testServer';
import { Conversation } from '../../bot/conversation/respond';
import { createItemCard } from '../../bot/cards/itemCard';
import { createCardLinks } from '../../bot/cards/links';
import { STRINGS, type Locale } from '../../bot/i18n/strings';
import { answeredItem } from '../helpers/cards';
import type { Item } from '../../contract/reference';

const WIDTH = 400;
const FIRST_VIEW_MAX = 1000;

const library = testLibrary();
const edition = testEdition();
const links = createCardLinks({ publicBaseUrl: 'https://medsec.example.org', teamsAppId: '11111111-2222-3333-4444-555555555555' });
const conversation = new Conversation({ library, services: testServices(), links });

/** The questions of issue 15, as people asked them. */
const QUESTIONS = [
  'アクセスログはどう管理されていますか',
  'how is access logging handled?',
  '個人のスマホで Teams を使ってもいい？',
  'Is our Teams data stored in Japan?',
  '6.9 C-7',
];

/** A question as long as people type them at most (the card cuts its echo to two lines). */
const LONG_QUESTION = '外来の看護師が院内の Wi-Fi から個人のスマートフォンで Teams にサインインして、患者さんの検査結果の写真をチャットで医師に送ってもよいか、ログはどこに残るのか、端末をなくしたらどうするのかを教えてください。'.repeat(2);

let browser: Browser;
let renderer: CardRenderer;

beforeAll(async () => {
  browser = await launchBrowser();
  renderer = await openCardRenderer(browser);
}, 60_000);

afterAll(async () => {
  await renderer?.close();
  await browser?.close();
});

/** Renders the card, and checks that "show details" opens what was hidden and "hide details" closes it again. */
async function firstViewAndDetails(card: unknown, locale: Locale): Promise<{ height: number; opened: number; before: string; after: string }> {
  const { height, buttons } = await renderer.render(card, WIDTH);
  const s = STRINGS[locale];
  expect(buttons).toContain(s.showMore);
  expect(buttons).not.toContain(s.showLess);
  const before = await renderer.visibleText();
  const opened = await renderer.click(s.showMore);
  const after = await renderer.visibleText();
  expect(opened).toBeGreaterThan(height);
  const closed = await renderer.click(s.showLess);
  expect(closed).toBe(height);
  return { height, opened, before, after };
}

describe('answer cards at 400 px (Adaptive Cards renderer)', () => {
  it.each(QUESTIONS)('「%s」: the first view is under 1,000 px and the detail is one tap away', async (question) => {
    const reply = await conversation.answerText(question, 'ja-JP');
    expect(['search', 'item']).toContain(reply.intent);
    const item = library.resolveRef(answeredItem(reply.cards[0])!)!.item;
    const { height, opened, before, after } = await firstViewAndDetails(reply.cards[0], reply.locale);
    // At a glance: the requirement and the conformity; behind the tap: the licensing, what to verify, the documents.
    expect(before).toContain(item.requirement[reply.locale]);
    expect(before).toContain(STRINGS[reply.locale].conformity[item.conformity!]);
    if (item.licensing) {
      expect(before).not.toContain(item.licensing[reply.locale]);
      expect(after).toContain(item.licensing[reply.locale]);
    }
    if (item.review) expect(after).toContain(item.review[reply.locale]);
    console.log(`card height at ${WIDTH} px, 「${question}」 → ${item.id}: first view ${Math.round(height)} px, with details ${Math.round(opened)} px`);
    expect(height).toBeLessThan(FIRST_VIEW_MAX);
  });

  it('a close pair (two items named as equally likely) stays under 1,000 px', async () => {
    const [best, second, ...rest] = edition.itemsInSection('6.5');
    for (const locale of ['ja', 'en'] as const) {
      const card = createItemCard(best, {
        library, edition, locale, links, question: locale === 'ja' ? 'ログの確認はどうすればいいですか' : 'how do we review the logs?',
        closeSecond: second, related: rest.slice(0, 3), channelState: { status: 'partial', owner: '情報システム部 田中' },
      });
      const { height } = await firstViewAndDetails(card, locale);
      expect(height).toBeLessThan(FIRST_VIEW_MAX);
    }
  });

  it('no item\'s card is taller than 1,000 px at first, as an answer (with related items) or shared (message extension), in either language', async () => {
    const tallest: Record<string, { id: string; height: number }> = {};
    for (const locale of ['ja', 'en'] as const) {
      const shapes = {
        answer: (item: Item) => createItemCard(item, { library, edition, locale, links, related: edition.related(item), question: LONG_QUESTION }),
        shared: (item: Item) => createItemCard(item, { library, edition, locale, links, standalone: true }),
      };
      for (const [shape, build] of Object.entries(shapes)) {
        const heights = await renderer.heights(edition.items.map(build), WIDTH);
        const i = heights.indexOf(Math.max(...heights));
        tallest[`${shape} ${locale}`] = { id: edition.items[i].id, height: Math.round(heights[i]) };
      }
    }
    console.log(`tallest first views at ${WIDTH} px: ${JSON.stringify(tallest)}`);
    for (const t of Object.values(tallest)) expect(t.height).toBeLessThan(FIRST_VIEW_MAX);
  }, 60_000);

  it('neither is a later edition\'s row (the 第5版 items it borrows coverage from listed at first)', async () => {
    const tallest: Record<string, { id: string; height: number }> = {};
    for (const later of library.editions.filter((e) => e !== edition)) {
      for (const locale of ['ja', 'en'] as const) {
        const cards = later.items.map((item) => createItemCard(item, { library, edition: later, locale, links, related: later.related(item) }));
        const heights = await renderer.heights(cards, WIDTH);
        const i = heights.indexOf(Math.max(...heights));
        tallest[`${later.id} ${locale}`] = { id: later.items[i].id, height: Math.round(heights[i]) };
      }
    }
    console.log(`tallest later-edition first views at ${WIDTH} px: ${JSON.stringify(tallest)}`);
    expect(Object.keys(tallest).length).toBeGreaterThanOrEqual(4);
    for (const t of Object.values(tallest)) expect(t.height).toBeLessThan(FIRST_VIEW_MAX);
  }, 90_000);

  it('a shared card opens its detail in place too, and offers the item in the checklist', async () => {
    const item = edition.itemById.get('6.5-C-6')!;
    const card = createItemCard(item, { library, edition, locale: 'ja', links, standalone: true });
    const { buttons } = await renderer.render(card, WIDTH);
    expect(buttons).toContain(STRINGS.ja.openInTab);
    const { height } = await firstViewAndDetails(card, 'ja');
    expect(height).toBeLessThan(FIRST_VIEW_MAX);
  });

  it('the no-match card is short', async () => {
    for (const question of ['今日の昼ごはんは何にしよう', 'what is the weather tomorrow']) {
      const reply = await conversation.answerText(question, 'ja-JP');
      expect(reply.intent).toBe('no-match');
      const { height } = await renderer.render(reply.cards[0], WIDTH);
      expect(height).toBeLessThan(FIRST_VIEW_MAX);
    }
  });

  it('the measure can fail: a card with every detail shown is taller than 1,000 px', async () => {
    const item = edition.itemById.get('6.5-C-6')!;
    const card = createItemCard(item, { library, edition, locale: 'ja', links, related: edition.related(item) });
    const everything = JSON.parse(JSON.stringify(card), (k, v) => (k === 'isVisible' ? true : v));
    const { height } = await renderer.render(everything, WIDTH);
    expect(height).toBeGreaterThan(FIRST_VIEW_MAX);
  });
});
