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
const MI_CLIENT_ID = '6d656473-6563-4000-8000-0000000000b1';

/** A complete production configuration, as infra/azure.bicep sets it: a single-tenant bot with a federated credential. */
const production = {
  NODE_ENV: 'production',
  PUBLIC_BASE_URL: 'https://medsec-dev.azurewebsites.net',
  TEAMS_APP_ID,
  MicrosoftAppId: APP_ID,
  MicrosoftAppType: 'SingleTenant',
  MicrosoftAppTenantId: TENANT_ID,
  BOT_MANAGED_IDENTITY_CLIENT_ID: MI_CLIENT_ID,
};
/** The legacy managed-identity registration of earlier deployments, still accepted. */
const legacyManagedIdentity = { ...production, MicrosoftAppType: 'UserAssignedMSI', BOT_MANAGED_IDENTITY_CLIENT_ID: undefined };

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

  test('a single-tenant app without a credential is refused, naming both credentials it can have', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID })).toBe(
      'Incomplete bot configuration: MicrosoftAppId is set, but it has no credential: set BOT_MANAGED_IDENTITY_CLIENT_ID (the managed identity its federated credential trusts) or MicrosoftAppPassword (a client secret).',
    );
  });

  test('local mode (no MicrosoftAppId) needs no MicrosoftAppType, and ignores one', () => {
    expect(loadConfig({}).bot).toMatchObject({ localMode: true, appType: undefined });
    expect(loadConfig({ MicrosoftAppType: 'MultiTenant' }).bot.localMode).toBe(true);
  });

  test('a single-tenant bot without its tenant is refused, naming the tenant', () => {
    expect(refusal({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant' })).toContain(
      'MicrosoftAppTenantId is not set (required for MicrosoftAppType=SingleTenant)',
    );
  });

  test('an app ID without MicrosoftAppType is refused, naming the setting and what to set', () => {
    const message = refusal({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppTenantId: TENANT_ID });
    expect(message).toMatch(/^Incomplete bot configuration: MicrosoftAppId is set, but MicrosoftAppType is not set \(required with MicrosoftAppId; no default is assumed\)\./);
    expect(message).toContain('MicrosoftAppType=SingleTenant with MicrosoftAppTenantId and a federated credential (BOT_MANAGED_IDENTITY_CLIENT_ID)');
  });

  test.each(['MultiTenant', 'multitenant'])('MicrosoftAppType=%s, which can no longer be registered, is refused', (type) => {
    const message = refusal({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: type });
    expect(message).toMatch(/^Unsupported bot registration: MicrosoftAppType=MultiTenant can no longer be registered\. Register the bot as single-tenant and set MicrosoftAppType=SingleTenant/);
  });

  test('a single-tenant app with a federated credential needs no secret', () => {
    const env = { MicrosoftAppId: APP_ID, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, BOT_MANAGED_IDENTITY_CLIENT_ID: MI_CLIENT_ID };
    expect(loadConfig(env).bot).toMatchObject({ localMode: false, appType: 'SingleTenant', tenantId: TENANT_ID, managedIdentityClientId: MI_CLIENT_ID, appPassword: undefined });
  });

  test.each<[string, NodeJS.ProcessEnv, string]>([
    ['both a federated credential and a secret', { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, BOT_MANAGED_IDENTITY_CLIENT_ID: MI_CLIENT_ID, MicrosoftAppPassword: 'secret' },
      'both BOT_MANAGED_IDENTITY_CLIENT_ID and MicrosoftAppPassword are set: keep one credential'],
    ['a federated credential whose identity is not a GUID', { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, BOT_MANAGED_IDENTITY_CLIENT_ID: 'medsec-bot-identity' },
      'BOT_MANAGED_IDENTITY_CLIENT_ID must be the managed identity\'s client ID (a GUID)'],
    ['a managed identity with a federated credential\'s setting', { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID, BOT_MANAGED_IDENTITY_CLIENT_ID: MI_CLIENT_ID },
      'BOT_MANAGED_IDENTITY_CLIENT_ID is set, which belongs to MicrosoftAppType=SingleTenant'],
    ['an unknown type', { MicrosoftAppType: 'Multi', MicrosoftAppTenantId: TENANT_ID, MicrosoftAppPassword: 'secret' },
      'MicrosoftAppType must be SingleTenant (or UserAssignedMSI for an existing managed-identity registration), not "Multi"'],
  ])('a bot with %s is refused', (_what, env, expected) => {
    expect(refusal({ MicrosoftAppId: APP_ID, ...env })).toContain(expected);
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
      bot: { localMode: false, appId: APP_ID, appType: 'SingleTenant', tenantId: TENANT_ID, managedIdentityClientId: MI_CLIENT_ID },
    });
  });

  test('an existing managed-identity registration (legacy) still starts', () => {
    expect(loadConfig(legacyManagedIdentity).bot).toMatchObject({ appType: 'UserAssignedMSI', managedIdentityClientId: undefined });
  });

  test('a single-tenant bot with a client secret starts too', () => {
    const env = { ...production, BOT_MANAGED_IDENTITY_CLIENT_ID: undefined, MicrosoftAppPassword: 'secret' };
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
    ['without the tenant of the app registration', { MicrosoftAppTenantId: undefined }, 'MicrosoftAppTenantId is not set (required for MicrosoftAppType=SingleTenant'],
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
    expect(refusal({ ...production, MicrosoftAppType: 'Multi' })).toMatch(/MicrosoftAppType must be SingleTenant/);
  });
});

describe('the app settings of the Azure deployment (infra/azure.bicep)', () => {
  test.each<[string, NodeJS.ProcessEnv]>([
    ['a single-tenant registration with a federated credential (the Bicep default)', production],
    ['a single-tenant registration with a secret (hosting elsewhere)', { ...production, BOT_MANAGED_IDENTITY_CLIENT_ID: undefined, MicrosoftAppPassword: 'test-secret-not-real' }],
    ['a managed identity (legacy registration)', legacyManagedIdentity],
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

