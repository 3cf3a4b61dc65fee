/**
 * Question → ranked requirement items. BM25 over weighted fields, with the
 * synonym vocabulary expanding the question, fuzzy matching of misspelt
 * English words and a hard boost for item IDs typed in the question.
 * Built once at start-up; searching is pure and deterministic.
 */
import type { Item, Vocabulary } from '../reference/schema';
import { findItemIds } from '../reference/itemId';
import { editDistance, isJapanese, normalize, terms } from './text';

export interface SearchOptions {
  limit?: number;
  /** Drop results scoring below this share of the best result. */
  relativeCutoff?: number;
}

export interface SearchHit {
  item: Item;
  score: number;
  /** How much of the question the item covers (0–1), for "no good match" decisions. */
  coverage: number;
  /** True when the question named this item's ID. */
  exactId: boolean;
}

export interface SearchResult {
  query: string;
  language: 'ja' | 'en';
  hits: SearchHit[];
  /** The best hit is a confident answer (not just the least bad match). */
  confident: boolean;
}

interface FieldDef {
  name: string;
  weight: number;
  text: (item: Item) => string;
}

/** Where a word appears matters: the title and requirement say what an item is about. */
const FIELDS: FieldDef[] = [
  { name: 'title', weight: 3.0, text: (i) => `${i.title.ja} ${i.title.en}` },
  { name: 'requirement', weight: 2.0, text: (i) => `${i.requirement.ja} ${i.requirement.en}` },
  { name: 'topics', weight: 2.0, text: (i) => i.topics.map((t) => t.replace(/-/g, ' ')).join(' ') },
  { name: 'teams', weight: 0.7, text: (i) => `${i.teams.ja} ${i.teams.en}` },
  { name: 'actions', weight: 0.6, text: (i) => i.actions.map((a) => `${a.ja} ${a.en}`).join(' ') },
];

/** A best score at or above this is a real answer (see search()). */
export const CONFIDENT_SCORE = 18;

/** Ranking parameters; the defaults were chosen on test/eval/questions.json (see npm run bench). */
export interface RankingOptions {
  fieldWeights: Record<string, number>;
  k1: number;
  b: number;
  synonymWeight: number;
  fuzzyWeight: number;
}

export const DEFAULT_RANKING: RankingOptions = {
  fieldWeights: { title: 2.0, requirement: 1.5, topics: 2.0, teams: 1.0, actions: 1.0 },
  k1: 1.2,
  b: 0.75,
  synonymWeight: 0.5,
  fuzzyWeight: 0.8,
};

interface Doc {
  item: Item;
  /** term → tf per field */
  tf: Map<string, number[]>;
  lengths: number[];
}

interface QueryTerm {
  term: string;
  weight: number;
  /** Which written form of the question it came from, for coverage. */
  origin: string;
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number[];
  private readonly synonymGroups: Array<{ normalized: string[]; terms: string[][] }>;
  private readonly latinTerms: string[];
  private readonly byId: Map<string, Item>;
  /** term → the documents containing it, with per-field term frequencies. */
  private readonly postings = new Map<string, Array<{ doc: number; tf: number[] }>>();

  private readonly ranking: RankingOptions;
  private readonly weights: number[];

  constructor(items: Item[], vocabulary: Vocabulary, ranking: Partial<RankingOptions> = {}) {
    this.ranking = { ...DEFAULT_RANKING, ...ranking, fieldWeights: { ...DEFAULT_RANKING.fieldWeights, ...ranking.fieldWeights } };
    this.weights = FIELDS.map((f) => this.ranking.fieldWeights[f.name] ?? f.weight);
    this.byId = new Map(items.map((i) => [i.id, i]));
    this.docs = items.map((item) => {
      const tf = new Map<string, number[]>();
      const lengths = FIELDS.map((f, fi) => {
        const ts = terms(f.text(item));
        for (const t of ts) {
          let row = tf.get(t);
          if (!row) { row = new Array(FIELDS.length).fill(0); tf.set(t, row); }
          row[fi] += 1;
        }
        return ts.length;
      });
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      return { item, tf, lengths };
    });
    this.docs.forEach((d, doc) => {
      for (const [term, tf] of d.tf) {
        let list = this.postings.get(term);
        if (!list) { list = []; this.postings.set(term, list); }
        list.push({ doc, tf });
      }
    });
    this.avgLength = FIELDS.map((_, fi) => this.docs.reduce((s, d) => s + d.lengths[fi], 0) / Math.max(1, this.docs.length));
    this.synonymGroups = vocabulary.synonyms.map((group) => ({
      normalized: group.map((w) => normalize(w)),
      terms: group.map((w) => terms(w, { bigrams: false })),
    }));
    this.latinTerms = [...this.df.keys()].filter((t) => /^[a-z][a-z0-9]{3,}$/.test(t));
  }

