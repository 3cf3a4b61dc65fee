/**
 * Adaptive Card builders: reference items in, Adaptive Card 1.5 JSON out.
 * One JSON template per card shape (templates/*.json), filled here with
 * adaptivecards-templating; all strings come from strings.ts. No Teams or
 * HTTP types: the bot and the message extension wrap these as attachments.
 */
import { Template } from 'adaptivecards-templating';
import type { Reference } from '../reference/loadReference';
import type { Item, Section } from '../reference/schema';
import { displayItemId } from '../reference/itemId';
import { Locale, STRINGS } from './strings';
import { freezeJson } from './frozenJson';
import itemTemplate from './templates/item.json';
import sectionTemplate from './templates/section.json';
import helpTemplate from './templates/help.json';
import noMatchTemplate from './templates/noMatch.json';
import noticeTemplate from './templates/notice.json';

export type AdaptiveCard = Record<string, unknown> & { type: 'AdaptiveCard'; version: string; body: unknown[]; actions?: unknown[] };

/** What a card button sends back to the bot (Action.Submit data). */
export type CardActionData =
  | { action: 'showItem'; id: string; locale: Locale }
  | { action: 'showSection'; section: string; locale: Locale }
  | { action: 'ask'; q: string; locale: Locale };

/** Where links in cards point; each is absent when the deployment has no public address. */
export interface CardLinks {
  /** The item in the tab, as a web URL (also what unfurls into the card). */
  itemUrl(id: string): string | undefined;
  /** The item in the Teams tab, as a Teams deep link. */
  tabDeepLink(id: string): string | undefined;
  /** "Share to Teams": opens Teams' share dialog with the item's link, which unfurls into its card. */
  shareUrl(id: string): string | undefined;
}

export const NO_LINKS: CardLinks = { itemUrl: () => undefined, tabDeepLink: () => undefined, shareUrl: () => undefined };

export interface ItemCardOptions {
  locale: Locale;
  reference: Reference;
  links?: CardLinks;
  /** A line above the item (e.g. which question it answers). */
  intro?: string;
  related?: Item[];
  /** The item's self-assessment state in this conversation's channel, if any. */
  statusLine?: string;
  /**
   * For cards inserted into other people's conversations (message extension,
   * unfurling): the bot may not be there, so only Action.OpenUrl buttons.
   */
  standalone?: boolean;
}

const compiled = {
  item: new Template(itemTemplate),
  section: new Template(sectionTemplate),
  help: new Template(helpTemplate),
  noMatch: new Template(noMatchTemplate),
  notice: new Template(noticeTemplate),
};

function expand(template: Template, data: object): AdaptiveCard {
  return template.expand({ $root: data }) as AdaptiveCard;
}

/**
 * Text that came from a user is echoed as plain text: Teams renders a subset
 * of Markdown in TextBlocks, so links, emphasis and lists are neutralised.
 */
