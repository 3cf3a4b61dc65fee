/**
 * The self-assessment settings in the environment: sign-in (Teams SSO) and
 * where assessments are stored.
 */
import * as path from 'node:path';
import { ConfigError, DEFAULT_ISSUER_TEMPLATES, DEFAULT_JWKS_URL, loadConfig } from '../../bot/config';

const CLIENT = '11111111-2222-3333-4444-555555555555';
const TENANT = 'aaaaaaaa-0000-4000-8000-00000000000a';

function refusal(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('expected a refusal');
}

describe('sign-in settings', () => {
  it('is local mode without AAD_APP_CLIENT_ID, with the SQLite file by default', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ mode: 'local' });
    expect(config.assessments).toEqual({ databaseUrl: undefined, sqlitePath: path.resolve('.data/assessments.sqlite') });
  });

  it('accepts the client ID and the ID URI derived from PUBLIC_BASE_URL, with Entra\'s keys and issuers', () => {
    const config = loadConfig({ AAD_APP_CLIENT_ID: CLIENT, ALLOWED_TENANT_IDS: ` ${TENANT.toUpperCase()} , `, PUBLIC_BASE_URL: 'https://medsec.example.jp/' });
    expect(config.auth).toEqual({
      mode: 'sso',
      clientId: CLIENT,
      audiences: [CLIENT, `api://medsec.example.jp/${CLIENT}`],
      allowedTenantIds: [TENANT],
      jwksUrl: DEFAULT_JWKS_URL,
      issuerTemplates: DEFAULT_ISSUER_TEMPLATES,
    });
  });

  it('takes an explicit ID URI, JWKS URL and issuer templates', () => {
    const config = loadConfig({
      AAD_APP_CLIENT_ID: CLIENT, ALLOWED_TENANT_IDS: TENANT, AAD_APP_ID_URI: `api://${CLIENT}`,
      AUTH_JWKS_URL: 'http://127.0.0.1:8080/keys', AUTH_ISSUER_TEMPLATE: 'https://issuer.example/{tenantid}/',
    });
    expect(config.auth).toMatchObject({ audiences: [CLIENT, `api://${CLIENT}`], jwksUrl: 'http://127.0.0.1:8080/keys', issuerTemplates: ['https://issuer.example/{tenantid}/'] });
  });

  it.each([
    [{ ALLOWED_TENANT_IDS: TENANT }, /ALLOWED_TENANT_IDS is set, but AAD_APP_CLIENT_ID is not/],
    [{ AAD_APP_CLIENT_ID: CLIENT }, /ALLOWED_TENANT_IDS is not set/],
    [{ AAD_APP_CLIENT_ID: 'medsec-tab', ALLOWED_TENANT_IDS: TENANT }, /AAD_APP_CLIENT_ID must be an app \(client\) ID/],
    [{ AAD_APP_CLIENT_ID: CLIENT, ALLOWED_TENANT_IDS: 'contoso.onmicrosoft.com' }, /"contoso.onmicrosoft.com" is not a tenant ID/],
    [{ AAD_APP_CLIENT_ID: CLIENT, ALLOWED_TENANT_IDS: TENANT, AUTH_JWKS_URL: 'http://keys.example/' }, /AUTH_JWKS_URL must be https/],
    [{ AAD_APP_CLIENT_ID: CLIENT, ALLOWED_TENANT_IDS: TENANT, AUTH_ISSUER_TEMPLATE: 'https://sts.windows.net/fixed/' }, /no \{tenantid\} placeholder/],
    [{ DATABASE_URL: 'mysql://db/medsec' }, /DATABASE_URL must be a PostgreSQL connection string/],
  ])('refuses %j', (env, message) => {
    expect(refusal(env as NodeJS.ProcessEnv)).toMatch(message);
  });

  it('lists sign-in problems together with the others', () => {
    const message = refusal({ AAD_APP_CLIENT_ID: CLIENT, MicrosoftAppId: CLIENT });
    expect(message).toMatch(/MicrosoftAppType is not set/);
    expect(message).toMatch(/ALLOWED_TENANT_IDS is not set/);
  });
});
