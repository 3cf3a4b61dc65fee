/**
 * The bot's federated credentials: handed over to a fresh managed-identity
 * exchange before the token inside can expire, and wired to the settings.
 */
import { FederatedAppCredentials } from 'botframework-connector';
import { FEDERATED_CREDENTIALS_MAX_AGE_MS, RenewingFederatedAppCredentials, RenewingFederatedCredentialsFactory } from '../../bot/teams/federatedCredentials';
import { createBotCredentials } from '../../bot/teams/botCredentials';
import { loadConfig } from '../../bot/config';

const settings = { appId: '6d656473-6563-4000-8000-000000000002', managedIdentityClientId: '6d656473-6563-4000-8000-0000000000b1', tenantId: '6d656473-6563-4000-8000-0000000000aa' };

function fakeExchange() {
  const made: Array<{ scope?: string; calls: number }> = [];
  const create = (_s: typeof settings, scope?: string) => {
    const entry = { scope, calls: 0 };
    made.push(entry);
    return { getToken: async () => { entry.calls += 1; return `token-${made.length}`; } };
  };
  return { made, create };
}

describe('renewing federated credentials', () => {
  it('uses one exchange until it is too old, then a new one', async () => {
    let now = 1_000_000;
    const { made, create } = fakeExchange();
    const credentials = new RenewingFederatedAppCredentials(settings, 'https://api.botframework.com', { now: () => now, create });
    expect(await credentials.getToken()).toBe('token-1');
    now += FEDERATED_CREDENTIALS_MAX_AGE_MS - 1;
    expect(await credentials.getToken()).toBe('token-1');
    now += 1;
    expect(await credentials.getToken()).toBe('token-2');
    expect(made.map((m) => [m.scope, m.calls])).toEqual([['https://api.botframework.com', 2], ['https://api.botframework.com', 1]]);
    // It is a FederatedAppCredentials: botbuilder signs requests with it as with its own.
    expect(credentials).toBeInstanceOf(FederatedAppCredentials);
    expect(credentials.appId).toBe(settings.appId);
    const headers = new Map<string, string>();
    await credentials.signRequest({ headers: { set: (k: string, v: string) => headers.set(k, v) } } as never);
    expect(headers.get('authorization') ?? headers.get('Authorization')).toBe('Bearer token-2');
  });

  it('gives the CloudAdapter credentials for this bot only', async () => {
    const factory = new RenewingFederatedCredentialsFactory(settings);
    expect(await factory.isValidAppId(settings.appId)).toBe(true);
    expect(await factory.isValidAppId('00000000-0000-0000-0000-000000000000')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
    const credentials = await factory.createCredentials(settings.appId, 'https://api.botframework.com');
    expect(credentials).toBeInstanceOf(RenewingFederatedAppCredentials);
    expect(credentials.oAuthScope).toBe('https://api.botframework.com');
    await expect(factory.createCredentials('00000000-0000-0000-0000-000000000000', undefined)).rejects.toThrow(/another app ID/);
  });

  it('is what the roster uses for a single-tenant bot with BOT_MANAGED_IDENTITY_CLIENT_ID', () => {
    const config = loadConfig({ MicrosoftAppId: settings.appId, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: settings.tenantId, BOT_MANAGED_IDENTITY_CLIENT_ID: settings.managedIdentityClientId });
    const credentials = createBotCredentials(config.bot);
    expect(credentials).toBeInstanceOf(RenewingFederatedAppCredentials);
    const secret = loadConfig({ MicrosoftAppId: settings.appId, MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: settings.tenantId, MicrosoftAppPassword: 'test-secret-not-real' });
    expect(createBotCredentials(secret.bot)).not.toBeInstanceOf(FederatedAppCredentials);
  });
});