export function plainText(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return cut.replace(/([\\`*_{}[\]()#+\-!<>|~])/g, '\\$1');
}

/** A Markdown link Teams renders in a TextBlock; the label cannot break out of the brackets. */
function markdownLink(label: string, url: string): string {
  const safeLabel = label.replace(/([\\[\]])/g, '\\$1');
  const safeUrl = url.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\s/g, '%20');
  return `[${safeLabel}](${safeUrl})`;
}

function conformityColor(item: Item): string {
  // Adaptive Card colours: green for conformable, amber where Teams falls short, neutral outside Teams.
  return item.conformity === 'conformable' ? 'Good' : item.conformity === 'not-met-by-teams' ? 'Warning' : 'Default';
}

function itemLabel(item: Item, locale: Locale): string {
  return `${displayItemId(item.id)} ${item.title[locale]}`;
}

/**
 * Item cards depend only on immutable data and a few options, so each
 * expanded card is kept (bounded, deep-frozen): templating is the costliest
 * step of an answer. The texts that change with every message (the question
 * in the intro, the channel's status line) are not part of the key: the card
 * is expanded once with placeholders, and each use copies only the objects
 * on the way to a placeholder and shares the rest. User text therefore never
 * passes through the template language at all. The shared parts are frozen
 * with freezeJson(), so a reply carries their JSON bytes ready-made.
 */
interface CachedCard {
  card: AdaptiveCard;
  /** Where the placeholders are: property paths from the card's root. */
  slots: Array<{ path: Array<string | number>; slot: string }>;
}
const itemCardCache = new Map<string, CachedCard>();
const ITEM_CARD_CACHE_LIMIT = 2000;
const INTRO_SLOT = '\u0000intro\u0000';
const STATUS_SLOT = '\u0000status\u0000';
let lastReference: Reference | undefined;

export function createItemCard(item: Item, options: ItemCardOptions): AdaptiveCard {
  const links = options.links ?? NO_LINKS;
  const intro = options.intro ?? '';
  const statusLine = options.statusLine ?? '';
  if (options.reference !== lastReference) { itemCardCache.clear(); lastReference = options.reference; }
  const key = [item.id, options.locale, intro ? 1 : 0, statusLine ? 1 : 0, (options.related ?? []).map((r) => r.id).join(','),
    options.standalone ? 1 : 0, links.tabDeepLink(item.id) ?? '', links.itemUrl(item.id) ?? '', links.shareUrl(item.id) ?? ''].join('\u0000');
  let cached = itemCardCache.get(key);
  if (!cached) {
    const card = buildItemCard(item, { ...options, intro: intro && INTRO_SLOT, statusLine: statusLine && STATUS_SLOT });
    cached = { card: freezeJson(card), slots: findSlots(card, [INTRO_SLOT, STATUS_SLOT]) };
    if (itemCardCache.size >= ITEM_CARD_CACHE_LIMIT) itemCardCache.delete(itemCardCache.keys().next().value as string);
    itemCardCache.set(key, cached);
  }
  const values: Record<string, string> = { [INTRO_SLOT]: intro, [STATUS_SLOT]: statusLine };
  let card = cached.card;
  for (const { path, slot } of cached.slots) card = withValueAt(card, path, values[slot]) as AdaptiveCard;
  // Never hand out the frozen original itself: callers may add to the top level.
  return card === cached.card ? { ...card } : card;
}

function findSlots(value: unknown, slots: string[], path: Array<string | number> = [], out: CachedCard['slots'] = []): CachedCard['slots'] {
  if (typeof value === 'string') {
    if (slots.includes(value)) out.push({ path, slot: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findSlots(v, slots, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) findSlots(v, slots, [...path, k], out);
  }
  return out;
}

/** A copy of `root` with the value at `path` replaced; only the objects along the path are copied. */
function withValueAt(root: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = root.slice();
    copy[head as number] = withValueAt(root[head as number], rest, value);
    return copy;
  }
  const obj = root as Record<string, unknown>;
  return { ...obj, [head]: withValueAt(obj[head as string], rest, value) };
}

function buildItemCard(item: Item, options: ItemCardOptions): AdaptiveCard {
  const { locale, reference } = options;
  const s = STRINGS[locale];
  const links = options.links ?? NO_LINKS;
  const documents: Array<{ link: string }> = [];
  const offlineDocuments: Array<{ label: string }> = [];
  for (const n of item.documents) {
    const doc = reference.documentByNumber.get(n);
    if (!doc) continue;
    const title = locale === 'ja' ? doc.title.ja : doc.title.en;
    const label = s.documentLabel(n, title.length > 40 ? `${title.slice(0, 39)}…` : title);
    if (doc.url) documents.push({ link: markdownLink(label, doc.url) });
    else offlineDocuments.push({ label: `${s.documentLabel(n, title)} ${s.documentNoLongerPublished}` });
  }
  const related = options.standalone ? [] : (options.related ?? []).map((r) => ({
    label: itemLabel(r, locale),
    data: { action: 'showItem', id: r.id, locale } satisfies CardActionData,
  }));
  const card = expand(compiled.item, {
    intro: options.intro ?? '',
    speak: `${displayItemId(item.id)} ${item.title[locale]}`,
    displayId: displayItemId(item.id),
    title: item.title[locale],
    conformityLabel: s.conformity[item.conformity],
    conformityColor: conformityColor(item),
    levelLabel: `${item.level} ${s.level[item.level]}`,
    statusLine: options.statusLine ?? '',
    confidenceNote: s.confidenceNote[item.confidence],
    headings: {
      requirement: s.requirementHeading,
      teams: s.teamsHeading,
      actions: s.actionsHeading,
      licensing: s.licensingHeading,
      certifications: s.certificationsHeading,
      review: s.reviewHeading,
      documents: s.documentsHeading,
      related: s.relatedHeading,
    },
    requirement: item.requirement[locale],
    teams: item.teams[locale],
    actions: item.actions.map((a, i) => ({ text: `${i + 1}. ${a[locale]}` })),
    licensing: item.licensing?.[locale] ?? '',
    certifications: item.certifications.join(', '),
    review: item.review?.[locale] ?? '',
    documents,
    offlineDocuments,
    related,
    disclaimer: s.disclaimer,
  });
  const actions: unknown[] = [];
  const tabLink = links.tabDeepLink(item.id) ?? links.itemUrl(item.id);
  if (tabLink) actions.push({ type: 'Action.OpenUrl', title: s.openInTab, url: tabLink });
  const share = links.shareUrl(item.id);
  if (share) actions.push({ type: 'Action.OpenUrl', title: s.share, url: share });
  if (!options.standalone) {
    actions.push({ type: 'Action.Submit', title: s.showSection(item.section), data: { action: 'showSection', section: item.section, locale } satisfies CardActionData });
  }
  if (actions.length) card.actions = actions;
  return card;
}

export function createAnswerCard(question: string, best: Item, related: Item[], options: Omit<ItemCardOptions, 'intro' | 'related'>): AdaptiveCard {
  return createItemCard(best, { ...options, intro: STRINGS[options.locale].answerIntro(plainText(question)), related: related.slice(0, 4) });
}

export function createSectionCard(section: Section, items: Item[], locale: Locale): AdaptiveCard {
  const s = STRINGS[locale];
  return expand(compiled.section, {
    heading: s.sectionHeading(section.id, section.title[locale]),
    summary: s.sectionCount(items.length),
    items: items.map((item) => ({
      displayId: displayItemId(item.id),
      title: item.title[locale],
      badge: `${s.conformity[item.conformity]} · ${s.level[item.level]}`,
      badgeColor: conformityColor(item),
      data: { action: 'showItem', id: item.id, locale } satisfies CardActionData,
    })),
    disclaimer: s.disclaimer,
  });
}

export function createHelpCard(locale: Locale, options: { welcome?: boolean } = {}): AdaptiveCard {
  const s = STRINGS[locale];
  return expand(compiled.help, {
    appName: s.appName,
    welcome: options.welcome ? s.helpWelcome : '',
    intro: s.helpIntro,
    howToHeading: s.helpTitle,
    howTo: s.helpHowTo.map((text) => ({ text: `• ${text}` })),
    examplesHeading: s.helpExamplesHeading,
    examples: s.helpExamples.map((q) => ({ text: q, data: askData(q, locale) })),
    disclaimer: s.disclaimer,
  });
}

/** Suggestion buttons send the text as if the user had typed it (visible in the chat). */
function askData(q: string, locale: Locale) {
  return { action: 'ask', q, locale, msteams: { type: 'messageBack', text: q, displayText: q } };
}

export function createNoMatchCard(question: string, suggestions: Item[], locale: Locale): AdaptiveCard {
  const s = STRINGS[locale];
  const fallback = s.helpExamples.slice(0, 3).map((q) => ({ label: q, data: askData(q, locale) }));
  return expand(compiled.noMatch, {
    title: s.noMatchTitle,
    body: s.noMatchBody(plainText(question)),
    suggestionsHeading: s.noMatchSuggestions,
    suggestions: suggestions.length
      ? suggestions.slice(0, 3).map((item) => ({ label: itemLabel(item, locale), data: { action: 'showItem', id: item.id, locale } satisfies CardActionData }))
      : fallback,
  });
}

export function createNoticeCard(text: string): AdaptiveCard {
  return expand(compiled.notice, { text });
}

/** The message extension's result preview: Teams requires a hero or thumbnail card here. */
export interface ThumbnailPreview {
  contentType: 'application/vnd.microsoft.card.thumbnail';
  content: { title: string; subtitle: string; text: string };
}

export function createPreviewCard(item: Item, locale: Locale): ThumbnailPreview {
  const s = STRINGS[locale];
  const req = item.requirement[locale];
  return {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: {
      title: `${displayItemId(item.id)} ${item.title[locale]}`,
      subtitle: `${s.conformity[item.conformity]} · ${item.level} ${s.level[item.level]}`,
      text: req.length > 100 ? `${req.slice(0, 99)}…` : req,
    },
  };
}
