/**
 * A question, analysed once: its words and terms, the synonym groups it
 * triggers, and corrections of misspelt English words — each term weighted
 * and, where the index has it, carrying its index entry (so scoring needs
 * no further lookups).
 */
import type { Synonyms, SynonymWord } from './synonyms';
import type { SpellingCorrector } from './spelling';
import { normalizedQuestion, words, type Word } from './text';

/** Everything the index knows about one term, found with one lookup per question term. */
export interface TermInfo {
  id: number;
  idf: number;
  /**
   * Where the term's postings are in the index's flat arrays (start
   * inclusive, end exclusive): the documents containing it, each with its
   * precomputed BM25 contribution (idf × weighted fields).
   */
  start: number;
  end: number;
  /** The same over the phrasings (askedAs), each a small document. */
  phrasing?: { phrasings: Int32Array; scores: Float64Array };
}

export interface QueryTerm {
  term: string;
  weight: number;
  /** The index's entry for the term (absent: the reference never uses it). */
  info?: TermInfo;
}

export interface QueryAnalysis {
  terms: QueryTerm[];
  /**
   * The same by term: every term of the question (its own, synonyms',
   * corrections') with the index's entry, for looking them up again without
   * going back to the whole index's map.
   */
  byTerm: ReadonlyMap<string, QueryTerm>;
  words: readonly Word[];
  /** Vocabulary words found in the question. */
  synonymHits: SynonymWord[];
  /** Misspelt English word → the index terms it may have meant. */
  corrections: Map<string, string[]>;
}

export interface AnalysisContext {
  synonyms: Synonyms;
  /** Each synonym group's words as index terms with their entries (resolved once at start-up). */
  groupTerms: ReadonlyArray<ReadonlyArray<ReadonlyArray<{ term: string; info: TermInfo | null }>>>;
  corrector: SpellingCorrector;
  /** Every term of the index with its entry (absent: no document has it). */
  termInfo: ReadonlyMap<string, TermInfo>;
  synonymWeight: number;
  fuzzyWeight: number;
}

/**
 * The last question's words: one answer searches 第5版 and then the later
 * editions' new rows with the same question, and segmenting it is the
 * costliest step of analysing it. One entry, so a different question never
 * meets a stale one.
 */
let lastQuery: string | undefined;
let lastWords: readonly Word[] = [];
function wordsOf(query: string): readonly Word[] {
  if (query !== lastQuery) {
    lastWords = Object.freeze(words(query));
    lastQuery = query;
  }
  return lastWords;
}

/** The question's words and terms, then synonyms, then corrections of misspellings. */
export function analyseQuery(query: string, ctx: AnalysisContext): QueryAnalysis {
  const out = new Map<string, QueryTerm>();
  const list: QueryTerm[] = [];
  const qwords = wordsOf(query);
  // The question's own terms (in order, repeats included: corrections are made per occurrence).
  const own: string[] = [];
  for (const w of qwords) {
    for (const t of w.terms) {
      own.push(t);
      if (!out.has(t)) {
        const term: QueryTerm = { term: t, weight: 1, info: ctx.termInfo.get(t) };
        out.set(t, term);
        list.push(term);
      }
    }
  }
  const add = (term: string, weight: number, info: TermInfo | null) => {
    const prev = out.get(term);
    if (!prev) {
      const q: QueryTerm = { term, weight, info: info ?? undefined };
      out.set(term, q);
      list.push(q);
    } else if (prev.weight < weight) {
      prev.weight = weight;
    }
  };

  // A group is triggered by its first word (in vocabulary order) that the question contains.
  const hits = ctx.synonyms.find(normalizedQuestion(query), out);
  if (hits.length > 0) {
    const firstHit = new Map<number, number>();
    for (const w of hits) {
      const prev = firstHit.get(w.group);
      if (prev === undefined || w.index < prev) firstHit.set(w.group, w.index);
    }
    const groups = [...firstHit.keys()].sort((a, b) => a - b);
    for (const group of groups) {
      const index = firstHit.get(group)!;
      const groupWords = ctx.groupTerms[group];
      for (let idx = 0; idx < groupWords.length; idx += 1) {
        if (idx === index) continue;
        for (const t of groupWords[idx]) add(t.term, ctx.synonymWeight, t.info);
      }
    }
  }

  const corrections = new Map<string, string[]>();
  for (const t of own) {
    // Own terms came first, each with its index entry: no entry, not a term of the index.
    if (out.get(t)!.info !== undefined) continue;
    for (const candidate of ctx.corrector.corrections(t)) {
      add(candidate, ctx.fuzzyWeight, ctx.termInfo.get(candidate) ?? null);
      const fixes = corrections.get(t);
      if (fixes) fixes.push(candidate);
      else corrections.set(t, [candidate]);
    }
  }
  return { terms: list, byTerm: out, words: qwords, synonymHits: hits.length > 1 ? [...new Set(hits)] : hits, corrections };
}
