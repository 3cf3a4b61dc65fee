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

/** The documents containing a term, each with its precomputed BM25 contribution (idf × weighted fields). */
interface Posting {
  docs: Int32Array;
  scores: Float64Array;
  idf: number;
}

/** A vocabulary word and the group it belongs to. */
interface SynonymWord {
  group: number;
  index: number;
  normalized: string;
  terms: string[];
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly df = new Map<string, number>();
  private readonly avgLength: number[];
  private readonly synonymGroups: Array<{ normalized: string[]; terms: string[][] }>;
  /** Japanese vocabulary words by their first two characters (or the one, for one-character words). */
  private readonly synonymsByPrefix = new Map<string, SynonymWord[]>();
  /** Latin vocabulary words by their first term: they match when all their terms are in the question. */
  private readonly synonymsByFirstTerm = new Map<string, SynonymWord[]>();
  /** Latin terms of the index by length, with the set of letters each uses, for correcting misspellings. */
  private readonly latinTermsByLength = new Map<number, Array<{ term: string; letters: number }>>();
  private readonly byId: Map<string, Item>;
  private readonly postings = new Map<string, Posting>();

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
    this.avgLength = FIELDS.map((_, fi) => this.docs.reduce((s, d) => s + d.lengths[fi], 0) / Math.max(1, this.docs.length));

    // Everything about a (term, document) pair is fixed once the index is
    // built, so its BM25 contribution is computed here, not per question.
    const { k1, b } = this.ranking;
    const lists = new Map<string, Array<{ doc: number; score: number }>>();
    this.docs.forEach((d, doc) => {
      for (const [term, row] of d.tf) {
        let fieldScore = 0;
        for (let fi = 0; fi < FIELDS.length; fi += 1) {
          const tf = row[fi];
          if (!tf) continue;
          const norm = 1 - b + b * (d.lengths[fi] / (this.avgLength[fi] || 1));
          fieldScore += this.weights[fi] * ((tf * (k1 + 1)) / (tf + k1 * norm));
        }
        let list = lists.get(term);
        if (!list) { list = []; lists.set(term, list); }
        list.push({ doc, score: this.idf(term) * fieldScore });
      }
    });
    for (const [term, list] of lists) {
      this.postings.set(term, { docs: Int32Array.from(list, (p) => p.doc), scores: Float64Array.from(list, (p) => p.score), idf: this.idf(term) });
    }

    this.synonymGroups = vocabulary.synonyms.map((group) => ({
      normalized: group.map((w) => normalize(w)),
      terms: group.map((w) => terms(w, { bigrams: false })),
    }));
    this.synonymGroups.forEach((g, group) => g.normalized.forEach((normalized, index) => {
      const word: SynonymWord = { group, index, normalized, terms: g.terms[index] };
      if (LATIN_WORD.test(normalized)) {
        if (word.terms.length === 0) return;
        push(this.synonymsByFirstTerm, word.terms[0], word);
      } else if (normalized.length > 0) {
        push(this.synonymsByPrefix, normalized.slice(0, 2), word);
      }
    }));
    for (const t of this.df.keys()) {
      if (/^[a-z][a-z0-9]{3,}$/.test(t)) push(this.latinTermsByLength, t.length, { term: t, letters: letterSet(t) });
    }
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

