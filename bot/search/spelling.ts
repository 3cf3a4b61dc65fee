/**
 * Corrections of misspelt English words ("autentication"): index terms within
 * one or two edits. Japanese is not corrected (its typos are mostly kana the
 * folding already absorbs).
 */

/** Edit distance with transpositions, stopping early beyond `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const prev2: number[] = new Array(b.length + 1).fill(0);
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j += 1) prev2[j] = prev[j];
    prev = cur;
  }
  return prev[b.length];
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

const NONE: readonly string[] = Object.freeze([]);

/** The index's latin terms, by length, for finding what a misspelt word may have meant. */
export class SpellingCorrector {
  private readonly byLength = new Map<number, Array<{ term: string; letters: number }>>();

  constructor(terms: Iterable<string>) {
    for (const t of terms) {
      if (!/^[a-z][a-z0-9]{3,}$/.test(t)) continue;
      let list = this.byLength.get(t.length);
      if (!list) this.byLength.set(t.length, (list = []));
      list.push({ term: t, letters: letterSet(t) });
    }
  }

  /**
   * Index terms within one edit (two for words of nine letters or more) of a
   * word the index does not have. Short words have too many neighbours
   * (bake → back): only words of six letters or more are corrected.
   */
  corrections(word: string): readonly string[] {
    if (!/^[a-z]{6,}$/.test(word)) return NONE;
    const max = word.length >= 9 ? 2 : 1;
    const letters = letterSet(word);
    const out: string[] = [];
    for (let len = word.length - max; len <= word.length + max; len += 1) {
      for (const candidate of this.byLength.get(len) ?? []) {
        // Each edit adds or removes at most two letters from the set of letters used:
        // most candidates are ruled out here without computing a distance.
        if (bitCount(letters ^ candidate.letters) > 2 * max) continue;
        if (editDistance(word, candidate.term, max) <= max) out.push(candidate.term);
      }
    }
    return out;
  }
}
