/**
 * What the bot says: a message (text or card-button data) in, cards out.
 * Pure: no Teams or HTTP types, so it is tested directly and the Teams edge
 * stays a thin dispatcher.
 */
import type { Reference } from '../reference/loadReference';
import type { Item, Section } from '../reference/schema';
import { compareItemIds, findItemIds } from '../reference/itemId';
import type { SearchIndex } from '../search/searchIndex';
import { isJapanese, normalize } from '../search/text';
import {
  AdaptiveCard, CardLinks, createAnswerCard, createHelpCard, createItemCard, createNoMatchCard, createNoticeCard, createSectionCard, NO_LINKS,
} from '../cards/cards';
import { Locale, STRINGS } from '../cards/strings';
import { z } from 'zod';

/** Longest question we try to answer; Teams allows far longer messages. */
export const MAX_QUESTION_LENGTH = 1000;

export interface ConversationDeps {
  reference: Reference;
  index: SearchIndex;
  links?: CardLinks;
  /** The item's self-assessment line for this conversation's channel, if any. */
  statusLine?: (itemId: string, locale: Locale) => Promise<string | undefined> | string | undefined;
}

export type Intent =
  | { kind: 'help' }
  | { kind: 'item'; id: string }
  | { kind: 'section'; section: string }
  | { kind: 'search'; question: string };

export interface Reply {
  locale: Locale;
  intent: Intent['kind'] | 'no-match' | 'notice';
  cards: AdaptiveCard[];
  /** Item IDs the reply shows, best first (for tests and logs). */
  itemIds: string[];
}

const CardAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('showItem'), id: z.string().max(40), locale: z.enum(['ja', 'en']).optional() }),
  z.object({ action: z.literal('showSection'), section: z.string().max(20), locale: z.enum(['ja', 'en']).optional() }),
  z.object({ action: z.literal('ask'), q: z.string().max(MAX_QUESTION_LENGTH), locale: z.enum(['ja', 'en']).optional() }),
]);

const HELP_WORDS = new Set(['help', 'ヘルプ', 'へるぷ', '使い方', 'つかいかた', '?', '？', 'menu', 'メニュー', 'hi', 'hello', 'こんにちは', 'はじめに', 'start', '/help']);

/** The language to answer in: the question's own, else the Teams client's. */
export function chooseLocale(text: string, teamsLocale: Locale | undefined): Locale {
  if (isJapanese(text)) return 'ja';
  if (/[a-z]{3,}/i.test(text.replace(/\b(show|help|list|section)\b/gi, '')) || /^\s*(show|help|list|section)\b/i.test(text)) return 'en';
  return teamsLocale ?? 'ja';
}

export function detectIntent(text: string, reference: Reference): Intent {
  const t = text.normalize('NFKC').trim();
  const bare = t.toLowerCase().replace(/[!！。.]+$/, '');
  if (!t || HELP_WORDS.has(bare)) return { kind: 'help' };
  const [id] = findItemIds(t);
  if (id) return { kind: 'item', id };
  const section = sectionMentioned(t, reference);
  if (section) return { kind: 'section', section: section.id };
  return { kind: 'search', question: t };
}

/** "6.5", "6.5章の一覧", "show section 6.5", "技術的安全対策" — but not a question that merely mentions one. */
function sectionMentioned(t: string, reference: Reference): Section | undefined {
  const m = /^(?:show\s+|list\s+)?(?:section\s+|sec\.?\s*|第)?(\d{1,2}(?:\.\d{1,2}){1,2})\s*(?:章|節|項)?\s*(?:の)?\s*(?:一覧|items|list|要求事項)?\s*(?:を)?\s*(?:見せて|表示|教えて|ください)?[?？]?$/i.exec(t);
  if (m) return reference.sectionById.get(m[1]);
  const n = normalize(t).replace(/[\s、。?？!！]/g, '').replace(/(ノ一覧|一覧|ヲ見セテ|ヲ表示)$/, '');
  if (n.length < 3) return undefined;
  const titles = sectionTitles(reference);
  return titles.get(n) ?? titles.get(t.toLowerCase());
}

/** Section titles as typed (normalised Japanese, lower-case English), computed once per reference. */
const sectionTitleCache = new WeakMap<Reference, Map<string, Section>>();
function sectionTitles(reference: Reference): Map<string, Section> {
  let titles = sectionTitleCache.get(reference);
  if (!titles) {
    titles = new Map();
    for (const s of [...reference.sections].reverse()) {
      titles.set(normalize(s.title.ja).replace(/\s/g, ''), s);
      titles.set(s.title.en.toLowerCase(), s);
    }
    sectionTitleCache.set(reference, titles);
  }
  return titles;
}

/** Related items depend only on the (immutable) reference: computed once per reference. */
const relatedCache = new WeakMap<Reference, Map<string, Item[]>>();

