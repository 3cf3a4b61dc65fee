/**
 * The synonym vocabulary's look-up (bot/search/synonyms.ts) narrows the
 * words it tries by a question's next character: it must find exactly the
 * words, in the same order, as trying every vocabulary word at every place.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Synonyms } from '../../bot/search/synonyms';
import { normalize, terms } from '../../bot/search/text';
import { testLibrary } from '../helpers/testServer';

const vocabulary = testLibrary().vocabulary;
const synonyms = new Synonyms(vocabulary);

/** The definition: every Japanese vocabulary word, tried at every place of the question (group:index, in order). */
function byDefinition(nq: string): string[] {
  const all = synonyms.groups.flatMap((g, group) => g.normalized.map((normalized, index) => ({ group, index, normalized })))
    .filter((w) => w.normalized.length > 0 && !/^[a-z0-9 .-]+$/.test(w.normalized));
  const hits: string[] = [];
  for (let i = 0; i < nq.length; i += 1) for (const w of all) if (nq.startsWith(w.normalized, i)) hits.push(`${w.group}:${w.index}`);
  return hits;
}

describe('synonym look-up', () => {
  const read = (f: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, '../eval', f), 'utf8')) as Array<{ q: string } | string>).map((q) => (typeof q === 'string' ? q : q.q));
  const questions = [...read('questions.json'), ...read('situations-dev.json'), ...read('offtopic-dev.json'),
    // One-character words, words at the very end, words that share first characters.
    ...synonyms.groups.flatMap((g) => g.normalized.filter((w) => !/^[a-z0-9 .-]+$/.test(w)).map((w) => `${w}`)).slice(0, 300),
    synonyms.groups.flatMap((g) => g.normalized).join('')];

  it('finds the Japanese words a question contains, in order, as trying every word everywhere does', () => {
    let found = 0;
    for (const q of questions) {
      const nq = normalize(q);
      const own = new Set(terms(q));
      const japanese = synonyms.find(nq, own).filter((w) => !w.latin);
      expect(japanese.map((w) => `${w.group}:${w.index}`)).toEqual(byDefinition(nq));
      found += japanese.length;
    }
    expect(found).toBeGreaterThan(500);
  });
});
