/**
 * The tab's pure self-assessment helpers: overdue, progress, filters, scope,
 * the form's draft and the PUT body.
 */
import {
  STATUSES, UNCHECKED_STATE, assessmentScope, computeProgress, draftOf, isOverdue, localToday, matchesAssessment, ownersOf, sameDraft, writeBody,
  type ItemState,
} from '../../tab/src/data/assessmentModel';
import { parseHash, routeToHash } from '../../tab/src/state/route';
import { testEdition } from '../helpers/testServer';

const state = (over: Partial<ItemState>): ItemState => ({ ...UNCHECKED_STATE, version: 1, ...over });

describe('overdue', () => {
  const today = '2025-06-15';
  it('is a target date before today on an item not done and not out of scope', () => {
    expect(isOverdue(state({ status: 'partial', targetDate: '2025-06-14' }), today)).toBe(true);
    expect(isOverdue(state({ status: 'not-done', targetDate: '2024-12-31' }), today)).toBe(true);
    expect(isOverdue(state({ status: 'unchecked', targetDate: '2025-06-14' }), today)).toBe(true);
  });
  it('is not today, a later date, no date, done or not applicable', () => {
    expect(isOverdue(state({ status: 'partial', targetDate: today }), today)).toBe(false);
    expect(isOverdue(state({ status: 'partial', targetDate: '2025-07-01' }), today)).toBe(false);
    expect(isOverdue(state({ status: 'partial', targetDate: null }), today)).toBe(false);
    expect(isOverdue(state({ status: 'done', targetDate: '2020-01-01' }), today)).toBe(false);
    expect(isOverdue(state({ status: 'not-applicable', targetDate: '2020-01-01' }), today)).toBe(false);
    expect(isOverdue(undefined, today)).toBe(false);
  });
  it('takes today in local time as YYYY-MM-DD', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 59))).toBe('2025-01-05');
  });
});

describe('progress', () => {
  const ref = testEdition();
  const items = ref.items.map((i) => ({ id: i.id, section: i.section }));

  it('counts every item, untouched ones as unchecked, overall and per section in guideline order', () => {
    const [a, b, c] = items;
    const states = new Map<string, ItemState>([
      [a.id, state({ status: 'done' })],
      [b.id, state({ status: 'not-applicable' })],
      [c.id, state({ status: 'partial' })],
    ]);
    const p = computeProgress(items, (id) => states.get(id)?.status);
    expect(p.overall.total).toBe(items.length);
    expect(p.overall.counts).toEqual({ unchecked: items.length - 3, done: 1, partial: 1, 'not-done': 0, 'not-applicable': 1 });
    expect(p.overall.settled).toBe(2);
    expect(p.overall.ratio).toBeCloseTo(2 / items.length);
    expect(p.sections.map((s) => s.section)).toEqual([...new Set(items.map((i) => i.section))]);
    expect(p.sections.reduce((n, s) => n + s.total, 0)).toBe(items.length);
    for (const s of p.sections) expect(STATUSES.reduce((n, st) => n + s.counts[st], 0)).toBe(s.total);
    const first = p.sections.find((s) => s.section === a.section)!;
    expect(first.counts.done).toBeGreaterThanOrEqual(1);
  });

  it('reads the API\'s items object and gives 0, not NaN, for no items', () => {
    const [a] = items;
    const fromApi: Record<string, ItemState> = { [a.id]: state({ status: 'not-done' }) };
    expect(computeProgress(items, (id) => fromApi[id]?.status).overall.counts['not-done']).toBe(1);
    expect(computeProgress([], () => undefined).overall).toEqual({ total: 0, counts: { unchecked: 0, done: 0, partial: 0, 'not-done': 0, 'not-applicable': 0 }, settled: 0, ratio: 0 });
  });
});

describe('assessment filters', () => {
  const today = '2025-06-15';
  const s = state({ status: 'partial', owner: ' 田中 ', targetDate: '2025-01-01' });
  it('match status, owner (trimmed, any case), mine and overdue together', () => {
    expect(matchesAssessment(s, { status: 'partial' }, null, today)).toBe(true);
    expect(matchesAssessment(s, { status: 'done' }, null, today)).toBe(false);
    expect(matchesAssessment(s, { owner: '田中' }, null, today)).toBe(true);
    expect(matchesAssessment(state({ owner: 'Tanaka' }), { owner: 'tanaka' }, null, today)).toBe(true);
    expect(matchesAssessment(s, { mine: true }, '田中', today)).toBe(true);
    expect(matchesAssessment(s, { mine: true }, '佐藤', today)).toBe(false);
    expect(matchesAssessment(s, { mine: true }, null, today)).toBe(false);
    expect(matchesAssessment(s, { overdue: true, status: 'partial' }, null, today)).toBe(true);
    expect(matchesAssessment(undefined, { status: 'unchecked' }, null, today)).toBe(true);
    expect(matchesAssessment(undefined, { overdue: true }, null, today)).toBe(false);
  });
  it('list distinct owners, sorted', () => {
    expect(ownersOf([state({ owner: '佐藤' }), state({ owner: '田中' }), state({ owner: ' 佐藤' }), state({ owner: null })])).toEqual(['佐藤', '田中'].sort((a, b) => a.localeCompare(b, 'ja')));
  });
  it('round-trip through the address with the other filters; unknown values are dropped', () => {
    const route = parseHash('#/?section=6.5&status=not-done&owner=%E7%94%B0%E4%B8%AD&mine=1&overdue=1');
    expect(route).toEqual({ page: 'checklist', filters: { section: '6.5', status: 'not-done', owner: '田中', mine: '1', overdue: '1' } });
    expect(parseHash(routeToHash(route))).toEqual(route);
    expect(parseHash('#/?status=finished&mine=yes&overdue=true')).toEqual({ page: 'checklist', filters: {} });
  });
});

describe('scope, draft and PUT body', () => {
  it('uses the channel\'s scope in a channel tab, else personal', () => {
    expect(assessmentScope({ teamId: '19:a@thread.tacv2', channelId: '19:b@thread.tacv2' })).toBe('channel:19:a@thread.tacv2:19:b@thread.tacv2');
    expect(assessmentScope({ teamId: '19:a@thread.tacv2' })).toBe('personal');
    expect(assessmentScope(null)).toBe('personal');
  });
  it('sends the version read and clears empty fields', () => {
    const d = draftOf(state({ status: 'done', owner: '田中', note: null, targetDate: '2025-01-01', version: 3 }));
    expect(d).toEqual({ status: 'done', owner: '田中', note: '', targetDate: '2025-01-01', checkedDate: '' });
    expect(writeBody({ ...d, owner: '  ', note: ' 確認済み ' }, 3)).toEqual({ status: 'done', owner: null, note: '確認済み', targetDate: '2025-01-01', checkedDate: null, version: 3 });
    expect(sameDraft(d, { ...d, owner: '田中 ' })).toBe(true);
    expect(sameDraft(d, { ...d, status: 'partial' })).toBe(false);
  });
});
