/**
 * The manifest Teams admins upload: valid against the official schema shipped
 * in @microsoft/app-manifest, and carrying the contracts the bot, tab and
 * message extension rely on.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { validateAgainstSchema, schemaPath } from '../../scripts/appPackage/schema';
import { checkBotIds, checkLocalizationKeys, valueAtPath } from '../../scripts/appPackage/rules';
import { V5_GRAMMAR } from '../../contract/itemIds';
import { testEdition } from '../helpers/testServer';
import { changed, filledLocalization, filledManifest, localEnv, projectDir } from './helpers';

const VERSION = '1.24';

describe('the filled manifest (environment local)', () => {
  const manifest = filledManifest();
  const env = localEnv();

  test('validates against the official Teams manifest schema v1.24, read offline from @microsoft/app-manifest', () => {
    expect(fs.existsSync(schemaPath('manifest', VERSION))).toBe(true);
    expect(manifest.manifestVersion).toBe(VERSION);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${VERSION}/MicrosoftTeams.schema.json`);
    expect(validateAgainstSchema('manifest', manifest, VERSION)).toEqual([]);
  });

  test('has every placeholder filled from env/.env.local', () => {
    const text = JSON.stringify(manifest);
    expect(text).not.toContain('${{');
    expect(manifest.id).toBe(env.TEAMS_APP_ID);
    expect(manifest.bots[0].botId).toBe(env.BOT_ID);
    expect(manifest.webApplicationInfo).toEqual({ id: env.AAD_APP_CLIENT_ID, resource: `api://${env.TAB_DOMAIN}/${env.AAD_APP_CLIENT_ID}` });
  });

  test('carries the same version as package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectDir, 'package.json'), 'utf8'));
    expect(manifest.version).toBe(pkg.version);
  });

  test('is in Japanese by default, with an English localization file', () => {
    expect(manifest.localizationInfo.defaultLanguageTag).toBe('ja-jp');
    expect(manifest.localizationInfo.additionalLanguages).toEqual([{ languageTag: 'en', file: 'en.json' }]);
    expect(manifest.name.short).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(manifest.description.full).toMatch(/(です|ます|ません)。$/); // です・ます調
  });

  test('declares the bot in personal chat, channels and group chats, without files', () => {
    const [bot] = manifest.bots;
    expect(manifest.bots).toHaveLength(1);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    const titles = bot.commandLists.flatMap((l: any) => l.commands.map((c: any) => c.title));
    expect(titles).toEqual(expect.arrayContaining(['アクセスログはどう管理されていますか', 'help', '6.5 C-6']));
    const covered = bot.commandLists.flatMap((l: any) => l.scopes).sort();
    expect(covered).toEqual(['groupChat', 'personal', 'team']);
  });

  test('the example item ID in the command list is an item of the reference', () => {
    const reference = testEdition();
    const ids = manifest.bots[0].commandLists.flatMap((l: any) => l.commands.flatMap((c: any) => V5_GRAMMAR.find(c.title)));
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(reference.itemById.has(id)).toBe(true);
  });

  test('the personal tab is the checklist (entityId "checklist") and passes the Teams locale', () => {
    const tab = manifest.staticTabs.find((t: any) => t.entityId === 'checklist');
    expect(tab).toMatchObject({
      contentUrl: `https://${env.TAB_DOMAIN}/#/?locale={locale}`,
      websiteUrl: `https://${env.TAB_DOMAIN}/#/`,
      scopes: ['personal'],
    });
    // Keeps the bot's chat next to the tab in the personal app.
    expect(manifest.staticTabs).toContainEqual({ entityId: 'conversations', scopes: ['personal'] });
  });

  test('the channel tab is configured at /#/config and can be reconfigured', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs[0]).toMatchObject({
      configurationUrl: `https://${env.TAB_DOMAIN}/#/config`,
      canUpdateConfiguration: true,
    });
    expect([...manifest.configurableTabs[0].scopes].sort()).toEqual(['groupChat', 'team']);
  });

  test('the message extension searches with command searchItems / parameter query and unfurls the tab links', () => {
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(manifest.bots[0].botId);
    expect(checkBotIds(manifest)).toEqual([]);
    const command = extension.commands.find((c: any) => c.id === 'searchItems');
    expect(command).toMatchObject({ type: 'query', initialRun: true });
    expect(command.parameters.map((p: any) => p.name)).toEqual(['query']);
    expect(extension.messageHandlers).toEqual([{ type: 'link', value: { domains: [env.TAB_DOMAIN] } }]);
  });

  test('asks for no more than it needs', () => {
    expect(manifest.permissions).toEqual(['identity']);
    expect(manifest.devicePermissions ?? []).toEqual([]);
    expect(manifest.validDomains).toEqual([env.TAB_DOMAIN]);
  });
});

describe('the schema check refuses a broken manifest', () => {
  const manifest = filledManifest();
  const cases: Array<[string, (m: any) => void, string]> = [
    ['without the bot ID', (m) => delete m.bots[0].botId, '/bots/0'],
    ['with an app ID that is not a GUID', (m) => (m.id = 'medsec'), '/id'],
    ['with another manifest version', (m) => (m.manifestVersion = '1.23'), '/manifestVersion'],
    ['with a short name over 30 characters', (m) => (m.name.short = 'あ'.repeat(31)), '/name/short'],
    ['with an unknown bot scope', (m) => m.bots[0].scopes.push('meeting'), '/bots/0/scopes'],
    ['with a property Teams does not know', (m) => (m.staticTabs[0].color = 'blue'), '/staticTabs/0'],
    ['with a second configurable tab', (m) => m.configurableTabs.push(m.configurableTabs[0]), '/configurableTabs'],
    ['without the privacy URL', (m) => delete m.developer.privacyUrl, '/developer'],
  ];
  test.each(cases)('%s', (_name, change, where) => {
    const errors = validateAgainstSchema('manifest', changed(manifest, change), VERSION);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(where);
  });
});

describe('the English localization (en.json)', () => {
  const manifest = filledManifest();
  const english = filledLocalization('en.json');

  test('validates against the official localization schema v1.24', () => {
    expect(english.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${VERSION}/MicrosoftTeams.Localization.schema.json`);
    expect(validateAgainstSchema('localization', english, VERSION)).toEqual([]);
  });

  test('translates every string a user sees, and nothing that is not in the manifest', () => {
    const expected = [
      'name.short',
      'name.full',
      'description.short',
      'description.full',
      ...manifest.staticTabs.flatMap((t: any, i: number) => (t.name ? [`staticTabs[${i}].name`] : [])),
      ...manifest.bots[0].commandLists.flatMap((l: any, i: number) =>
        l.commands.flatMap((_c: any, j: number) => [`bots[0].commandLists[${i}].commands[${j}].title`, `bots[0].commandLists[${i}].commands[${j}].description`]),
      ),
      ...manifest.composeExtensions[0].commands.flatMap((c: any, i: number) => [
        `composeExtensions[0].commands[${i}].title`,
        `composeExtensions[0].commands[${i}].description`,
        ...c.parameters.flatMap((_p: any, k: number) => [
          `composeExtensions[0].commands[${i}].parameters[${k}].title`,
          `composeExtensions[0].commands[${i}].parameters[${k}].description`,
        ]),
      ]),
    ];
    const keys = Object.keys(english).filter((k) => k !== '$schema');
    expect(keys.sort()).toEqual(expected.sort());
    expect(checkLocalizationKeys(manifest, english, 'en.json')).toEqual([]);
    for (const key of keys) {
      expect(typeof valueAtPath(manifest, key)).toBe('string');
      expect(english[key]).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });

  test('keeps the example item ID untranslated, so it works in either language', () => {
    expect(english['bots[0].commandLists[0].commands[2].title']).toBe(manifest.bots[0].commandLists[0].commands[2].title);
  });

  test.each<[string, (l: any) => void, string]>([
    ['an empty short name', (l) => (l['name.short'] = ''), '/name.short'],
    ['a short description over 80 characters', (l) => (l['description.short'] = 'x'.repeat(81)), '/description.short'],
    ['a key the schema does not know', (l) => (l['configurableTabs[0].name'] = 'Checklist'), 'configurableTabs[0].name'],
  ])('the localization schema refuses %s', (_name, change, where) => {
    const errors = validateAgainstSchema('localization', changed(english, change), VERSION);
    expect(errors.join('\n')).toContain(where);
  });

  test('a key that translates nothing in the manifest is reported', () => {
    const extra = changed(english, (l) => (l['staticTabs[5].name'] = 'Nothing'));
    expect(checkLocalizationKeys(manifest, extra, 'en.json')).toEqual(['en.json: "staticTabs[5].name" translates nothing in the manifest']);
  });
});
