/**
 * What the bot says: a message (text or card-button data) in, cards out.
 * Pure: no Teams or HTTP types, so it is tested directly and the Teams edge
 * stays a thin dispatcher.
 */
import type { Item, Section } from '../../contract/reference';
import { localeFromTagIfAny, type Locale } from '../../contract/locale';
import { formatItemRef } from '../../contract/editions';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { isJapanese, normalize } from '../search/text';
import { STRINGS } from '../i18n/strings';
import { CardAction, MAX_QUESTION_LENGTH } from '../cards/actions';
import type { AdaptiveCard } from '../cards/expand';
import type { CardLinks } from '../cards/links';
import { createItemCard, type ChannelState } from '../cards/itemCard';
import { createHelpCard } from '../cards/helpCard';
import { createNoMatchCard } from '../cards/noMatchCard';
import { createNoticeCard } from '../cards/noticeCard';
import { createSectionCard } from '../cards/sectionCard';
import { decideAnswer } from './answerPolicy';
import type { EditionServices } from './editionServices';

export { MAX_QUESTION_LENGTH };

export interface ConversationDeps {
  library: Library;
  services: EditionServices;
  links?: CardLinks;
}

/** What the edge knows about the turn: in a channel, how to read the channel's self-assessment. */
export interface TurnContext {
  channelState?: (edition: Edition, item: Item) => Promise<ChannelState | undefined>;
}

export type Intent =
  | { kind: 'help' }
  | { kind: 'item'; ref: string }
  | { kind: 'section'; section: string; edition?: string }
  | { kind: 'search'; question: string };

export interface Reply {
  locale: Locale;
  intent: Intent['kind'] | 'no-match' | 'notice';
  cards: AdaptiveCard[];
  /** Item references the reply shows, best first (for tests and logs). */
  itemRefs: string[];
  /** A search answer naming its first two items as equally likely (close pair). */
  pair?: boolean;
}

const HELP_WORDS = new Set(['help', 'ヘルプ', 'へるぷ', '使い方', 'つかいかた', '?', '？', 'menu', 'メニュー', 'hi', 'hello', 'こんにちは', 'はじめに', 'start', '/help']);

/**
 * The language to answer in: the question's own (Japanese script → ja; an
 * English word → en — acronyms such as MFA or VPN say nothing), else the
 * Teams client's (contract/locale.ts), else Japanese. The bot and the message
 * extension both decide with this.
 */
export function questionLocale(text: string, clientLocale: string | undefined): Locale {
  if (isJapanese(text)) return 'ja';
  const words = text.replace(/\b(show|help|list|section)\b/gi, '');
  if (/\b(?=[A-Za-z]*[a-z])[A-Za-z]{3,}\b/.test(words) || /^\s*(show|help|list|section)\b/i.test(text)) return 'en';
  return localeFromTagIfAny(clientLocale) ?? 'ja';
}

/**
 * An item reference in what was typed: `v7:sys-14-5`, or any form an
 * edition's grammar recognises (the default edition first). Returned even
 * when the edition has no such item, so the bot can say so.
 */
export function typedItemRef(text: string, library: Library): string | undefined {
  const prefixed = /\b(v\d{1,2}):\s*(\S+)/.exec(text);
  if (prefixed && library.edition(prefixed[1])) return `${prefixed[1]}:${prefixed[2]}`;
  // Each edition's grammar finds the IDs in its own forms; most questions have none.
  const found = library.editions.map((edition) => ({ edition, ids: edition.ids.find(text) })).filter((f) => f.ids.length > 0);
  if (found.length === 0) return undefined;
  // An edition named in the text (「7.0 の 14⑤」, 「第6.0版 シス14⑤」) is tried first;
  // then the default edition; then the others, newest first (people cite today's numbering).
  const named = mentionedEdition(text, library);
  const rank = (e: Edition) => (e === named ? 0 : e === library.defaultEdition ? 1 : 2);
  found.sort((a, b) => rank(a.edition) - rank(b.edition) || b.edition.info.published.localeCompare(a.edition.info.published));
  for (const { edition, ids } of found) {
    const id = ids.find((candidate) => edition.itemById.has(candidate));
    if (id !== undefined) return formatItemRef({ edition: edition.id, id }, library.defaultEdition.id);
  }
  // An ID no edition has: still an ID (the answer says it is unknown rather than searching).
  for (const { edition, ids } of found) {
    if (ids.length) return formatItemRef({ edition: edition.id, id: ids[0] }, library.defaultEdition.id);
  }
  return undefined;
}

