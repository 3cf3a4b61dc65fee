/**
 * The content checklist (data/README.md, ../shared/design/content-review.md)
 * as far as a program can hold it: fields an audited item must have, the
 * house glossary, retired product names, sentence length, research-diary
 * wording, and the check record in data/checks/. Used by the dataset tests
 * (every audited item) and by `npm run check:data` (writers, one section at a
 * time, before they hand an item on).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { z } from 'zod';
import { CalendarDate, Conformity, LocalizedText, type Item, type Document } from '../../contract/reference';

export interface Finding {
  id: string;
  severity: 'error' | 'warning';
  message: string;
}

// ---------------------------------------------------------------------------
// Check records (data/checks/<section>.json, data/checks/documents.json)

export const ClaimVerdict = z.enum(['confirmed', 'corrected', 'hedged', 'dropped', 'added']);

export const ClaimCheck = z.object({
  field: z.enum(['teams', 'licensing', 'actions', 'conformityReason', 'requirement', 'certifications']),
  /** The claim in a few words (English), so a later reader can find it in the text. */
  claim: z.string().trim().min(5),
  /** The documents it was checked against (numbers from documents.json). */
  documents: z.array(z.string().regex(/^\d{2,3}$/)).min(1),
  verdict: ClaimVerdict,
  /** Where on the page, or what the page says instead. */
  note: z.string().trim().min(3),
}).strict();

export const ItemCheck = z.object({
  id: z.string(),
  checkedOn: CalendarDate,
  writer: z.string().min(1),
  requirement: z.object({
    verdict: z.enum(['kept', 'cut-back', 'rewritten']),
    source: z.string().min(3),
    note: z.string().min(3),
  }).strict(),
  conformity: z.object({
    before: z.union([Conformity, z.literal('not-applicable')]),
    after: Conformity,
    note: z.string().min(3),
  }).strict(),
  claims: z.array(ClaimCheck).min(1),
  secondReading: z.object({
    reader: z.string().min(1),
    on: CalendarDate,
    verdict: z.enum(['agreed', 'changed']),
    points: z.array(z.object({ point: z.string().min(3), resolution: z.string().min(3) }).strict()),
  }).strict().optional(),
}).strict();
export type ItemCheck = z.infer<typeof ItemCheck>;

export const SectionChecks = z.object({ section: z.string(), items: z.array(ItemCheck) }).strict();

export const DocumentCheck = z.object({
  number: z.string().regex(/^\d{2,3}$/),
  checkedOn: CalendarDate,
  /** What was found at the address: the page's title today, or why it could not be read. */
  found: z.string().min(3),
  verdict: z.enum(['unchanged', 'retitled', 'moved', 'no-longer-published', 'added']),
  note: z.string().optional(),
}).strict();
export const DocumentChecks = z.object({ documents: z.array(DocumentCheck) }).strict();

// ---------------------------------------------------------------------------
// Words

const RetiredNamesFile = z.object({ note: z.string(), names: z.array(z.object({ match: z.string(), current: z.string() }).strict()) }).strict();

export interface RetiredName { pattern: RegExp; current: string }

export function loadRetiredNames(dataDir: string): RetiredName[] {
  const file = RetiredNamesFile.parse(JSON.parse(fs.readFileSync(path.join(dataDir, 'retired-names.json'), 'utf8')));
  return file.names.map((n) => ({ pattern: new RegExp(n.match, 'gi'), current: n.current }));
}

/** A retired name is allowed only as a bridge: 「…（旧 Azure Active Directory）」 / "(formerly …)". */
const BRIDGE = /[（(]\s*(?:旧\s*|旧称\s*[:：]?\s*|formerly\s+|previously\s+)[^（）()]*[）)]/gi;

export function retiredNamesIn(text: string, names: readonly RetiredName[]): string[] {
  const withoutBridges = text.replace(BRIDGE, '');
  const found: string[] = [];
  for (const n of names) {
    n.pattern.lastIndex = 0;
    const m = n.pattern.exec(withoutBridges);
    if (m) found.push(`${m[0]} (now: ${n.current})`);
  }
  return found;
}

