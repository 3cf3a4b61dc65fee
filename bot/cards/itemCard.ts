/**
 * The item card: one requirement, at a glance first — the requirement, the
 * conformity marker with its reason, a summary of what Teams provides and the
 * first two actions (cut to three lines each) — and the rest (every action in
 * full, the rest of the coverage, licensing, what to verify, where the
 * summary comes from, the check date, documents, related items) one tap away
 * (Action.ToggleVisibility), so the first view fits a phone's screen. The bot
 * answers with it; the message extension and link unfurling share it.
 */
import type { Item } from '../../contract/reference';
import type { AssessmentStatus } from '../../contract/statuses';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { coverageOf } from '../reference/coverage';
import { STRINGS, type Locale } from '../i18n/strings';
import { MAX_QUESTION_LENGTH, showItem, showSection } from './actions';
import { ItemCardCache, SLOTS } from './cardCache';
import { compileTemplate, type AdaptiveCard } from './expand';
import { NO_LINKS, type CardLinks } from './links';
import { itemLabel, itemLabelWithEdition } from './labels';
import { markdownLink, plainText, shorten } from './markdown';
import itemTemplate from './templates/item.json';

const fill = compileTemplate(itemTemplate);

/** The channel's self-assessment of the item (shown on answers in a channel). */
export interface ChannelState {
  status: AssessmentStatus;
  owner: string | null;
}

export interface ItemCardOptions {
  locale: Locale;
  library: Library;
  edition: Edition;
  links?: CardLinks;
  /** The edition's card cache (absent: build every time). */
  cache?: ItemCardCache;
  /** A line above the item (which question it answers). User text: escaped here. */
  question?: string;
  related?: readonly Item[];
  /** A second item nearly as good as this one: named on the card as plainly as the first. */
  closeSecond?: Item;
  /** A row of a later edition, new since 第5版, that the question is also about (conversation/newRules.ts). */
  newRule?: { edition: Edition; item: Item };
  channelState?: ChannelState;
  /**
   * For cards inserted into other people's conversations (message extension,
   * unfurling): the bot may not be there, so only Action.OpenUrl buttons.
   */
  standalone?: boolean;
}

/** Counterparts named on a card; the rest are in the tab. */
const MAX_COUNTERPARTS = 6;

function conformityColor(item: Item): string {
  // Adaptive Card colours: green for conformable, amber where Teams falls short, neutral outside Teams.
  return item.conformity === 'conformable' ? 'Good' : item.conformity === 'not-met-by-teams' ? 'Warning' : 'Default';
}

/**
 * The first sentence or two of a text (at least `min` characters where the
 * text has them), and the rest. Cards show the first part at a glance.
 */
