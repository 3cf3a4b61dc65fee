/**
 * The pure parts of the assessment model: what counts as a date, a scope,
 * a change, and progress.
 */
import { applyChange, UNCHECKED } from '../../bot/assessments/model';
import { IsoDate, ItemWrite } from '../../contract/assessment';
import { computeProgress } from '../../contract/progress';
import { parseScope } from '../../contract/scope';
import { isLoopbackAddress, isLoopbackHost, isLoopbackUrl } from '../../bot/loopback';

describe('dates', () => {
  it.each(['2025-04-01', '2024-02-29', '1900-01-01', '2999-12-31'])('accepts %s', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(true);
  });
  it.each(['2025-02-29', '2025-04-31', '2025-13-01', '2025-4-1', '2025/04/01', '令和7年4月1日', '1899-12-31', '2025-04-01T00:00:00Z'])('refuses %s', (d) => {
    expect(IsoDate.safeParse(d).success).toBe(false);
  });
});

describe('a write body', () => {
  it('trims text and turns blank text into "none"', () => {
    const r = ItemWrite.parse({ status: 'done', owner: '  田中  ', note: ' \n ', version: 3 });
    expect(r).toEqual({ status: 'done', owner: '田中', note: null, version: 3 });
  });
  it('counts characters, not bytes or UTF-16 units', () => {
    expect(ItemWrite.safeParse({ status: 'done', note: '😀'.repeat(2000), version: 0 }).success).toBe(true);
    expect(ItemWrite.safeParse({ status: 'done', note: '😀'.repeat(2001), version: 0 }).success).toBe(false);
  });
});

describe('applying a change', () => {
  it('reports only the fields that differ, with before and after', () => {
    const current = { ...UNCHECKED, status: 'partial' as const, owner: 'A', note: 'n' };
    expect(applyChange(current, { status: 'partial', owner: 'B', note: undefined, targetDate: null })).toEqual({
      next: { status: 'partial', owner: 'B', note: 'n', targetDate: null, checkedDate: null },
      changes: [{ field: 'owner', before: 'A', after: 'B' }],
    });
  });
});

describe('progress', () => {
  it('counts items without a state as unchecked, and ignores states of unknown items', () => {
    const items = [{ id: '6.1-C-1', section: '6.1' }, { id: '6.1-C-2', section: '6.1' }, { id: '6.2-C-1', section: '6.2' }];
    const states = new Map([['6.1-C-1', { status: 'done' as const }], ['9.9-C-9', { status: 'done' as const }]]);
    const p = computeProgress(items, (id) => states.get(id)?.status);
    expect(p.overall).toEqual({ total: 3, counts: { unchecked: 2, done: 1, partial: 0, 'not-done': 0, 'not-applicable': 0 }, settled: 1, ratio: 1 / 3 });
    expect(p.sections.map((s) => [s.section, s.total, s.counts.done])).toEqual([['6.1', 2, 1], ['6.2', 1, 0]]);
  });
});

describe('scopes', () => {
  it.each([
    ['personal', { kind: 'personal' }],
    ['channel:19:a1@thread.tacv2:19:b2@thread.skype', { kind: 'channel', teamId: '19:a1@thread.tacv2', channelId: '19:b2@thread.skype' }],
    ['channel:team-1:channel-1', { kind: 'channel', teamId: 'team-1', channelId: 'channel-1' }],
  ])('reads %s', (raw, expected) => {
    expect(parseScope(raw)).toEqual(expected);
  });
  it.each(['', 'Personal', 'personal:someone', 'channel:', 'channel:a', 'channel:19:a@thread.tacv2', 'channel:a:b:c', 'channel:19:a:19:b:19:c', 'channel:a b:c', 'channel:a:\u0000'])('refuses %j', (raw) => {
    expect(parseScope(raw)).toBeUndefined();
  });
});

describe('loopback addresses', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1', '[::1]'])('%s is this machine', (a) => expect(isLoopbackAddress(a)).toBe(true));
  it.each(['192.0.2.2', '10.0.0.1', '::ffff:10.0.0.1', 'fd00::2', '127.0.0.1.example.com', '', undefined])('%s is not', (a) => expect(isLoopbackAddress(a)).toBe(false));
});

describe('loopback hosts and URLs (local mode trusts only these)', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.9.9.9', '[::1]', '::1'])('host %s is this machine', (h) => expect(isLoopbackHost(h)).toBe(true));
  // A DNS name that starts with 127. is anyone's machine: the old check in the team directory let it through.
  it.each(['127.evil.example', 'localhost.example', 'example.com', '10.0.0.1', '[fd00::1]', ''])('host %s is not', (h) => expect(isLoopbackHost(h)).toBe(false));
  it.each(['http://127.0.0.1:9', 'https://localhost/x', 'http://[::1]:3978/api'])('URL %s is this machine', (u) => expect(isLoopbackUrl(u)).toBe(true));
  it.each(['http://127.evil.example/', 'https://example.com', 'ftp://127.0.0.1/', 'not a url'])('URL %s is not', (u) => expect(isLoopbackUrl(u)).toBe(false));
});