/** House glossary: the variant on the left is not used (data/README.md). */
const GLOSSARY_JA: ReadonlyArray<[RegExp, string]> = [
  [/二段階認証|2\s*段階認証/, '二要素認証（guideline）/ 多要素認証（Microsoft）'],
  [/全体管理者/, 'グローバル管理者'],
  [/(?<!アイテム|監査ログのアイテム)保持ポリシー/, 'アイテム保持ポリシー'],
  [/Audit \((Standard|Premium)\)/, '監査 (標準) / 監査 (Premium)'],
  [/データ保護追加契約|データ保護契約/, 'データ保護補遺（DPA）'],
  [/緊急用アカウント|非常時用アカウント/, '緊急アクセス用アカウント'],
  [/リフレッシュ\s*トークン/, '更新トークン'],
  [/持出し|取り扱い|立ち入り|立ち会い/, '持ち出し / 取扱い / 立入り / 立会い'],
  [/ルータ(?!ー)|サーバ(?!ー)/, 'ルーター / サーバー'],
  [/セルフアセスメント|セルフチェック/, '自己点検'],
  [/要ります|効きません|効く(?=[。、])|丸ごと|別物/, 'a plainer form (必要です, 適用されます, 端末全体を, 別のものです)'],
];

/** The markers are never running text (data/README.md, "The conformity rule"). */
const MARKER_IN_TEXT = /(?<!Teams\s?)対象外/;

const DIARY = /記憶から|記憶に基づ|読めて|読めず|未読|索引|研究メモ|スライド|手元の資料|（\d+\s*\/\s*\d+）|\(\d+\s*\/\s*\d+\)|企\d+[①-⑳]|from memory|could not read|not yet read|research index|page \d+\/\d+/;

const HEARSAY = /とされています|とされ[、る]/g;

// ---------------------------------------------------------------------------
// One item

function sentences(text: string): string[] {
  return text.split(/(?<=[。．！？])/).map((s) => s.trim()).filter(Boolean);
}

function displayedTexts(item: Item): Array<{ field: string; text: LocalizedText }> {
  const out: Array<{ field: string; text: LocalizedText }> = [
    { field: 'title', text: item.title },
    { field: 'requirement', text: item.requirement },
  ];
  if (item.teams) out.push({ field: 'teams', text: item.teams });
  (item.actions ?? []).forEach((a, i) => out.push({ field: `actions[${i}]`, text: a }));
  if (item.licensing) out.push({ field: 'licensing', text: item.licensing });
  if (item.review) out.push({ field: 'review', text: item.review });
  if (item.conformityReason) out.push({ field: 'conformityReason', text: item.conformityReason });
  if (item.requirementSource) out.push({ field: 'requirementSource.detail', text: item.requirementSource.detail });
  return out;
}

export interface RuleContext {
  retiredNames: readonly RetiredName[];
  documentByNumber: ReadonlyMap<string, Document>;
  check: ItemCheck | undefined;
  /** Require the second reader's review too (at the end of the audit). */
  requireSecondReading?: boolean;
}

