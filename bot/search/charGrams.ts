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
  latinGrams(t, (g) => out.add(g));
  return [...out];
}

/** English word stems and pairs of stems (`w:laptop`, `w:stolen_laptop`) of a normalised text, in order. */
function latinGrams(t: string, visit: (gram: string) => void): void {
  let previous = '';
  for (const m of t.matchAll(LATIN_WORD)) {
    const w = m[0];
    if (EN_STOP.has(w)) { previous = ''; continue; }
    const s = stem(w);
    visit(`w:${s}`);
    if (previous) visit(`w:${previous}_${s}`);
    previous = s;
  }
}

export interface PhrasingSource {
  item: number;
  text: string;
}

/** Whether a UTF-16 code unit belongs to CJK_RUN (after normalize(): kana are katakana). */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005 || c === 0x3006;
}

/**
 * Japanese n-grams are looked up by number, not by string: each character the
 * phrasings use gets a small code, an n-gram of up to three characters is the
 * number a·K² + b·K + c, and an open-addressing table in typed arrays maps it to
 * its postings. A search thus makes no n-gram strings and reads one compact
 * table instead of chasing a string-keyed Map's entries (the costliest part
 * of scoring on a busy server). English stems keep a Map.
 */
class GramTable {
  readonly charCode = new Int32Array(0x10000);
  private chars = 0;
  private keys: Float64Array = new Float64Array(0);
  private slots: Int32Array = new Int32Array(0);
  private mask = 0;

  /** The gram's number, or -1 when one of its characters never occurs in the index. */
  keyOf(gram: string, assign: boolean): number {
    let key = 0;
    for (let i = 0; i < 3; i += 1) {
      let code = 0;
      if (i < gram.length) {
        const c = gram.charCodeAt(i);
        code = this.charCode[c];
        if (code === 0) {
          if (!assign) return -1;
          code = this.charCode[c] = (this.chars += 1);
        }
      }
      key = key * CHAR_CODES + code;
    }
    return key;
  }

  build(entries: ReadonlyArray<readonly [number, number]>): void {
    let size = 16;
    while (size < entries.length * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (const [key, slot] of entries) {
      const c = key % CHAR_CODES;
      const b = ((key - c) / CHAR_CODES) % CHAR_CODES;
      const a = (key - c - b * CHAR_CODES) / (CHAR_CODES * CHAR_CODES);
      let i = this.hash(a, b, c);
      while (this.keys[i] !== -1) i = (i + 1) & this.mask;
      this.keys[i] = key;
      this.slots[i] = slot;
    }
  }

  /** The slot of the n-gram of these character codes (0 for a position past its end), or -1. */
  get(a: number, b: number, c: number): number {
    const key = (a * CHAR_CODES + b) * CHAR_CODES + c;
    let i = this.hash(a, b, c);
    for (;;) {
      const k = this.keys[i];
      if (k === key) return this.slots[i];
      if (k === -1) return -1;
      i = (i + 1) & this.mask;
    }
  }

  /** Integer arithmetic only (the codes are below 2^16). */
  private hash(a: number, b: number, c: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77) ^ Math.imul(c, 0xc2b2ae3d);
    h ^= h >>> 15;
    return h & this.mask;
  }
}

/** Character codes per position of an n-gram's number (a·K² + b·K + c stays well within 2^53). */
const CHAR_CODES = 1 << 16;

