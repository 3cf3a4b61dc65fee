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
    // Every form has a digit: most questions have none and skip the pattern.
    if (!/[0-9]/.test(t)) return [];
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

/**
 * 第6.0版 and 第7.0版 (`volumes` grammar): 遵守事項 numbered per volume (編),
 * chapter and ① number. Canonical `sys-14-5` (システム運用編 14章 ⑤),
 * `plan-12-4` (企画管理編), `gov-1.2.2-remedy-3` (経営管理編 1.2.2
 * <善後策を講ずる責任> ③), `mnt-9-4` (保守委託機関編, 第7.0版). A row whose
 * ① number was not seen carries `x1`, `x2` … in its place (`sys-4-x1`) and
 * is shown so; chapters that are not numbered in the source are named
 * (`mnt-scope`). Shown `シス14⑤`; typed `シス14⑤`, `システム運用編 14⑤`,
 * `システム運用編 第14章 遵守事項⑤`, `シス14章第⑤条`, `sys-14-5`,
 * "system operations 14-5", and a bare `14⑤` (システム運用編, the volume
 * people cite without naming it).
 */
export const VOLUMES = ['gov', 'plan', 'sys', 'mnt'] as const;
export type Volume = typeof VOLUMES[number];
export const VOLUME_NAMES: Readonly<Record<Volume, { ja: string; short: string; en: string }>> = {
  gov: { ja: '経営管理編', short: '経営', en: 'Governance' },
  plan: { ja: '企画管理編', short: '企画', en: 'Planning and management' },
  sys: { ja: 'システム運用編', short: 'シス', en: 'System operations' },
  mnt: { ja: '保守委託機関編', short: '保守', en: 'Outsourced maintenance' },
};
const GROUP_NAMES: Readonly<Record<string, string>> = { explain: '説明', manage: '管理', remedy: '善後策' };
const VOL_ID = /^(gov|plan|sys|mnt)-(\d+(?:\.\d+)*|[a-z][a-z0-9]*)(?:-(explain|manage|remedy))?-(\d+|x\d+)$/;
const VOL_SECTION = /^(gov|plan|sys|mnt)-(\d+(?:\.\d+)*|[a-z][a-z0-9]*)$/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const VOLUME_WORDS: ReadonlyArray<[Volume, string]> = [
  ['sys', 'システム運用編|システム運用|シス(?:テム)?|system\\s+operations?|sys'],
  ['plan', '企画管理編|企画管理|企画|企|planning(?:\\s+and\\s+management)?|plan'],
  ['gov', '経営管理編|経営管理|経営|governance|gov'],
  ['mnt', '保守委託機関編|保守委託機関|保守委託|outsourced\\s+maintenance|maintenance|mnt'],
];
/** 「シス14⑤」 after circled numbers became `#5#` and the text NFKC. */
const VOL_IN_TEXT = new RegExp(
  `(?:(${VOLUME_WORDS.map(([, w]) => `(?:${w})`).join('|')})[\\s　:-]*)?(?:第)?\\s*(\\d{1,2}(?:\\.\\d{1,2}){0,2})\\s*(?:章)?\\s*(?:の)?\\s*(?:遵守事項)?\\s*(?:第)?\\s*(?:#(\\d{1,2})#|[-‐－]\\s*(\\d{1,2})(?![\\d.]))\\s*(?:条)?`,
  'gi',
);

function volumeOf(word: string | undefined): Volume | undefined {
  if (!word) return undefined;
  for (const [v, w] of VOLUME_WORDS) if (new RegExp(`^(?:${w})$`, 'i').test(word)) return v;
  return undefined;
}

function volParts(id: string): ItemIdParts | undefined {
  const m = VOL_ID.exec(id);
  if (!m) return undefined;
  return { section: `${m[1]}-${m[2]}`, number: m[4].startsWith('x') ? 1000 + Number(m[4].slice(1)) : Number(m[4]) };
}

function chapterKey(chapter: string): number[] {
  // Named chapters (scope, fig1) sort before numbered ones.
  return /^\d/.test(chapter) ? numericParts(chapter) : [-1];
}

function compareVolSections(a: string, b: string): number {
  const ma = VOL_SECTION.exec(a);
  const mb = VOL_SECTION.exec(b);
  if (!ma || !mb) return a < b ? -1 : a > b ? 1 : 0;
  return VOLUMES.indexOf(ma[1] as Volume) - VOLUMES.indexOf(mb[1] as Volume)
    || compareNumberLists(chapterKey(ma[2]), chapterKey(mb[2]))
    || (ma[2] < mb[2] ? -1 : ma[2] > mb[2] ? 1 : 0);
}

export const VOLUMES_GRAMMAR: ItemIdGrammar = {
  name: 'volumes',
  example: 'sys-14-5 (シス14⑤)',
  pattern: VOL_ID,
  sectionPattern: VOL_SECTION,
  parts: volParts,
  find(text) {
    const marked = text.replace(/[①-⑳]/g, (c) => `#${CIRCLED.indexOf(c) + 1}#`).normalize('NFKC');
    // Every form has a digit (a circled number is marked with one): most questions have none.
    if (!/[0-9]/.test(marked)) return [];
    const out: string[] = [];
    for (const m of marked.matchAll(/\b(gov|plan|sys|mnt)-(\d+(?:\.\d+)*|[a-z][a-z0-9]*)(?:-(explain|manage|remedy))?-(\d+|x\d+)\b/gi)) {
      const id = m[0].toLowerCase();
      if (!out.includes(id)) out.push(id);
    }
    for (const m of marked.matchAll(VOL_IN_TEXT)) {
      const [, word, chapter, circled, dashed] = m;
      const volume = volumeOf(word?.replace(/\s+/g, ' '));
      // Without a volume only the circled form counts (「14⑤」): "14-5" alone is too common to be an ID.
      if (!volume && circled === undefined) continue;
      const id = `${volume ?? 'sys'}-${chapter}-${Number(circled ?? dashed)}`;
      if (!out.includes(id)) out.push(id);
    }
    return out;
  },
  display(id) {
    const m = VOL_ID.exec(id);
    if (!m) return id;
    const [, vol, chapter, group, num] = m;
    const n = num.startsWith('x') ? `（番号未確認${num.slice(1)}）` : CIRCLED[Number(num) - 1] ?? `(${num})`;
    return `${VOLUME_NAMES[vol as Volume].short}${chapter}${group ? `〈${GROUP_NAMES[group]}〉` : ''}${n}`;
  },
  compare(a, b) {
    const pa = volParts(a);
    const pb = volParts(b);
    if (!pa || !pb) return a < b ? -1 : a > b ? 1 : 0;
    const ga = VOL_ID.exec(a)![3] ?? '';
    const gb = VOL_ID.exec(b)![3] ?? '';
    return compareVolSections(pa.section, pb.section) || (ga < gb ? -1 : ga > gb ? 1 : 0) || pa.number - pb.number;
  },
  compareSections: compareVolSections,
};

/** The grammars editions may name in data/editions.json. */
export const GRAMMARS: Readonly<Record<string, ItemIdGrammar>> = { v5: V5_GRAMMAR, volumes: VOLUMES_GRAMMAR };
