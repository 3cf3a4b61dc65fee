/**
 * Who may open a channel's shared assessment: members of that channel's team,
 * as the bot's roster API reports them. The roster of a team is fetched once
 * and cached briefly, so a tab full of requests costs one roster call.
 */
import { LRUCache } from 'lru-cache';
import type { TeamServiceUrls } from '../assessments/store';

export type MembershipResult =
  /** The user is in the team's roster. */
  | 'member'
  | 'not-member'
  /** The bot has never seen this team in this tenant, or is no longer in it. */
  | 'team-unknown';

export interface TeamMembership {
  /** Throws when the roster cannot be reached (the caller answers 503). */
  check(tenantId: string, teamId: string, userId: string): Promise<MembershipResult>;
}

/** Fetches a team's members (Entra object IDs). undefined: the bot has no access to that team. */
export interface TeamRoster {
  memberIds(serviceUrl: string, teamId: string): Promise<Set<string> | undefined>;
}

export interface CachedMembershipOptions {
  /** How long a fetched roster is trusted. */
  ttlMs?: number;
  /** A user missing from a roster older than this triggers one refetch (someone just added). */
  missRefreshMs?: number;
  maxTeams?: number;
  now?: () => number;
}

interface Entry {
  members: Set<string> | undefined;
  fetchedAt: number;
}

export class CachedTeamMembership implements TeamMembership {
  private readonly cache: LRUCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly ttlMs: number;
  private readonly missRefreshMs: number;
  private readonly now: () => number;

  constructor(private readonly serviceUrls: TeamServiceUrls, private readonly roster: TeamRoster, options: CachedMembershipOptions = {}) {
    this.ttlMs = options.ttlMs ?? 5 * 60_000;
    this.missRefreshMs = options.missRefreshMs ?? 30_000;
    this.cache = new LRUCache<string, Entry>({ max: options.maxTeams ?? 1000 });
    this.now = options.now ?? Date.now;
  }

  async check(tenantId: string, teamId: string, userId: string): Promise<MembershipResult> {
    const key = `${tenantId}\n${teamId}`;
    const user = userId.toLowerCase();
    let entry = this.cache.get(key);
    const age = entry ? this.now() - entry.fetchedAt : Infinity;
    if (!entry || age > this.ttlMs || (!entry.members?.has(user) && age > this.missRefreshMs)) {
      entry = await this.fetch(key, tenantId, teamId);
    }
    if (!entry.members) return 'team-unknown';
    return entry.members.has(user) ? 'member' : 'not-member';
  }

  /** Forget cached rosters (e.g. when the bot learns it was removed from a team). */
  forget(tenantId: string, teamId: string): void {
    this.cache.delete(`${tenantId}\n${teamId}`);
  }

  private fetch(key: string, tenantId: string, teamId: string): Promise<Entry> {
    const running = this.inflight.get(key);
    if (running) return running;
    const p = (async () => {
      const serviceUrl = await this.serviceUrls.getTeamServiceUrl(tenantId, teamId);
      // Not cached: the bot may see the team a moment later, and this lookup is one indexed read.
      if (!serviceUrl) return { members: undefined, fetchedAt: -Infinity };
      const fetched = await this.roster.memberIds(serviceUrl, teamId);
      const members = fetched && new Set([...fetched].map((id) => id.toLowerCase()));
      const entry = { members, fetchedAt: this.now() };
      this.cache.set(key, entry);
      return entry;
    })();
    this.inflight.set(key, p);
    p.then(() => this.inflight.delete(key), () => this.inflight.delete(key));
    return p;
  }
}