export function splitSummary(text: string, min = 40): [string, string] {
  const japanese = /[。！？]/.test(text);
  // English: a sentence ends at . ! ? followed by a capital or a bracket ("e.g. monthly" does not end one).
  const sentences = japanese ? text.split(/(?<=[。！？])/) : text.split(/(?<=[.!?])\s+(?=[A-Z(])/);
  const glue = japanese ? '' : ' ';
  let n = 1;
  while (n < sentences.length && sentences.slice(0, n).join(glue).length < min) n += 1;
  return [sentences.slice(0, n).join(glue).trim(), sentences.slice(n).join(glue).trim()];
}

/**
 * The first view shows the first two actions, each cut to three lines
 * (`maxLines` in the template; Teams ends a cut line with "…"); "show
 * details" replaces them with the whole list.
 */
export const GLANCE_ACTIONS = 2;

export function createItemCard(item: Item, options: ItemCardOptions): AdaptiveCard {
  const { locale, library, edition } = options;
  const links = options.links ?? NO_LINKS;
  const s = STRINGS[locale];
  const ref = library.refOf(edition, item);
  const intro = options.question === undefined ? '' : s.answerIntro(plainText(options.question));
  const statusLine = options.channelState ? s.channelStatus(s.status[options.channelState.status], options.channelState.owner ?? undefined) : '';
  const related = options.standalone ? [] : options.related ?? [];
  const key = [item.id, locale, intro ? 1 : 0, statusLine ? 1 : 0, related.map((r) => r.id).join(','), options.closeSecond?.id ?? '',
    options.newRule ? library.refOf(options.newRule.edition, options.newRule.item) : '',
    options.standalone ? 1 : 0, links.tabDeepLink(ref) ?? '', links.itemUrl(ref) ?? ''].join('\u0000');
  const build = () => buildItemCard(item, ref, { ...options, related }, intro && SLOTS.intro, statusLine && SLOTS.status);
  if (!options.cache) return fillSlots(build(), { [SLOTS.intro]: intro, [SLOTS.status]: statusLine });
  return options.cache.get(key, build, { intro, status: statusLine });
}

/** Without a cache: put the per-message texts where the placeholders are. */
function fillSlots(card: AdaptiveCard, values: Record<string, string>): AdaptiveCard {
  return JSON.parse(JSON.stringify(card), (_k, v) => (typeof v === 'string' && v in values ? values[v] : v)) as AdaptiveCard;
}

/**
 * Teams refuses cards over 28 KB, counted in UTF-16 (14,336 characters).
 * Counterparts are the one part that grows with the crosswalk: they are cut
 * until the card fits (the tab lists them all), leaving room for the
 * question and status line filled into the slots later.
 */
const CARD_BUDGET_CHARS = 14_336 - (MAX_QUESTION_LENGTH + 140);

function buildItemCard(item: Item, ref: string, options: ItemCardOptions, introSlot: string, statusSlot: string): AdaptiveCard {
  for (let n = MAX_COUNTERPARTS; ; n -= 1) {
    const card = buildItemCardWith(item, ref, options, introSlot, statusSlot, n);
    if (n === 0 || JSON.stringify(card).length <= CARD_BUDGET_CHARS) return card;
  }
}

function buildItemCardWith(item: Item, ref: string, options: ItemCardOptions, introSlot: string, statusSlot: string, maxCounterparts: number): AdaptiveCard {
  const { locale, library, edition } = options;
  const s = STRINGS[locale];
  const links = options.links ?? NO_LINKS;

  const documents: Array<{ link: string }> = [];
  const offlineDocuments: Array<{ label: string }> = [];
  for (const n of item.documents) {
    const doc = library.documentByNumber.get(n);
    if (!doc) continue;
    const title = doc.title[locale];
    if (doc.url) documents.push({ link: markdownLink(s.documentLabel(n, shorten(title, 60)), doc.url) });
    else offlineDocuments.push({ label: `${s.documentLabel(n, title)} ${s.documentNoLongerPublished}` });
  }

  const coverage = coverageOf(library, item);
  const defaultLabel = library.defaultEdition.info.label[locale];
  const [teamsSummary, teamsRest] = item.teams ? splitSummary(item.teams[locale]) : ['', ''];
  const numbered = (item.actions ?? []).map((a, i) => ({ text: `${i + 1}. ${a[locale]}` }));
  // A later edition's row: the 第5版 items whose coverage answers it, each with its conformity.
  const coverageFrom = coverage.kind === 'borrowed' ? coverage.from.map((c) => ({
    label: `${library.defaultEdition.displayId(c.id)} ${c.title[locale]} — ${c.conformity ? s.conformity[c.conformity] : ''}`,
    data: showItem(library.refOf(library.defaultEdition, c), locale),
  })) : [];
  // Direct links first; a few, briefly (a card must stay under Teams' size limit); the tab lists them all.
  const linked = library.counterparts(edition, item);
  const counterparts = [...linked.filter((c) => !c.via), ...linked.filter((c) => c.via)].slice(0, maxCounterparts).map((c) => ({
    label: s.counterpartLine(c.edition.info.label[locale], c.edition.displayId(c.item.id), c.item.title[locale], c.via ? s.counterpartBasis.via : s.counterpartBasis[c.basis]),
    change: c.change ? s.counterpartChange(shorten(c.change[locale], 140)) : '',
    data: showItem(library.refOf(c.edition, c.item), locale),
  }));
  const markers = [
    item.level ? `${item.level} ${s.level[item.level as 'C' | 'D']}` : '',
    item.confidence !== 'high' ? s.confidenceMarker : '',
  ].filter(Boolean).join(' · ');
  const related = (options.related ?? []).map((r) => ({ label: itemLabel(edition, r, locale), data: showItem(library.refOf(edition, r), locale) }));
  const details = {
    actionsAll: numbered,
    teamsRest,
    licensing: item.licensing?.[locale] ?? '',
    certifications: item.certifications.join(', '),
    review: item.review?.[locale] ?? '',
    requirementSource: item.requirementSource ? s.requirementSource(item.requirementSource.detail[locale]) : '',
    checkedOn: item.checkedOn ? s.checkedOn(item.checkedOn) : '',
    documents,
    offlineDocuments,
    counterparts: options.standalone ? [] : counterparts,
    related,
  };
  const hasDetails = Object.values(details).some((v) => v.length > 0);
  const second = options.closeSecond;
  const tabLink = links.tabDeepLink(ref) ?? links.itemUrl(ref) ?? '';

  const card = fill({
    speak: itemLabel(edition, item, locale),
    intro: introSlot,
    displayId: edition.displayId(item.id),
    title: item.title[locale],
    conformityLabel: coverage.kind === 'own' ? s.conformity[coverage.conformity] : coverage.kind === 'borrowed' ? s.borrowedConformity(defaultLabel) : s.noConformityYet,
    conformityColor: conformityColor(item),
    markers,
    conformityReason: item.conformityReason?.[locale] ?? '',
    statusLine: statusSlot,
    closeSecond: second && !options.standalone ? {
      text: s.closeSecond(edition.displayId(second.id), second.title[locale]),
      label: itemLabel(edition, second, locale),
      data: showItem(library.refOf(edition, second), locale),
    } : null,
    newRule: options.newRule && !options.standalone ? {
      text: s.newRule(options.newRule.edition.info.label[locale], options.newRule.edition.displayId(options.newRule.item.id), options.newRule.item.title[locale]),
      label: itemLabelWithEdition(options.newRule.edition, options.newRule.item, locale),
      data: showItem(library.refOf(options.newRule.edition, options.newRule.item), locale),
    } : null,
    headings: {
      requirement: s.requirementHeading,
      teams: coverage.kind === 'own' ? s.teamsHeading : s.borrowedCoverageHeading(defaultLabel),
      counterparts: s.counterpartsHeading,
      teamsMore: s.teamsMoreHeading,
      actions: s.actionsHeading,
      licensing: s.licensingHeading,
      certifications: s.certificationsHeading,
      review: s.reviewHeading,
      documents: s.documentsHeading,
      related: s.relatedHeading,
    },
    requirement: item.requirement[locale],
    // Shared cards have no bot to answer buttons: the counterparts as text.
    teamsSummary: options.standalone && coverageFrom.length ? coverageFrom.map((c) => `- ${c.label}`).join('\n') : teamsSummary,
    coverageIntro: s.borrowedCoverageIntro,
    coverageFrom: options.standalone ? [] : coverageFrom,
    noCoverage: coverage.kind === 'none' ? s.noCoverageYet(defaultLabel) : '',
    actionsGlance: numbered.slice(0, GLANCE_ACTIONS),
    ...details,
    hasDetails,
    showMore: s.showMore,
    showLess: s.showLess,
    disclaimer: s.disclaimer(edition.info.label[locale]),
    openInTab: s.openInTab,
    tabLink,
    // Sharing stays inside Teams on every client: the panel shows the item's
    // link (which unfurls into this card) to copy, and the compose box's search.
    // Teams' "Share to Teams" web page is not used: it works only in desktop
    // Edge and Chrome, not on Teams mobile nor for guests, and a card is read
    // on whatever device its reader has.
    share: s.share,
    shareHow: s.shareHow(edition.displayId(item.id)),
    shareLinkLabel: s.shareLinkLabel,
    shareLink: links.itemUrl(ref) ?? '',
    sectionAction: options.standalone ? null : {
      title: s.showSection(item.section),
      data: showSection(item.section, edition.id === library.defaultEdition.id ? undefined : edition.id, locale),
    },
  });
  if (Array.isArray(card.actions) && card.actions.length === 0) delete card.actions;
  return card;
}
