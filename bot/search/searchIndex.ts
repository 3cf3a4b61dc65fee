/**
 * Question → ranked requirement items of one edition. The seams, as in
 * MiniSearch: text.ts tokenizes, queryAnalysis.ts processes the question
 * (synonyms, spelling), bm25.ts scores, coverage.ts measures how much of the
 * question an item answers. This file builds the index and ranks: BM25 over
 * weighted fields plus the best single phrasing's match, a hard boost for
 * item IDs typed in the question, and the best few re-ranked by coverage.
 * Whether the best hit is an answer is the conversation's decision
 * (conversation/answerPolicy.ts). Built once at start-up; searching is pure
 * and deterministic.
 */
import type { Item, Vocabulary } from '../../contract/reference';
import type { ItemIdGrammar } from '../../contract/itemIds';
import { bm25, idf } from './bm25';
import { coverage as measureCoverage, DocBits, weighWords, type WeightedWord } from './coverage';
import { FIELD_NAMES, fieldText, phrasingsOf, type FieldName } from './fields';
import { analyseQuery, type AnalysisContext, type QueryAnalysis, type TermInfo } from './queryAnalysis';
import { CharGramIndex, recognitionTexts } from './charGrams';
import { SpellingCorrector } from './spelling';
import { Synonyms } from './synonyms';
import { terms } from './text';

export interface SearchOptions {
  limit?: number;
  /** Drop results scoring below this share of the best result. */
  relativeCutoff?: number;
}

export interface SearchHit {
  item: Item;
  /**
   * The ranking score: the word score after re-ranking by coverage, relative
   * to the best hit's (1 for the best), plus similarityWeight × the item's
   * n-gram similarity relative to the most similar item's.
   */
  score: number;
  /** The retrieval score before re-ranking. */
  base: number;
  /** How much of the question the item covers (0–1). */
  readonly coverage: number;
  /** True when the question named this item's ID. */
  exactId: boolean;
  /** Cosine similarity (0–1) of the question to the item's closest phrasing, by character n-grams (charGrams.ts). */
  similarity: number;
}

export interface SearchResult {
  query: string;
  hits: SearchHit[];
}

/** Ranking parameters; the defaults were chosen on the tuning sets test/eval/questions.json and situations-dev.json (see npm run bench). */
export interface RankingOptions {
  fieldWeights: Record<FieldName, number>;
  k1: number;
  b: number;
  synonymWeight: number;
  /**
   * Weight of the best single phrasing's word match (on top of the fields).
   * Off by default since the n-gram similarity compares the question with
   * each phrasing: as good on the tuning sets, at less cost per question.
   */
  phrasingWeight: number;
  /** The best few (RERANKED) are re-ranked by score × (1 + coverageBoost × coverage). */
  coverageBoost: number;
  fuzzyWeight: number;
  /** Weight of the n-gram similarity (relative to the most similar item's) against the relative word score. */
  similarityWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  fieldWeights: { title: 2.0, requirement: 2.0, topics: 2.0, teams: 1.0, actions: 0.5, askedAs: 2.0 },
  k1: 1.2,
  b: 0.75,
  synonymWeight: 0.5,
  fuzzyWeight: 0.8,
  phrasingWeight: 0,
  coverageBoost: 2,
  similarityWeight: 0.6,
};

/** BM25 parameters of the phrasing documents (short, one question each). */
const PHRASING_K1 = 1.2;
const PHRASING_B = 0.5;
/** How many of the best items are re-ranked by coverage. */
const RERANKED = 5;
/** How many of the items most similar by n-grams join the word-matched ones. */
const SIMILAR_ADDED = 5;

interface Doc {
  item: Item;
  /** term → tf per field */
  tf: Map<string, number[]>;
  lengths: number[];
}

class Hit implements SearchHit {
  private measured: number | undefined;
  constructor(
    readonly item: Item, readonly score: number, readonly base: number, readonly exactId: boolean, readonly similarity: number,
    // How to measure coverage when first asked (most hits are never asked): the index's measure, this item, the question.
    private readonly measure: (doc: number, query: Query) => number, private readonly doc: number, private readonly query: Query, known?: number,
  ) {
    this.measured = known;
  }
  get coverage(): number {
    this.measured ??= this.exactId ? 1 : this.measure(this.doc, this.query);
    return this.measured;
  }
  toJSON() {
    return { item: this.item, score: this.score, base: this.base, coverage: this.coverage, exactId: this.exactId, similarity: this.similarity };
  }
}

