/**
 * The shape of the reference dataset under data/. Every file is checked
 * against these schemas at start-up, so a bad edit stops the server with a
 * message naming the file, the item and the field instead of showing
 * hospitals a half-filled card.
 */
import { z } from 'zod';

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/;

/** A text in both languages; the Japanese side must actually be Japanese. */
export const LocalizedText = z.object({
  ja: z.string().trim().min(1, 'Japanese text is empty').regex(JAPANESE, 'Japanese text contains no Japanese'),
  en: z.string().trim().min(1, 'English text is empty'),
}).strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** `6.5-C-4`, or nested `7.1-C-1.3`. */
export const ITEM_ID = /^(\d+(?:\.\d+)*)-([CD])-(\d+)(?:\.(\d+))?$/;
export const SECTION_ID = /^\d+(?:\.\d+)*$/;
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
export const Conformity = z.enum(['conformable', 'not-met-by-teams', 'outside-teams']);
export type Conformity = z.infer<typeof Conformity>;

/** A calendar date, `YYYY-MM-DD`. */
export const CalendarDate = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'dates are YYYY-MM-DD');

/**
 * Where the requirement's wording comes from, so a reader knows how far to
 * trust it. The 第5版 text itself is rarely readable today:
 * - `v5-text`: read at its 第5版 number in a copy of the 第5版 text;
 * - `v5-quote`: a secondary source quoting 第5版 at this number;
 * - `v52-text`: reconstructed from the 第5.2版 item read at its source;
 * - `v6-text`: reconstructed from the 第6.0版 遵守事項 read at its source;
 * - `index`: only the research index's paraphrase; not read at any source.
 */
export const RequirementBasis = z.enum(['v5-text', 'v5-quote', 'v52-text', 'v6-text', 'index']);
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

export const Item = z.object({
  id: z.string().regex(ITEM_ID, 'id must look like 6.5-C-4 or 7.1-C-1.3'),
  section: z.string().regex(SECTION_ID),
  level: Level,
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
  conformity: Conformity,
  /** Why the item has that conformity, in one sentence (shown next to the marker). */
  conformityReason: LocalizedText.optional(),
  /** Where the requirement text comes from. */
  requirementSource: RequirementSource.optional(),
  /** When the item was last checked against its sources (data/checks/ holds the record). */
  checkedOn: CalendarDate.optional(),
  teams: LocalizedText,
  documents: z.array(z.string().regex(DOCUMENT_NUMBER, 'document numbers are two or three digits, e.g. "27"')),
  certifications: z.array(Certification).default([]),
  licensing: LocalizedText.optional(),
  actions: z.array(LocalizedText).min(1),
  confidence: Confidence,
  review: LocalizedText.optional(),
}).strict().superRefine((item, ctx) => {
  const m = ITEM_ID.exec(item.id);
  if (!m) return;
  const [, section, level, number, sub] = m;
  if (section !== item.section) ctx.addIssue({ code: 'custom', path: ['section'], message: `section ${item.section} does not match id ${item.id}` });
  if (level !== item.level) ctx.addIssue({ code: 'custom', path: ['level'], message: `level ${item.level} does not match id ${item.id}` });
  if (Number(number) !== item.number) ctx.addIssue({ code: 'custom', path: ['number'], message: `number ${item.number} does not match id ${item.id}` });
  if ((sub === undefined ? undefined : Number(sub)) !== item.sub) ctx.addIssue({ code: 'custom', path: ['sub'], message: `sub ${item.sub} does not match id ${item.id}` });
  if (item.confidence !== 'high' && !item.review) ctx.addIssue({ code: 'custom', path: ['review'], message: 'items that are not high-confidence need a review note saying what to check' });
  if (item.conformity === 'conformable' && item.documents.length === 0) ctx.addIssue({ code: 'custom', path: ['documents'], message: 'a conformable item must cite at least one document' });
});
export type Item = z.infer<typeof Item>;

/** One file under data/reference/: the items of one section. */
export const SectionFile = z.object({
  section: z.string().regex(SECTION_ID),
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
  id: z.string().regex(SECTION_ID),
  chapter: z.string().regex(/^\d+$/),
  title: LocalizedText,
  note: z.string().optional(),
}).strict();
export type Section = z.infer<typeof Section>;

export const Chapter = z.object({ chapter: z.string().regex(/^\d+$/), title: LocalizedText }).strict();
export type Chapter = z.infer<typeof Chapter>;

export const SectionsFile = z.object({ chapters: z.array(Chapter), sections: z.array(Section) }).strict();

/** Groups of words that mean the same thing to a searcher (ja and en mixed). */
export const VocabularyFile = z.object({
  synonyms: z.array(z.array(z.string().min(1)).min(2)),
}).strict();
export type Vocabulary = z.infer<typeof VocabularyFile>;
