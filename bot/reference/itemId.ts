/**
 * Item identifiers. Canonical form `6.5-C-4` (nested `7.1-C-1.3`) is what
 * URLs, the API and the data use; people read and type `6.5 C-4`,
 * `6.5章C-4`, `6.5-c-4`, full-width digits and so on.
 */

/** `6.5-C-4` → `6.5 C-4` (how cards and the tab show it). */
export function displayItemId(id: string): string {
  return id.replace(/^([\d.]+)-([CD])-/, '$1 $2-');
}

function numericParts(s: string): number[] {
  return s.split('.').map((x) => Number(x));
}

function compareNumberLists(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

/** Section order: 6.2 < 6.10 < 7.1 (numeric, not lexical). */
export function compareSectionIds(a: string, b: string): number {
  return compareNumberLists(numericParts(a), numericParts(b));
}

/** Guideline order: section, then C before D, then number and sub-number. */
export function compareItemIds(a: string, b: string): number {
  const [sa, la, na] = a.split('-');
  const [sb, lb, nb] = b.split('-');
  return compareSectionIds(sa, sb) || la.localeCompare(lb) || compareNumberLists(numericParts(na), numericParts(nb));
}

/**
 * Every item ID mentioned in free text, in canonical form, in order of
 * appearance. Accepts `6.5 C-4`, `6.5-C-4`, `6.5章C-4`, `6.5 C4`, `6.6 C(1)-2`
 * (the guideline's own citation of nested items) and full-width forms.
 */
export function findItemIds(text: string): string[] {
  const t = text.normalize('NFKC');
  const re = /(\d{1,2}(?:\.\d{1,2}){1,2})\s*(?:章|節|項)?\s*[-‐－ー\s]?\s*([CDcd])\s*(?:\((\d{1,2})\)|[-‐－ー]?\s*(\d{1,2}))(?:\s*[-.‐－]\s*(\d{1,2}))?/g;
  const out: string[] = [];
  for (const m of t.matchAll(re)) {
    const [, section, level, group, num, sub] = m;
    const L = level.toUpperCase();
    let id: string;
    if (group !== undefined) {
      // "6.6 C(1)-2" is nested item 1.2
      if (sub === undefined) continue;
      id = `${section}-${L}-${Number(group)}.${Number(sub)}`;
    } else {
      id = sub === undefined ? `${section}-${L}-${Number(num)}` : `${section}-${L}-${Number(num)}.${Number(sub)}`;
    }
    if (!out.includes(id)) out.push(id);
  }
  return out;
}
