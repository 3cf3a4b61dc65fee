/**
 * The bot serves only the tenants of ALLOWED_TENANT_IDS, as the assessment
 * API does: an activity from any other tenant is refused after
 * authentication and before anything else sees it — no answer, no call to
 * its serviceUrl, no record of its team — and the refusal is logged.
 */
import pino from 'pino';
import { startTestServer, RunningServer } from '../helpers/testServer';
import { startFakeConnector, FakeConnector } from '../helpers/fakeConnector';
import { startFakeBotFramework, FakeBotFramework } from '../helpers/fakeBotFramework';
import { channelMention, invokeActivity, messageActivity, postActivity, replyCards } from '../helpers/activities';
import { CLIENT_ID, TENANT_A, TENANT_OTHER } from '../helpers/fakeEntra';
import { activityTenants, checkActivityTenant } from '../../bot/auth/tenantPolicy';

const TEAM = '19:4a95f7d8db4c4e7fae857bcebe0623e6@thread.tacv2';
const CHANNEL = '19:0f3c9e2a6b7d4e1f8a9b0c1d2e3f4a5b@thread.tacv2';
const SSO = { AAD_APP_CLIENT_ID: CLIENT_ID, ALLOWED_TENANT_IDS: TENANT_A };

/** Where an activity says it comes from. */
function from(tenant: string | undefined, conversationTenant = tenant) {
  return {
    conversation: { id: '19:channel@thread.tacv2;messageid=1', conversationType: 'channel', isGroup: true, ...(conversationTenant ? { tenantId: conversationTenant } : {}) },
    channelData: { ...(tenant ? { tenant: { id: tenant } } : {}), team: { id: TEAM }, channel: { id: CHANNEL } },
  };
}

describe('the tenant an activity names', () => {
  it('is read from channelData.tenant.id and conversation.tenantId, in any case', () => {
    expect(activityTenants({ channelData: { tenant: { id: TENANT_A.toUpperCase() } }, conversation: { tenantId: TENANT_A } })).toEqual([TENANT_A]);
    expect(activityTenants({ conversation: { tenantId: TENANT_A } })).toEqual([TENANT_A]);
    expect(activityTenants({})).toEqual([]);
  });

  it.each([
    ['an allowed tenant', from(TENANT_A), { allowed: true, tenantId: TENANT_A }],
    ['another tenant', from(TENANT_OTHER), { allowed: false, reason: 'not-allowed', tenantId: TENANT_OTHER }],
    ['no tenant', from(undefined), { allowed: false, reason: 'no-tenant' }],
    ['two tenants that disagree', from(TENANT_A, TENANT_OTHER), { allowed: false, reason: 'conflict', tenantIds: [TENANT_A, TENANT_OTHER] }],
  ])('judges %s', (_what, activity, verdict) => {
    expect(checkActivityTenant(activity, new Set([TENANT_A]))).toEqual(verdict);
  });
});

