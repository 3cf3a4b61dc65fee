/**
 * Search alone (no cards, no HTTP): microseconds per question of the default
 * edition's index, after a warm-up, and the index's build time.
 */
import type { Library } from '../bot/reference/library';
import { SearchIndex } from '../bot/search/searchIndex';

export function measureSearchSpeed(library: Library, questions: string[]): void {
  const edition = library.defaultEdition;
  const t0 = process.hrtime.bigint();
  const index = new SearchIndex(edition.items, edition.ids, library.vocabulary);
  const buildMs = Number(process.hrtime.bigint() - t0) / 1e6;
  for (let round = 0; round < 5; round += 1) for (const q of questions) index.search(q, { limit: 8 });
  const rounds = 10;
  const t1 = process.hrtime.bigint();
  for (let round = 0; round < rounds; round += 1) for (const q of questions) index.search(q, { limit: 8 });
  const perQuestion = Number(process.hrtime.bigint() - t1) / 1e3 / (rounds * questions.length);
  console.log(`\n== Search speed (${questions.length} questions × ${rounds}) ==`);
  console.log(`${perQuestion.toFixed(0)} µs per question (goal: well under 1,000 µs); index built in ${buildMs.toFixed(0)} ms`);
}
