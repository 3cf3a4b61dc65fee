/**
 * The Bot Framework edge of team membership: the Teams roster through the
 * Bot Connector API (`GET {serviceUrl}/v3/conversations/{teamId}/pagedmembers`)
 * with the bot's own credentials. Only this file and botCredentials.ts know
 * botbuilder; swapping to the Teams SDK / Agents SDK replaces them alone.
 */
import { ConnectorClient } from 'botframework-connector';
import type { TeamRoster } from '../auth/teamMembership';

type Credentials = ConstructorParameters<typeof ConnectorClient>[0];

/** Teams' largest page. */
const PAGE_SIZE = 500;
/** 200 pages × 500 = Teams' 100 000-member ceiling with room; a loop guard, not a policy. */
const MAX_PAGES = 200;

export class BotConnectorRoster implements TeamRoster {
  constructor(private readonly credentials: Credentials, private readonly options: { pageSize?: number } = {}) {}

  async memberIds(serviceUrl: string, teamId: string): Promise<Set<string> | undefined> {
    const client = new ConnectorClient(this.credentials, { baseUri: serviceUrl });
    const ids = new Set<string>();
    let continuationToken: string | undefined;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      let result;
      try {
        result = await client.conversations.getConversationPagedMembers(teamId, {
          pageSize: this.options.pageSize ?? PAGE_SIZE,
          continuationToken: continuationToken as string,
        });
      } catch (err) {
        const status = (err as { statusCode?: number }).statusCode;
        // The bot is not (or no longer) in this team, or the team is gone.
        if (status === 403 || status === 404) return undefined;
        throw err;
      }
      for (const m of result.members ?? []) {
        const oid = (m as { aadObjectId?: string }).aadObjectId;
        if (oid) ids.add(oid.toLowerCase());
      }
      continuationToken = result.continuationToken || undefined;
      if (!continuationToken) return ids;
    }
    throw new Error(`Roster of team ${teamId} did not end after ${MAX_PAGES} pages`);
  }
}