/** Everything the checklist says an audited item must satisfy. */
export function checkItem(item: Item, ctx: RuleContext): Finding[] {
  const f: Finding[] = [];
  const err = (message: string) => f.push({ id: item.id, severity: 'error', message });
  const warn = (message: string) => f.push({ id: item.id, severity: 'warning', message });

  if (!item.conformityReason) err('conformityReason is missing');
  if (!item.requirementSource) err('requirementSource is missing');
  if (!item.checkedOn) err('checkedOn is missing');
  if (!item.review) err('review is missing (every item says what is unverified and what to check)');
  if (item.conformityReason && sentences(item.conformityReason.ja).length > 1) warn('conformityReason.ja is more than one sentence');
  if ([...item.title.ja].length > 25) err(`title.ja is ${[...item.title.ja].length} characters (at most 25)`);

  // Citations: every listed document is named in the text, in both languages, and exists.
  const jaText = [item.teams?.ja ?? '', ...(item.actions ?? []).map((a) => a.ja), item.licensing?.ja ?? '', item.conformityReason?.ja ?? ''].join(' ');
  const enText = [item.teams?.en ?? '', ...(item.actions ?? []).map((a) => a.en), item.licensing?.en ?? '', item.conformityReason?.en ?? ''].join(' ');
  for (const n of item.documents) {
    if (!ctx.documentByNumber.has(n)) err(`document ${n} is not in documents.json`);
    if (!new RegExp(`文書\\s?${n}(?!\\d)`).test(jaText)) err(`document ${n} is listed but not named as 文書${n} in the Japanese text`);
    if (!new RegExp(`documents?\\s[^.()]*\\b${n}\\b`, 'i').test(enText)) err(`document ${n} is listed but not named as "document ${n}" in the English text`);
  }
  for (const m of jaText.matchAll(/文書\s?(\d{2,3})/g)) {
    if (!item.documents.includes(m[1])) err(`文書${m[1]} is named in the text but not listed in documents`);
  }

  for (const { field, text } of displayedTexts(item)) {
    for (const lang of ['ja', 'en'] as const) {
      for (const name of retiredNamesIn(text[lang], ctx.retiredNames)) err(`${field}.${lang}: retired name ${name}`);
    }
    if (field === 'title' || field === 'requirementSource.detail') continue;
    for (const [pattern, use] of GLOSSARY_JA) {
      const m = pattern.exec(text.ja);
      if (m) err(`${field}.ja: 「${m[0]}」 — the glossary says ${use}`);
    }
    if (MARKER_IN_TEXT.test(text.ja)) err(`${field}.ja: 「対象外」 in running text (write what is meant: 「Teams の機能では満たせません」, 「適用から除外した」)`);
    for (const s of sentences(text.ja)) {
      const len = [...s].length;
      if (len > 120) err(`${field}.ja: a sentence of ${len} characters (at most 120): ${s.slice(0, 40)}…`);
      else if (len > 100 && field !== 'requirement') warn(`${field}.ja: a sentence of ${len} characters: ${s.slice(0, 40)}…`);
    }
  }
  if (item.review && DIARY.test(item.review.ja + item.review.en)) err('review: research-diary wording or an internal pointer; say only what is unverified and what to check');
  const hearsay = [item.teams?.ja ?? '', item.licensing?.ja ?? ''].join('').match(HEARSAY)?.length ?? 0;
  if (hearsay > 1) warn(`「とされています」 ${hearsay} times: attribute precisely (「文書44 では〜と記載されています」) or state the fact with its citation`);

  // The check record.
  const c = ctx.check;
  if (!c) {
    err('no check record in data/checks/');
  } else {
    if (c.checkedOn !== item.checkedOn) err(`checkedOn ${item.checkedOn} differs from the check record's ${c.checkedOn}`);
    if (c.conformity.after !== item.conformity) err(`conformity ${item.conformity} differs from the check record's ${c.conformity.after}`);
    const checkedDocs = new Set(c.claims.flatMap((cl) => cl.documents));
    for (const n of item.documents) if (!checkedDocs.has(n)) err(`document ${n} is cited but no checked claim rests on it`);
    for (const cl of c.claims) for (const n of cl.documents) if (!ctx.documentByNumber.has(n)) err(`check record: document ${n} is not in documents.json`);
    if (ctx.requireSecondReading && !c.secondReading) err('no second reading in the check record');
    if (c.secondReading && c.secondReading.reader === c.writer) err('the second reader is the writer');
  }
  return f;
}

/** Documents: today's title, and the 2020 one kept for 01–43; no retired names in today's titles. */
export function checkDocument(doc: Document, retiredNames: readonly RetiredName[]): Finding[] {
  const f: Finding[] = [];
  const id = `document ${doc.number}`;
  if (Number(doc.number) <= 43 && !doc.title2020) f.push({ id, severity: 'error', message: 'documents 01–43 keep the 2020 title in title2020' });
  if (!doc.checkedOn) f.push({ id, severity: 'error', message: 'checkedOn is missing' });
  for (const lang of ['ja', 'en'] as const) {
    for (const name of retiredNamesIn(doc.title[lang], retiredNames)) f.push({ id, severity: 'error', message: `title.${lang}: retired name ${name}` });
  }
  return f;
}

/** The check records of one edition: `data/checks/` for the default edition, `data/checks/<edition>/` for later ones. */
export function loadSectionChecks(dataDir: string, edition?: string): Map<string, ItemCheck> {
  const rel = edition ? `data/checks/${edition}` : 'data/checks';
  const dir = edition ? path.join(dataDir, 'checks', edition) : path.join(dataDir, 'checks');
  const out = new Map<string, ItemCheck>();
  if (!fs.existsSync(dir)) return out;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'documents.json').sort()) {
    const parsed = SectionChecks.safeParse(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    if (!parsed.success) {
      throw new Error(`${rel}/${file}: ${parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
    }
    if (`${parsed.data.section}.json` !== file) throw new Error(`${rel}/${file}: declares section ${parsed.data.section}`);
    for (const c of parsed.data.items) {
      if (out.has(c.id)) throw new Error(`${rel}/${file}: ${c.id} has two check records`);
      out.set(c.id, c);
    }
  }
  return out;
}
