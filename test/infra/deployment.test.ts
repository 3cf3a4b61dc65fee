/**
 * The deployment files cannot be run here (no Azure), so these checks keep
 * them consistent with each other, with the app package and with the README:
 * a variable the manifest needs must be one the toolkit writes, a Bicep
 * parameter must be passed, every app setting must be documented.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseEnvFile } from '../../scripts/appPackage/environment';
import { ACCESS_AS_USER_SCOPE } from '../../bot/auth/ssoToken';

const root = path.resolve(__dirname, '..', '..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

const placeholders = (text: string) => [...new Set([...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]))];

const bicep = read('infra/azure.bicep');
const bicepParams = new Map([...bicep.matchAll(/^param (\w+) \w+( = .*)?$/gm)].map((m) => [m[1], m[2] !== undefined]));
const bicepOutputs = [...bicep.matchAll(/^output (\w+) /gm)].map((m) => m[1]);
const devEnv = parseEnvFile(read('env/.env.dev'), 'env/.env.dev');

/** Names in the README's configuration table. */
function readmeVariables(): string[] {
  const readme = read('README.md');
  const section = readme.slice(readme.indexOf('## Configuration'), readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1));
  return [...section.matchAll(/^\| `([A-Za-z_][A-Za-z0-9_]*)` \|/gm)].map((m) => m[1]);
}

/** The text of a Bicep `var NAME = …` up to the first line that is only `}`. */
function bicepVar(name: string): string {
  const start = bicep.indexOf(`var ${name} =`);
  if (start < 0) throw new Error(`no var ${name} in infra/azure.bicep`);
  return bicep.slice(start, bicep.indexOf('\n}\n', start) + 2);
}

/** The block of app settings the Bicep gives the web app (without the vars it adds). */
function appSettingsBlock(): string {
  const start = bicep.indexOf('properties: union({', bicep.indexOf("resource appSettings 'Microsoft.Web/sites/config"));
  return bicep.slice(start, bicep.indexOf('}, botCredentialSettings, databaseSettings)', start));
}

/** App settings the Bicep gives the web app: name → the Bicep expression of its value. */
function appSettingValues(): Map<string, string> {
  const text = [appSettingsBlock(), bicepVar('botCredentialSettings'), bicepVar('databaseSettings')].join('\n');
  return new Map([...text.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*): (.+)$/gm)].filter((m) => m[1] !== 'properties').map((m) => [m[1], m[2].trim()]));
}

function appSettings(): string[] {
  return [...appSettingValues().keys()];
}

/** The properties of a Bicep resource, by the start of its declaration. */
function bicepResource(declaration: string): string {
  const start = bicep.indexOf(declaration);
  if (start < 0) throw new Error(`no ${declaration} in infra/azure.bicep`);
  return bicep.slice(start, bicep.indexOf('\n}\n', start) + 2);
}

