/**
 * The shape of the reference dataset under data/, which is also what the API
 * serves. Every file is checked against these schemas at start-up, so a bad
 * edit stops the server with a message naming the file, the item and the
 * field instead of showing hospitals a half-filled card. What depends on the
 * edition (the ID grammar: does `6.5-C-4` agree with its section, level and
 * number?) is checked by the loader with that edition's grammar.
 */
import { z } from 'zod';
import { CONFORMITIES } from './conformity';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A text in both languages; the Japanese side must actually be Japanese. */
export const LocalizedText = z.object({
  ja: z.string().trim().min(1, 'Japanese text is empty').regex(JAPANESE, 'Japanese text contains no Japanese'),
  en: z.string().trim().min(1, 'English text is empty'),
}).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** Any edition's item ID (`6.5-C-4`, `sys-14-5`): the edition's grammar says which are valid. */
export const ITEM_ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9.-]{0,39}$/;
/** Any edition's section (group) ID: `6.5`, `sys-14`. */
export const SECTION_ID_CHARS = /^[A-Za-z0-9][A-Za-z0-9.-]{0,19}$/;
export const DOCUMENT_NUMBER = /^\d{2,3}$/;

export const Level = z.enum(['C', 'D']);
export type Level = z.infer<typeof Level>;

/**
 * Whether Teams can meet an item (the rule is in data/README.md):
 * - `conformable` (適合可能): Teams and Microsoft 365 provide what the item
 *   needs for the information handled in Teams; with the hospital's own
 *   configuration and operation the item can be met;
 * - `not-met-by-teams` (Teams では対応不可): the item applies to what is
 *   handled in Teams, but Teams cannot meet it; another system, a manual
 *   procedure or keeping that information out of Teams must;
 * - `outside-teams` (Teams 対象外): the item concerns something Teams does
 *   not handle (premises, paper, other systems, organisation); the hospital
 *   meets it by its own measures.
 */
export const Conformity = z.enum(CONFORMITIES);
export type Conformity = z.infer<typeof Conformity>;

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are YYYY-MM-DD');

/**
 * Where the requirement's wording comes from, so a reader knows how far to
 * trust it. The 第5版 text itself is rarely readable today:
 * - `v5-text`: read at its 第5版 number in a copy of the 第5版 text;
 * - `v5-quote`: a secondary source quoting 第5版 at this number;
 * - `v52-text`: reconstructed from the 第5.2版 item read at its source;
 * - `v6-text`: reconstructed from the 第6.0版 遵守事項 read at its source
 *   (for a 第6.0版 row: its text read in the final edition);
 * - `v6-draft`: a 第6.0版 row read only in a working-group draft;
 * - `v6-quote` / `v7-quote`: a secondary source (a digest, an article, a
 *   public repository) quoting that edition's text at this number;
 * - `reported`: a secondary source describing the row, without quoting it;
 * - `inferred`: not read anywhere: assumed from the previous edition's row
 *   of the same number, or from a cross-reference;
 * - `index`: only the research index's paraphrase; not read at any source.
 */
export const RequirementBasis = z.enum(['v5-text', 'v5-quote', 'v52-text', 'v6-text', 'v6-draft', 'v6-quote', 'v7-quote', 'reported', 'inferred', 'index']);
export type RequirementBasis = z.infer<typeof RequirementBasis>;

export const RequirementSource = z.object({
  basis: RequirementBasis,
  /** Which item of which text, in words: 「第5.2版 6.5 C-7 の本文から再構成」. */
  detail: LocalizedText,
  /** The page where it was read, when there is one. */
  url: z.string().url().optional(),
}).strict();
export type RequirementSource = z.infer<typeof RequirementSource>;

export const Confidence = z.enum(['high', 'medium', 'low']);
export type Confidence = z.infer<typeof Confidence>;

/**
 * Third-party attestations we may name as evidence. A closed list on purpose:
 * the data may only point at schemes Microsoft publicly lists (document 52–57),
 * never at one someone remembers.
 */
export const Certification = z.enum([
  'ISO/IEC 27001',
  'ISO/IEC 27017',
  'ISO/IEC 27018',
  'ISO/IEC 27701',
  'SOC 1',
  'SOC 2',
  'SOC 3',
  'CSA STAR',
  'ISMAP',
]);
export type Certification = z.infer<typeof Certification>;

export const Topic = z.string().regex(/^[a-z][a-z0-9-]*$/, 'topics are lower-case slugs');

