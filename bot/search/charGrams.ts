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
import { normalize, normalizedQuestion, stem } from './text';

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

/**
 * The last question, normalised, with its English n-grams: the 第5版 index
 * and the new rules' index (conversation/newRules.ts) each look the same
 * question up, and these do not depend on the index. One entry, so a
 * different question never meets a stale one.
 */
let lastQuestion: string | undefined;
let lastLatinCount = -1;
let lastText = { text: '', latin: [] as readonly number[] };
/**
 * The question normalised, and the numbers of its English n-grams that some
 * index has (in order; see LATIN_IDS). Recomputed when an index built since
 * has numbered more n-grams.
 */
function questionText(question: string): { text: string; latin: readonly number[] } {
  if (question !== lastQuestion || LATIN_IDS.size !== lastLatinCount) {
    const text = normalizedQuestion(question);
    const latin: number[] = [];
    latinGrams(text, (g) => {
      const id = LATIN_IDS.get(g);
      if (id !== undefined) latin.push(id);
    });
    lastText = { text, latin };
    lastQuestion = question;
    lastLatinCount = LATIN_IDS.size;
  }
  return lastText;
}

/**
 * English n-grams (`w:laptop`) by number, shared by every index as the
 * character codes are: a question's English n-grams are numbered once, and
 * each index finds them in its number-keyed table like the Japanese ones
 * (keys from CHAR_CODES³ up), not in a string-keyed map of its own.
 */
const LATIN_IDS = new Map<string, number>();
function latinId(gram: string): number {
  let id = LATIN_IDS.get(gram);
  if (id === undefined) LATIN_IDS.set(gram, (id = LATIN_IDS.size));
  return id;
}

export interface PhrasingSource {
  item: number;
  text: string;
}

/** Whether a UTF-16 code unit belongs to CJK_RUN (after normalize(): kana are katakana). */
function isCjk(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005 || c === 0x3006;
}

/** Character codes per position of an n-gram's number (a·K² + b·K + c stays well within 2^53). */
const CHAR_CODES = 1 << 16;
/** Entry fields, as indices into the table's Int32Array (×I32). */
const START = 2;
const COUNT_STAMP = 3;
/** English n-grams' keys start here: above every Japanese one (a·K² + b·K + c < K³), still well within 2^53. */
const LATIN_BASE = CHAR_CODES * CHAR_CODES * CHAR_CODES;
const SHARED_CHAR_CODES = new Uint16Array(0x10000);
let sharedChars = 0;

/**
 * N-grams are looked up by number, not by string: each character the
 * phrasings use gets a small code, a Japanese n-gram of up to three
 * characters is the number a·K² + b·K + c, an English one LATIN_BASE + its
 * number (LATIN_IDS), and an open-addressing table maps the number to its
 * entry. A search thus makes no n-gram strings.
 *
 * On a busy server this table is not in the CPU's cache between questions,
 * so an entry is kept to 16 bytes: the key; where its postings start; and,
 * as two 16-bit halves, their number (from which the idf follows) and the
 * stamp that marks the entry seen in this question.
 */
class GramTable {
  /** Entry layout: the key as one Float64, then two Int32s: start, and (number of postings << 16 | stamp). */
  static readonly F64 = 2;
  static readonly I32 = 4;
  /**
   * Character → code, shared by every table: the 第5版 index and the new
   * rules' index look the same question's characters up one after the
   * other, so the second finds them in the CPU's cache. (A code only has to
   * mean the same character within one table.)
   */
  readonly charCode = SHARED_CHAR_CODES;
  /** The entries (key −1 when empty). */
  f64: Float64Array = new Float64Array(0);
  i32: Int32Array = new Int32Array(0);
  private mask = 0;

  /** A Japanese n-gram's number, giving its characters codes where they have none yet. */
  keyOf(gram: string): number {
    let key = 0;
    for (let i = 0; i < 3; i += 1) {
      let code = 0;
      if (i < gram.length) {
        const c = gram.charCodeAt(i);
        code = this.charCode[c];
        if (code === 0) {
          if (sharedChars + 1 >= CHAR_CODES) throw new RangeError('CharGramIndex: too many distinct characters');
          code = this.charCode[c] = (sharedChars += 1);
        }
      }
      key = key * CHAR_CODES + code;
    }
    return key;
  }

