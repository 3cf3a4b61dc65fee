/**
 * Sign-in and authorisation of the assessment API, over real HTTP: tokens
 * signed with keys generated here and published by a loopback JWKS server
 * (AUTH_JWKS_URL), team rosters from a loopback stand-in for the Bot
 * Connector, fetched by the real BotConnectorRoster (botframework-connector).
 */
import { TokenCredentials } from 'botframework-connector';
import { startTestServer, RunningServer, testEdition } from '../helpers/testServer';
import { CLIENT_ID, FakeEntra, startFakeEntra, TENANT_A, TENANT_B, TENANT_OTHER } from '../helpers/fakeEntra';
import { BOT_TOKEN, FakeRoster, startFakeRoster } from '../helpers/fakeRoster';
import { BotConnectorRoster } from '../../bot/teams/botConnectorRoster';
import { channelMention, postActivity } from '../helpers/activities';
import { channelScope, personalScope } from '../../contract/scope';
import { TeamDirectory } from '../../bot/auth/teamDirectory';
import { UNCHECKED } from '../../bot/assessments/model';

const ALICE = '0a11ce00-0000-4000-8000-000000000001';
const BOB = '0b0b0000-0000-4000-8000-000000000002';
const MALLORY = '0ma11000-0000-4000-8000-000000000003'.replace('m', 'f');
const CAROL_B = '0ca70100-0000-4000-8000-000000000004';
const TEAM = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
const CHANNEL = '19:0f3c9e2a6b7d4e1f8a9b0c1d2e3f4a5b@thread.tacv2';
const UNKNOWN_TEAM = '19:ffffffffffffffffffffffffffffffff@thread.tacv2';
const SCOPE = `channel:${TEAM}:${CHANNEL}`;
const channelPath = `/api/assessments/${encodeURIComponent(SCOPE)}`;

const reference = testEdition();
const item = reference.items[0];
const other = reference.items[1];

let entra: FakeEntra;
let roster: FakeRoster;
let srv: RunningServer;

beforeAll(async () => {
  entra = await startFakeEntra();
  roster = await startFakeRoster();
  // Same team ID in two tenants: two different teams.
  roster.setMembers(TENANT_A, TEAM, [ALICE, BOB, 'a0000000-0000-4000-8000-000000000005', 'a0000000-0000-4000-8000-000000000006']);
  roster.setMembers(TENANT_B, TEAM, [CAROL_B]);
  srv = await startTestServer({
    AAD_APP_CLIENT_ID: CLIENT_ID,
    AAD_APP_ID_URI: `api://tab.example.jp/${CLIENT_ID}`,
    ALLOWED_TENANT_IDS: `${TENANT_A},${TENANT_B.toUpperCase()}`,
    AUTH_JWKS_URL: entra.jwksUrl,
  }, {
    // The real roster client, with a fixed token instead of one from Entra (no network here).
    teamRoster: new BotConnectorRoster(new TokenCredentials(BOT_TOKEN), { pageSize: 2 }),
    membershipCache: { ttlMs: 60_000, missRefreshMs: 60_000 },
  });
  // What the bot would record from activities in each tenant's team.
  for (const tenant of [TENANT_A, TENANT_B]) {
    await new TeamDirectory(srv.app.store).recordActivity({
      serviceUrl: roster.serviceUrl(tenant),
      conversation: { tenantId: tenant },
      channelData: { tenant: { id: tenant }, team: { id: TEAM } },
    });
  }
});
afterAll(async () => {
  await srv?.stop();
  await roster?.stop();
  await entra?.stop();
});

