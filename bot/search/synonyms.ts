/**
 * The synonym vocabulary (data/vocabulary.json): groups of words that mean the
 * same to a searcher (アクセスログ ≈ 監査ログ ≈ audit log). A question
 * containing one word of a group is also searched with the others.
 */
import type { Vocabulary } from '../../contract/reference';
import { normalize, terms } from './text';

/** A vocabulary word and the group it belongs to. */
export interface SynonymWord {
  group: number;
  index: number;
  normalized: string;
  terms: string[];
  /** Latin words match by their terms, Japanese ones as substrings. */
  latin: boolean;
  /** For latin words that lose stop words ("who accessed"): the words as written. */
  phrase?: RegExp;
}

const LATIN_WORD = /^[a-z0-9 .-]+$/;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export class Synonyms {
  /** Each group's words: normalised, and as index terms. */
  readonly groups: Array<{ normalized: string[]; terms: string[][] }>;
  /**
   * Japanese vocabulary words by their first two characters: for each c0 c1
   * some word starts with, the words that are c0 alone or start c0 c1, in
   * vocabulary order. A question checks a few candidates per character
   * instead of every word sharing its first.
   */
  private readonly byFirstTwo = new Map<number, SynonymWord[]>();
  /** The one-character words, by that character (where no word starts with it and the next). */
  private readonly oneCharacter = new Map<number, SynonymWord[]>();
  /** A bit for each UTF-16 code unit that starts a Japanese vocabulary word (most characters of a question start none). */
  private readonly startsWord = new Uint32Array(0x10000 / 32);
  /** Latin vocabulary words by their first term: they match when all their terms are in the question. */
  private readonly byFirstTerm = new Map<string, SynonymWord[]>();

  constructor(vocabulary: Vocabulary) {
    // Japanese words by their first character, for building the maps above.
    const byFirstChar = new Map<number, SynonymWord[]>();
    this.groups = vocabulary.synonyms.map((group) => ({
      normalized: group.map((w) => normalize(w)),
      terms: group.map((w) => terms(w, { bigrams: false })),
    }));
    this.groups.forEach((g, group) => g.normalized.forEach((normalized, index) => {
      const word: SynonymWord = { group, index, normalized, terms: g.terms[index], latin: LATIN_WORD.test(normalized) };
      if (word.latin) {
        if (word.terms.length === 0) return;
        // "who accessed" keeps only "access" once stop words are gone: such
        // entries must appear as written, or every question saying "access"
        // would trigger the group.
        const written = normalized.split(/[^a-z0-9]+/).filter(Boolean);
        if (word.terms.length < written.length) word.phrase = new RegExp(`(?<![a-z0-9])${written.join('[^a-z0-9]*')}`);
        push(this.byFirstTerm, word.terms[0], word);
      } else if (normalized.length > 0) {
        const c = normalized.charCodeAt(0);
        push(byFirstChar, c, word);
        this.startsWord[c >>> 5] |= 1 << (c & 31);
      }
    }));
    for (const [c0, list] of byFirstChar) {
      const single = list.filter((w) => w.normalized.length === 1);
      if (single.length) this.oneCharacter.set(c0, single);
      const seconds = new Set(list.filter((w) => w.normalized.length >= 2).map((w) => w.normalized.charCodeAt(1)));
      for (const c1 of seconds) {
        this.byFirstTwo.set(c0 * 0x10000 + c1, list.filter((w) => w.normalized.length === 1 || w.normalized.charCodeAt(1) === c1));
      }
    }
  }

  /**
   * The vocabulary words a question contains: Japanese words as substrings
   * of the normalised question, latin words when all their terms are among
   * the question's (or, for phrases, as written).
   */
  find(normalizedQuestion: string, questionTerms: Pick<ReadonlySet<string>, 'has' | 'keys'>): SynonymWord[] {
    const hits: SynonymWord[] = [];
    const nq = normalizedQuestion;
    for (let i = 0; i < nq.length; i += 1) {
      const c = nq.charCodeAt(i);
      if ((this.startsWord[c >>> 5] & (1 << (c & 31))) === 0) continue;
      // Words starting with this character and the next, and the one-character word, if any.
      const candidates = (i + 1 < nq.length && this.byFirstTwo.get(c * 0x10000 + nq.charCodeAt(i + 1))) || this.oneCharacter.get(c);
      if (!candidates) continue;
      for (const w of candidates) if (nq.startsWith(w.normalized, i)) hits.push(w);
    }
    for (const t of questionTerms.keys()) {
      for (const w of this.byFirstTerm.get(t) ?? []) {
        if (w.phrase ? w.phrase.test(nq) : w.terms.every((x) => questionTerms.has(x))) hits.push(w);
      }
    }
    return hits;
  }
}