    // A group is triggered by its first word (in vocabulary order) that the
    // question contains: Japanese words as substrings, latin words when all
    // their terms are among the question's.
    const nq = normalize(query);
    const ownSet = new Set(own);
    const firstHit = new Map<number, number>();
    const hit = (w: SynonymWord) => {
      const prev = firstHit.get(w.group);
      if (prev === undefined || w.index < prev) firstHit.set(w.group, w.index);
    };
    for (let i = 0; i < nq.length; i += 1) {
      for (const key of [nq.slice(i, i + 2), nq[i]]) {
        const words = this.synonymsByPrefix.get(key);
        if (!words) continue;
        for (const w of words) if (w.normalized.length === key.length || nq.startsWith(w.normalized, i)) hit(w);
      }
    }
    for (const t of ownSet) {
      for (const w of this.synonymsByFirstTerm.get(t) ?? []) if (w.terms.every((x) => ownSet.has(x))) hit(w);
    }
    for (const [group, index] of [...firstHit].sort((a, b) => a[0] - b[0])) {
      const g = this.synonymGroups[group];
      const origin = `syn:${g.normalized[index]}`;
      g.terms.forEach((ts, idx) => {
        if (idx === index) return;
        for (const t of ts) add(t, this.ranking.synonymWeight, origin);
      });
    }

    for (const t of own) {
      // Short words have too many neighbours (bake → back): correct only longer ones.
      if (this.df.has(t) || !/^[a-z]{6,}$/.test(t)) continue;
      const max = t.length >= 9 ? 2 : 1;
      const letters = letterSet(t);
      for (let len = t.length - max; len <= t.length + max; len += 1) {
        for (const candidate of this.latinTermsByLength.get(len) ?? []) {
          // Each edit adds or removes at most two letters from the set of letters used:
          // most candidates are ruled out here without computing a distance.
          if (bitCount(letters ^ candidate.letters) > 2 * max) continue;
          if (editDistance(t, candidate.term, max) <= max) add(candidate.term, this.ranking.fuzzyWeight, t);
        }
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
      origins.set(q.origin, Math.max(origins.get(q.origin) ?? 0, this.postings.get(q.term)!.idf));
    }
    let totalOriginWeight = 0;
    for (const w of origins.values()) totalOriginWeight += w;

    const n = this.docs.length;
    const scores = new Float64Array(n);
    const touched = new Uint8Array(n);
    const matchedWeight = new Float64Array(n);
    const synonymMatched = new Uint8Array(n);
    // An origin counts once per item however many of its terms match: terms
    // are visited origin by origin, with a per-origin "seen" mark.
    const byOrigin = new Map<string, QueryTerm[]>();
    for (const q of qterms) push(byOrigin, q.origin, q);
    const seen = new Uint8Array(n);
    for (const [origin, group] of byOrigin) {
      const isSynonym = origin.startsWith('syn:');
      const originWeight = origins.get(origin) ?? 0;
      if (!isSynonym) seen.fill(0);
      for (const q of group) {
        const posting = this.postings.get(q.term);
        if (!posting) continue;
        const { docs, scores: base } = posting;
        for (let p = 0; p < docs.length; p += 1) {
          const doc = docs[p];
          scores[doc] += q.weight * base[p];
          touched[doc] = 1;
          if (isSynonym) synonymMatched[doc] = 1;
          else if (!seen[doc]) { seen[doc] = 1; matchedWeight[doc] += originWeight; }
        }
      }
    }
    const scored: SearchHit[] = [];
    for (let doc = 0; doc < n; doc += 1) {
      const item = this.docs[doc].item;
      const idIndex = ids.length ? ids.indexOf(item.id) : -1;
      if (!touched[doc] && idIndex < 0) continue;
      const exactId = idIndex >= 0;
      let score = scores[doc];
      if (exactId) score += 1000 - idIndex;
      if (score <= 0) continue;
      let coverage = totalOriginWeight ? matchedWeight[doc] / totalOriginWeight : 0;
      if (synonymMatched[doc]) coverage = Math.min(1, coverage + 0.25);
      if (exactId) coverage = 1;
      scored.push({ item, score, coverage, exactId });
    }
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

const LATIN_WORD = /^[a-z0-9 .-]+$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The letters a-z and digits a word uses, as bits. */
function letterSet(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c >= 97 && c <= 122) bits |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) bits |= 1 << 26;
  }
  return bits;
}

function bitCount(n: number): number {
  let v = n - ((n >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
