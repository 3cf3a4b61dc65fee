/**
 * Nearest phrasings by character n-grams: a question is compared, as a
 * tf-idf vector of its character bigrams and trigrams (Japanese) and word
 * stems (English), with every phrasing of every item (askedAs, situations,
 * title, requirement); an item scores its best phrasing's cosine. It catches
 * what word matching misses: inflections and compounds cut differently
 * (持ち帰った / 持って帰る, 退職者 / 辞めた人), typos, half-width kana. Built at
 * start-up from the data (no stored model, nothing to retrain when the
 * phrasings change); a search reads only the postings of the question's
 * n-grams.
 */
import type { Item } from '../../contract/reference';
import { normalize, stem } from './text';

/** An n-gram in more than this share of phrasings says nothing about which item is meant. */
const MAX_DF_SHARE = 0.01;

const CJK_RUN = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff々〆]+/g;
const LATIN_WORD = /[a-z0-9]+/g;
const EN_STOP = new Set([
  'a', 'an', 'the', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'by', 'at', 'from', 'as', 'is', 'are', 'was', 'were', 'be', 'been',
  'do', 'does', 'did', 'can', 'could', 'should', 'would', 'will', 'may', 'might', 'must', 'it', 'its', 'this', 'that', 'we', 'our', 'us', 'you',
  'your', 'i', 'my', 'me', 'they', 'them', 'their', 'there', 'have', 'has', 'had', 'not', 'no', 'if', 'so', 'about', 'into', 'than', 'then',
  'what', 'how', 'who', 'when', 'where', 'which', 'why', 'he', 'she', 'his', 'her', 'just', 'one', 'get', 'got',
]);

/** The n-grams of a text, each once. */
export function charGrams(text: string): string[] {
  const t = normalize(text);
  const out = new Set<string>();
  for (const m of t.matchAll(CJK_RUN)) {
    const run = m[0];
    if (run.length === 1) { out.add(run); continue; }
    for (let i = 0; i + 2 <= run.length; i += 1) out.add(run.slice(i, i + 2));
    for (let i = 0; i + 3 <= run.length; i += 1) out.add(run.slice(i, i + 3));
  }
  let previous = '';
  for (const m of t.matchAll(LATIN_WORD)) {
    const w = m[0];
    if (EN_STOP.has(w)) { previous = ''; continue; }
    const s = stem(w);
    out.add(`w:${s}`);
    if (previous) out.add(`w:${previous}_${s}`);
    previous = s;
  }
  return [...out];
}

export interface PhrasingSource {
  item: number;
  text: string;
}

export class CharGramIndex {
  /** Per n-gram: its squared idf (for the question's norm) and the phrasings that hold it, weighted. */
  private readonly postings = new Map<string, { idf2: number; phrasings: Int32Array; weights: Float32Array }>();
  private readonly phrasingItem: Int32Array;
  private readonly phrasingNorm: Float32Array;
  private readonly sims: Float32Array;
  private readonly best: Float32Array;

  constructor(phrasings: readonly PhrasingSource[], private readonly itemCount: number) {
    const grams = phrasings.map((p) => charGrams(p.text));
    const n = phrasings.length;
    const df = new Map<string, number>();
    for (const gs of grams) for (const g of gs) df.set(g, (df.get(g) ?? 0) + 1);
    const maxDf = Math.max(2, Math.floor(n * MAX_DF_SHARE));
    const idf = new Map<string, number>();
    for (const [g, d] of df) if (d <= maxDf) idf.set(g, Math.log(1 + n / d));
    this.phrasingItem = Int32Array.from(phrasings, (p) => p.item);
    this.phrasingNorm = new Float32Array(n);
    const lists = new Map<string, number[]>();
    grams.forEach((gs, pid) => {
      let norm = 0;
      for (const g of gs) {
        const w = idf.get(g);
        if (w === undefined) continue;
        norm += w * w;
        let list = lists.get(g);
        if (!list) lists.set(g, (list = []));
        list.push(pid);
      }
      this.phrasingNorm[pid] = Math.sqrt(norm) || 1;
    });
    for (const [g, list] of lists) {
      const w = idf.get(g)!;
      this.postings.set(g, { idf2: w * w, phrasings: Int32Array.from(list), weights: Float32Array.from(list, (pid) => (w * w) / this.phrasingNorm[pid]) });
    }
    this.sims = new Float32Array(n);
    this.best = new Float32Array(itemCount);
  }

  /** Each item's best phrasing cosine (0–1), for the items with any shared n-gram. */
  scores(question: string): Map<number, number> {
    const out = new Map<number, number>();
    const touched = this.score(question);
    for (const item of touched) { out.set(item, this.best[item]); this.best[item] = 0; }
    return out;
  }

  /**
   * The same without allocating a map: fills `similarity(item)` for the
   * returned items until `reset()` (searching is synchronous; one search at
   * a time per index).
   */
  score(question: string): number[] {
    // One look-up per n-gram: the postings also carry the idf for the question's norm.
    const found: Array<{ idf2: number; phrasings: Int32Array; weights: Float32Array }> = [];
    let norm = 0;
    for (const g of charGrams(question)) {
      const posting = this.postings.get(g);
      if (posting === undefined) continue;
      norm += posting.idf2;
      found.push(posting);
    }
    const items: number[] = [];
    if (norm === 0) return items;
    const qNorm = Math.sqrt(norm);
    const touched: number[] = [];
    const sims = this.sims;
    for (const { phrasings, weights } of found) {
      for (let p = 0; p < phrasings.length; p += 1) {
        const pid = phrasings[p];
        if (sims[pid] === 0) touched.push(pid);
        sims[pid] += weights[p];
      }
    }
    const best = this.best;
    for (const pid of touched) {
      const item = this.phrasingItem[pid];
      const sim = sims[pid] / qNorm;
      sims[pid] = 0;
      if (best[item] === 0) items.push(item);
      if (sim > best[item]) best[item] = sim;
    }
    return items;
  }

  similarity(item: number): number {
    return this.best[item];
  }

  /** Clears what score() filled. */
  reset(items: readonly number[]): void {
    for (const item of items) this.best[item] = 0;
  }
}

/** The texts an item is recognised by: how people ask, the situations, its title and requirement. */
export function recognitionTexts(item: Item): string[] {
  return [
    ...(item.askedAs?.ja ?? []), ...(item.askedAs?.en ?? []),
    ...(item.situations?.ja ?? []), ...(item.situations?.en ?? []),
    item.title.ja, item.title.en, item.requirement.ja, item.requirement.en,
  ];
}