/** 「第7.0版」「7.0版」「7.0 の」「v7」 "7th edition": the edition of that number, if the library has it. */
function mentionedEdition(text: string, library: Library): Edition | undefined {
  const t = text.normalize('NFKC');
  const m = /第\s*(\d{1,2})(?:\.\d)?\s*版|(?<![\d.])(\d{1,2})\.\d\s*(?:版|の|で|edition)|\bv(\d{1,2})\b|\b(\d{1,2})(?:st|nd|rd|th)\s+edition/i.exec(t);
  const n = m && (m[1] ?? m[2] ?? m[3] ?? m[4]);
  return n ? library.edition(`v${Number(n)}`) : undefined;
}

export function detectIntent(text: string, library: Library): Intent {
  const t = text.normalize('NFKC').trim();
  const bare = t.toLowerCase().replace(/[!！。.]+$/, '');
  if (!t || HELP_WORDS.has(bare)) return { kind: 'help' };
  // The text as typed: NFKC would turn 「シス14⑤」 into 「シス145」.
  const ref = typedItemRef(text.trim(), library);
  if (ref) return { kind: 'item', ref };
  const section = sectionMentioned(t, library.defaultEdition);
  if (section) return { kind: 'section', section: section.id };
  return { kind: 'search', question: t };
}

/** "6.5", "6.5章の一覧", "show section 6.5", "技術的安全対策" — but not a question that merely mentions one. */
function sectionMentioned(t: string, edition: Edition): Section | undefined {
  const m = /^(?:show\s+|list\s+)?(?:section\s+|sec\.?\s*|第)?(\d{1,2}(?:\.\d{1,2}){1,2})\s*(?:章|節|項)?\s*(?:の)?\s*(?:一覧|items|list|要求事項)?\s*(?:を)?\s*(?:見せて|表示|教えて|ください)?[?？]?$/i.exec(t);
  if (m) return edition.sectionById.get(m[1]);
  const n = normalize(t).replace(/[\s、。?？!！]/g, '').replace(/(ノ一覧|一覧|ヲ見セテ|ヲ表示)$/, '');
  if (n.length < 3) return undefined;
  const titles = sectionTitles(edition);
  return titles.get(n) ?? titles.get(t.toLowerCase());
}

/** Section titles as typed (normalised Japanese, lower-case English), computed once per edition. */
const sectionTitleCache = new WeakMap<Edition, Map<string, Section>>();
function sectionTitles(edition: Edition): Map<string, Section> {
  let titles = sectionTitleCache.get(edition);
  if (!titles) {
    titles = new Map();
    for (const s of [...edition.sections].reverse()) {
      titles.set(normalize(s.title.ja).replace(/\s/g, ''), s);
      titles.set(s.title.en.toLowerCase(), s);
    }
    sectionTitleCache.set(edition, titles);
  }
  return titles;
}

export class Conversation {
  constructor(private readonly deps: ConversationDeps) {}

  /** A typed message. */
  async answerText(rawText: string, clientLocale: string | undefined, turn: TurnContext = {}): Promise<Reply> {
    const text = rawText ?? '';
    const locale = questionLocale(text, clientLocale);
    if (text.length > MAX_QUESTION_LENGTH) return this.notice(STRINGS[locale].tooLong(MAX_QUESTION_LENGTH), locale);
    return this.answerIntent(detectIntent(text, this.deps.library), locale, turn);
  }

  /** A card button's Action.Submit data. Anything unrecognised gets a polite card. */
  async answerCardAction(value: unknown, clientLocale: string | undefined, turn: TurnContext = {}): Promise<Reply> {
    const parsed = CardAction.safeParse(value);
    const fallback = localeFromTagIfAny(clientLocale) ?? 'ja';
    if (!parsed.success) return this.notice(STRINGS[fallback].unknownAction, fallback);
    const data = parsed.data;
    const locale = data.locale ?? fallback;
    switch (data.action) {
      case 'showItem': return this.answerIntent({ kind: 'item', ref: data.id }, locale, turn);
      case 'showSection': return this.answerIntent({ kind: 'section', section: data.section, edition: data.edition }, locale, turn);
      case 'ask': return this.answerText(data.q, locale, turn);
      default: return this.notice(STRINGS[locale].unknownAction, locale);
    }
  }

