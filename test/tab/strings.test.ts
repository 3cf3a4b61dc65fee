/**
 * The per-locale string tables: Japanese first, English complete, and
 * placeholders that match between the two.
 */
import { ja } from '../../tab/src/i18n/ja';
import { en } from '../../tab/src/i18n/en';
import { format, localeFromTag } from '../../tab/src/i18n';
import { testEdition } from '../helpers/testServer';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the tab strings', () => {
  it('has the same keys and placeholders in ja and en', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
    for (const key of Object.keys(ja) as Array<keyof typeof ja>) {
      const a = ja[key];
      const b = en[key];
      if (typeof a === 'string') expect({ key, p: placeholders(b as string) }).toEqual({ key, p: placeholders(a) });
    }
  });

  // A topic added to the dataset needs a name in the topic filter: add it to
  // `topics` in tab/src/i18n/ja.ts and en.ts.
  it('names every topic of the reference in both languages', () => {
    const topics = new Set(testEdition().items.flatMap((i) => i.topics));
    const missing = [...topics].filter((t) => !ja.topics[t] || !en.topics[t]);
    expect(missing).toEqual([]);
  });

  it('follows the Teams or browser locale: Japanese for Japanese or none, English for any other language', () => {
    expect(localeFromTag('ja-jp')).toBe('ja');
    expect(localeFromTag('en-us')).toBe('en');
    expect(localeFromTag('en-GB')).toBe('en');
    // Another language gets English, as the bot's cards do (one rule: contract/locale.ts).
    expect(localeFromTag('fr-fr')).toBe('en');
    expect(localeFromTag(undefined)).toBe('ja');
    expect(format('{a} / {b}', { a: 1, b: 'x' })).toBe('1 / x');
  });
});
