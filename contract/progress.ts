/**
 * Progress of a self-assessment: counts per status, overall and per section,
 * over a list of items. The server returns it with every assessment; the tab
 * recomputes it the same way after each save.
 */
import { emptyCounts, isSettled, type AssessmentStatus, type StatusCounts, ASSESSMENT_STATUSES } from './statuses';

export interface ProgressFigures {
  total: number;
  counts: StatusCounts;
  /** done + not-applicable: nothing left to do. */
  settled: number;
  /** settled / total (0 when there are no items). */
  ratio: number;
}

export interface Progress {
  overall: ProgressFigures;
  /** In the order the items come. */
  sections: Array<{ section: string } & ProgressFigures>;
}

function figures(total: number, counts: StatusCounts): ProgressFigures {
  let settled = 0;
  for (const s of ASSESSMENT_STATUSES) if (isSettled(s)) settled += counts[s];
  return { total, counts, settled, ratio: total ? settled / total : 0 };
}

/**
 * An item without a state counts as unchecked; states of items not in the
 * list are not counted.
 */
export function computeProgress(
  items: ReadonlyArray<{ id: string; section: string }>,
  statusOf: (id: string) => AssessmentStatus | undefined,
): Progress {
  const overall = emptyCounts();
  const bySection = new Map<string, { total: number; counts: StatusCounts }>();
  for (const item of items) {
    const status = statusOf(item.id) ?? 'unchecked';
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
