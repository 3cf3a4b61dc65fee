/**
 * Team membership with its short cache, against an in-process roster (the
 * HTTP roster client is exercised in test/http/assessmentAuth.test.ts).
 */
import { CachedTeamMembership, TeamRoster } from '../../bot/auth/teamMembership';
import type { TeamServiceUrls } from '../../bot/assessments/store';

const T = 'tenant';
const TEAM = '19:team@thread.tacv2';

function setup(members: string[] | undefined, options: { ttlMs?: number; missRefreshMs?: number } = {}) {
  let now = 0;
  const calls: string[] = [];
  const roster: TeamRoster & { members: string[] | undefined } = {
    members,
    async memberIds(serviceUrl, teamId) {
      calls.push(`${serviceUrl} ${teamId}`);
      await new Promise((r) => setTimeout(r, 5));
      return this.members ? new Set(this.members) : undefined;
    },
  };
  const urls: TeamServiceUrls = {
    async saveTeamServiceUrl() { /* not used */ },
    async getTeamServiceUrl(tenantId, teamId) { return tenantId === T && teamId === TEAM ? 'https://smba.trafficmanager.net/jp/' : undefined; },
  };
  const membership = new CachedTeamMembership(urls, roster, { ttlMs: 300_000, missRefreshMs: 30_000, ...options, now: () => now });
  return { membership, roster, calls, advance: (ms: number) => { now += ms; } };
}

describe('team membership', () => {
  it('answers member / not-member from one roster fetch, ignoring case of object IDs', async () => {
    const { membership, calls } = setup(['AAAA-1', 'bbbb-2']);
    expect(await membership.check(T, TEAM, 'aaaa-1')).toBe('member');
    expect(await membership.check(T, TEAM, 'BBBB-2')).toBe('member');
    expect(await membership.check(T, TEAM, 'cccc-3')).toBe('not-member');
    expect(calls).toEqual(['https://smba.trafficmanager.net/jp/ 19:team@thread.tacv2']);
  });

  it('shares one fetch among concurrent requests', async () => {
    const { membership, calls } = setup(['a']);
    const results = await Promise.all(Array.from({ length: 10 }, () => membership.check(T, TEAM, 'a')));
    expect(results.every((r) => r === 'member')).toBe(true);
    expect(calls).toHaveLength(1);
  });

  it('refetches after the cache time, so a removed member loses access', async () => {
    const { membership, roster, calls, advance } = setup(['a', 'b']);
    expect(await membership.check(T, TEAM, 'b')).toBe('member');
    roster.members = ['a'];
    advance(299_000);
    expect(await membership.check(T, TEAM, 'b')).toBe('member');
    advance(2_000);
    expect(await membership.check(T, TEAM, 'b')).toBe('not-member');
    expect(calls).toHaveLength(2);
  });

  it('lets a newly added member in after a short while, without refetching on every miss', async () => {
    const { membership, roster, calls, advance } = setup(['a']);
    await membership.check(T, TEAM, 'a');
    roster.members = ['a', 'new'];
    expect(await membership.check(T, TEAM, 'new')).toBe('not-member');
    expect(calls).toHaveLength(1);
    advance(31_000);
    expect(await membership.check(T, TEAM, 'new')).toBe('member');
    expect(calls).toHaveLength(2);
  });

  it('reports a team the bot does not know, or has been removed from', async () => {
    expect(await setup(['a']).membership.check(T, '19:other@thread.tacv2', 'a')).toBe('team-unknown');
    expect(await setup(undefined).membership.check(T, TEAM, 'a')).toBe('team-unknown');
    expect(await setup(['a']).membership.check('another-tenant', TEAM, 'a')).toBe('team-unknown');
  });

  it('passes roster failures on, and does not cache them', async () => {
    const { membership, roster, calls } = setup(['a']);
    const original = roster.memberIds.bind(roster);
    roster.memberIds = async () => { calls.push('fail'); throw new Error('connector down'); };
    await expect(membership.check(T, TEAM, 'a')).rejects.toThrow('connector down');
    roster.memberIds = original;
    expect(await membership.check(T, TEAM, 'a')).toBe('member');
  });
});
