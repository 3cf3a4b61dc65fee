/**
 * The self-assessment as the tab sees it: the API's shapes (types only,
 * from the server's model) and pure helpers — progress, overdue, filters.
 */
import type { AssessmentStatus, ItemState } from '../../../bot/assessments/model';

export type { AssessmentStatus, ItemState };

/** In the order the UI lists them. */
export const STATUSES: readonly AssessmentStatus[] = ['unchecked', 'done', 'partial', 'not-done', 'not-applicable'];

export function isStatus(value: unknown): value is AssessmentStatus {
  return typeof value === 'string' && (STATUSES as readonly string[]).includes(value);
}

export const UNCHECKED_STATE: ItemState = {
  status: 'unchecked', owner: null, note: null, targetDate: null, checkedDate: null, version: 0, updatedBy: null, updatedAt: null,
};

/** Today as YYYY-MM-DD in the user's own time zone. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A target date before today, and the item neither done nor not applicable. */
export function isOverdue(state: Pick<ItemState, 'status' | 'targetDate'> | undefined, today: string): boolean {
  if (!state?.targetDate) return false;
  if (state.status === 'done' || state.status === 'not-applicable') return false;
  return state.targetDate < today;
}

export type StatusCounts = Record<AssessmentStatus, number>;

export interface ProgressFigures {
  total: number;
  counts: StatusCounts;
  /** done + not-applicable: nothing left to do. */
  settled: number;
  /** settled / total, 0 when there are no items. */
  ratio: number;
}

export interface Progress {
  overall: ProgressFigures;
  sections: Array<{ section: string } & ProgressFigures>;
}

function emptyCounts(): StatusCounts {
  return { unchecked: 0, done: 0, partial: 0, 'not-done': 0, 'not-applicable': 0 };
}

function figures(total: number, counts: StatusCounts): ProgressFigures {
  const settled = counts.done + counts['not-applicable'];
  return { total, counts, settled, ratio: total ? settled / total : 0 };
}

/** Counts per status, overall and per section (in the items' order); items without a state count as unchecked. */
export function computeProgress(items: ReadonlyArray<{ id: string; section: string }>, states: ReadonlyMap<string, Pick<ItemState, 'status'>> | Record<string, Pick<ItemState, 'status'>>): Progress {
  const get: (id: string) => Pick<ItemState, 'status'> | undefined = states instanceof Map
    ? (id) => states.get(id)
    : (id) => (states as Record<string, Pick<ItemState, 'status'>>)[id];
  const overall = emptyCounts();
  const bySection = new Map<string, { total: number; counts: StatusCounts }>();
  for (const item of items) {
    const status = get(item.id)?.status ?? 'unchecked';
    overall[status] += 1;
    let sec = bySection.get(item.section);
    if (!sec) bySection.set(item.section, (sec = { total: 0, counts: emptyCounts() }));
    sec.total += 1;
    sec.counts[status] += 1;
  }
  return {
    overall: figures(items.length, overall),
    sections: [...bySection].map(([section, s]) => ({ section, ...figures(s.total, s.counts) })),
  };
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

/** The scope the tab works on: the channel's shared assessment, or the user's own. */
export function assessmentScope(context: { teamId?: string; channelId?: string } | null | undefined): string {
  return context?.teamId && context.channelId ? `channel:${context.teamId}:${context.channelId}` : 'personal';
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
