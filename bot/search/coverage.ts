/**
 * How much of a question an item answers (0–1). Each content word of the
 * question weighs its idf — words the reference never uses weigh like the
 * rarest ones, so 「背景をぼかす」 is not "covered" by an item that only
 * shares 会議 — and counts as matched when the item has it, a synonym of it,
 * or a correction of it (kanji compounds: the share of their bigrams).
 * Grammar and "how/whether" words (やり方, 大丈夫, anything) weigh nothing.
 */
import type { QueryAnalysis, TermInfo } from './queryAnalysis';

/** A content word of a question, ready for measuring coverage. */
export interface WeightedWord {
  weight: number;
  /** Its terms (or, for a misspelt word, the corrections), and their IDs (-1: not in the index). */
  terms: string[];
  ids: number[];
  /** Matched when any term is there (corrections), else by the share of its terms. */
  any: boolean;
  /** Synonym groups found in the question that include this word. */
  groups: number[];
}

/** The question's content words with their weights and the synonym groups that stand for them (once per question). */
export function weighWords(analysis: QueryAnalysis, termInfo: Pick<ReadonlyMap<string, TermInfo>, 'get'>, unknownIdf: number): WeightedWord[] {
  const out: WeightedWord[] = [];
  for (const w of analysis.words) {
    if (!w.content) continue;
    const fixes = analysis.corrections.get(w.terms[0]);
    let weight = 0;
    if (fixes) for (const f of fixes) weight = Math.max(weight, termInfo.get(f)?.idf ?? 0);
    else for (const t of w.terms) weight = Math.max(weight, termInfo.get(t)?.idf ?? unknownIdf);
    if (weight === 0) continue;
    const groups: number[] = [];
    for (const h of analysis.synonymHits) {
      if ((h.latin ? h.terms.includes(w.terms[0]) : h.normalized.includes(w.text) || w.text.includes(h.normalized)) && !groups.includes(h.group)) groups.push(h.group);
    }
    const terms = fixes ?? w.terms;
    out.push({ weight, ids: terms.map((t) => termInfo.get(t)?.id ?? -1), terms, any: Boolean(fixes), groups });
  }
  return out;
}

/**
 * Which documents have which terms (or synonym groups): a row of bits per
 * term, a bit per document. Coverage asks "does document d have term t" for
 * a few documents and every content word of a question; one row answers it
 * for all of them, and the whole matrix is small enough to stay in the CPU's
 * cache (a sorted list per document costs a binary search over its own
 * array each time).
 */
export class DocBits {
  private readonly words: number;
  private readonly bits: Uint32Array;

  constructor(rows: number, readonly docs: number) {
    this.words = Math.max(1, Math.ceil(docs / 32));
    this.bits = new Uint32Array(rows * this.words);
  }

  set(row: number, doc: number): void {
    this.bits[row * this.words + (doc >>> 5)] |= 1 << (doc & 31);
  }

  has(row: number, doc: number): boolean {
    return (this.bits[row * this.words + (doc >>> 5)] & (1 << (doc & 31))) !== 0;
  }
}

/**
 * The idf-weighted share of the question's content words document `doc`
 * has: `terms` says which documents have which term IDs, `groups` which
 * have a word of which synonym group.
 */
export function coverage(weighted: readonly WeightedWord[], terms: DocBits, groups: DocBits, doc: number): number {
  let total = 0;
  let matched = 0;
  for (const w of weighted) {
    total += w.weight;
    let n = 0;
    for (const id of w.ids) if (id >= 0 && terms.has(id, doc)) n += 1;
    let share = w.any ? (n > 0 ? 1 : 0) : n / w.terms.length;
    if (share < 1 && w.groups.some((g) => groups.has(g, doc))) share = 1;
    matched += w.weight * share;
  }
  return total ? matched / total : 0;
}
