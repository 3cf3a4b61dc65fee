/**
 * Self-assessment statuses: a hospital's answer, per requirement, to "have we
 * done this?", in the order the UI lists them.
 */
export const ASSESSMENT_STATUSES = ['unchecked', 'done', 'partial', 'not-done', 'not-applicable'] as const;
export type AssessmentStatus = typeof ASSESSMENT_STATUSES[number];

export function isStatus(value: unknown): value is AssessmentStatus {
  return typeof value === 'string' && (ASSESSMENT_STATUSES as readonly string[]).includes(value);
}

/** Nothing left to do: in place, or does not apply to this hospital. */
export function isSettled(status: AssessmentStatus): boolean {
  return status === 'done' || status === 'not-applicable';
}

/** A target date before `today` (YYYY-MM-DD) on an item that is not settled. */
export function isOverdue(state: { status: AssessmentStatus; targetDate: string | null } | undefined, today: string): boolean {
  if (!state?.targetDate || isSettled(state.status)) return false;
  return state.targetDate < today;
}

export type StatusCounts = Record<AssessmentStatus, number>;

export function emptyCounts(): StatusCounts {
  return { unchecked: 0, done: 0, partial: 0, 'not-done': 0, 'not-applicable': 0 };
}

/**
 * One status for a later edition's row from the 第5版 items whose coverage
 * it borrows (so a status entered once shows in every edition): all the
 * same → that; all settled → done (or not-applicable when none is done);
 * nothing but not-done and untouched → not-done; untouched only →
 * unchecked; any other mix → partial.
 */
export function combineStatuses(statuses: readonly AssessmentStatus[]): AssessmentStatus {
  if (statuses.length === 0 || statuses.every((s) => s === 'unchecked')) return 'unchecked';
  if (statuses.every((s) => s === 'not-applicable')) return 'not-applicable';
  if (statuses.every(isSettled)) return 'done';
  if (statuses.every((s) => s === 'not-done' || s === 'unchecked')) return 'not-done';
  return 'partial';
}
