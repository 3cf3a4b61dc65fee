/**
 * Rows of the later editions that no 第5版 item answers (new since 第5版:
 * backup and recovery, vendor roles, evidence, ID inventory, 保守委託機関編 …)
 * and that carry Teams coverage of their own. The bot searches 第5版 and
 * names the best of these under its answer when the question is about one of
 * them, so "new rules" questions reach today's guideline.
 *
 * One row per written coverage: a 第7.0版 row that only shows its 第6.0版
 * counterpart's coverage is left out (the 第6.0版 row stands for it; its card
 * lists the 第7.0版 counterpart).
 */
import type { Item } from '../../contract/reference';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { coverageOf } from '../reference/coverage';
import { SearchIndex, type SearchHit } from '../search/searchIndex';

export interface NewRuleHit {
  edition: Edition;
  item: Item;
  hit: SearchHit;
}

/**
 * Named only when the row matches the question well (half its content words
 * or more, and a phrasing-level similarity) and at least as closely as the
 * 第5版 answer does. Chosen on the tuning questions (test/eval/questions.json,
 * situations-dev.json, editions.json): about 1 answer in 14 gets one, most of
 * them about evidence, data location, ID review and backup.
 */
const MIN_COVERAGE = 0.5;
const MIN_SIMILARITY = 0.2;
/**
 * With no 第5版 answer (the bot found no good match), a row is offered only
 * on a stricter bar: off-topic questions of the tuning sets meet it 2 times
 * in 303.
 */
const ALONE_MIN_COVERAGE = 0.6;
const ALONE_MIN_SIMILARITY = 0.25;

export class NewRules {
  private readonly editionOf = new Map<Item, Edition>();
  private readonly index: SearchIndex | undefined;

  constructor(library: Library) {
    const rows: Item[] = [];
    // Coverage carried from the previous edition's row is the same object: one row per written coverage.
    const written = new Set<unknown>();
    for (const edition of library.editions) {
      if (edition === library.defaultEdition) continue;
      for (const item of edition.items) {
        if (coverageOf(library, item).kind !== 'own' || written.has(item.teams)) continue;
        written.add(item.teams);
        rows.push(item);
        this.editionOf.set(item, edition);
      }
    }
    const first = rows[0] && this.editionOf.get(rows[0]);
    this.index = first ? new SearchIndex(rows, first.ids, library.vocabulary) : undefined;
  }

  get size(): number {
    return this.editionOf.size;
  }

  /**
   * For the compose box, where people type fragments (「バックアップ」): every
   * row sharing at least half the query's content words, best first.
   */
  list(query: string, limit = 10): Array<{ edition: Edition; item: Item }> {
    if (!this.index) return [];
    return this.index.search(query, { limit }).hits
      .filter((h) => h.coverage >= MIN_COVERAGE)
      .map((h) => ({ edition: this.editionOf.get(h.item)!, item: h.item }));
  }

  /**
   * The row the question is about at least as much as about `answer` (the
   * 第5版 item the bot answers with); without an answer, a row that clearly
   * matches on its own.
   */
  find(question: string, answer?: SearchHit): NewRuleHit | undefined {
    if (!this.index) return undefined;
    const minCoverage = answer ? MIN_COVERAGE : ALONE_MIN_COVERAGE;
    const minSimilarity = answer ? Math.max(MIN_SIMILARITY, answer.similarity) : ALONE_MIN_SIMILARITY;
    // No row can pass when none is both similar and covering enough: no full search then (most questions).
    const hit = this.index.searchIfMatching(question, minSimilarity, minCoverage, { limit: 2 })?.hits[0];
    if (!hit || hit.coverage < minCoverage || hit.similarity < minSimilarity) return undefined;
    return { edition: this.editionOf.get(hit.item)!, item: hit.item, hit };
  }
}
