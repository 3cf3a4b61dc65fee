/**
 * Okapi BM25, the two formulas every part of the index scores with.
 */

/** Inverse document frequency: rare terms weigh more. 0 documents → the highest weight. */
export function idf(documents: number, withTerm: number): number {
  return Math.log(1 + (documents - withTerm + 0.5) / (withTerm + 0.5));
}

/** A term's saturated frequency in one field, normalised by the field's length. */
export function bm25(tf: number, length: number, avgLength: number, k1: number, b: number): number {
  const norm = 1 - b + b * (length / (avgLength || 1));
  return (tf * (k1 + 1)) / (tf + k1 * norm);
}
