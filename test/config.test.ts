/**
 * Configuration from the environment: a start with a half configuration stops
 * at once and says exactly what is missing, instead of failing later in front
 * of users.
 */
import { ConfigError, loadConfig } from '../bot/config';
import { messageActivity, postActivity } from './helpers/activities';
import { startTestServer } from './helpers/testServer';

const APP_ID = '6d656473-6563-4000-8000-000000000002';
const TENANT_ID = '6d656473-6563-4000-8000-0000000000aa';
const TEAMS_APP_ID = '6d656473-6563-4000-8000-000000000001';

/** A complete production configuration, as infra/azure.bicep sets it. */
const production = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://medsec-dev.azurewebsites.net',
  TEAMS_APP_ID,
  MicrosoftAppId: APP_ID,
  MicrosoftAppType: 'UserAssignedMSI',
  MicrosoftAppTenantId: TENANT_ID,
};

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('local development', () => {
  test('no variables at all is local mode on port 3978', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3978, host: '0.0.0.0', production: false, bot: { localMode: true } });
  });

  test('an app ID without its secret is refused, naming the secret', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'MultiTenant' })).toBe(
      'Incomplete bot configuration: MicrosoftAppId is set, but MicrosoftAppPassword is not set (required unless MicrosoftAppType=UserAssignedMSI).',
    );
  });

  test('a single-tenant bot without its tenant is refused, naming the tenant', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant' })).toContain(
      'MicrosoftAppTenantId is not set (required for MicrosoftAppType=SingleTenant)',
    );
  });

  test('a managed identity needs the tenant but no secret', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI' })).not.toContain('MicrosoftAppPassword');
    expect(loadConfig({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID }).bot).toMatchObject({
      localMode: false,
      appType: 'UserAssignedMSI',
    });
  });

  test('a managed identity with a password is refused, instead of a bare assertion inside botbuilder', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: 'secret' })).toContain(
      'MicrosoftAppPassword is set, which a managed identity (MicrosoftAppType=UserAssignedMSI) must not have',
    );
  });

  test('a PUBLIC_BASE_URL that is not a URL is refused', () => {
    expect(refusal({ PUBLIC_BASE_URL: 'localhost:3978' })).toContain('PUBLIC_BASE_URL must be an http(s) URL');
    expect(loadConfig({ PUBLIC_BASE_URL: 'http://localhost:3978/' }).publicBaseUrl).toBe('http://localhost:3978');
  });
});

describe('production (NODE_ENV=production)', () => {
  test('the configuration the Azure deployment sets starts', () => {
    const config = loadConfig(production);
    expect(config).toMatchObject({
      production: true,
      publicBaseUrl: 'https://medsec-dev.azurewebsites.net',
      teamsAppId: TEAMS_APP_ID,
      bot: { localMode: false, appId: APP_ID, appType: 'UserAssignedMSI', tenantId: TENANT_ID },
    });
  });

  test('a single-tenant bot with a client secret starts too', () => {
    const env = { ...production, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'secret' };
    expect(loadConfig(env).bot.appType).toBe('SingleTenant');
  });

  test('nothing but NODE_ENV=production is refused, listing every missing setting at once', () => {
    const message = refusal({ NODE_ENV: 'production' });
    expect(message).toMatch(/^Incomplete production configuration \(NODE_ENV=production\): /);
    expect(message).toContain('PUBLIC_BASE_URL is not set');
    expect(message).toContain('TEAMS_APP_ID is not set');
    expect(message).toContain('MicrosoftAppId is not set (without it the bot runs in local mode');
  });

  test.each<[string, Record<string, string | undefined>, string]>([
    ['without PUBLIC_BASE_URL', { PUBLIC_BASE_URL: undefined }, 'PUBLIC_BASE_URL is not set'],
    ['with an http PUBLIC_BASE_URL', { PUBLIC_BASE_URL: 'http://medsec.example.jp' }, 'PUBLIC_BASE_URL must be https in production'],
    ['without TEAMS_APP_ID', { TEAMS_APP_ID: '' }, 'TEAMS_APP_ID is not set'],
    ['with a TEAMS_APP_ID that is not a GUID', { TEAMS_APP_ID: 'medsec' }, 'TEAMS_APP_ID must be a GUID'],
    ['without MicrosoftAppId (local mode)', { MicrosoftAppId: undefined }, 'MicrosoftAppId is not set'],
    ['with a MicrosoftAppId that is not a GUID', { MicrosoftAppId: 'my-bot' }, 'MicrosoftAppId must be a GUID'],
    ['with a tenant ID that is not a GUID', { MicrosoftAppTenantId: 'contoso.onmicrosoft.com' }, 'MicrosoftAppTenantId must be a GUID'],
    ['without the tenant of the managed identity', { MicrosoftAppTenantId: undefined }, 'MicrosoftAppTenantId is not set (required for MicrosoftAppType=UserAssignedMSI)'],
  ])('is refused %s', (_name, change, expected) => {
    const env: NodeJS.ProcessEnv = { ...production };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete env[key];
      else env[key] = value;
    }
    const message = refusal(env);
    expect(message).toContain(expected);
    // only what is wrong is named
    expect(message.split(/; |\n/).filter((part) => /is not set|must be/.test(part))).toHaveLength(1);
  });

  test('bad values are reported by name, not with a stack trace', () => {
    expect(refusal({ ...production, PORT: 'eighty' })).toMatch(/^Invalid configuration:\nPORT: /);
    expect(refusal({ ...production, MicrosoftAppType: 'Multi' })).toMatch(/MicrosoftAppType: /);
  });
});

describe('the app settings of the Azure deployment (infra/azure.bicep)', () => {
  test.each<[string, NodeJS.ProcessEnv]>([
    ['a managed identity (the Bicep default)', production],
    ['a single-tenant registration with a secret (hosting elsewhere)', { ...production, MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'test-secret-not-real' }],
  ])('start the real server with %s, which refuses unauthenticated bot traffic', async (_name, env) => {
    const srv = await startTestServer(env);
    try {
      expect(srv.app.config.bot.localMode).toBe(false);
      expect((await fetch(`${srv.baseUrl}/api/health`)).status).toBe(200);
      const { status, body } = await postActivity(srv.baseUrl, messageActivity('help', { serviceUrl: 'https://smba.trafficmanager.net/jp/' }));
      expect(status).toBe(401);
      expect(body.error.code).toBe('unauthorized');
    } finally {
      await srv.stop();
    }
  });
});

