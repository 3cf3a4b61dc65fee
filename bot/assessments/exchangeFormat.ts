/**
 * The JSON form of an assessment: what `export.json` writes and `import`
 * reads back. Every reference item is listed (untouched ones as unchecked),
 * so importing a file restores exactly what it shows.
 */
import { z } from 'zod';
import type { Reference } from '../reference/loadReference';
import { AssessmentStatus, IsoDate, ItemId, ItemState, NOTE_MAX, OWNER_MAX, UNCHECKED } from './model';
import type { ImportEntry } from './store';

export const ASSESSMENT_FORMAT = 'medsec-reference/assessment';
export const ASSESSMENT_FORMAT_VERSION = 1;
export const IMPORT_MAX_ITEMS = 5000;

export interface AssessmentDocument {
  format: typeof ASSESSMENT_FORMAT;
  formatVersion: typeof ASSESSMENT_FORMAT_VERSION;
  exportedAt: string;
  exportedBy: string;
  /** The scope it was exported from (informational; import goes to the URL's scope). */
  scope: string;
  items: Array<{ id: string } & ItemState>;
}

export function buildAssessmentDocument(reference: Reference, states: ReadonlyMap<string, ItemState>, meta: { scope: string; exportedAt: Date; exportedBy: string }): AssessmentDocument {
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    scope: meta.scope,
    items: reference.items.map((item) => ({ id: item.id, ...(states.get(item.id) ?? UNCHECKED) })),
  };
}

const importText = (max: number) => z.string()
  .refine((s) => [...s].length <= max, `at most ${max} characters`)
  .refine((s) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(s), 'contains control characters')
  .transform((s) => s.trim() || null)
  .nullable()
  .optional();

/** One item of an import; version, updatedBy and updatedAt are ignored (the import makes new versions). */
const ImportItem = z.object({
  id: ItemId,
  status: AssessmentStatus,
  owner: importText(OWNER_MAX),
  note: importText(NOTE_MAX),
  targetDate: IsoDate.nullable().optional(),
  checkedDate: IsoDate.nullable().optional(),
});

export const AssessmentImport = z.object({
  format: z.literal(ASSESSMENT_FORMAT, { message: `not an exported assessment (format must be "${ASSESSMENT_FORMAT}")` }),
  formatVersion: z.literal(ASSESSMENT_FORMAT_VERSION, { message: `unsupported formatVersion (this server reads ${ASSESSMENT_FORMAT_VERSION})` }),
  items: z.array(ImportItem).max(IMPORT_MAX_ITEMS),
});

export type ImportProblem = { code: 'duplicate_items' | 'unknown_items'; ids: string[] };

/** Entries for the store, or the IDs that make the file unusable here. */
export function importEntries(reference: Reference, doc: z.infer<typeof AssessmentImport>): { entries: ImportEntry[] } | { problem: ImportProblem } {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of doc.items) {
    if (seen.has(item.id)) duplicates.add(item.id);
    seen.add(item.id);
  }
  if (duplicates.size) return { problem: { code: 'duplicate_items', ids: [...duplicates] } };
  const unknown = doc.items.filter((i) => !reference.itemById.has(i.id)).map((i) => i.id);
  if (unknown.length) return { problem: { code: 'unknown_items', ids: unknown } };
  return {
    entries: doc.items.map((i) => ({
      itemId: i.id,
      state: { status: i.status, owner: i.owner ?? null, note: i.note ?? null, targetDate: i.targetDate ?? null, checkedDate: i.checkedDate ?? null },
    })),
  };
}