describe('the deployment files', () => {
  test('every placeholder of the package, the infra and m365agents.yml is declared in the env/.env.dev template (secrets excepted)', () => {
    const files = ['appPackage/manifest.json', 'appPackage/en.json', 'infra/azure.parameters.json', 'infra/aad.manifest.json', 'm365agents.yml'];
    const undeclared = files.flatMap((file) =>
      placeholders(read(file))
        .filter((name) => !(name in devEnv) && !name.startsWith('SECRET_'))
        .map((name) => `${name} (${file})`),
    );
    expect(undeclared).toEqual([]);
  });

  test('the local environment fills every placeholder of the app package', () => {
    const local = parseEnvFile(read('env/.env.local'));
    const needed = placeholders(read('appPackage/manifest.json') + read('appPackage/en.json'));
    expect(needed.filter((name) => !local[name])).toEqual([]);
  });

  test('the Bicep outputs give the package its domain, under the names env/.env.dev declares (the bot ID comes from aadApp/create)', () => {
    expect(bicepOutputs).toEqual(expect.arrayContaining(['TAB_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']));
    expect(bicepOutputs).not.toContain('BOT_ID');
    expect(bicepOutputs.filter((name) => !(name in devEnv))).toEqual([]);
  });

  test('azure.parameters.json passes every required Bicep parameter, and only parameters Bicep declares', () => {
    const passed = Object.keys(JSON.parse(read('infra/azure.parameters.json')).parameters);
    expect(passed.filter((name) => !bicepParams.has(name))).toEqual([]);
    const required = [...bicepParams].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
  });

  test('the bot is registered single-tenant in the Microsoft 365 tenant, with the Teams channel, at /api/messages', () => {
    const bot = bicepResource("resource bot 'Microsoft.BotService/botServices@");
    expect(bot).toMatch(/^\s+msaAppId: botAppId$/m);
    expect(bot).toMatch(/^\s+msaAppType: 'SingleTenant'$/m);
    expect(bot).toMatch(/^\s+msaAppTenantId: microsoft365TenantId$/m);
    // Not the legacy managed-identity registration, nor the multi-tenant one that can no longer be registered.
    expect(bicep).not.toMatch(/msaAppMSIResourceId|UserAssignedMSI|MultiTenant/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bot).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|\$\{nodeVersion\}'/);
    expect(bicep).toMatch(/^param nodeVersion string = '24-lts'$/m);
  });

  test('the web app\'s bot settings are the same single-tenant registration, with the federated credential by default and a secret only when given', () => {
    const settings = appSettingValues();
    expect(settings.get('MicrosoftAppId')).toBe('botAppId');
    expect(settings.get('MicrosoftAppType')).toBe("'SingleTenant'");
    expect(settings.get('MicrosoftAppTenantId')).toBe('microsoft365TenantId');
    expect(settings.get('BOT_MANAGED_IDENTITY_CLIENT_ID')).toBe('identity.properties.clientId');
    expect(settings.get('MicrosoftAppPassword')).toBe('botSecret');
    expect(bicepVar('botCredentialSettings')).toMatch(/^var botCredentialSettings = empty\(botSecret\) \? \{\n\s+BOT_MANAGED_IDENTITY_CLIENT_ID: [^\n]+\n\} : \{\n\s+MicrosoftAppPassword: botSecret\n\}/);
    expect(bicep).toMatch(/^@secure\(\)\n@description\([^\n]*\)\nparam botAppPassword string = ''$/m);
    // The federated credential is made from these outputs.
    expect(bicepOutputs).toEqual(expect.arrayContaining(['BOT_MANAGED_IDENTITY_PRINCIPAL_ID', 'BOT_MANAGED_IDENTITY_TENANT_ID']));
    expect(bicep).toMatch(/^output BOT_MANAGED_IDENTITY_PRINCIPAL_ID string = identity\.properties\.principalId$/m);
  });

  test('the tenants come from the Microsoft 365 tenant of the app registrations, an explicit parameter, never from the Azure subscription', () => {
    // Required: no default the deployment could silently fall back on.
    expect(bicepParams.get('microsoft365TenantId')).toBe(false);
    expect(bicep).toMatch(/@minLength\(36\)\n@maxLength\(36\)\n@description\([^\n]*\)\nparam microsoft365TenantId string$/m);
    // The toolkit passes the tenant aadApp/create signed in to (the Microsoft 365 one), where it creates both app registrations.
    const parameters = JSON.parse(read('infra/azure.parameters.json')).parameters;
    expect(parameters.microsoft365TenantId).toEqual({ value: '${{AAD_APP_TENANT_ID}}' });
    expect(parameters.botAppId).toEqual({ value: '${{BOT_ID}}' });
    const yml = read('m365agents.yml');
    expect(yml).toMatch(/- uses: aadApp\/create\n\s+with:\n\s+name: medsec-reference-sso-[^\n]+\n(?:\s+[^\n]+\n)*?\s+tenantId: AAD_APP_TENANT_ID\n/);
    // The allowed tenants and the app's tenant are that parameter …
    const settings = appSettingValues();
    expect(settings.get('ALLOWED_TENANT_IDS')).toBe('allowedTenants');
    expect(bicep).toMatch(/^var allowedTenants = empty\(allowedTenantIds\) \|\| startsWith\(allowedTenantIds, placeholderStart\) \? microsoft365TenantId : allowedTenantIds$/m);
    expect(settings.get('MicrosoftAppTenantId')).toBe('microsoft365TenantId');
    // … and nothing derives a tenant from the subscription, the deployment or the managed identity, except the identity's own output.
    const code = bicep.replace(/\/\/.*$/gm, '');
    expect(code).not.toMatch(/subscription\(\)\.tenantId|tenant\(\)\.tenantId/);
    expect(code.replace(/^output .*$/gm, '')).not.toMatch(/identity\.properties\.tenantId/);
  });

  test('the bot\'s app registration is created single-tenant, with a service principal and without a secret, in the same tenant', () => {
    const yml = read('m365agents.yml');
    const step = /- uses: aadApp\/create\n\s+with:\n\s+name: medsec-reference-bot-[^\n]+\n((?:\s+[^\n]+\n)+?)\n/.exec(yml);
    expect(step).not.toBeNull();
    expect(step![1]).toMatch(/generateClientSecret: false/);
    expect(step![1]).toMatch(/generateServicePrincipal: true/);
    expect(step![1]).toMatch(/signInAudience: AzureADMyOrg/);
    expect(step![1]).toMatch(/clientId: BOT_ID/);
    // before arm/deploy, which needs BOT_ID
    expect(yml.indexOf('name: medsec-reference-bot-')).toBeLessThan(yml.indexOf('- uses: arm/deploy'));
  });

  test('deep links get the catalogue app ID that atk publish writes, once there is one', () => {
    expect(appSettingValues().get('TEAMS_CATALOG_APP_ID')).toBe('catalogAppId');
    expect(bicep).toMatch(/^var catalogAppId = startsWith\(teamsCatalogAppId, placeholderStart\) \? '' : teamsCatalogAppId$/m);
    expect(bicepParams.get('teamsCatalogAppId')).toBe(true);
    expect(JSON.parse(read('infra/azure.parameters.json')).parameters.teamsCatalogAppId).toEqual({ value: '${{TEAMS_APP_PUBLISHED_APP_ID}}' });
    expect(read('m365agents.yml')).toMatch(/- uses: teamsApp\/publishAppPackage\n(?:\s+[^\n]+\n)*?\s+publishedAppId: TEAMS_APP_PUBLISHED_APP_ID/);
  });

  test('the toolkit deploys with a Bicep CLI of today, not the 2022 one', () => {
    const pinned = /^\s+bicepCliVersion: v(\d+)\.(\d+)\.(\d+)$/m.exec(read('m365agents.yml'));
    expect(pinned).not.toBeNull();
    expect(Number(pinned![2])).toBeGreaterThanOrEqual(49);
  });

  test('every app setting the Bicep sets is in the README configuration table (platform build settings aside)', () => {
    const platform = ['SCM_DO_BUILD_DURING_DEPLOYMENT', 'CUSTOM_BUILD_COMMAND'];
    const settings = appSettings();
    expect(settings).toEqual(expect.arrayContaining(['NODE_ENV', 'PUBLIC_BASE_URL', 'TEAMS_APP_ID', 'MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'DATABASE_URL']));
    const documented = readmeVariables();
    expect(settings.filter((name) => !platform.includes(name) && !documented.includes(name))).toEqual([]);
  });

  test('every variable the server reads (bot/config.ts) is in the README configuration table', () => {
    const config = read('bot/config.ts');
    const envBlock = config.slice(config.indexOf('const Env = z.object({'), config.indexOf('});', config.indexOf('const Env = z.object({')));
    const read_ = [...envBlock.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*): /gm)].map((m) => m[1]);
    expect(read_.length).toBeGreaterThan(5);
    expect(read_.filter((name) => !readmeVariables().includes(name))).toEqual([]);
  });

  test('the deployment zip leaves out the env files (secrets) and node_modules, and keeps the built tab', () => {
    const lines = read('.webappignore').split('\n').map((l) => l.trim());
    expect(lines).toEqual(expect.arrayContaining(['env/', 'node_modules/', '!tab/dist/']));
    for (const kept of ['dist', 'data', 'package.json', 'package-lock.json']) {
      expect(lines.some((l) => l === kept || l === `${kept}/`)).toBe(false);
    }
  });

  test('the SSO app exposes api://<TAB_DOMAIN>/<client ID>, the resource the manifest names', () => {
    const aad = JSON.parse(read('infra/aad.manifest.json'));
    const manifest = JSON.parse(read('appPackage/manifest.json'));
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.appId).toBe(manifest.webApplicationInfo.id);
    expect(aad.signInAudience).toBe('AzureADMyOrg');
    // Teams desktop/mobile and Teams web may ask for the token without a consent prompt
    const clients = aad.preAuthorizedApplications.map((a: { appId: string }) => a.appId);
    expect(clients).toEqual(expect.arrayContaining(['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346']));
    // The one scope it exposes is the one the server requires in every token.
    expect(aad.oauth2Permissions.map((p: { value: string }) => p.value)).toEqual([ACCESS_AS_USER_SCOPE]);
  });

  test('the manual path of docs/deployment.md passes every required Bicep parameter and sets the token version before the ID URI', () => {
    const guide = read('docs/deployment.md');
    const pathB = guide.slice(guide.indexOf('### Path B'), guide.indexOf('### Hosting elsewhere'));
    const command = pathB.slice(pathB.indexOf('az deployment group create'), pathB.indexOf('```', pathB.indexOf('az deployment group create')));
    const required = [...bicepParams].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required).toEqual(expect.arrayContaining(['microsoft365TenantId', 'botAppId']));
    expect(required.filter((name) => !command.includes(`${name}=`))).toEqual([]);
    // Today's Entra admin center shows the Graph-format manifest; a hardened identifier-URI policy needs the version first.
    const version = pathB.indexOf('"requestedAccessTokenVersion": 2');
    expect(version).toBeGreaterThan(0);
    expect(version).toBeLessThan(pathB.indexOf('*Application ID URI*'));
    expect(pathB).not.toMatch(/set `accessTokenAcceptedVersion`/);
  });

  test('m365agents.yml provisions, deploys and publishes with the files of this repository', () => {
    const yml = read('m365agents.yml');
    for (const phase of ['provision:', 'deploy:', 'publish:']) expect(yml).toMatch(new RegExp(`^${phase}`, 'm'));
    const referenced = [...yml.matchAll(/(?:path|manifestPath|parameters|ignoreFile): (\.\/[^\s]+)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(4);
    expect(referenced.filter((file) => !fs.existsSync(path.join(root, file)))).toEqual([]);
  });
});
