/**
 * Learns, from the bot's incoming activities, where each team's roster can
 * be fetched: the Bot Connector service URL differs by region and tenant and
 * is only ever told to the bot. Feed it only activities the CloudAdapter has
 * authenticated — the bot's token is later sent to this URL.
 */
import { LRUCache } from 'lru-cache';
import type { TeamServiceUrls } from '../assessments/store';
import { isLoopbackHost } from '../loopback';

/** The parts of a Bot Framework activity this needs (botbuilder's Activity fits). */
export interface TeamActivity {
  serviceUrl?: string;
  conversation?: { tenantId?: string };
  channelData?: { tenant?: { id?: string }; team?: { id?: string } };
}

const MAX_URL = 512;

export function acceptableServiceUrl(raw: string): boolean {
  if (raw.length > MAX_URL) return false;
  try {
    const u = new URL(raw);
    if (u.username || u.password) return false;
    if (u.protocol === 'https:') return true;
    // Plain http only to this machine (the Bot Framework Emulator, tests).
    return u.protocol === 'http:' && isLoopbackHost(u.hostname);
  } catch {
    return false;
  }
}

export class TeamDirectory {
  /** Last URL written per tenant+team, so every message does not cost a write (bounded: a forgotten team costs one more write). */
  private readonly known = new LRUCache<string, string>({ max: 10_000 });

  constructor(private readonly store: TeamServiceUrls) {}

  /** Call for every authenticated activity (message, conversationUpdate, invoke). */
  async recordActivity(activity: TeamActivity): Promise<void> {
    const teamId = activity.channelData?.team?.id;
    const tenantId = activity.channelData?.tenant?.id ?? activity.conversation?.tenantId;
    if (!teamId || !activity.serviceUrl) return;
    await this.record({ tenantId, teamId, serviceUrl: activity.serviceUrl });
  }

  async record(info: { tenantId?: string; teamId: string; serviceUrl: string }): Promise<void> {
    const tenantId = info.tenantId?.toLowerCase();
    if (!tenantId || !info.teamId || !acceptableServiceUrl(info.serviceUrl)) return;
    const key = `${tenantId}\n${info.teamId}`;
    if (this.known.get(key) === info.serviceUrl) return;
    await this.store.saveTeamServiceUrl(tenantId, info.teamId, info.serviceUrl);
    this.known.set(key, info.serviceUrl);
  }
}
