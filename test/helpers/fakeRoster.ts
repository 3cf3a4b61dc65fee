/**
 * A stand-in for the Bot Connector's Teams roster endpoint over real HTTP:
 * `GET /<tenant>/v3/conversations/<teamId>/pagedmembers`, paged with a
 * continuation token, refusing requests without the bot's token.
 */
import * as http from 'node:http';
import { AddressInfo } from 'node:net';

export const BOT_TOKEN = 'fake-bot-framework-token';

export interface FakeRoster {
  /** The service URL for a tenant (what the bot would learn from activities). */
  serviceUrl(tenant: string): string;
  /** Members (Entra object IDs) of a team in a tenant. */
  setMembers(tenant: string, teamId: string, oids: string[]): void;
  requests: string[];
  stop(): Promise<void>;
}

export async function startFakeRoster(): Promise<FakeRoster> {
  const teams = new Map<string, string[]>();
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push(url.pathname + url.search);
    const m = /^\/([^/]+)\/v3\/conversations\/([^/]+)\/pagedmembers$/.exec(url.pathname);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${BOT_TOKEN}`) return send(401, { message: 'Authorization has been denied for this request.' });
    if (!m) return send(404, { error: { code: 'NotFound' } });
    const members = teams.get(`${m[1]}\n${decodeURIComponent(m[2])}`);
    if (!members) return send(403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    const pageSize = Number(url.searchParams.get('pageSize') ?? 500);
    const start = Number(url.searchParams.get('continuationToken') ?? 0);
    const page = members.slice(start, start + pageSize).map((oid, i) => ({
      id: `29:user-${start + i}`, name: `User ${start + i}`, aadObjectId: oid, userRole: 'user', tenantId: m[1],
    }));
    const next = start + pageSize < members.length ? String(start + pageSize) : undefined;
    return send(200, { members: page, ...(next ? { continuationToken: next } : {}) });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: (tenant) => `http://127.0.0.1:${port}/${tenant}/`,
    setMembers: (tenant, teamId, oids) => { teams.set(`${tenant}\n${teamId}`, oids); },
    requests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