describe('the bot with ALLOWED_TENANT_IDS (local mode: loopback serviceUrls)', () => {
  let srv: RunningServer;
  let connector: FakeConnector;
  const logged: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    connector = await startFakeConnector();
    const logger = pino({ level: 'warn' }, { write: (line: string) => { logged.push(JSON.parse(line)); } });
    srv = await startTestServer({ ...SSO, PUBLIC_BASE_URL: 'https://medsec.example.org' }, { logger });
  });
  afterAll(async () => { await srv.stop(); await connector.close(); });

  it('answers its own tenant and learns the team\'s serviceUrl', async () => {
    const { status, body } = await postActivity(srv.baseUrl, channelMention('6.5 C-6', { deliveryMode: 'expectReplies', serviceUrl: connector.url, ...from(TENANT_A) }));
    expect(status).toBe(200);
    expect(replyCards(body)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 50));
    expect(await srv.app.store.getTeamServiceUrl(TENANT_A, TEAM)).toBe(connector.url);
  });

  it('refuses a message from another tenant: no answer, no call to its serviceUrl, its team not recorded, logged', async () => {
    const before = connector.received.length;
    const { status, body } = await postActivity(srv.baseUrl, channelMention('6.5 C-6', { serviceUrl: connector.url, ...from(TENANT_OTHER) }));
    expect(status).toBe(403);
    expect(body.error.code).toBe('tenant_not_allowed');
    expect(body.error.details).toEqual({ tenantId: TENANT_OTHER });
    expect(body.error.message).toContain(`Tenant ${TENANT_OTHER} is not allowed to use this bot`);
    expect(body.error.message).toContain('ALLOWED_TENANT_IDS');
    await new Promise((r) => setTimeout(r, 100));
    expect(connector.received.length).toBe(before);
    expect(await srv.app.store.getTeamServiceUrl(TENANT_OTHER, TEAM)).toBeUndefined();
    expect(logged).toContainEqual(expect.objectContaining({
      level: 40, reason: 'not-allowed', tenantId: TENANT_OTHER, activityType: 'message', allowedTenantIds: [TENANT_A],
      msg: 'bot: refused an activity from a tenant that is not in ALLOWED_TENANT_IDS',
    }));
  });

  it('refuses the app being installed in another tenant\'s team: no welcome, nothing recorded', async () => {
    const { status, body } = await postActivity(srv.baseUrl, messageActivity('', {
      type: 'conversationUpdate', text: undefined, deliveryMode: 'expectReplies', membersAdded: [{ id: '28:bot-1' }],
      serviceUrl: connector.url, ...from(TENANT_OTHER),
    }));
    expect(status).toBe(403);
    expect(replyCards(body)).toEqual([]);
    expect(await srv.app.store.getTeamServiceUrl(TENANT_OTHER, TEAM)).toBeUndefined();
  });

  it('refuses a message-extension search from another tenant', async () => {
    const { status, body } = await postActivity(srv.baseUrl, invokeActivity('composeExtension/query', {
      commandId: 'searchItems', parameters: [{ name: 'query', value: 'ログ' }],
    }, from(TENANT_OTHER)));
    expect(status).toBe(403);
    expect(body.composeExtension).toBeUndefined();
    expect(body.error.code).toBe('tenant_not_allowed');
  });

  it.each([
    ['no tenant', from(undefined), 'names no Microsoft 365 tenant'],
    ['two tenants that disagree', from(TENANT_A, TENANT_OTHER), 'names two different tenants'],
  ])('refuses an activity with %s', async (_what, where, message) => {
    const { status, body } = await postActivity(srv.baseUrl, channelMention('help', { deliveryMode: 'expectReplies', serviceUrl: connector.url, ...where }));
    expect(status).toBe(403);
    expect(body.error.message).toContain(message);
    expect(replyCards(body)).toEqual([]);
  });
});

describe('the bot with ALLOWED_TENANT_IDS and a Microsoft app registration', () => {
  const APP_ID = '99999999-8888-7777-6666-555555555555';
  const SERVICE_URL = 'https://smba.trafficmanager.net/jp/';
  let srv: RunningServer;
  let bf: FakeBotFramework;
  beforeAll(async () => {
    bf = await startFakeBotFramework();
    srv = await startTestServer({
      ...SSO, MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-real', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_A,
      BOT_OPENID_METADATA_URL: bf.metadataUrl,
    });
  });
  afterAll(async () => { await srv.stop(); await bf.stop(); });

  const post = async (where: ReturnType<typeof from>, token?: string) => postActivity(
    srv.baseUrl,
    channelMention('6.5 C-6', { deliveryMode: 'expectReplies', serviceUrl: SERVICE_URL, ...where }),
    token ? { authorization: `Bearer ${token}` } : {},
  );

  it('answers an authenticated activity of its own tenant', async () => {
    const { status, body } = await post(from(TENANT_A), await bf.token(APP_ID, SERVICE_URL));
    expect(status).toBe(200);
    expect(replyCards(body)).toHaveLength(1);
  });

  it('refuses an authenticated activity of another tenant, recording nothing', async () => {
    const { status, body } = await post(from(TENANT_OTHER), await bf.token(APP_ID, SERVICE_URL));
    expect(status).toBe(403);
    expect(body.error.code).toBe('tenant_not_allowed');
    expect(await srv.app.store.getTeamServiceUrl(TENANT_OTHER, TEAM)).toBeUndefined();
  });

  it('still authenticates first: an unauthenticated activity is 401 whatever tenant it names', async () => {
    expect((await post(from(TENANT_OTHER))).status).toBe(401);
    expect((await post(from(TENANT_A))).status).toBe(401);
  });
});