/** An item's fields, before the rules across fields (Item below); the API's ItemView is built from these. */
export const ItemFields = z.object({
  id: z.string().regex(ITEM_ID_CHARS, 'id must be letters, digits, dots and dashes, like 6.5-C-4'),
  section: z.string().regex(SECTION_ID_CHARS),
  /** 第5版's C (最低限) / D (推奨); editions without levels leave it out. */
  level: Level.optional(),
  number: z.number().int().positive(),
  sub: z.number().int().positive().optional(),
  /** A short name for lists and previews (≈ 30 characters ja). */
  title: LocalizedText,
  requirement: LocalizedText,
  topics: z.array(Topic).min(1),
  /**
   * How people ask about this item, in their own words (「iPhone落とした」,
   * "vendor wants to take data home"): search only, never shown as content.
   */
  askedAs: z.object({
    ja: z.array(z.string().trim().min(4).max(120).regex(JAPANESE, 'Japanese phrasing contains no Japanese')).max(20),
    en: z.array(z.string().trim().min(4).max(160)).max(20),
  }).strict().optional(),
  /**
   * Situations in which people need this item, as they would describe them
   * (who, where, what happened): search only. Not written in the item files;
   * the loader adds them from `<edition dir>/phrasings/<section>.json`.
   */
  situations: z.object({
    ja: z.array(z.string().trim().min(4).max(160).regex(JAPANESE, 'Japanese phrasing contains no Japanese')).max(20),
    en: z.array(z.string().trim().min(4).max(200)).max(20),
  }).strict().optional(),
  /** Absent when the item's coverage is its counterparts' (`coverageFrom`). */
  conformity: Conformity.optional(),
  /**
   * For an item of a later edition: the default edition's items whose Teams
   * coverage (conformity, what Teams provides, actions) answers it, by the
   * crosswalk. The item then has none of its own. Empty: no coverage written
   * yet, and the views say so.
   */
  coverageFrom: z.array(z.string().regex(ITEM_ID_CHARS)).optional(),
  /** Why the item has that conformity, in one sentence (shown next to the marker). */
  conformityReason: LocalizedText.optional(),
  /** Where the requirement text comes from. */
  requirementSource: RequirementSource.optional(),
  /** When the item was last checked against its sources (data/checks/ holds the record). */
  checkedOn: CalendarDate.optional(),
  teams: LocalizedText.optional(),
  documents: z.array(z.string().regex(DOCUMENT_NUMBER, 'document numbers are two or three digits, e.g. "27"')).default([]),
  certifications: z.array(Certification).default([]),
  licensing: LocalizedText.optional(),
  actions: z.array(LocalizedText).min(1).optional(),
  confidence: Confidence,
  review: LocalizedText.optional(),
});

export const Item = ItemFields.strict().superRefine((item, ctx) => {
  if (item.coverageFrom) {
    for (const f of ['conformity', 'conformityReason', 'teams', 'actions', 'licensing'] as const) {
      if (item[f] !== undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'an item whose coverage is its counterparts\' (coverageFrom) has none of its own' });
    }
  } else {
    for (const f of ['conformity', 'teams', 'actions'] as const) {
      if (item[f] === undefined) ctx.addIssue({ code: 'custom', path: [f], message: 'required (or name the items whose coverage applies in coverageFrom)' });
    }
  }
  if (item.confidence !== 'high' && !item.review) ctx.addIssue({ code: 'custom', path: ['review'], message: 'items that are not high-confidence need a review note saying what to check' });
  if (item.conformity === 'conformable' && item.documents.length === 0) ctx.addIssue({ code: 'custom', path: ['documents'], message: 'a conformable item must cite at least one document' });
});
export type Item = z.infer<typeof Item>;

/** One file under data/reference/: the items of one section. */
/** `<edition dir>/phrasings/<section>.json`: search-only situation phrasings per item. */
export const PhrasingsFile = z.object({
  section: z.string(),
  items: z.array(z.object({ id: z.string(), situations: ItemFields.shape.situations.unwrap() }).strict()),
}).strict();

export const SectionFile = z.object({
  section: z.string().regex(SECTION_ID_CHARS),
  items: z.array(Item),
}).strict();

export const Document = z.object({
  number: z.string().regex(DOCUMENT_NUMBER),
  /** Today's title of the page at `url` (for a page no longer published, its last title). */
  title: LocalizedText,
  /** The title the 2020 reference gave it (documents 01–43 only): kept as a record, shown as such. */
  title2020: LocalizedText.optional(),
  /** The address the 2020 reference cited (documents 01–43 only). */
  url2020: z.string().url().optional(),
  /** When the title and address were last checked. */
  checkedOn: CalendarDate.optional(),
  /** Today's address; absent when the document is no longer published. */
  url: z.string().url().optional(),
  status: z.enum(['current', 'moved', 'obsolete', 'added']),
  note: z.string().min(1).optional(),
}).strict();
export type Document = z.infer<typeof Document>;