interface Ranked {
  doc: number;
  score: number;
  base: number;
  exactId: boolean;
  /** Coverage, where the re-ranking has measured it already. */
  coverage?: number;
}

/** A question's analysis plus what coverage needs, computed on first use. */
interface Query extends QueryAnalysis {
  weighted?: WeightedWord[];
}

/** Adds one term's postings (start to end) × weight to the documents' scores, noting documents touched for the first time after touched[0..count); returns the new count. */
function accumulate(docs: Int32Array, contributions: Float64Array, start: number, end: number, weight: number, scores: Float64Array, touched: Int32Array, count: number): number {
  let n = count;
  for (let p = start; p < end; p += 1) {
    const doc = docs[p];
    if (scores[doc] === 0) { touched[n] = doc; n += 1; }
    scores[doc] += weight * contributions[p];
  }
  return n;
}

/**
 * Keeps the best `size` documents by value (ties: earlier in guideline order)
 * in docs/values[0..kept), best first, while scanning: the new document goes
 * in at its place if it beats the last kept; returns the new count.
 */
function keepBest(docs: Int32Array, values: Float64Array, kept: number, size: number, doc: number, value: number, idOrder: Int32Array): number {
  const last = size - 1;
  if (kept === size && !(value > values[last] || (value === values[last] && idOrder[doc] < idOrder[docs[last]]))) return kept;
  let i = Math.min(kept, last);
  while (i > 0 && (value > values[i - 1] || (value === values[i - 1] && idOrder[doc] < idOrder[docs[i - 1]]))) {
    docs[i] = docs[i - 1];
    values[i] = values[i - 1];
    i -= 1;
  }
  docs[i] = doc;
  values[i] = value;
  return kept < size ? kept + 1 : kept;
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly docIndexById: Map<string, number>;
  /** Each document's place in guideline order, for breaking ties. */
  private readonly idOrder: Int32Array;
  private readonly termInfo = new Map<string, TermInfo>();
  /** All terms' postings (TermInfo.start/end say where each term's are): document and BM25 contribution. */
  private readonly postingDocs: Int32Array;
  private readonly postingScores: Float64Array;
  /** Which items have which terms (by term number). */
  private readonly docTerms: DocBits;
  /** Which items have a word of which synonym group (all of that word's terms). */
  private readonly docGroups: DocBits;
  /** Which item each phrasing belongs to. */
  private readonly phrasingItem: number[] = [];
  private readonly analysis: AnalysisContext;
  /** Per-search accumulators, all zero between searches. */
  private readonly scratch: {
    scores: Float64Array; phrasingScores: Float64Array; bestPhrasing: Float64Array; inTop: Uint8Array;
    /** The documents a search touched, each once (every posting adds to its score). */
    touchedDocs: Int32Array;
    /** The best few by word score and the most similar others, kept while scanning (keepBest). */
    topDoc: Int32Array; topScore: Float64Array; extraDoc: Int32Array; extraSim: Float64Array;
  };
  private readonly ranking: RankingOptions;
  private readonly grams: CharGramIndex;

  constructor(items: readonly Item[], private readonly ids: ItemIdGrammar, vocabulary: Vocabulary, ranking: Partial<RankingOptions> = {}) {
    this.ranking = { ...DEFAULT_RANKING, ...ranking, fieldWeights: { ...DEFAULT_RANKING.fieldWeights, ...ranking.fieldWeights } };
    const weights = FIELD_NAMES.map((f) => this.ranking.fieldWeights[f]);
    this.docs = items.map((item) => {
      const tf = new Map<string, number[]>();
      const lengths = FIELD_NAMES.map((f, fi) => {
        const ts = terms(fieldText(item, f));
        for (const t of ts) {
          let row = tf.get(t);
          if (!row) { row = new Array(FIELD_NAMES.length).fill(0); tf.set(t, row); }
          row[fi] += 1;
        }
        return ts.length;
      });
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { item, tf, lengths };
    });
    this.docIndexById = new Map(this.docs.map((d, i) => [d.item.id, i]));
    this.idOrder = new Int32Array(this.docs.length);
    [...this.docs.keys()].sort((a, b) => ids.compare(this.docs[a].item.id, this.docs[b].item.id)).forEach((doc, rank) => { this.idOrder[doc] = rank; });
    const avgLength = FIELD_NAMES.map((_, fi) => this.docs.reduce((s, d) => s + d.lengths[fi], 0) / Math.max(1, this.docs.length));

    // Everything about a (term, document) pair is fixed once the index is
    // built, so its BM25 contribution is computed here, not per question.
    const { k1, b } = this.ranking;
    const lists = new Map<string, Array<{ doc: number; score: number }>>();
    this.docs.forEach((d, doc) => {
      for (const [term, row] of d.tf) {
        let fieldScore = 0;
        for (let fi = 0; fi < FIELD_NAMES.length; fi += 1) {
          if (row[fi]) fieldScore += weights[fi] * bm25(row[fi], d.lengths[fi], avgLength[fi], k1, b);
        }
        let list = lists.get(term);
        if (!list) { list = []; lists.set(term, list); }
        // Only postings that add to a score (a field weighted 0 adds nothing): each touches its document once.
        if (fieldScore > 0) list.push({ doc, score: this.idf(term) * fieldScore });
      }
    });
    const phrasingPostings = this.ranking.phrasingWeight > 0 ? this.buildPhrasings() : new Map<string, NonNullable<TermInfo['phrasing']>>();
    const termIds = new Map<string, number>();
    for (const t of this.df.keys()) termIds.set(t, termIds.size);
    // Every term's postings one after another in two flat arrays (one pair of
    // arrays for every search to read, instead of two small ones per term).
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.postingDocs = new Int32Array(total);
    this.postingScores = new Float64Array(total);
    let at = 0;
    for (const [term, list] of lists) {
      const start = at;
      for (const p of list) {
        this.postingDocs[at] = p.doc;
        this.postingScores[at] = p.score;
        at += 1;
      }
      this.termInfo.set(term, { id: termIds.get(term)!, idf: this.idf(term), start, end: at, phrasing: phrasingPostings.get(term) });
    }
    const n = this.docs.length;
    this.scratch = {
      scores: new Float64Array(n), phrasingScores: new Float64Array(this.phrasingItem.length), bestPhrasing: new Float64Array(n), inTop: new Uint8Array(n),
      touchedDocs: new Int32Array(n), topDoc: new Int32Array(n), topScore: new Float64Array(n),
      extraDoc: new Int32Array(SIMILAR_ADDED), extraSim: new Float64Array(SIMILAR_ADDED),
    };

    const synonyms = new Synonyms(vocabulary);
    this.docTerms = new DocBits(termIds.size, this.docs.length);
    this.docGroups = new DocBits(synonyms.groups.length, this.docs.length);
    this.docs.forEach((d, doc) => {
      for (const t of d.tf.keys()) this.docTerms.set(termIds.get(t)!, doc);
      synonyms.groups.forEach((g, group) => {
        if (g.terms.some((ts) => ts.length > 0 && ts.every((t) => d.tf.has(t)))) this.docGroups.set(group, doc);
      });
    });
    const recognition: Array<{ item: number; text: string }> = [];
    this.docs.forEach((d, doc) => { for (const text of recognitionTexts(d.item)) recognition.push({ item: doc, text }); });
    this.grams = new CharGramIndex(recognition, this.docs.length);
    this.analysis = {
      synonyms,
      groupTerms: synonyms.groups.map((g) => g.terms.map((ts) => ts.map((term) => ({ term, info: this.termInfo.get(term) ?? null })))),
      corrector: new SpellingCorrector(this.df.keys()),
      termInfo: this.termInfo,
      synonymWeight: this.ranking.synonymWeight,
      fuzzyWeight: this.ranking.fuzzyWeight,
    };
  }

  /**
   * Each phrasing as a document of its own: a question close to one way
   * people ask about an item says more than words scattered over it.
   */
  private buildPhrasings(): Map<string, NonNullable<TermInfo['phrasing']>> {
    const phrasingTerms: string[][] = [];
    this.docs.forEach((d, doc) => {
      for (const p of phrasingsOf(d.item)) {
        this.phrasingItem.push(doc);
        phrasingTerms.push([...new Set(terms(p))]);
      }
    });
    const n = phrasingTerms.length;
    const avg = phrasingTerms.reduce((a, t) => a + t.length, 0) / Math.max(1, n);
    const df = new Map<string, number>();
    for (const ts of phrasingTerms) for (const t of ts) df.set(t, (df.get(t) ?? 0) + 1);
    const lists = new Map<string, Array<[number, number]>>();
    phrasingTerms.forEach((ts, pid) => {
      for (const t of ts) {
        let list = lists.get(t);
        if (!list) lists.set(t, (list = []));
        list.push([pid, idf(n, df.get(t)!) * bm25(1, ts.length, avg, PHRASING_K1, PHRASING_B)]);
      }
    });
    const postings = new Map<string, NonNullable<TermInfo['phrasing']>>();
    for (const [t, list] of lists) {
      postings.set(t, { phrasings: Int32Array.from(list, (x) => x[0]), scores: Float64Array.from(list, (x) => x[1]) });
    }
    return postings;
  }

  /** BM25 idf over the items (the highest weight for terms the reference never uses). */
  private idf(term: string): number {
    return idf(this.docs.length, this.df.get(term) ?? 0);
  }

  /** coverage(), bound once for the hits to call. */
  private readonly measureCoverage = (doc: number, query: Query): number => this.coverage(doc, query);

  /** How much of the analysed question an item covers. */
  private coverage(doc: number, query: Query): number {
    // The terms weighWords() asks about are the question's: their entries are in query.byTerm (the small map, not the index's).
    const weighted = (query.weighted ??= weighWords(query, { get: (term) => { const q = query.byTerm.get(term); return q ? q.info : this.termInfo.get(term); } }, this.idf('\u0000')));
    return measureCoverage(weighted, this.docTerms, this.docGroups, doc);
  }

  /**
   * search(question, options) where its first hit can reach both bars, an
   * n-gram similarity of at least `minSimilarity` and a coverage of at least
   * `minCoverage`; undefined where no item has both (an item's similarity and
   * coverage are the same here as in its hit), so no hit has, the first
   * included. Far cheaper than searching when no item passes: the n-grams,
   * and only where some item is similar enough, the question's analysis and
   * those items' coverage; the search then goes on with that analysis and
   * those n-gram scores.
   */
  searchIfMatching(question: string, minSimilarity: number, minCoverage: number, options: SearchOptions = {}): SearchResult | undefined {
    const text = question.slice(0, 1000);
    const grams = this.grams;
    const count = grams.score(text);
    const similar: number[] = [];
    for (let k = 0; k < count; k += 1) if (grams.similarity(grams.items[k]) >= minSimilarity) similar.push(grams.items[k]);
    if (similar.length === 0) {
      grams.reset();
      return undefined;
    }
    const ids = this.namedIds(text);
    const query: Query = analyseQuery(text, this.analysis);
    // An item named by its ID counts as fully covered: the search decides.
    if (ids.length === 0 && !similar.some((doc) => this.coverage(doc, query) >= minCoverage)) {
      grams.reset();
      return undefined;
    }
    // The n-grams stay scored: the ranking reads them rather than scoring them again.
    return this.rank(text, ids, query, options, count);
  }

  search(question: string, options: SearchOptions = {}): SearchResult {
    const text = question.slice(0, 1000);
    return this.rank(text, this.namedIds(text), analyseQuery(text, this.analysis), options);
  }

  /** The items the text names by ID (that this index has). */
  private namedIds(text: string): string[] {
    return this.ids.find(text).filter((id) => this.docIndexById.has(id));
  }

  /**
   * The ranking of search(), for the analysed question (`ids`: the items it
   * names). `gramsScored`: what grams.score(text) returned, where the caller
   * has scored the n-grams already and not reset them.
   */
  private rank(text: string, ids: readonly string[], query: Query, options: SearchOptions, gramsScored?: number): SearchResult {
    const limit = options.limit ?? 10;
    const cutoff = options.relativeCutoff ?? 0;

    // Scratch space reused by every search (searching is synchronous), with
    // lists of what was touched so only those entries are read and reset.
    const { scores, phrasingScores, bestPhrasing, touchedDocs } = this.scratch;
    let touched = 0;
    const touchedPhrasings: number[] = [];
    for (const q of query.terms) {
      if (q.info) touched = accumulate(this.postingDocs, this.postingScores, q.info.start, q.info.end, q.weight, scores, touchedDocs, touched);
    }
    const w = this.ranking.phrasingWeight;
    if (w > 0) {
      for (const q of query.terms) {
        const posting = q.info?.phrasing;
        if (!posting) continue;
        for (let p = 0; p < posting.phrasings.length; p += 1) {
          const pid = posting.phrasings[p];
          if (phrasingScores[pid] === 0) touchedPhrasings.push(pid);
          phrasingScores[pid] += q.weight * posting.scores[p];
        }
      }
      for (const pid of touchedPhrasings) {
        const doc = this.phrasingItem[pid];
        if (phrasingScores[pid] > bestPhrasing[doc]) bestPhrasing[doc] = phrasingScores[pid];
        phrasingScores[pid] = 0;
      }
      for (const pid of touchedPhrasings) {
        const doc = this.phrasingItem[pid];
        if (bestPhrasing[doc] > 0) {
          if (scores[doc] === 0) touchedDocs[touched++] = doc;
          scores[doc] += w * bestPhrasing[doc];
          bestPhrasing[doc] = 0;
        }
      }
    }
    for (const id of ids) {
      const doc = this.docIndexById.get(id)!;
      if (scores[doc] === 0) touchedDocs[touched++] = doc;
    }

    // The best few, kept in order by insertion while scanning (far fewer
    // comparisons and objects than sorting every touched item); ties broken
    // by guideline order so results are stable.
    const boost = this.ranking.coverageBoost;
    const size = boost > 0 ? Math.max(limit, RERANKED) : limit;
    const before = (a: Ranked, b: Ranked) => a.score > b.score || (a.score === b.score && this.idOrder[a.doc] < this.idOrder[b.doc]);
    // In typed scratch arrays while scanning (no object per candidate); objects for the few kept.
    const { topDoc, topScore } = this.scratch;
    const idOrder = this.idOrder;
    const named = (doc: number) => (ids.length ? ids.indexOf(this.docs[doc].item.id) : -1);
    let kept = 0;
    for (let t = 0; t < touched; t += 1) {
      const doc = touchedDocs[t];
      const idIndex = named(doc);
      const score = scores[doc] + (idIndex >= 0 ? 1000 - idIndex : 0);
      scores[doc] = 0;
      if (score > 0) kept = keepBest(topDoc, topScore, kept, size, doc, score, idOrder);
    }
    const top: Ranked[] = [];
    for (let i = 0; i < kept; i += 1) top.push({ doc: topDoc[i], score: topScore[i], base: topScore[i], exactId: named(topDoc[i]) >= 0 });
    if (boost > 0) {
      // Re-rank the best few by how much of the question each covers: of two
      // items that score alike, the one answering more of what was asked
      // wins. Scores only grow, so they stay ahead of the rest.
      const head = top.slice(0, RERANKED);
      for (const r of head) {
        if (r.exactId) continue;
        r.coverage = this.coverage(r.doc, query);
        r.score *= 1 + boost * r.coverage;
      }
      head.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
      top.splice(0, head.length, ...head);
    }
    // Combine with the n-gram similarity: each side relative to its best, so
    // neither scale dominates; the most similar items join the candidates.
    const grams = this.grams;
    const similarCount = this.ranking.similarityWeight > 0 ? gramsScored ?? grams.score(text) : 0;
    const similarItems = grams.items;
    let bestSimilarity = 0;
    for (let k = 0; k < similarCount; k += 1) if (grams.similarity(similarItems[k]) > bestSimilarity) bestSimilarity = grams.similarity(similarItems[k]);
    const bestWord = top[0]?.score ?? 0;
    const combined: Array<Ranked & { similarity: number }> = top.map((r) => ({ doc: r.doc, base: r.base, exactId: r.exactId, coverage: r.coverage, similarity: grams.similarity(r.doc), score: bestWord > 0 ? r.score / bestWord : 0 }));
    if (bestSimilarity > 0) {
      const w = this.ranking.similarityWeight / bestSimilarity;
      for (const r of combined) r.score += w * r.similarity;
      // The few most similar items not already there, by insertion (no sort of every touched item).
      const { inTop, extraDoc, extraSim } = this.scratch;
      let extras = 0;
      for (const r of top) inTop[r.doc] = 1;
      for (let k = 0; k < similarCount; k += 1) {
        const doc = similarItems[k];
        if (inTop[doc] === 0) extras = keepBest(extraDoc, extraSim, extras, SIMILAR_ADDED, doc, grams.similarity(doc), idOrder);
      }
      for (const r of top) inTop[r.doc] = 0;
      for (let i = 0; i < extras; i += 1) combined.push({ doc: extraDoc[i], score: w * extraSim[i], base: 0, exactId: false, similarity: extraSim[i] });
    }
    grams.reset();
    combined.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    combined.length = Math.min(combined.length, limit);
    const bestScore = combined[0]?.score ?? 0;
    const hits: SearchHit[] = combined
      .filter((r) => r.score >= bestScore * cutoff)
      .map((r) => new Hit(this.docs[r.doc].item, r.score, r.base, r.exactId, r.similarity, this.measureCoverage, r.doc, query, r.coverage));
    return { query: text, hits };
  }
}