export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  /** A typed message. */
  async answerText(rawText: string, teamsLocale: Locale | undefined): Promise<Reply> {
    const text = rawText ?? '';
    const locale = chooseLocale(text, teamsLocale);
    if (text.length > MAX_QUESTION_LENGTH) return this.notice(STRINGS[locale].tooLong(MAX_QUESTION_LENGTH), locale);
    return this.answerIntent(detectIntent(text, this.deps.reference), locale);
  }

  /** A card button's Action.Submit data. Anything unrecognised gets a polite card. */
  async answerCardAction(value: unknown, teamsLocale: Locale | undefined): Promise<Reply> {
    const parsed = CardAction.safeParse(value);
    const fallback = teamsLocale ?? 'ja';
    if (!parsed.success) return this.notice(STRINGS[fallback].unknownAction, fallback);
    const data = parsed.data;
    const locale = data.locale ?? fallback;
    switch (data.action) {
      case 'showItem': return this.answerIntent({ kind: 'item', id: data.id }, locale);
      case 'showSection': return this.answerIntent({ kind: 'section', section: data.section }, locale);
      case 'ask': return this.answerText(data.q, locale);
      default: return this.notice(STRINGS[locale].unknownAction, locale);
    }
  }

  welcome(locale: Locale): Reply {
    return { locale, intent: 'help', cards: [createHelpCard(locale, { welcome: true })], itemIds: [] };
  }

  private notice(text: string, locale: Locale): Reply {
    return { locale, intent: 'notice', cards: [createNoticeCard(text)], itemIds: [] };
  }

  private async answerIntent(intent: Intent, locale: Locale): Promise<Reply> {
    const { reference, index } = this.deps;
    const links = this.deps.links ?? NO_LINKS;
    switch (intent.kind) {
      case 'help':
        return { locale, intent: 'help', cards: [createHelpCard(locale)], itemIds: [] };
      case 'item': {
        const item = reference.itemById.get(intent.id);
        if (!item) return this.notice(STRINGS[locale].itemNotFound(intent.id.replace(/^([\d.]+)-([CD])-/, '$1 $2-')), locale);
        const related = this.relatedTo(item);
        const statusLine = await this.deps.statusLine?.(item.id, locale);
        return { locale, intent: 'item', cards: [createItemCard(item, { locale, reference, links, related, statusLine })], itemIds: [item.id, ...related.map((r) => r.id)] };
      }
      case 'section': {
        const section = reference.sectionById.get(intent.section);
        const items = reference.items.filter((i) => i.section === intent.section);
        if (!section || items.length === 0) return this.notice(STRINGS[locale].sectionNotFound(intent.section), locale);
        return { locale, intent: 'section', cards: [createSectionCard(section, items, locale)], itemIds: items.map((i) => i.id) };
      }
      case 'search': {
        const result = index.search(intent.question, { limit: 8 });
        if (!result.confident) {
          const suggestions = result.hits.slice(0, 3).map((h) => h.item);
          return { locale, intent: 'no-match', cards: [createNoMatchCard(intent.question, suggestions, locale)], itemIds: suggestions.map((i) => i.id) };
        }
        const [best, ...rest] = result.hits;
        // Related: the next hits that are still reasonably close, else neighbours in the section.
        let related = rest.filter((h) => h.score >= best.score * 0.3).map((h) => h.item).slice(0, 4);
        if (related.length < 2) related = [...related, ...this.relatedTo(best.item).filter((r) => !related.includes(r))].slice(0, 4);
        const statusLine = await this.deps.statusLine?.(best.item.id, locale);
        return {
          locale,
          intent: 'search',
          cards: [createAnswerCard(intent.question, best.item, related, { locale, reference, links, statusLine })],
          itemIds: [best.item.id, ...related.map((r) => r.id)],
        };
      }
      default:
        return this.notice(STRINGS[locale].unknownAction, locale);
    }
  }

  /** Items that share the most topics with this one, nearest in the guideline first. */
  relatedTo(item: Item, limit = 4): Item[] {
    let byItem = relatedCache.get(this.deps.reference);
    if (!byItem) { byItem = new Map(); relatedCache.set(this.deps.reference, byItem); }
    const key = `${item.id}|${limit}`;
    let related = byItem.get(key);
    if (!related) { related = this.computeRelated(item, limit); byItem.set(key, related); }
    return related;
  }

  private computeRelated(item: Item, limit: number): Item[] {
    const topics = new Set(item.topics);
    return this.deps.reference.items
      .filter((o) => o.id !== item.id)
      .map((o) => ({ o, shared: o.topics.filter((t) => topics.has(t)).length + (o.section === item.section ? 0.5 : 0) }))
      .filter((x) => x.shared >= 1)
      .sort((a, b) => b.shared - a.shared || compareItemIds(a.o.id, b.o.id))
      .slice(0, limit)
      .map((x) => x.o);
  }
}
