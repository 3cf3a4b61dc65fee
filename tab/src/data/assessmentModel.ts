/**
 * The self-assessment as the tab sees it: the contract's statuses, states and
 * progress, and the tab's own helpers — filters, owners, the form's draft.
 */
import { ASSESSMENT_STATUSES, isOverdue, isStatus, type AssessmentStatus } from '../../../contract/statuses';
import type { ItemState } from '../../../contract/assessment';

export type { AssessmentStatus, ItemState };
export type { Progress, ProgressFigures } from '../../../contract/progress';
export { computeProgress } from '../../../contract/progress';
export { isOverdue, isStatus };
export { scopeForContext as assessmentScope } from '../../../contract/scope';

/** In the order the UI lists them. */
export const STATUSES: readonly AssessmentStatus[] = ASSESSMENT_STATUSES;

export const UNCHECKED_STATE: ItemState = {
  status: 'unchecked', owner: null, note: null, targetDate: null, checkedDate: null, version: 0, updatedBy: null, updatedAt: null,
};

/** Today as YYYY-MM-DD in the user's own time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface AssessmentFilters {
  status?: AssessmentStatus;
  /** Exact owner name (trimmed, case-insensitive). */
  owner?: string;
  /** Only items whose owner is `me`. */
  mine?: boolean;
  overdue?: boolean;
}

export function hasAssessmentFilters(f: AssessmentFilters): boolean {
  return Boolean(f.status || f.owner || f.mine || f.overdue);
}

function sameName(a: string | null | undefined, b: string | null | undefined): boolean {
  return Boolean(a && b && a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase());
}

export function matchesAssessment(state: ItemState | undefined, f: AssessmentFilters, me: string | null, today: string): boolean {
  const s = state ?? UNCHECKED_STATE;
  if (f.status && s.status !== f.status) return false;
  if (f.owner && !sameName(s.owner, f.owner)) return false;
  if (f.mine && !sameName(s.owner, me)) return false;
  if (f.overdue && !isOverdue(s, today)) return false;
  return true;
}

/** Distinct owners, sorted, for the owner filter. */
export function ownersOf(states: Iterable<ItemState>): string[] {
  const seen = new Map<string, string>();
  for (const s of states) {
    const o = s.owner?.trim();
    if (o && !seen.has(o.toLocaleLowerCase())) seen.set(o.toLocaleLowerCase(), o);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, 'ja'));
}

/** The editable fields as the form holds them (strings; '' means none). */
export interface Draft {
  status: AssessmentStatus;
  owner: string;
  note: string;
  targetDate: string;
  checkedDate: string;
}

export function draftOf(state: ItemState): Draft {
  return {
    status: state.status,
    owner: state.owner ?? '',
    note: state.note ?? '',
    targetDate: state.targetDate ?? '',
    checkedDate: state.checkedDate ?? '',
  };
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return a.status === b.status && a.owner.trim() === b.owner.trim() && a.note.trim() === b.note.trim()
    && a.targetDate === b.targetDate && a.checkedDate === b.checkedDate;
}

/** The PUT body for a draft: empty fields clear. */
export function writeBody(d: Draft, version: number) {
  return {
    status: d.status,
    owner: d.owner.trim() || null,
    note: d.note.trim() || null,
    targetDate: d.targetDate || null,
    checkedDate: d.checkedDate || null,
    version,
  };
}
