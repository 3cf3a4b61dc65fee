/**
 * The self-assessment model: a hospital's answer, per requirement item, to
 * "have we done this?" — status, owner, note, target and checked dates — plus
 * the version that keeps two editors from overwriting each other and the
 * append-only history an auditor reads. Pure: no storage, no HTTP.
 */
import type { AssessmentStatus } from '../../contract/statuses';
import { EDITABLE_FIELDS, type Actor, type EditableField, type FieldChange, type ItemState } from '../../contract/assessment';

export type { Actor, AssessmentStatus, EditableField, FieldChange, ItemState };
export { EDITABLE_FIELDS };
export type { HistoryEntry } from '../../contract/assessment';

/** An item nobody has touched yet. */
export const UNCHECKED: ItemState = Object.freeze({
  status: 'unchecked', owner: null, note: null, targetDate: null, checkedDate: null, version: 0, updatedBy: null, updatedAt: null,
}) as ItemState;

export type EditableState = Pick<ItemState, EditableField>;

/** What a write changes. A field left undefined keeps its value; null clears it. */
export type ItemChange = { status: AssessmentStatus } & Partial<Omit<EditableState, 'status'>>;

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
