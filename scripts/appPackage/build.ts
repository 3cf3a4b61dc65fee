/**
 * Builds the Teams app package (`appPackage/build/appPackage.<env>.zip`):
 * fills `${{VAR}}` placeholders from the environment files, validates the
 * result against the official schemas and the Teams rules, and writes the zip
 * only when everything passes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';
import { AppPackageError } from './errors';
import { fillPlaceholders, readEnvironment } from './environment';
import { checkColorIcon, checkOutlineIcon } from './icons';
import { checkBotIds, checkLocalizationKeys, checkUrlsOnValidDomains } from './rules';
import { schemaUrl, validateAgainstSchema } from './schema';

export interface BuildOptions {
  /** The repository root (holds appPackage/ and env/). */
  projectDir: string;
  /** Environment name: reads env/.env.<envName>. Default `local`. */
  envName?: string;
  /** Default `<projectDir>/env`. */
  envDir?: string;
  /** Default `<projectDir>/appPackage/build`. */
  outDir?: string;
}

export interface AppPackage {
  envName: string;
  manifest: Record<string, unknown>;
  /** File name in the zip → content. */
  files: Map<string, Buffer>;
}

export interface BuiltAppPackage extends AppPackage {
  zipPath: string;
  zipBytes: number;
}

interface ManifestShape {
  manifestVersion?: string;
  $schema?: string;
  icons?: { color?: string; outline?: string };
  localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: Array<{ languageTag: string; file: string }> };
}

/** Fills and validates the package in memory; throws AppPackageError listing every problem. */
export function assembleAppPackage(options: BuildOptions): AppPackage {
  const projectDir = path.resolve(options.projectDir);
  const envName = options.envName ?? 'local';
  const appDir = path.join(projectDir, 'appPackage');
  const env = readEnvironment(options.envDir ?? path.join(projectDir, 'env'), envName, projectDir);

  const template = readJson(path.join(appDir, 'manifest.json'), projectDir) as Record<string, unknown> & ManifestShape;
  const localizationFiles = [
    template.localizationInfo?.defaultLanguageFile,
    ...(template.localizationInfo?.additionalLanguages ?? []).map((l) => l.file),
  ].filter((f): f is string => typeof f === 'string');

  // Fill every JSON file first, so one run reports every missing variable.
  const missing = new Map<string, Set<string>>();
  const fill = <T>(doc: T, file: string): T => {
    const { filled, missing: names } = fillPlaceholders(doc, env.values);
    for (const name of names) (missing.get(name) ?? missing.set(name, new Set()).get(name)!).add(`appPackage/${file}`);
    return filled;
  };
  const manifest = fill(template, 'manifest.json');
  const localizations = new Map(
    localizationFiles.map((file) => [file, fill(readJson(path.join(appDir, file), projectDir) as Record<string, unknown>, file)]),
  );
  if (missing.size) {
    throw new AppPackageError(
      `Cannot build the "${envName}" app package: ${missing.size === 1 ? 'a variable is' : 'variables are'} not set. ` +
        `Set ${missing.size === 1 ? 'it' : 'them'} in ${env.files[0]} (or ${env.files[0]}.user for secrets).`,
      [...missing].map(([name, files]) => `${name} (used in ${[...files].join(', ')})`),
    );
  }

  const problems: string[] = [];
  const version = manifest.manifestVersion ?? '';
  if (manifest.$schema !== schemaUrl('manifest', version)) {
    problems.push(`manifest.json: $schema should be ${schemaUrl('manifest', version)} for manifestVersion ${version}`);
  }
  problems.push(...validateAgainstSchema('manifest', manifest, version).map((e) => `manifest.json: ${e}`));
  problems.push(...checkUrlsOnValidDomains(manifest).map((e) => `manifest.json: ${e}`));
  problems.push(...checkBotIds(manifest).map((e) => `manifest.json: ${e}`));
  for (const [file, localization] of localizations) {
    problems.push(...validateAgainstSchema('localization', localization, version).map((e) => `${file}: ${e}`));
    problems.push(...checkLocalizationKeys(manifest, localization, file));
  }

  const files = new Map<string, Buffer>();
  files.set('manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const [file, localization] of localizations) files.set(file, Buffer.from(`${JSON.stringify(localization, null, 2)}\n`));
  const icons: Array<[string | undefined, (name: string, png: Buffer) => string[]]> = [
    [manifest.icons?.color, checkColorIcon],
    [manifest.icons?.outline, checkOutlineIcon],
  ];
  for (const [file, check] of icons) {
    if (!file) continue; // the schema has already reported it
    const iconPath = path.join(appDir, file);
    if (!fs.existsSync(iconPath)) {
      problems.push(`appPackage/${file} does not exist`);
      continue;
    }
    const png = fs.readFileSync(iconPath);
    problems.push(...check(file, png));
    files.set(file, png);
  }
  for (const name of files.keys()) {
    if (name.includes('/') || name.includes('\\')) problems.push(`${name}: files must sit at the root of the package`);
  }

  if (problems.length) throw new AppPackageError(`The "${envName}" app package is not valid:`, problems);
  return { envName, manifest, files };
}

// A fixed timestamp makes the zip depend only on its contents.
const ZIP_DATE = new Date(Date.UTC(2020, 0, 1));

export async function zipAppPackage(pkg: AppPackage): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, content] of pkg.files) zip.file(name, content, { date: ZIP_DATE });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

/** Assembles, validates and writes `appPackage.<env>.zip` (and the filled manifest beside it, for reading). */
export async function buildAppPackage(options: BuildOptions): Promise<BuiltAppPackage> {
  const pkg = assembleAppPackage(options);
  const outDir = options.outDir ?? path.join(path.resolve(options.projectDir), 'appPackage', 'build');
  fs.mkdirSync(outDir, { recursive: true });
  const zip = await zipAppPackage(pkg);
  const zipPath = path.join(outDir, `appPackage.${pkg.envName}.zip`);
  fs.writeFileSync(zipPath, zip);
  fs.writeFileSync(path.join(outDir, `manifest.${pkg.envName}.json`), pkg.files.get('manifest.json')!);
  return { ...pkg, zipPath, zipBytes: zip.length };
}

function readJson(file: string, projectDir: string): unknown {
  const where = path.relative(projectDir, file);
  if (!fs.existsSync(file)) throw new AppPackageError(`${where} does not exist`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppPackageError(`${where} is not valid JSON: ${(err as Error).message}`);
  }
}