async function call(method: string, path: string, token?: string, body?: unknown) {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(`${srv.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json: any;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { res, status: res.status, body: json };
}

const aliceToken = () => entra.token({ tid: TENANT_A, oid: ALICE, name: '佐藤 花子' });

describe('signed-in use', () => {
  it('serves the caller\'s own personal assessment with a valid Teams SSO token', async () => {
    const r = await call('GET', '/api/assessments/personal', await aliceToken());
    expect(r.status).toBe(200);
    expect(r.body.mode).toBe('sso');
    expect(r.body.user).toEqual({ id: ALICE, name: '佐藤 花子' });
    const put = await call('PUT', `/api/assessments/personal/items/${item.id}`, await aliceToken(), { status: 'done', version: 0 });
    expect(put.status).toBe(200);
    expect(put.body.state.updatedBy).toEqual({ id: ALICE, name: '佐藤 花子' });
  });

  it('accepts v1 tokens whose audience is the application ID URI', async () => {
    const token = await entra.token({ tid: TENANT_A, oid: ALICE }, { issuerVersion: 'v1' });
    expect((await call('GET', '/api/assessments/personal', token)).status).toBe(200);
  });

  it('accepts a token that grants access_as_user among other scopes', async () => {
    const token = await entra.token({ tid: TENANT_A, oid: ALICE, scp: 'User.Read access_as_user' });
    expect((await call('GET', '/api/assessments/personal', token)).status).toBe(200);
  });

  it('says which scope a refused token lacks and which it has', async () => {
    const r = await call('GET', '/api/assessments/personal', await entra.token({ tid: TENANT_A, oid: ALICE, scp: 'User.Read' }));
    expect(r.status).toBe(401);
    expect(r.body.error).toEqual({
      code: 'token_wrong_scope',
      message: 'The sign-in token does not grant this API\'s scope "access_as_user" (it grants "User.Read"). Use the token Teams gives the tab (authentication.getAuthToken()).',
    });
  });

  it('says which tenant it refused and which setting lets it in', async () => {
    const r = await call('GET', '/api/assessments/personal', await entra.token({ tid: TENANT_OTHER.toUpperCase(), oid: MALLORY }));
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('tenant_not_allowed');
    expect(r.body.error.details).toEqual({ tenantId: TENANT_OTHER });
    expect(r.body.error.message).toContain(`Tenant ${TENANT_OTHER} is not allowed`);
    expect(r.body.error.message).toContain(`adds ${TENANT_OTHER} to ALLOWED_TENANT_IDS`);
  });

  it('keeps personal assessments private to their owner', async () => {
    const bob = await entra.token({ tid: TENANT_A, oid: BOB, name: 'Bob' });
    const r = await call('GET', '/api/assessments/personal', bob);
    expect(r.status).toBe(200);
    expect(r.body.items).toEqual({});
    expect(await srv.app.store.getItemStatus({ tenantId: TENANT_A, scope: personalScope(ALICE), edition: 'v5' }, item.id)).toMatchObject({ status: 'done' });
  });
});

describe('refused tokens change nothing', () => {
  const attempts: Array<[string, () => Promise<string | undefined>, number, string]> = [
    ['no token', async () => undefined, 401, 'token_missing'],
    ['a malformed token', async () => 'not-a-jwt', 401, 'token_malformed'],
    ['a token with garbage segments', async () => 'eyJhbGciOiJSUzI1NiJ9.e30.AAAA', 401, 'token_invalid'],
    ['a forged signature', () => entra.token({ tid: TENANT_A, oid: MALLORY }, { forged: true }), 401, 'token_invalid'],
    ['an unsigned token (alg none)', async () => {
      const h = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const p = Buffer.from(JSON.stringify({ tid: TENANT_A, oid: MALLORY, aud: CLIENT_ID, scp: 'access_as_user' })).toString('base64url');
      return `${h}.${p}.x`;
    }, 401, 'token_malformed'],
    ['a token for another application', () => entra.token({ tid: TENANT_A, oid: MALLORY, aud: '99999999-2222-3333-4444-555555555555' }), 401, 'token_invalid'],
    ['a token whose issuer is another tenant than its tid', () => entra.token({ tid: TENANT_A, oid: MALLORY, iss: `https://login.microsoftonline.com/${TENANT_OTHER}/v2.0` }), 401, 'token_invalid'],
    ['an expired token', () => entra.token({ tid: TENANT_A, oid: ALICE }, { expiresIn: -600 }), 401, 'token_expired'],
    ['a token for this API with another delegated scope', () => entra.token({ tid: TENANT_A, oid: MALLORY, scp: 'User.Read Files.Read' }), 401, 'token_wrong_scope'],
    ['a token whose scope only starts like this API\'s', () => entra.token({ tid: TENANT_A, oid: MALLORY, scp: 'access_as_user_admin' }), 401, 'token_wrong_scope'],
    ['an app-only token (no delegated scope)', () => entra.token({ tid: TENANT_A, oid: MALLORY, scp: undefined, roles: ['Assessments.ReadWrite'] }), 401, 'token_invalid'],
    ['a token without a user (oid)', () => entra.token({ tid: TENANT_A, oid: undefined as unknown as string }), 401, 'token_invalid'],
    ['a valid token from a tenant that is not allowed', () => entra.token({ tid: TENANT_OTHER, oid: MALLORY }), 403, 'tenant_not_allowed'],
  ];

  it.each(attempts)('refuses %s', async (_what, makeToken, status, code) => {
    const token = await makeToken();
    const before = await srv.app.store.getAssessment({ tenantId: TENANT_A, scope: channelScope(TEAM, CHANNEL), edition: 'v5' });
    const get = await call('GET', channelPath, token);
    expect(get.status).toBe(status);
    expect(get.body.error.code).toBe(code);
    expect(get.body.items).toBeUndefined();
    if (status === 401) expect(get.res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    for (const path of [`${channelPath}/items/${other.id}`, `/api/assessments/personal/items/${other.id}`]) {
      const put = await call('PUT', path, token, { status: 'done', note: 'should never land', version: 0 });
      expect([put.status, put.body.error.code]).toEqual([status, code]);
    }
    const imp = await call('POST', `${channelPath}/import`, token, { format: 'medsec-reference/assessment', formatVersion: 1, items: [{ id: other.id, status: 'done' }] });
    expect(imp.status).toBe(status);
    for (const path of [`${channelPath}/export.csv`, `${channelPath}/export.xlsx`, `${channelPath}/export.json`, `${channelPath}/items/${item.id}/history`]) {
      expect((await call('GET', path, token)).status).toBe(status);
    }
    expect(await srv.app.store.getAssessment({ tenantId: TENANT_A, scope: channelScope(TEAM, CHANNEL), edition: 'v5' })).toEqual(before);
    expect(await srv.app.store.getItemState({ tenantId: TENANT_A, scope: personalScope(MALLORY), edition: 'v5' }, other.id)).toEqual(UNCHECKED);
    expect(await srv.app.store.getItemState({ tenantId: TENANT_OTHER, scope: personalScope(MALLORY), edition: 'v5' }, other.id)).toEqual(UNCHECKED);
  });

  it('does not fetch the signing keys again for every token', async () => {
    const before = entra.fetches;
    for (let i = 0; i < 5; i += 1) await call('GET', '/api/assessments/personal', await aliceToken());
    expect(entra.fetches).toBe(before);
  });
});