  private idf(term: string): number {
    const n = this.docs.length;
    const df = this.df.get(term) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** The question's own terms, then synonyms, then corrections of misspellings. */
  private queryTerms(query: string): QueryTerm[] {
    const out = new Map<string, QueryTerm>();
    const add = (term: string, weight: number, origin: string) => {
      const prev = out.get(term);
      if (!prev || prev.weight < weight) out.set(term, { term, weight, origin });
    };
    const own = terms(query);
    for (const t of own) add(t, 1, t);

    const nq = normalize(query);
    const ownSet = new Set(own);
    for (const group of this.synonymGroups) {
      const hit = group.normalized.findIndex((w, idx) => {
        if (/^[a-z0-9 .-]+$/.test(w)) return group.terms[idx].length > 0 && group.terms[idx].every((t) => ownSet.has(t));
        return nq.includes(w);
      });
      if (hit < 0) continue;
      const origin = `syn:${group.normalized[hit]}`;
      group.terms.forEach((ts, idx) => {
        if (idx === hit) return;
        for (const t of ts) add(t, this.ranking.synonymWeight, origin);
      });
    }

    for (const t of own) {
      // Short words have too many neighbours (bake → back): correct only longer ones.
      if (this.df.has(t) || !/^[a-z]{6,}$/.test(t)) continue;
      const max = t.length >= 9 ? 2 : 1;
      for (const candidate of this.latinTerms) {
        if (Math.abs(candidate.length - t.length) > max) continue;
        if (editDistance(t, candidate, max) <= max) add(candidate, this.ranking.fuzzyWeight, t);
      }
    }
    return [...out.values()];
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 10;
    const cutoff = options.relativeCutoff ?? 0;
    const text = query.slice(0, 1000);
    const language: 'ja' | 'en' = isJapanese(text) ? 'ja' : 'en';
    const ids = findItemIds(text).filter((id) => this.byId.has(id));
    const qterms = this.queryTerms(text);

    // Coverage: which of the question's own words (or their synonyms) an item matches.
    const origins = new Map<string, number>();
    for (const q of qterms) {
      // Words the reference never uses (greetings, names, typos beyond repair) neither help nor count against an item.
      if (q.origin.startsWith('syn:') || !this.df.has(q.term)) continue;
      origins.set(q.origin, Math.max(origins.get(q.origin) ?? 0, this.idf(q.term)));
    }
    const totalOriginWeight = [...origins.values()].reduce((a, b) => a + b, 0);

    const scores = new Float64Array(this.docs.length);
    const matched: Array<Set<string> | undefined> = new Array(this.docs.length);
    const synonymMatched = new Uint8Array(this.docs.length);
    for (const q of qterms) {
      const list = this.postings.get(q.term);
      if (!list) continue;
      const idf = this.idf(q.term);
      const isSynonym = q.origin.startsWith('syn:');
      for (const { doc, tf: row } of list) {
        const lengths = this.docs[doc].lengths;
        let fieldScore = 0;
        for (let fi = 0; fi < FIELDS.length; fi += 1) {
          const tf = row[fi];
          if (!tf) continue;
          const { k1, b } = this.ranking;
          const norm = 1 - b + b * (lengths[fi] / (this.avgLength[fi] || 1));
          fieldScore += this.weights[fi] * ((tf * (k1 + 1)) / (tf + k1 * norm));
        }
        scores[doc] += q.weight * idf * fieldScore;
        if (isSynonym) synonymMatched[doc] = 1;
        else (matched[doc] ??= new Set()).add(q.origin);
      }
    }
    const scored: SearchHit[] = [];
    this.docs.forEach((d, doc) => {
      let score = scores[doc];
      const exactId = ids.includes(d.item.id);
      if (exactId) score += 1000 - ids.indexOf(d.item.id);
      if (score <= 0) return;
      let matchedWeight = 0;
      for (const o of matched[doc] ?? []) matchedWeight += origins.get(o) ?? 0;
      let coverage = totalOriginWeight ? matchedWeight / totalOriginWeight : 0;
      if (synonymMatched[doc]) coverage = Math.min(1, coverage + 0.25);
      if (exactId) coverage = 1;
      scored.push({ item: d.item, score, coverage, exactId });
    });
    // Ties broken by guideline order so results are stable.
    scored.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id));
    const best = scored[0]?.score ?? 0;
    const hits = scored.filter((h) => h.score >= best * cutoff).slice(0, limit);
    const top = hits[0];
    // Below this score the best item is only the least bad match: the bot says
    // so instead of presenting it (calibrated with test/eval/offtopic.json:
    // no off-topic question reaches it, 98 % of right first answers do).
    const confident = Boolean(top && (top.exactId || top.score >= CONFIDENT_SCORE));
    return { query: text, language, hits, confident };
  }
}
