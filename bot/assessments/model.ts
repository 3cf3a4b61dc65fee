/**
 * The self-assessment model: a hospital's answer, per requirement item, to
 * "have we done this?" — status, owner, note, target and checked dates — plus
 * the version that keeps two editors from overwriting each other and the
 * append-only history an auditor reads. Pure: no storage, no HTTP.
 */
import { z } from 'zod';
import { ITEM_ID } from '../reference/schema';

export const ASSESSMENT_STATUSES = ['unchecked', 'done', 'partial', 'not-done', 'not-applicable'] as const;
export const AssessmentStatus = z.enum(ASSESSMENT_STATUSES);
export type AssessmentStatus = z.infer<typeof AssessmentStatus>;

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

export const ItemId = z.string().max(40).regex(ITEM_ID, 'item IDs look like 6.5-C-6');

/** Who made a change: the Entra object ID (stable, for the audit) and the name shown. */
export interface Actor {
  id: string;
  name: string;
}

export interface ItemState {
  status: AssessmentStatus;
  owner: string | null;
  note: string | null;
  targetDate: string | null;
  checkedDate: string | null;
  /** 0 until the first write; +1 on every change. */
  version: number;
  updatedBy: Actor | null;
  /** ISO 8601 UTC. */
  updatedAt: string | null;
}

/** An item nobody has touched yet. */
export const UNCHECKED: ItemState = Object.freeze({
  status: 'unchecked', owner: null, note: null, targetDate: null, checkedDate: null, version: 0, updatedBy: null, updatedAt: null,
}) as ItemState;

export const EDITABLE_FIELDS = ['status', 'owner', 'note', 'targetDate', 'checkedDate'] as const;
export type EditableField = typeof EDITABLE_FIELDS[number];
export type EditableState = Pick<ItemState, EditableField>;

/** What a write changes. A field left undefined keeps its value; null clears it. */
export type ItemChange = { status: AssessmentStatus } & Partial<Omit<EditableState, 'status'>>;

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

export interface FieldChange {
  field: EditableField;
  before: string | null;
  after: string | null;
}

/** One line of an item's history. Written once, never updated or deleted. */
export interface HistoryEntry {
  /** The item's version this change produced. */
  version: number;
  at: string;
  by: Actor;
  source: 'edit' | 'import';
  changes: FieldChange[];
}

/** The fields of `current` after applying `change`, and what actually differs. */
export function applyChange(current: EditableState, change: ItemChange): { next: EditableState; changes: FieldChange[] } {
  const next: EditableState = { ...pickEditable(current) };
  const changes: FieldChange[] = [];
  for (const field of EDITABLE_FIELDS) {
    const value = change[field];
    if (value === undefined) continue;
    if (value !== current[field]) {
      changes.push({ field, before: current[field], after: value });
      (next as Record<EditableField, string | null>)[field] = value;
    }
  }
  return { next, changes };
}

export function pickEditable(state: EditableState): EditableState {
  return { status: state.status, owner: state.owner, note: state.note, targetDate: state.targetDate, checkedDate: state.checkedDate };
}

/** A full replacement (import): every field is given, missing ones are empty. */
export function fullChange(state: Partial<EditableState> & { status: AssessmentStatus }): ItemChange {
  return {
    status: state.status,
    owner: state.owner ?? null,
    note: state.note ?? null,
    targetDate: state.targetDate ?? null,
    checkedDate: state.checkedDate ?? null,
  };
}

export type StatusCounts = Record<AssessmentStatus, number>;

export interface Progress {
  total: number;
  counts: StatusCounts;
}

export function emptyCounts(): StatusCounts {
  return { unchecked: 0, done: 0, partial: 0, 'not-done': 0, 'not-applicable': 0 };
}

/**
 * Counts per section and overall, over the reference's items. An item without
 * a state counts as unchecked; states of items the reference no longer has
 * are not counted.
 */
export function computeProgress(
  items: ReadonlyArray<{ id: string; section: string }>,
  states: ReadonlyMap<string, Pick<ItemState, 'status'>>,
): { overall: Progress; sections: Array<{ section: string } & Progress> } {
  const overall: Progress = { total: 0, counts: emptyCounts() };
  const bySection = new Map<string, { section: string } & Progress>();
  for (const item of items) {
    const status = states.get(item.id)?.status ?? 'unchecked';
    let s = bySection.get(item.section);
    if (!s) {
      s = { section: item.section, total: 0, counts: emptyCounts() };
      bySection.set(item.section, s);
    }
    s.total += 1;
    s.counts[status] += 1;
    overall.total += 1;
    overall.counts[status] += 1;
  }
  return { overall, sections: [...bySection.values()] };
}
