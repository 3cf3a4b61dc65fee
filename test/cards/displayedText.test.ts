/**
 * What a reader sees must not name a retired product as current
 * (data/retired-names.json; a bridge such as 「Microsoft Entra ID（旧 Azure
 * Active Directory）」 is allowed): every item card in both languages, the
 * bot's, the tab's and the exports' strings, and the app manifest. The
 * data files themselves are checked in test/data/dataset.test.ts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createItemCard } from '../../bot/cards/itemCard';
import { STRINGS as botStrings } from '../../bot/i18n/strings';
import { ja as tabJa } from '../../tab/src/i18n/ja';
import { en as tabEn } from '../../tab/src/i18n/en';
import { loadRetiredNames, retiredNamesIn } from '../../scripts/data/contentRules';
import { testLibrary } from '../helpers/testServer';
import { cardTexts } from '../helpers/cards';

const ROOT = path.resolve(__dirname, '..', '..');
const retired = loadRetiredNames(path.join(ROOT, 'data'));

/** Every string inside a value (functions called with a placeholder). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'function') {
    try { return stringsIn((value as (...a: string[]) => unknown)('X', 'Y', 'Z')); } catch { return []; }
  }
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

function offenders(texts: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of texts) for (const name of retiredNamesIn(t, retired)) out.push(`${name} in: ${t.slice(0, 120)}`);
  return out;
}

describe('no displayed text names a retired product as current', () => {
  it('the list of retired names is there and catches what it lists', () => {
    expect(retired.length).toBeGreaterThanOrEqual(5);
    expect(retiredNamesIn('Azure Active Directory でサインインします', retired)).not.toEqual([]);
    expect(retiredNamesIn('Microsoft Entra ID（旧 Azure Active Directory）でサインインします', retired)).toEqual([]);
  });

  it('in every item card, in Japanese and English', () => {
    const library = testLibrary();
    const texts: string[] = [];
    for (const edition of library.editions) {
      for (const item of edition.items) {
        for (const locale of ['ja', 'en'] as const) {
          texts.push(...cardTexts(createItemCard(item, { library, edition, locale })));
        }
      }
    }
    expect(texts.length).toBeGreaterThan(library.defaultEdition.items.length * 2 * 5);
    expect(offenders(texts)).toEqual([]);
  });

  it('in the bot\'s, the tab\'s and the exports\' strings and the app manifest', () => {
    const labels = fs.readFileSync(path.join(ROOT, 'bot', 'assessments', 'labels.ts'), 'utf8');
    const manifestDir = path.join(ROOT, 'appPackage');
    const manifests = fs.readdirSync(manifestDir).filter((f) => f.endsWith('.json')).map((f) => fs.readFileSync(path.join(manifestDir, f), 'utf8'));
    expect(offenders([...stringsIn(botStrings), ...stringsIn(tabJa), ...stringsIn(tabEn), labels, ...manifests])).toEqual([]);
  });
});
