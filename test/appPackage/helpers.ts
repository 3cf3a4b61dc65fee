import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assembleAppPackage, AppPackage } from '../../scripts/appPackage/build';
import { parseEnvFile } from '../../scripts/appPackage/environment';

export const projectDir = path.resolve(__dirname, '..', '..');
export const appPackageDir = path.join(projectDir, 'appPackage');

/** The committed local environment, as the packager reads it. */
export function localEnv(): Record<string, string> {
  return parseEnvFile(fs.readFileSync(path.join(projectDir, 'env', '.env.local'), 'utf8'));
}

let cached: AppPackage | undefined;
/** The package `npm run package` builds by default (environment `local`). */
export function localPackage(): AppPackage {
  cached ??= assembleAppPackage({ projectDir, envName: 'local' });
  return cached;
}

export function filledManifest(): Record<string, any> {
  return JSON.parse(localPackage().files.get('manifest.json')!.toString('utf8'));
}

export function filledLocalization(file = 'en.json'): Record<string, any> {
  return JSON.parse(localPackage().files.get(file)!.toString('utf8'));
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `medsec-${prefix}-`));
}

/** A deep copy with one change, for "a broken manifest is refused" cases. */
export function changed<T>(doc: T, change: (copy: any) => void): T {
  const copy = structuredClone(doc);
  change(copy);
  return copy;
}