describe('channel assessments and team membership', () => {
  it('lets team members read and write the channel\'s assessment (roster fetched page by page)', async () => {
    const requestsBefore = roster.requests.length;
    const get = await call('GET', channelPath, await aliceToken());
    expect(get.status).toBe(200);
    expect(get.body.scope).toBe(SCOPE);
    // 4 members, pages of 2.
    expect(roster.requests.length - requestsBefore).toBe(2);
    const bob = await entra.token({ tid: TENANT_A, oid: BOB, name: 'Bob' });
    const put = await call('PUT', `${channelPath}/items/${item.id}`, bob, { status: 'partial', owner: 'Bob', version: 0 });
    expect(put.status).toBe(200);
    const seen = await call('GET', channelPath, await aliceToken());
    expect(seen.body.items[item.id]).toMatchObject({ status: 'partial', owner: 'Bob', updatedBy: { id: BOB, name: 'Bob' } });
    // The bot's card reads the same state.
    expect(await srv.app.store.getItemStatus({ tenantId: TENANT_A, scope: channelScope(TEAM, CHANNEL), edition: 'v5' }, item.id)).toMatchObject({ status: 'partial', owner: 'Bob', version: 1 });
  });

  it('caches the roster: further requests do not call the Bot Connector', async () => {
    await call('GET', channelPath, await aliceToken());
    const before = roster.requests.length;
    for (let i = 0; i < 5; i += 1) expect((await call('GET', channelPath, await aliceToken())).status).toBe(200);
    expect(roster.requests.length).toBe(before);
  });

  it('refuses a signed-in user of the same tenant who is not in the team, and changes nothing', async () => {
    const before = await srv.app.store.getAssessment({ tenantId: TENANT_A, scope: channelScope(TEAM, CHANNEL), edition: 'v5' });
    const mallory = await entra.token({ tid: TENANT_A, oid: MALLORY, name: 'Mallory' });
    const get = await call('GET', channelPath, mallory);
    expect(get.status).toBe(403);
    expect(get.body.error.code).toBe('not_team_member');
    const put = await call('PUT', `${channelPath}/items/${item.id}`, mallory, { status: 'not-done', version: 1 });
    expect(put.status).toBe(403);
    expect((await call('GET', `${channelPath}/items/${item.id}/history`, mallory)).status).toBe(403);
    expect((await call('GET', `${channelPath}/export.json`, mallory)).status).toBe(403);
    expect(await srv.app.store.getAssessment({ tenantId: TENANT_A, scope: channelScope(TEAM, CHANNEL), edition: 'v5' })).toEqual(before);
  });

  it('refuses a team the bot has never seen', async () => {
    const path = `/api/assessments/${encodeURIComponent(`channel:${UNKNOWN_TEAM}:${CHANNEL}`)}`;
    const r = await call('GET', path, await aliceToken());
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('team_not_registered');
  });

  it('never lets tenant B see tenant A\'s data for the same team and channel IDs', async () => {
    const carol = await entra.token({ tid: TENANT_B, oid: CAROL_B, name: 'Carol' });
    const get = await call('GET', channelPath, carol);
    expect(get.status).toBe(200);
    expect(get.body.items).toEqual({});
    expect(get.body.progress.overall.counts.unchecked).toBe(reference.items.length);
    const history = await call('GET', `${channelPath}/items/${item.id}/history`, carol);
    expect(history.body.history).toEqual([]);
    const exported = await call('GET', `${channelPath}/export.json`, carol);
    expect(exported.body.items.every((i: { status: string; version: number }) => i.status === 'unchecked' && i.version === 0)).toBe(true);
    // B writing the "same" item is B's own version 1 and leaves A's untouched.
    const put = await call('PUT', `${channelPath}/items/${item.id}`, carol, { status: 'not-applicable', version: 0 });
    expect(put.status).toBe(200);
    expect(put.body.state.version).toBe(1);
    const a = await call('GET', channelPath, await aliceToken());
    expect(a.body.items[item.id]).toMatchObject({ status: 'partial', owner: 'Bob' });
    // And tenant A's members are not members of B's team.
    const aliceInB = await entra.token({ tid: TENANT_B, oid: ALICE });
    expect((await call('GET', channelPath, aliceInB)).status).toBe(403);
  });

  it('learns a new team from the bot\'s own activities, then lets its members in', async () => {
    const NEW_TEAM = '19:0123456789abcdef0123456789abcdef@thread.tacv2';
    roster.setMembers(TENANT_A, NEW_TEAM, [ALICE]);
    const path = `/api/assessments/${encodeURIComponent(`channel:${NEW_TEAM}:${CHANNEL}`)}`;
    expect((await call('GET', path, await aliceToken())).body.error.code).toBe('team_not_registered');
    // Someone @mentions the bot in the new team (local-mode bot: loopback serviceUrl).
    const posted = await postActivity(srv.baseUrl, channelMention('help', {
      deliveryMode: 'expectReplies',
      serviceUrl: roster.serviceUrl(TENANT_A),
      conversation: { id: `${CHANNEL};messageid=1`, conversationType: 'channel', isGroup: true, tenantId: TENANT_A },
      channelData: { tenant: { id: TENANT_A }, team: { id: NEW_TEAM }, channel: { id: CHANNEL } },
    }));
    expect(posted.status).toBe(200);
    expect(await srv.app.store.getTeamServiceUrl(TENANT_A, NEW_TEAM)).toBe(roster.serviceUrl(TENANT_A));
    expect((await call('GET', path, await aliceToken())).status).toBe(200);
    const bob = await entra.token({ tid: TENANT_A, oid: BOB });
    expect((await call('GET', path, bob)).body.error.code).toBe('not_team_member');
  });

  it('ignores service URLs a bot activity could not legitimately carry', async () => {
    await new TeamDirectory(srv.app.store).recordActivity({
      serviceUrl: 'http://attacker.example/',
      channelData: { tenant: { id: TENANT_A }, team: { id: UNKNOWN_TEAM } },
    });
    expect(await srv.app.store.getTeamServiceUrl(TENANT_A, UNKNOWN_TEAM)).toBeUndefined();
  });
});

