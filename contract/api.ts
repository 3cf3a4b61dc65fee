/**
 * Every JSON answer of `/api/…` (the bot endpoint aside), as zod schemas:
 * the server builds its answers to these shapes and the HTTP tests validate
 * real responses against them; the tab imports their types. The README's API
 * tables describe the same routes.
 */
import { z } from 'zod';
import { ItemFields, Document, Section, Chapter, LocalizedText, CrosswalkBasis, Conformity, ChecklistRow } from './reference';
import { ItemState, HistoryEntry } from './assessment';
import { ASSESSMENT_STATUSES } from './statuses';

export const ErrorResponse = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }).strict(),
}).strict();
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const HealthResponse = z.object({
  status: z.literal('ok'),
  /** Items of the default edition. */
  items: z.number().int(),
  documents: z.number().int(),
  editions: z.array(z.string()),
  version: z.string(),
}).strict();

export const EditionView = z.object({
  id: z.string(),
  label: LocalizedText,
  title: LocalizedText,
  published: z.string(),
  itemCount: z.number().int(),
  default: z.boolean(),
}).strict();
export type EditionView = z.infer<typeof EditionView>;

export const EditionsResponse = z.object({ default: z.string(), editions: z.array(EditionView) }).strict();

/** An item of another edition linked to this one, and how that is known. */
export const CounterpartView = z.object({
  edition: z.string(),
  editionLabel: LocalizedText,
  /** The reference to link and look up (`v7:sys-14-5`, or plain for the default edition). */
  ref: z.string(),
  displayId: z.string(),
  title: LocalizedText,
  basis: CrosswalkBasis,
  /** A link through a third edition: the item in between (its ref); the basis is the weaker of the two links. */
  via: z.string().optional(),
  change: LocalizedText.optional(),
}).strict();
export type CounterpartView = z.infer<typeof CounterpartView>;

/** For a later edition's row: a 第5版 item whose Teams coverage answers it (coverageFrom). */
export const BorrowedCoverageView = z.object({
  ref: z.string(),
  displayId: z.string(),
  title: LocalizedText,
  conformity: Conformity.optional(),
  conformityReason: LocalizedText.optional(),
}).strict();
export type BorrowedCoverageView = z.infer<typeof BorrowedCoverageView>;

/** An item as the API shows it: every field except the search-only askedAs and situations phrasings, plus how to show and link it. */
export const ItemView = ItemFields.omit({ askedAs: true, situations: true }).extend({
  edition: z.string(),
  /** `6.5 C-6`. */
  displayId: z.string(),
  /** What links and assessments use: `6.5-C-6`, or `v7:sys-14-5` outside the default edition. */
  ref: z.string(),
  counterparts: z.array(CounterpartView),
  borrowedCoverage: z.array(BorrowedCoverageView).optional(),
}).strict();
export type ItemView = z.infer<typeof ItemView>;

export const ItemsResponse = z.object({ edition: z.string(), count: z.number().int(), items: z.array(ItemView) }).strict();

export const SectionView = Section.extend({ itemCount: z.number().int() });
export type SectionView = z.infer<typeof SectionView>;
export const SectionsResponse = z.object({ edition: z.string(), chapters: z.array(Chapter), sections: z.array(SectionView) }).strict();

export const DocumentsResponse = z.object({ count: z.number().int(), documents: z.array(Document) }).strict();

export const SearchResponse = z.object({
  query: z.string(),
  edition: z.string(),
  /** The question's language (Japanese script or not). */
  language: z.enum(['ja', 'en']),
  /** Whether the bot would present the first result as the answer. */
  confident: z.boolean(),
  results: z.array(z.object({ id: z.string(), score: z.number(), item: ItemView.optional() }).strict()),
}).strict();
export type SearchResponse = z.infer<typeof SearchResponse>;

export const ClientConfig = z.object({
  /** The manifest's `id` (TEAMS_APP_ID). */
  teamsAppId: z.string().nullable(),
  /** The app's ID in the organisation's app catalogue (TEAMS_CATALOG_APP_ID): deep links name it when set. */
  teamsCatalogAppId: z.string().nullable(),
  publicBaseUrl: z.string().nullable(),
}).strict();
export type ClientConfig = z.infer<typeof ClientConfig>;

const StatusCounts = z.object(Object.fromEntries(ASSESSMENT_STATUSES.map((s) => [s, z.number().int()])) as Record<typeof ASSESSMENT_STATUSES[number], z.ZodNumber>).strict();
const ProgressFigures = z.object({ total: z.number().int(), counts: StatusCounts, settled: z.number().int(), ratio: z.number() }).strict();

export const AssessmentResponse = z.object({
  mode: z.enum(['local', 'sso']),
  scope: z.string(),
  edition: z.string(),
  user: z.object({ id: z.string(), name: z.string() }).strict(),
  /** Items of the edition with a state, by item ID; the rest are unchecked. */
  items: z.record(z.string(), ItemState),
  /**
   * Later editions: rows without a state of their own, shown with the
   * combined status of the 第5版 items whose coverage they borrow
   * (contract/statuses.ts combineStatuses); `from` lists those with a state.
   * Saving a row gives it a state of its own.
   */
  derived: z.record(z.string(), z.object({ status: z.enum(ASSESSMENT_STATUSES), from: z.array(z.string()) }).strict()),
  progress: z.object({ overall: ProgressFigures, sections: z.array(ProgressFigures.extend({ section: z.string() })) }).strict(),
}).strict();
export type AssessmentResponse = z.infer<typeof AssessmentResponse>;

export const PutItemResponse = z.object({ id: z.string(), state: ItemState }).strict();
/** 409: someone saved first; their state is in `details.current`. */
export const ConflictResponse = z.object({
  error: z.object({ code: z.literal('version_conflict'), message: z.string(), details: z.object({ current: ItemState }).strict() }).strict(),
}).strict();
export type ConflictResponse = z.infer<typeof ConflictResponse>;

export const HistoryResponse = z.object({ id: z.string(), history: z.array(HistoryEntry) }).strict();
export type HistoryResponse = z.infer<typeof HistoryResponse>;

export const ImportResponse = z.object({
  scope: z.string(),
  edition: z.string(),
  imported: z.object({ total: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).strict(),
}).strict();
export type ImportResponse = z.infer<typeof ImportResponse>;

/** A 立入検査 checklist row with its references resolved and the items that answer it. */
export const ChecklistRowView = ChecklistRow.extend({
  refs: z.array(z.object({
    raw: z.string(),
    inferred: z.boolean(),
    /** The cited edition's row, when the reference names one. */
    item: z.object({ ref: z.string(), displayId: z.string(), title: LocalizedText }).strict().optional(),
    /** The cited chapter, when the reference names a section. */
    section: z.object({ id: z.string(), title: LocalizedText }).strict().optional(),
  }).strict()),
  /** Default-edition items whose Teams coverage answers the row. */
  answeredBy: z.array(z.object({ ref: z.string(), displayId: z.string(), title: LocalizedText, conformity: Conformity.optional() }).strict()),
}).strict();
export type ChecklistRowView = z.infer<typeof ChecklistRowView>;

export const ChecklistsResponse = z.object({
  checklists: z.array(z.object({
    id: z.string(),
    fiscalYear: z.string(),
    title: LocalizedText,
    edition: z.string(),
    note: LocalizedText,
    rows: z.array(ChecklistRowView),
  }).strict()),
}).strict();
export type ChecklistsResponse = z.infer<typeof ChecklistsResponse>;
