/**
 * Validation against the official Teams JSON schemas shipped in
 * @microsoft/app-manifest — offline, nothing is downloaded.
 *
 * The schemas declare JSON Schema draft-04, so they are compiled with
 * ajv-draft-04: the dialect and options Microsoft's own tooling uses
 * (`ManifestUtil.validateManifestAgainstSchema`). It is a dependency of
 * @microsoft/app-manifest and is resolved from there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

const appManifestDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AjvDraft04: new (options: object) => Ajv = require(require.resolve('ajv-draft-04', { paths: [appManifestDir] })).default;

export type SchemaKind = 'manifest' | 'localization';

const SCHEMA_FILE: Record<SchemaKind, string> = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
};

export function schemaPath(kind: SchemaKind, manifestVersion: string): string {
  if (!/^\d+\.\d+$/.test(manifestVersion)) throw new Error(`Unknown manifest version "${manifestVersion}"`);
  return path.join(appManifestDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, SCHEMA_FILE[kind]);
}

/** The `$schema` URL a manifest or localization file of that version declares. */
export function schemaUrl(kind: SchemaKind, manifestVersion: string): string {
  return `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/${SCHEMA_FILE[kind]}`;
}

const compiled = new Map<string, ValidateFunction>();

function validator(kind: SchemaKind, manifestVersion: string): ValidateFunction {
  const file = schemaPath(kind, manifestVersion);
  let validate = compiled.get(file);
  if (!validate) {
    if (!fs.existsSync(file)) {
      throw new Error(`No ${kind} schema for manifest version ${manifestVersion} in @microsoft/app-manifest (${file})`);
    }
    const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
    const ajv = new AjvDraft04({
      allErrors: true,
      strictTypes: false,
      // The localization schema's patterns are not valid under the `u` flag
      // (e.g. `\b]`); they were written for non-unicode regular expressions.
      unicodeRegExp: kind !== 'localization',
    });
    addFormats(ajv as never, ['uri', 'email', 'regex']);
    validate = ajv.compile(schema);
    compiled.set(file, validate);
  }
  return validate;
}

/** Schema errors as readable lines; empty when valid. */
export function validateAgainstSchema(kind: SchemaKind, document: unknown, manifestVersion: string): string[] {
  const validate = validator(kind, manifestVersion);
  if (validate(document)) return [];
  return (validate.errors ?? []).map(formatError);
}

function formatError(e: ErrorObject): string {
  const where = e.instancePath || '(root)';
  const params = Object.entries(e.params ?? {})
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join(', ');
  return `${where} ${e.message ?? 'is invalid'}${params ? ` (${params})` : ''}`;
}