export const DocumentsFile = z.object({ documents: z.array(Document).min(1) }).strict();

export const Section = z.object({
  id: z.string().regex(SECTION_ID_CHARS),
  chapter: z.string().regex(/^(\d+|[a-z]+)$/),
  title: LocalizedText,
  note: z.string().optional(),
}).strict();
export type Section = z.infer<typeof Section>;

/** 第5版: a chapter number (`6`); later editions: a volume (`sys`). */
export const Chapter = z.object({ chapter: z.string().regex(/^(\d+|[a-z]+)$/), title: LocalizedText }).strict();
export type Chapter = z.infer<typeof Chapter>;

export const SectionsFile = z.object({ chapters: z.array(Chapter), sections: z.array(Section) }).strict();

/** Groups of words that mean the same thing to a searcher (ja and en mixed). */
export const VocabularyFile = z.object({
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
}).strict();
export type Vocabulary = z.infer<typeof VocabularyFile>;

/**
 * How a link between two editions' items is known:
 * - `mhlw-table`: MHLW's own correspondence table names it;
 * - `same-text`: the same requirement, recognisably the same text;
 * - `subject`: inferred from the subject (weakest: say what to check).
 */
export const CrosswalkBasis = z.enum(['mhlw-table', 'same-text', 'subject']);
export type CrosswalkBasis = z.infer<typeof CrosswalkBasis>;

/** One item of the `from` edition answering, wholly or in part, to one item of the `to` edition. */
export const CrosswalkLink = z.object({
  from: z.string().regex(ITEM_ID_CHARS),
  to: z.string().regex(ITEM_ID_CHARS),
  basis: CrosswalkBasis,
  /** What changed between the two (periodic password change deleted; lockout added …). */
  change: LocalizedText.optional(),
  /** Where the link was read, or what to check. */
  note: z.string().min(1).optional(),
}).strict();
export type CrosswalkLink = z.infer<typeof CrosswalkLink>;

/** data/crosswalk/<from>-<to>.json: links between two editions' items, validated against both. */
export const CrosswalkFile = z.object({
  from: z.string().regex(/^v\d{1,2}$/),
  to: z.string().regex(/^v\d{1,2}$/),
  links: z.array(CrosswalkLink),
}).strict();

/** data/editions.json: the editions the library holds, and which one links without a prefix mean. */
export const EditionsFile = z.object({
  default: z.string().regex(/^v\d{1,2}$/),
  editions: z.array(z.object({
    id: z.string().regex(/^v\d{1,2}$/, 'edition IDs look like v5'),
    label: LocalizedText,
    title: LocalizedText,
    published: z.string().regex(/^\d{4}-\d{2}$/, 'published is YYYY-MM'),
    /** The ID grammar (contract/itemIds.ts GRAMMARS). */
    grammar: z.string().min(1),
    /** Its folder under data/ (sections.json and reference/<section>.json). */
    dir: z.string().min(1),
  }).strict()).min(1),
}).strict();

/**
 * data/checklists/<id>.json: the 立入検査 cyber-security checklist of one
 * fiscal year, each row summarised in our own words, with the guideline
 * references its manual prints (`guidelineRefs`) or that we inferred from
 * the subject (`guidelineRefsInferred`), in the `edition` the manual cites.
 */
export const ChecklistRow = z.object({
  /** `institution-2-10`: the sheet and the checklist's own number. */
  id: z.string().regex(/^[a-z]+-[0-9x][0-9x-]*$/),
  sheet: z.enum(['institution', 'vendor']),
  /** The checklist's number (`2-10`; `x1` where it was not seen). */
  number: z.string(),
  group: LocalizedText,
  title: LocalizedText,
  summary: LocalizedText,
  /** Which systems it concerns (all, server, pc, network). */
  scope: z.array(z.string()).min(1),
  guidelineRefs: z.array(z.string()),
  guidelineRefsInferred: z.array(z.string()),
  /** How the row is known: read in the manual, only its start read, seen second-hand, or inferred. */
  basis: z.enum(['read', 'read-partial', 'secondary', 'inferred']),
  source: z.string().url().optional(),
}).strict();
export type ChecklistRow = z.infer<typeof ChecklistRow>;

export const ChecklistFile = z.object({
  id: z.string().regex(/^[a-z0-9]+$/),
  fiscalYear: z.string(),
  title: LocalizedText,
  /** The edition whose numbering the references use. */
  edition: z.string(),
  /** What this list is and how far to trust it. */
  note: LocalizedText,
  rows: z.array(ChecklistRow).min(1),
}).strict();
export type ChecklistFile = z.infer<typeof ChecklistFile>;