export class CharGramIndex {
  private readonly table = new GramTable();
  private readonly latin = new Map<string, number>();
  /** Per slot (one per n-gram kept): its squared idf, and where its postings start and end. */
  private readonly idf2: Float64Array;
  private readonly offsets: Int32Array;
  private readonly postingPhrasings: Int32Array;
  private readonly postingWeights: Float32Array;
  private readonly seen: Int32Array;
  private stamp = 0;
  private readonly phrasingItem: Int32Array;
  private readonly phrasingNorm: Float32Array;
  private readonly sims: Float32Array;
  private readonly best: Float32Array;
  private readonly found: Int32Array;

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
    // One slot per n-gram, its postings stored one after another in two flat arrays.
    const slotCount = lists.size;
    this.idf2 = new Float64Array(slotCount);
    this.offsets = new Int32Array(slotCount + 1);
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.postingPhrasings = new Int32Array(total);
    this.postingWeights = new Float32Array(total);
    const entries: Array<[number, number]> = [];
    let slot = 0;
    let at = 0;
    for (const [g, list] of lists) {
      const w = idf.get(g)!;
      this.idf2[slot] = w * w;
      this.offsets[slot] = at;
      for (const pid of list) {
        this.postingPhrasings[at] = pid;
        this.postingWeights[at] = (w * w) / this.phrasingNorm[pid];
        at += 1;
      }
      if (g.startsWith('w:')) this.latin.set(g, slot);
      else entries.push([this.table.keyOf(g, true), slot]);
      slot += 1;
    }
    this.offsets[slotCount] = at;
    this.table.build(entries);
    this.seen = new Int32Array(slotCount);
    this.found = new Int32Array(slotCount);
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

  /** The slots of the question's n-grams that the index has, each once (the same n-grams as charGrams()). */
  private lookUp(question: string): number {
    const t = normalize(question);
    const stamp = (this.stamp = (this.stamp + 1) | 0) || (this.seen.fill(0), (this.stamp = 1));
    const { seen, found, table } = this;
    const codes = table.charCode;
    let count = 0;
    const take = (slot: number) => {
      if (slot >= 0 && seen[slot] !== stamp) { seen[slot] = stamp; found[count] = slot; count += 1; }
    };
    // Japanese runs: bigrams and trigrams (a run of one character: itself).
    for (let i = 0; i < t.length;) {
      if (!isCjk(t.charCodeAt(i))) { i += 1; continue; }
      let end = i + 1;
      while (end < t.length && isCjk(t.charCodeAt(end))) end += 1;
      if (end - i === 1) {
        const a = codes[t.charCodeAt(i)];
        if (a) take(table.get(a, 0, 0));
      } else {
        // Bigrams, then trigrams: charGrams()'s order, so scores add up in the same order.
        for (let j = i; j + 2 <= end; j += 1) {
          const a = codes[t.charCodeAt(j)];
          const b = codes[t.charCodeAt(j + 1)];
          if (a && b) take(table.get(a, b, 0));
        }
        for (let j = i; j + 3 <= end; j += 1) {
          const a = codes[t.charCodeAt(j)];
          const b = codes[t.charCodeAt(j + 1)];
          const c = codes[t.charCodeAt(j + 2)];
          if (a && b && c) take(table.get(a, b, c));
        }
      }
      i = end;
    }
    // English: stems and pairs of stems, as charGrams() makes them.
    if (this.latin.size > 0) {
      latinGrams(t, (g) => take(this.latin.get(g) ?? -1));
    }
    return count;
  }

  /**
   * The same without allocating a map: fills `similarity(item)` for the
   * returned items until `reset()` (searching is synchronous; one search at
   * a time per index).
   */
  score(question: string): number[] {
    const count = this.lookUp(question);
    const { found, idf2, offsets, postingPhrasings, postingWeights } = this;
    let norm = 0;
    for (let k = 0; k < count; k += 1) norm += idf2[found[k]];
    const items: number[] = [];
    if (norm === 0) return items;
    const qNorm = Math.sqrt(norm);
    const touched: number[] = [];
    const sims = this.sims;
    for (let k = 0; k < count; k += 1) {
      const slot = found[k];
      for (let p = offsets[slot], end = offsets[slot + 1]; p < end; p += 1) {
        const pid = postingPhrasings[p];
        if (sims[pid] === 0) touched.push(pid);
        sims[pid] += postingWeights[p];
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
