/**
 * The JSON form of an assessment: what `export.json` writes and `import`
 * reads back (contract/assessment.ts has the format). Every item of the
 * edition is listed (untouched ones as unchecked), so importing a file
 * restores exactly what it shows.
 */
import {
  ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION, type AssessmentDocument, type AssessmentImport, type ItemState,
} from '../../contract/assessment';
import type { Edition } from '../reference/edition';
import type { Library } from '../reference/library';
import { UNCHECKED } from './model';
import type { ImportEntry } from './store';

export function buildAssessmentDocument(edition: Edition, states: ReadonlyMap<string, ItemState>, meta: { scope: string; exportedAt: Date; exportedBy: string }): AssessmentDocument {
  return {
    format: ASSESSMENT_FORMAT,
    formatVersion: ASSESSMENT_FORMAT_VERSION,
    edition: edition.id,
    exportedAt: meta.exportedAt.toISOString(),
    exportedBy: meta.exportedBy,
    scope: meta.scope,
    items: edition.items.map((item) => ({ id: item.id, ...(states.get(item.id) ?? UNCHECKED) })),
  };
}

export type ImportProblem = { code: 'duplicate_items' | 'unknown_items' | 'unknown_edition'; ids: string[] };

/**
 * The edition and the entries for the store, or what makes the file unusable
 * here. A version 1 file (before editions) is the default edition's.
 */
export function importEntries(library: Library, doc: AssessmentImport): { edition: Edition; entries: ImportEntry[] } | { problem: ImportProblem } {
  const edition = doc.edition ? library.edition(doc.edition) : library.defaultEdition;
  if (!edition) return { problem: { code: 'unknown_edition', ids: [doc.edition ?? ''] } };
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const item of doc.items) {
    if (seen.has(item.id)) duplicates.add(item.id);
    seen.add(item.id);
  }
  if (duplicates.size) return { problem: { code: 'duplicate_items', ids: [...duplicates] } };
  const unknown = doc.items.filter((i) => !edition.itemById.has(i.id)).map((i) => i.id);
  if (unknown.length) return { problem: { code: 'unknown_items', ids: unknown } };
  return {
    edition,
    entries: doc.items.map((i) => ({
      itemId: i.id,
      state: { status: i.status, owner: i.owner ?? null, note: i.note ?? null, targetDate: i.targetDate ?? null, checkedDate: i.checkedDate ?? null },
    })),
  };
}
