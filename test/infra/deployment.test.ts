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

/** App settings the Bicep gives the web app. */
function appSettings(): string[] {
  const start = bicep.indexOf('properties: union({', bicep.indexOf("resource appSettings 'Microsoft.Web/sites/config"));
  const block = bicep.slice(start, bicep.indexOf('}, databaseSettings)', start));
  const extra = bicep.slice(bicep.indexOf('var databaseSettings'), bicep.indexOf('\n}\n', bicep.indexOf('var databaseSettings')));
  return [...`${block}\n${extra}`.matchAll(/^\s+([A-Za-z_][A-Za-z0-9_]*): /gm)].map((m) => m[1]).filter((name) => name !== 'properties');
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

  test('the Bicep outputs give the package its bot ID and domain, under the names env/.env.dev declares', () => {
    expect(bicepOutputs).toEqual(expect.arrayContaining(['BOT_ID', 'TAB_DOMAIN', 'AZURE_APP_SERVICE_RESOURCE_ID']));
    expect(bicepOutputs.filter((name) => !(name in devEnv))).toEqual([]);
  });

  test('azure.parameters.json passes every required Bicep parameter, and only parameters Bicep declares', () => {
    const passed = Object.keys(JSON.parse(read('infra/azure.parameters.json')).parameters);
    expect(passed.filter((name) => !bicepParams.has(name))).toEqual([]);
    const required = [...bicepParams].filter(([, hasDefault]) => !hasDefault).map(([name]) => name);
    expect(required.filter((name) => !passed.includes(name))).toEqual([]);
  });

  test('the bot is single-tenant on a managed identity, with the Teams channel, at /api/messages', () => {
    expect(bicep).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(bicep).toMatch(/msaAppMSIResourceId: identity\.id/);
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bicep).toMatch(/endpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(bicep).toMatch(/linuxFxVersion: 'NODE\|\$\{nodeVersion\}'/);
    expect(bicep).toMatch(/^param nodeVersion string = '24-lts'$/m);
    expect(bicep).not.toMatch(/MultiTenant/);
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

  test('m365agents.yml provisions, deploys and publishes with the files of this repository', () => {
    const yml = read('m365agents.yml');
    for (const phase of ['provision:', 'deploy:', 'publish:']) expect(yml).toMatch(new RegExp(`^${phase}`, 'm'));
    const referenced = [...yml.matchAll(/(?:path|manifestPath|parameters|ignoreFile): (\.\/[^\s]+)/g)].map((m) => m[1]);
    expect(referenced.length).toBeGreaterThan(4);
    expect(referenced.filter((file) => !fs.existsSync(path.join(root, file)))).toEqual([]);
  });
});
