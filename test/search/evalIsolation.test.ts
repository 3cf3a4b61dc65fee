/**
 * The question sets judge search only if search has not seen them: no
 * question of the held-out or unseen sets may stand, verbatim or nearly
 * (same character n-grams), among the phrasings search learns from (askedAs
 * and the situation phrasings of data/phrasings/, and the near-miss
 * off-topic questions of data/tuning/ the answer model is fitted on). The tuning sets
 * (questions.json, situations-dev.json, the development off-topic
 * questions) are for tuning and exempt.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { charGrams } from '../../bot/search/charGrams';
import { testEdition, testLibrary } from '../helpers/testServer';

const EVAL = path.resolve(__dirname, '..', 'eval');

function questionsIn(file: string): string[] {
  const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Array<string | { q: string }>;
  return raw.map((q) => (typeof q === 'string' ? q : q.q));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

describe('evaluation questions stay out of what search learns from', () => {
  const files = [
    path.join(EVAL, 'heldout.json'), path.join(EVAL, 'offtopic-heldout.json'),
    ...['unseen-2026-12', 'unseen-2026-12b'].flatMap((dir) => fs.readdirSync(path.join(EVAL, dir)).filter((f) => f.endsWith('.json')).map((f) => path.join(EVAL, dir, f))),
  ];
  // Also the near-miss off-topic questions the answer model is fitted on (data/tuning/).
  const tuning = path.resolve(__dirname, '..', '..', 'data', 'tuning', 'offtopic-nearmiss.json');
  const phrasings = [
    // Every edition's: the later editions' rows new since 第5版 are searched too (conversation/newRules.ts).
    ...testLibrary().editions.flatMap((e) => e.items).flatMap((i) => [...(i.askedAs?.ja ?? []), ...(i.askedAs?.en ?? []), ...(i.situations?.ja ?? []), ...(i.situations?.en ?? [])]),
    ...(fs.existsSync(tuning) ? questionsIn(tuning) : []),
  ];
  const phrasingGrams = phrasings.map((p) => ({ p, grams: new Set(charGrams(p)) }));

  it('has situation phrasings for every item', () => {
    const without = testEdition().items.filter((i) => (i.situations?.ja.length ?? 0) < 5 || (i.situations?.en.length ?? 0) < 3);
    expect(without.map((i) => i.id)).toEqual([]);
  });

  it.each(files.map((f) => [path.relative(EVAL, f), f]))('%s: no question is a phrasing, or nearly one', (_name, file) => {
    const close: string[] = [];
    for (const q of questionsIn(file)) {
      const grams = new Set(charGrams(q));
      if (grams.size < 4) continue;
      for (const { p, grams: pg } of phrasingGrams) {
        if (jaccard(grams, pg) >= 0.8) { close.push(`${q} ≈ ${p}`); break; }
      }
    }
    expect(close).toEqual([]);
  });
});