  welcome(locale: Locale): Reply {
    return { locale, intent: 'help', cards: [createHelpCard(this.deps.library.defaultEdition, locale, { welcome: true })], itemRefs: [] };
  }

  private notice(text: string, locale: Locale): Reply {
    return { locale, intent: 'notice', cards: [createNoticeCard(text)], itemRefs: [] };
  }

  private async answerIntent(intent: Intent, locale: Locale, turn: TurnContext): Promise<Reply> {
    const { library, services } = this.deps;
    switch (intent.kind) {
      case 'help':
        return { locale, intent: 'help', cards: [createHelpCard(library.defaultEdition, locale)], itemRefs: [] };
      case 'item': {
        const found = library.resolveRef(intent.ref);
        if (!found) {
          const edition = library.defaultEdition;
          const shown = intent.ref.includes(':') ? intent.ref : edition.displayId(intent.ref);
          return this.notice(STRINGS[locale].itemNotFound(shown, edition.displayId(edition.items[0]?.id ?? '')), locale);
        }
        const { edition, item } = found;
        const related = edition.related(item);
        const card = createItemCard(item, {
          locale, library, edition, links: this.deps.links, cache: services.cards(edition), related,
          channelState: await this.channelState(turn, edition, item),
        });
        return { locale, intent: 'item', cards: [card], itemRefs: [item, ...related].map((i) => library.refOf(edition, i)) };
      }
      case 'section': {
        const edition = (intent.edition && library.edition(intent.edition)) || library.defaultEdition;
        const section = edition.sectionById.get(intent.section);
        const items = edition.itemsInSection(intent.section);
        if (!section || items.length === 0) return this.notice(STRINGS[locale].sectionNotFound(intent.section), locale);
        return { locale, intent: 'section', cards: [createSectionCard(library, edition, section, items, locale)], itemRefs: items.map((i) => library.refOf(edition, i)) };
      }
      case 'search': {
        const edition = library.defaultEdition;
        const { hits } = services.index(edition).search(intent.question, { limit: 8 });
        const decision = decideAnswer(hits);
        if (decision === 'no-match') {
          const suggestions = hits.slice(0, 3).map((h) => h.item);
          // A rule new since 第5版 that clearly matches on its own is offered after them.
          const alone = services.newRules().find(intent.question);
          const aloneRefs = alone ? [library.refOf(alone.edition, alone.item)] : [];
          return { locale, intent: 'no-match', cards: [createNoMatchCard(library, edition, intent.question, suggestions, locale, services.cards(edition), alone)], itemRefs: [...suggestions.map((i) => library.refOf(edition, i)), ...aloneRefs] };
        }
        const [best, ...others] = hits;
        // A row new since 第5版 (第6.0版/第7.0版) that the question is at least as much about is named under the answer.
        const newRule = services.newRules().find(intent.question, best);
        const newRuleRefs = newRule ? [library.refOf(newRule.edition, newRule.item)] : [];
        // A second hit nearly as good is named on the card as plainly as the first.
        const closeSecond = decision === 'close-pair' ? others[0] : undefined;
        const rest = closeSecond ? others.slice(1) : others;
        // Related: the next hits that are still reasonably close, else neighbours in the section.
        let related = rest.filter((h) => h.score >= best.score * 0.3).map((h) => h.item).slice(0, 4);
        if (related.length < 2) related = [...related, ...edition.related(best.item).filter((r) => !related.includes(r))].slice(0, 4);
        const card = createItemCard(best.item, {
          locale, library, edition, links: this.deps.links, cache: services.cards(edition), related, question: intent.question,
          closeSecond: closeSecond?.item, newRule, channelState: await this.channelState(turn, edition, best.item),
        });
        const shown = [best.item, ...(closeSecond ? [closeSecond.item] : []), ...related];
        return { locale, intent: 'search', cards: [card], itemRefs: [...shown.map((i) => library.refOf(edition, i)), ...newRuleRefs], ...(closeSecond ? { pair: true } : {}) };
      }
      default:
        return this.notice(STRINGS[locale].unknownAction, locale);
    }
  }

  private async channelState(turn: TurnContext, edition: Edition, item: Item): Promise<ChannelState | undefined> {
    return turn.channelState ? turn.channelState(edition, item) : undefined;
  }
}
