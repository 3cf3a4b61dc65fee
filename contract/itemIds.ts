/**
 * Item identifiers, per edition. Each edition of the guideline numbers its
 * requirements its own way; a grammar knows one way: the canonical form the
 * data, URLs and the API use, how people type it, how it is shown, and the
 * guideline's order.
 *
 * 第5版 (`v5` grammar): canonical `6.5-C-4`, nested `7.1-C-1.3`; shown
 * `6.5 C-4`; typed `6.5 C-4`, `6.5-C-4`, `6.5章C-4`, `6.5-c-4`, `6.6 C(1)-2`
 * (the guideline's own citation of nested items), full-width digits.
 */

export interface ItemIdParts {
  /** The group the item is listed under (第5版: its section, `6.5`). */
  section: string;
  /** 第5版's C (最低限) / D (推奨); editions without levels have none. */
  level?: string;
  number: number;
  sub?: number;
}

export interface ItemIdGrammar {
  readonly name: string;
  /** For messages: what IDs look like. */
  readonly example: string;
  /** The canonical form, anchored. */
  readonly pattern: RegExp;
  /** The canonical form of a section (group) ID, anchored. */
  readonly sectionPattern: RegExp;
  /** What the ID says about where the item sits, or undefined when it is not canonical. */
  parts(id: string): ItemIdParts | undefined;
  /** Every ID of this grammar mentioned in free text, canonical, in order of appearance, once each. */
  find(text: string): string[];
  /** How cards and the tab show it. */
  display(id: string): string;
  /** Guideline order. */
  compare(a: string, b: string): number;
  compareSections(a: string, b: string): number;
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

const V5_ID = /^(\d+(?:\.\d+)*)-([CD])-(\d+)(?:\.(\d+))?$/;
const V5_IN_TEXT = /(\d{1,2}(?:\.\d{1,2}){1,2})\s*(?:章|節|項)?\s*[-‐－ー\s]?\s*([CDcd])\s*(?:\((\d{1,2})\)|[-‐－ー]?\s*(\d{1,2}))(?:\s*[-.‐－]\s*(\d{1,2}))?/g;

/** Section order: 6.2 < 6.10 < 7.1 (numeric, not lexical). */
export function compareNumericSections(a: string, b: string): number {
  return compareNumberLists(numericParts(a), numericParts(b));
}

function v5Parts(id: string): ItemIdParts | undefined {
  const m = V5_ID.exec(id);
  if (!m) return undefined;
  return { section: m[1], level: m[2], number: Number(m[3]), sub: m[4] === undefined ? undefined : Number(m[4]) };
}

// Methods never use `this`, so they can be passed around (ids.sort(grammar.compare)).
export const V5_GRAMMAR: ItemIdGrammar = {
  name: 'v5',
  example: '6.5-C-4 or 7.1-C-1.3',
  pattern: V5_ID,
  sectionPattern: /^\d+(?:\.\d+)*$/,
  parts: v5Parts,
  find(text) {
    const t = text.normalize('NFKC');
    const out: string[] = [];
    for (const m of t.matchAll(V5_IN_TEXT)) {
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
  },
  display(id) {
    return id.replace(/^([\d.]+)-([CD])-/, '$1 $2-');
  },
  compare(a, b) {
    const pa = v5Parts(a);
    const pb = v5Parts(b);
    if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
    return compareNumericSections(pa.section, pb.section)
      || (pa.level ?? '').localeCompare(pb.level ?? '')
      || pa.number - pb.number
      || (pa.sub ?? -1) - (pb.sub ?? -1);
  },
  compareSections: compareNumericSections,
};

/** The grammars editions may name in data/editions.json. */
export const GRAMMARS: Readonly<Record<string, ItemIdGrammar>> = { v5: V5_GRAMMAR };
