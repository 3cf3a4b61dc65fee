/**
 * Locale choice and string lookup. Japanese first: anything that is not
 * clearly English falls back to ja.
 */
import { createContext, useContext } from 'react';
import { ja, type Strings } from './ja';
import { en } from './en';

export type { Locale } from '../../../contract/locale';
import type { Locale } from '../../../contract/locale';
export type { Strings };

const TABLES: Record<Locale, Strings> = { ja, en };

export function stringsFor(locale: Locale): Strings {
  return TABLES[locale];
}

/** Teams gives `ja-jp`, `en-us`, `fr-fr` …; browsers `ja`, `en-US`: one rule for the bot and the tab (contract/locale.ts). */
export { localeFromTag } from '../../../contract/locale';

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

export const StringsContext = createContext<Strings>(ja);

export function useStrings(): Strings {
  return useContext(StringsContext);
}

/** Both languages' names of a topic, for matching a query in either language. */
export function topicNamesInAllLocales(slug: string): string[] {
  return [ja.topics[slug], en.topics[slug]].filter((n): n is string => Boolean(n));
}

/** A topic's name; a topic the tables do not know yet shows as its slug in words. */
export function topicLabel(strings: Strings, slug: string): string {
  return strings.topics[slug] ?? slug.replace(/-/g, ' ');
}