describe('sign-in configuration', () => {
  it('will not start half-configured', async () => {
    await expect(startTestServer({ AAD_APP_CLIENT_ID: CLIENT_ID })).rejects.toThrow(/ALLOWED_TENANT_IDS is not set/);
    await expect(startTestServer({ ALLOWED_TENANT_IDS: TENANT_A })).rejects.toThrow(/AAD_APP_CLIENT_ID is not/);
    await expect(startTestServer({ AAD_APP_CLIENT_ID: 'my-app', ALLOWED_TENANT_IDS: TENANT_A })).rejects.toThrow(/AAD_APP_CLIENT_ID must be/);
    await expect(startTestServer({ AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: 'contoso' })).rejects.toThrow(/not a tenant ID/);
    await expect(startTestServer({ AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: TENANT_A, AUTH_JWKS_URL: 'http://keys.example/' })).rejects.toThrow(/https/);
  });

  it('refuses channel scopes when the bot is not configured to check membership', async () => {
    const noBot = await startTestServer({ AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: TENANT_A, AUTH_JWKS_URL: entra.jwksUrl });
    try {
      const res = await fetch(`${noBot.baseUrl}${channelPath}`, { headers: { Authorization: `Bearer ${await aliceToken()}` } });
      expect(res.status).toBe(503);
      expect((await res.json()).error.code).toBe('membership_unavailable');
      const personal = await fetch(`${noBot.baseUrl}/api/assessments/personal`, { headers: { Authorization: `Bearer ${await aliceToken()}` } });
      expect(personal.status).toBe(200);
    } finally {
      await noBot.stop();
    }
  });
});
