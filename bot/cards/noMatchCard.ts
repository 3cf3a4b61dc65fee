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
import { plainText } from './markdown';
import noMatchTemplate from './templates/noMatch.json';

const fill = compileTemplate(noMatchTemplate);

export function createNoMatchCard(library: Library, edition: Edition, question: string, suggestions: readonly Item[], locale: Locale): AdaptiveCard {
  const s = STRINGS[locale];
  return fill({
    title: s.noMatchTitle,
    body: s.noMatchBody(plainText(question)),
    suggestionsHeading: s.noMatchSuggestions,
    suggestions: suggestions.length
      ? suggestions.slice(0, 3).map((item) => ({ label: `${edition.displayId(item.id)} ${item.title[locale]}`, data: showItem(library.refOf(edition, item), locale) }))
      : s.helpExamples.slice(0, 3).map((q) => ({ label: q, data: ask(q, locale) })),
  });
}
