/**
 * The later editions' rows new since 第5版, searched beside 第5版
 * (bot/conversation/newRules.ts): which rows, and that the quick exit never
 * changes the outcome.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NewRules } from '../../bot/conversation/newRules';
import { coverageOf } from '../../bot/reference/coverage';
import { testLibrary, testServices } from '../helpers/testServer';

const library = testLibrary();
const rules = new NewRules(library);

describe('rules new since 第5版', () => {
  it('are the later editions\' rows with coverage of their own, each requirement once', () => {
    const v6 = library.edition('v6')!;
    const v7 = library.edition('v7')!;
    const own6 = v6.items.filter((i) => coverageOf(library, i).kind === 'own');
    // 第7.0版 rows with coverage written for them (保守委託機関編), not carried from a 第6.0版 row.
    const written7 = v7.items.filter((i) => coverageOf(library, i).kind === 'own' && !own6.some((r) => r.teams === i.teams));
    expect(written7.length).toBeGreaterThan(0);
    expect(written7.every((i) => i.id.startsWith('mnt-'))).toBe(true);
    expect(rules.size).toBe(own6.length + written7.length);
  });

  it('skips the full search only where no row could pass', () => {
    const index = (rules as unknown as { index: import('../../bot/search/searchIndex').SearchIndex }).index;
    // Tuning questions, situations and off-topic ones (the quick exit must be exact on each kind).
    const read = (f: string) => (JSON.parse(fs.readFileSync(path.join(__dirname, '../eval', f), 'utf8')) as Array<{ q: string } | string>).map((q) => (typeof q === 'string' ? q : q.q));
    const questions = [...read('questions.json'), ...read('situations-dev.json'), ...read('editions.json'), ...read('offtopic-dev.json')];
    const main = testServices().index(library.defaultEdition);
    let found = 0;
    let skipped = 0;
    for (const q of questions) {
      const answer = main.search(q, { limit: 1 }).hits[0];
      const hit = index.search(q, { limit: 2 }).hits[0];
      const slow = hit && hit.coverage >= 0.5 && hit.similarity >= 0.2 && hit.similarity >= (answer?.similarity ?? 0) ? hit.item.id : undefined;
      expect(rules.find(q, answer)?.item.id).toBe(slow);
      const alone = hit && hit.coverage >= 0.6 && hit.similarity >= 0.25 ? hit.item.id : undefined;
      expect(rules.find(q)?.item.id).toBe(alone);
      if (slow) found += 1;
      // Where it searches, the same search as search() (the analysis it made for the check is reused).
      const checked = index.searchIfMatching(q, Math.max(0.2, answer?.similarity ?? 0), 0.5, { limit: 2 });
      if (checked) expect(checked).toEqual(index.search(q, { limit: 2 }));
      else skipped += 1;
    }
    expect(found).toBeGreaterThan(0);
    // The exit is taken for most questions (else it would not be worth having).
    expect(skipped).toBeGreaterThan(questions.length / 2);
  });
});