  /** Lays out the entries: key and postings range each. */
  build(hashed: ReadonlyArray<readonly [number, number, number]>): void {
    let size = 16;
    while (size < hashed.length * 2) size *= 2;
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * 16);
    this.f64 = new Float64Array(buffer);
    this.i32 = new Int32Array(buffer);
    for (let e = 0; e < size; e += 1) this.f64[e * GramTable.F64] = -1;
    const put = (e: number, key: number, start: number, end: number) => {
      if (end - start >= 0x10000) throw new RangeError('CharGramIndex: an n-gram with 65,536 postings or more');
      this.f64[e * GramTable.F64] = key;
      this.i32[e * GramTable.I32 + START] = start;
      this.i32[e * GramTable.I32 + COUNT_STAMP] = (end - start) << 16;
    };
    for (const [key, start, end] of hashed) {
      let i = this.slotOf(key);
      while (this.f64[i * GramTable.F64] !== -1) i = (i + 1) & this.mask;
      put(i, key, start, end);
    }
  }

  /** The entry of an n-gram by its number (an English one's: LATIN_BASE + its number), or -1. */
  getKey(key: number): number {
    const c = key % CHAR_CODES;
    const b = ((key - c) / CHAR_CODES) % CHAR_CODES;
    return this.get((key - c - b * CHAR_CODES) / (CHAR_CODES * CHAR_CODES), b, c);
  }

  /** Where probing for a number starts: the hash of its three codes. */
  private slotOf(key: number): number {
    const c = key % CHAR_CODES;
    const b = ((key - c) / CHAR_CODES) % CHAR_CODES;
    return this.hash((key - c - b * CHAR_CODES) / (CHAR_CODES * CHAR_CODES), b, c);
  }

  /** The entry of the n-gram of these character codes (0 for a position past its end), or -1. */
  get(a: number, b: number, c: number): number {
    const key = (a * CHAR_CODES + b) * CHAR_CODES + c;
    const f64 = this.f64;
    let i = this.hash(a, b, c);
    for (;;) {
      const k = f64[i * GramTable.F64];
      if (k === key) return i;
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

/**
 * Marks a table entry seen in the question with this stamp; true the first
 * time (the caller takes it), false when already seen (-1, none: false too).
 */
function firstSeen(i32: Int32Array, entry: number, stamp: number): boolean {
  if (entry < 0) return false;
  const at = entry * GramTable.I32 + COUNT_STAMP;
  if ((i32[at] & 0xffff) === stamp) return false;
  i32[at] = (i32[at] & ~0xffff) | stamp;
  return true;
}

export class CharGramIndex {
  private readonly table = new GramTable();
  /**
   * Postings, one after another: the phrasings (16 bits each where they fit).
   * A posting's weight, idf² / the phrasing's norm as a Float32, is worked
   * out when read: a quarter of the memory a search has to fetch.
   */
  private readonly postingPhrasing: Uint16Array | Int32Array;
  /** An n-gram's squared idf by its document frequency (its number of postings). */
  private readonly idf2ByDf: Float64Array;
  private stamp = 0;
  private readonly phrasingItem: Int32Array;
  private readonly phrasingNorm: Float32Array;
  private readonly sims: Float32Array;
  private readonly best: Float32Array;
  private readonly found: Int32Array;
  /** Scratch of score(): the phrasings it touched, and the items it scored (`items[0..scored)`). */
  private readonly touched: Int32Array;
  readonly items: Int32Array;
  private scored = 0;

  constructor(phrasings: readonly PhrasingSource[], itemCount: number) {
    const grams = phrasings.map((p) => charGrams(p.text));
    const n = phrasings.length;
    const df = new Map<string, number>();
    for (const gs of grams) for (const g of gs) df.set(g, (df.get(g) ?? 0) + 1);
    const maxDf = Math.max(2, Math.floor(n * MAX_DF_SHARE));
    // An n-gram's idf depends only on how many phrasings have it.
    this.idf2ByDf = new Float64Array(maxDf + 1);
    for (let d = 1; d <= maxDf; d += 1) {
      const w = Math.log(1 + n / d);
      this.idf2ByDf[d] = w * w;
    }
    this.phrasingItem = Int32Array.from(phrasings, (p) => p.item);
    this.phrasingNorm = new Float32Array(n);
    const lists = new Map<string, number[]>();
    grams.forEach((gs, pid) => {
      let norm = 0;
      for (const g of gs) {
        const d = df.get(g)!;
        if (d > maxDf) continue;
        norm += this.idf2ByDf[d];
        let list = lists.get(g);
        if (!list) lists.set(g, (list = []));
        list.push(pid);
      }
      this.phrasingNorm[pid] = Math.sqrt(norm) || 1;
    });
    // Each n-gram's postings stored one after another; its entry says where.
    let total = 0;
    for (const list of lists.values()) total += list.length;
    this.postingPhrasing = n <= 0x10000 ? new Uint16Array(total) : new Int32Array(total);
    const hashed: Array<[number, number, number]> = [];
    let at = 0;
    for (const [g, list] of lists) {
      const start = at;
      for (const pid of list) {
        this.postingPhrasing[at] = pid;
        at += 1;
      }
      hashed.push([g.startsWith('w:') ? LATIN_BASE + latinId(g) : this.table.keyOf(g), start, at]);
    }
    this.table.build(hashed);
    this.found = new Int32Array(lists.size);
    this.sims = new Float32Array(n);
    this.best = new Float32Array(itemCount);
    this.touched = new Int32Array(n);
    this.items = new Int32Array(itemCount);
  }

  /** Each item's best phrasing cosine (0–1), for the items with any shared n-gram. */
  scores(question: string): Map<number, number> {
    const out = new Map<number, number>();
    const count = this.score(question);
    for (let k = 0; k < count; k += 1) out.set(this.items[k], this.best[this.items[k]]);
    this.reset();
    return out;
  }

  /** The entries of the question's n-grams that the index has, each once (the same n-grams as charGrams()). */
  private lookUp(question: string): number {
    const { text: t, latin } = questionText(question);
    const { found, table } = this;
    const i32 = table.i32;
    // A new stamp (16 bits, never 0) marks this question's entries; when they run out, every mark is cleared.
    let stamp = (this.stamp + 1) & 0xffff;
    if (stamp === 0) {
      for (let e = COUNT_STAMP; e < i32.length; e += GramTable.I32) i32[e] &= ~0xffff;
      stamp = 1;
    }
    this.stamp = stamp;
    const codes = table.charCode;
    let count = 0;
    // Japanese runs: bigrams and trigrams (a run of one character: itself).
    for (let i = 0; i < t.length;) {
      if (!isCjk(t.charCodeAt(i))) { i += 1; continue; }
      let end = i + 1;
      while (end < t.length && isCjk(t.charCodeAt(end))) end += 1;
      if (end - i === 1) {
        const a = codes[t.charCodeAt(i)];
        const e = a ? table.get(a, 0, 0) : -1;
        if (firstSeen(i32, e, stamp)) found[count++] = e;
      } else {
        // Bigrams, then trigrams: charGrams()'s order, so scores add up in the same order.
        for (let j = i; j + 2 <= end; j += 1) {
          const a = codes[t.charCodeAt(j)];
          const b = codes[t.charCodeAt(j + 1)];
          const e = a && b ? table.get(a, b, 0) : -1;
          if (firstSeen(i32, e, stamp)) found[count++] = e;
        }
        for (let j = i; j + 3 <= end; j += 1) {
          const a = codes[t.charCodeAt(j)];
          const b = codes[t.charCodeAt(j + 1)];
          const c = codes[t.charCodeAt(j + 2)];
          const e = a && b && c ? table.get(a, b, c) : -1;
          if (firstSeen(i32, e, stamp)) found[count++] = e;
        }
      }
      i = end;
    }
    // English: stems and pairs of stems, as charGrams() makes them.
    for (const id of latin) {
      const e = table.getKey(LATIN_BASE + id);
      if (firstSeen(i32, e, stamp)) found[count++] = e;
    }
    return count;
  }

  /**
   * The same without allocating: scores the question and returns how many
   * items share an n-gram with it; `items[0..count)` are those items (in the
   * order first reached) and `similarity(item)` their scores, until
   * `reset()` (searching is synchronous; one search at a time per index).
   */
  score(question: string): number {
    this.reset();
    const count = this.lookUp(question);
    const { found, postingPhrasing, phrasingNorm, idf2ByDf, touched, items } = this;
    const i32 = this.table.i32;
    const I32 = GramTable.I32;
    let norm = 0;
    for (let k = 0; k < count; k += 1) norm += idf2ByDf[i32[found[k] * I32 + COUNT_STAMP] >>> 16];
    if (norm === 0) return 0;
    const qNorm = Math.sqrt(norm);
    const sims = this.sims;
    let touchedCount = 0;
    for (let k = 0; k < count; k += 1) {
      const e = found[k] * I32;
      const df = i32[e + COUNT_STAMP] >>> 16;
      const idf2 = idf2ByDf[df];
      for (let p = i32[e + START], end = p + df; p < end; p += 1) {
        const pid = postingPhrasing[p];
        if (sims[pid] === 0) { touched[touchedCount] = pid; touchedCount += 1; }
        // The weight as it was stored before: a Float32 of idf² / norm.
        sims[pid] += Math.fround(idf2 / phrasingNorm[pid]);
      }
    }
    const best = this.best;
    let scoredCount = 0;
    for (let k = 0; k < touchedCount; k += 1) {
      const pid = touched[k];
      const item = this.phrasingItem[pid];
      const sim = sims[pid] / qNorm;
      sims[pid] = 0;
      if (best[item] === 0) { items[scoredCount] = item; scoredCount += 1; }
      if (sim > best[item]) best[item] = sim;
    }
    this.scored = scoredCount;
    return scoredCount;
  }

  similarity(item: number): number {
    return this.best[item];
  }

  /** Clears what score() filled (score() also does, before scoring). */
  reset(): void {
    for (let k = 0; k < this.scored; k += 1) this.best[this.items[k]] = 0;
    this.scored = 0;
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
