/**
 * `npm run package` as an admin meets it: one zip with exactly the manifest,
 * its localization and the two icons at the root — or a clear refusal.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { buildAppPackage } from '../../scripts/appPackage/build';
import { AppPackageError } from '../../scripts/appPackage/errors';
import { parseEnvFile } from '../../scripts/appPackage/environment';
import { validateAgainstSchema } from '../../scripts/appPackage/schema';
import { appPackageDir, localEnv, projectDir, tempDir } from './helpers';

/** An env folder holding `.env.<name>` with the local values, changed. */
function envFolder(name: string, change: (values: Record<string, string>) => void, user?: Record<string, string>): string {
  const dir = tempDir('env');
  const values = localEnv();
  change(values);
  const text = (v: Record<string, string>) => Object.entries(v).map(([k, x]) => `${k}=${x}`).join('\n') + '\n';
  fs.writeFileSync(path.join(dir, `.env.${name}`), text(values));
  if (user) fs.writeFileSync(path.join(dir, `.env.${name}.user`), text(user));
  return dir;
}

async function rejection(promise: Promise<unknown>): Promise<AppPackageError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(AppPackageError);
    return err as AppPackageError;
  }
  throw new Error('expected the build to be refused');
}

describe('npm run package (environment local)', () => {
  let outDir: string;
  let built: Awaited<ReturnType<typeof buildAppPackage>>;
  let zip: JSZip;

  beforeAll(async () => {
    outDir = tempDir('package');
    built = await buildAppPackage({ projectDir, outDir });
    zip = await JSZip.loadAsync(fs.readFileSync(built.zipPath));
  });

  test('writes appPackage.local.zip', () => {
    expect(built.zipPath).toBe(path.join(outDir, 'appPackage.local.zip'));
    expect(fs.statSync(built.zipPath).size).toBe(built.zipBytes);
    expect(built.zipBytes).toBeLessThan(100 * 1024);
  });

  test('the zip holds exactly manifest.json, en.json, color.png and outline.png, at its root', () => {
    const names = Object.values(zip.files).map((f) => f.name);
    expect(names.sort()).toEqual(['color.png', 'en.json', 'manifest.json', 'outline.png']);
    expect(Object.values(zip.files).some((f) => f.dir)).toBe(false);
  });

  test('the manifest in the zip is filled and schema-valid, and the icons are the committed ones', async () => {
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.id).toBe(localEnv().TEAMS_APP_ID);
    expect(validateAgainstSchema('manifest', manifest, manifest.manifestVersion)).toEqual([]);
    const english = JSON.parse(await zip.file('en.json')!.async('string'));
    expect(validateAgainstSchema('localization', english, manifest.manifestVersion)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      const inZip = await zip.file(icon)!.async('nodebuffer');
      expect(inZip.equals(fs.readFileSync(path.join(appPackageDir, icon)))).toBe(true);
    }
  });

  test('the same sources give the same zip, byte for byte', async () => {
    const again = await buildAppPackage({ projectDir, outDir: tempDir('again') });
    expect(fs.readFileSync(again.zipPath).equals(fs.readFileSync(built.zipPath))).toBe(true);
  });

  test('the filled manifest is written beside the zip for reading', () => {
    const beside = JSON.parse(fs.readFileSync(path.join(outDir, 'manifest.local.json'), 'utf8'));
    expect(beside.bots[0].botId).toBe(localEnv().BOT_ID);
  });
});

describe('other environments', () => {
  test('a missing variable stops the build, naming the variable and the file to set it in', async () => {
    const envDir = envFolder('test', (v) => delete v.BOT_ID);
    const outDir = tempDir('out');
    const err = await rejection(buildAppPackage({ projectDir, envName: 'test', envDir, outDir }));
    expect(err.message).toContain('variable is not set');
    expect(err.problems).toEqual(['BOT_ID (used in appPackage/manifest.json)']);
    expect(err.message).toContain('.env.test');
    expect(fs.readdirSync(outDir)).toEqual([]);
  });

  test('an empty variable counts as missing, and every missing one is listed at once', async () => {
    const envDir = envFolder('test', (v) => {
      v.TAB_DOMAIN = '';
      delete v.AAD_APP_CLIENT_ID;
    });
    const err = await rejection(buildAppPackage({ projectDir, envName: 'test', envDir, outDir: tempDir('out') }));
    expect(err.problems).toEqual(['AAD_APP_CLIENT_ID (used in appPackage/manifest.json)', 'TAB_DOMAIN (used in appPackage/manifest.json)']);
  });

  test('values in .env.<name>.user override .env.<name>', async () => {
    const envDir = envFolder('test', () => undefined, { TAB_DOMAIN: 'medsec-test.azurewebsites.net' });
    const built = await buildAppPackage({ projectDir, envName: 'test', envDir, outDir: tempDir('out') });
    expect(built.manifest.validDomains).toEqual(['medsec-test.azurewebsites.net']);
    expect((built.manifest.staticTabs as any)[0].contentUrl).toBe('https://medsec-test.azurewebsites.net/#/?locale={locale}');
  });

  test('a value that breaks the schema is refused with the reason', async () => {
    const envDir = envFolder('test', (v) => (v.BOT_ID = 'not-a-guid'));
    const err = await rejection(buildAppPackage({ projectDir, envName: 'test', envDir, outDir: tempDir('out') }));
    expect(err.message).toContain('app package is not valid');
    expect(err.problems.join('\n')).toMatch(/manifest.json: \/bots\/0\/botId must match pattern/);
  });

  test('an unknown environment is refused, listing the known ones', async () => {
    const err = await rejection(buildAppPackage({ projectDir, envName: 'staging', outDir: tempDir('out') }));
    expect(err.message).toMatch(/No environment "staging": env\/.env.staging does not exist. Known environments: .*local/);
  });

  test('the committed dev environment is a template: it cannot be packaged before provisioning', async () => {
    const err = await rejection(buildAppPackage({ projectDir, envName: 'dev', outDir: tempDir('out') }));
    expect(err.problems).toEqual(expect.arrayContaining(['BOT_ID (used in appPackage/manifest.json)', 'TAB_DOMAIN (used in appPackage/manifest.json)']));
  });
});

describe('parseEnvFile', () => {
  test('reads KEY=value lines, skipping comments and blank lines, with optional quotes', () => {
    const text = ['# comment', '', 'A=1', 'B = two words ', 'C="quoted # not a comment"', "D='x'", 'E=value # trailing comment', 'export F=f', 'G='].join('\n');
    expect(parseEnvFile(text)).toEqual({ A: '1', B: 'two words', C: 'quoted # not a comment', D: 'x', E: 'value', F: 'f', G: '' });
  });

  test('names the file and line of a malformed line', () => {
    expect(() => parseEnvFile('A=1\nnot a setting\n', 'env/.env.test')).toThrow('env/.env.test:2: expected KEY=value, found "not a setting"');
  });
});
