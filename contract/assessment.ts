/**
 * The self-assessment's shapes, as the API sends and receives them: an item's
 * state, a write, a history entry, and the exchange format (export.json /
 * import). zod schemas; the server validates with them, the tab imports
 * their types.
 */
import { z } from 'zod';
import { ASSESSMENT_STATUSES } from './statuses';

export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);

export const OWNER_MAX = 100;
export const NOTE_MAX = 2000;
/** Versions are SQL INTEGERs in both stores. */
export const VERSION_MAX = 2_147_483_647;

/** C0 controls other than tab, LF and CR; NUL in particular cannot be stored in PostgreSQL text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** `YYYY-MM-DD` that names a real calendar day (no 2025-02-30). */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are written YYYY-MM-DD').refine((s) => {
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 1900 && y <= 2999 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}, 'not a calendar date (YYYY-MM-DD, years 1900–2999)');

/** Free text; blank means "none". `null` clears the field, `undefined` leaves it alone. */
function optionalText(max: number) {
  return z.string()
    .max(max * 2, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s), 'contains control characters')
    .transform((s) => s.trim())
    .refine((s) => [...s].length <= max, `at most ${max} characters`)
    .transform((s) => (s === '' ? null : s))
    .nullable()
    .optional();
}

/** An item ID as an assessment carries it (within its edition). */
export const AssessedItemId = z.string().min(1).max(40).regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, 'item IDs look like 6.5-C-6');

export const Actor = z.object({ id: z.string(), name: z.string() }).strict();
export type Actor = z.infer<typeof Actor>;

export const ItemState = z.object({
  status: AssessmentStatus,
  owner: z.string().nullable(),
  note: z.string().nullable(),
  targetDate: z.string().nullable(),
  checkedDate: z.string().nullable(),
  /** 0 until the first write; +1 on every change. */
  version: z.number().int().min(0),
  updatedBy: Actor.nullable(),
  /** ISO 8601 UTC. */
  updatedAt: z.string().nullable(),
}).strict();
export type ItemState = z.infer<typeof ItemState>;

export const EDITABLE_FIELDS = ['status', 'owner', 'note', 'targetDate', 'checkedDate'] as const;
export type EditableField = typeof EDITABLE_FIELDS[number];

/** Body of `PUT /api/assessments/:scope/items/:id`. */
export const ItemWrite = z.object({
  status: AssessmentStatus,
  owner: optionalText(OWNER_MAX),
  note: optionalText(NOTE_MAX),
  targetDate: IsoDate.nullable().optional(),
  checkedDate: IsoDate.nullable().optional(),
  /** The version the editor read; 0 for an item without a state yet. */
  version: z.number().int().min(0).max(VERSION_MAX),
}).strict();
export type ItemWrite = z.infer<typeof ItemWrite>;

export const FieldChange = z.object({
  field: z.enum(EDITABLE_FIELDS),
  before: z.string().nullable(),
  after: z.string().nullable(),
}).strict();
export type FieldChange = z.infer<typeof FieldChange>;

/** One line of an item's history. Written once, never updated or deleted. */
export const HistoryEntry = z.object({
  /** The item's version this change produced. */
  version: z.number().int().min(1),
  at: z.string(),
  by: Actor,
  source: z.enum(['edit', 'import']),
  changes: z.array(FieldChange),
}).strict();
export type HistoryEntry = z.infer<typeof HistoryEntry>;

// ---------------------------------------------------------------------------
// The exchange format: export.json writes it, import reads it back.

export const ASSESSMENT_FORMAT = 'medsec-reference/assessment';
/** 2: the document names its edition. Version 1 files (no edition) are the default edition's. */
export const ASSESSMENT_FORMAT_VERSION = 2;
export const IMPORT_MAX_ITEMS = 5000;

/** What export.json holds (and what the contract test checks it against). */
export const AssessmentDocument = z.object({
  format: z.literal(ASSESSMENT_FORMAT),
  formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION),
  /** The edition whose items these are (`v5`). */
  edition: z.string(),
  exportedAt: z.string(),
  exportedBy: z.string(),
  /** The scope it was exported from (informational; import goes to the URL's scope). */
  scope: z.string(),
  items: z.array(ItemState.extend({ id: z.string() })),
}).strict();
export type AssessmentDocument = z.infer<typeof AssessmentDocument>;

const importText = (max: number) => z.string()
  .refine((s) => [...s].length <= max, `at most ${max} characters`)
  .refine((s) => !CONTROL.test(s), 'contains control characters')
  .transform((s) => s.trim() || null)
  .nullable()
  .optional();

/** One item of an import; version, updatedBy and updatedAt are ignored (the import makes new versions). */
const ImportItem = z.object({
  id: AssessedItemId,
  status: AssessmentStatus,
  owner: importText(OWNER_MAX),
  note: importText(NOTE_MAX),
  targetDate: IsoDate.nullable().optional(),
  checkedDate: IsoDate.nullable().optional(),
});

export const AssessmentImport = z.object({
  format: z.literal(ASSESSMENT_FORMAT, { message: `not an exported assessment (format must be "${ASSESSMENT_FORMAT}")` }),
  formatVersion: z.union([z.literal(1), z.literal(2)], { message: `unsupported formatVersion (this server reads 1 and ${ASSESSMENT_FORMAT_VERSION})` }),
  edition: z.string().regex(/^v\d{1,2}$/).optional(),
  items: z.array(ImportItem).max(IMPORT_MAX_ITEMS),
}).superRefine((doc, ctx) => {
  if (doc.formatVersion === 2 && !doc.edition) ctx.addIssue({ code: 'custom', path: ['edition'], message: 'formatVersion 2 names its edition' });
});
export type AssessmentImport = z.infer<typeof AssessmentImport>;
