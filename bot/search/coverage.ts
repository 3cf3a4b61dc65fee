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
export function weighWords(analysis: QueryAnalysis, termInfo: ReadonlyMap<string, TermInfo>, unknownIdf: number): WeightedWord[] {
  const out: WeightedWord[] = [];
  for (const w of analysis.words) {
    if (!w.content) continue;
    const fixes = analysis.corrections.get(w.terms[0]);
    let weight = 0;
    if (fixes) for (const f of fixes) weight = Math.max(weight, termInfo.get(f)?.idf ?? 0);
    else for (const t of w.terms) weight = Math.max(weight, termInfo.get(t)?.idf ?? unknownIdf);
    if (weight === 0) continue;
    const groups = new Set<number>();
    for (const h of analysis.synonymHits) {
      if (h.latin ? h.terms.includes(w.terms[0]) : h.normalized.includes(w.text) || w.text.includes(h.normalized)) groups.add(h.group);
    }
    const terms = fixes ?? w.terms;
    out.push({ weight, ids: terms.map((t) => termInfo.get(t)?.id ?? -1), terms, any: Boolean(fixes), groups: [...groups] });
  }
  return out;
}

/**
 * The idf-weighted share of the question's content words an item has.
 * `termIds`: the item's term IDs in ascending order; `groups`: the synonym
 * groups the item has a word of.
 */
export function coverage(weighted: readonly WeightedWord[], termIds: Int32Array, groups: ReadonlySet<number>): number {
  let total = 0;
  let matched = 0;
  for (const w of weighted) {
    total += w.weight;
    let n = 0;
    for (const id of w.ids) if (id >= 0 && hasTerm(termIds, id)) n += 1;
    let share = w.any ? (n > 0 ? 1 : 0) : n / w.terms.length;
    if (share < 1 && w.groups.some((g) => groups.has(g))) share = 1;
    matched += w.weight * share;
  }
  return total ? matched / total : 0;
}

/** Binary search in an ascending list of term numbers. */
function hasTerm(ids: Int32Array, id: number): boolean {
  let lo = 0;
  let hi = ids.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ids[mid];
    if (v === id) return true;
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}
