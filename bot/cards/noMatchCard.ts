/**
 * The honest "no good match": never a random item presented as the answer;
 * the nearest items (or example questions) as buttons instead.
 */
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { STRINGS, type Locale } from '../i18n/strings';
import { ask, showItem } from './actions';
import { compileTemplate, type AdaptiveCard } from './expand';
import { SLOTS, type ItemCardCache } from './cardCache';
import { itemLabel, itemLabelWithEdition } from './labels';
import { plainText } from './markdown';
import noMatchTemplate from './templates/noMatch.json';

const fill = compileTemplate(noMatchTemplate);

/**
 * With a cache, the card is expanded once per locale and set of suggestions,
 * the question filled into its slot on each use (user text never passes
 * through the template language either way).
 */
export function createNoMatchCard(library: Library, edition: Edition, question: string, suggestions: readonly Item[], locale: Locale, cache?: ItemCardCache, newRule?: { edition: Edition; item: Item }): AdaptiveCard {
  const s = STRINGS[locale];
  const shown = suggestions.slice(0, 3);
  const body = s.noMatchBody(plainText(question));
  // A row new since 第5版 that clearly matches follows the 第5版 items, named with its edition.
  const offered = [
    ...shown.map((item) => ({ label: itemLabel(edition, item, locale), data: showItem(library.refOf(edition, item), locale) })),
    ...(newRule ? [{ label: itemLabelWithEdition(newRule.edition, newRule.item, locale), data: showItem(library.refOf(newRule.edition, newRule.item), locale) }] : []),
  ];
  const build = (bodyText: string) => fill({
    title: s.noMatchTitle,
    body: bodyText,
    suggestionsHeading: s.noMatchSuggestions,
    suggestions: offered.length ? offered : s.helpExamples.slice(0, 3).map((q) => ({ label: q, data: ask(q, locale) })),
  });
  if (!cache) return build(body);
  const key = ['no-match', locale, newRule ? library.refOf(newRule.edition, newRule.item) : '', ...shown.map((i) => i.id)].join('\u0000');
  return cache.get(key, () => build(SLOTS.intro), { intro: body });
}
