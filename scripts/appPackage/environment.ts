/**
 * The values a Teams app package is built with: `env/.env.<name>`, then
 * `env/.env.<name>.user` (git-ignored, for secrets) on top — the same files and
 * order the Microsoft 365 Agents Toolkit uses, so both tools build the same package.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AppPackageError } from './errors';

export interface Environment {
  name: string;
  values: Record<string, string>;
  /** The files read, relative to the project, for messages. */
  files: string[];
}

const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export function readEnvironment(envDir: string, name: string, projectDir = process.cwd()): Environment {
  if (!ENV_NAME.test(name)) throw new AppPackageError(`Invalid environment name "${name}": use letters, digits, "-" and "_".`);
  const main = path.join(envDir, `.env.${name}`);
  if (!fs.existsSync(main)) {
    const known = fs.existsSync(envDir)
      ? fs.readdirSync(envDir).filter((f) => /^\.env\.[^.]+$/.test(f)).map((f) => f.slice(5))
      : [];
    throw new AppPackageError(
      `No environment "${name}": ${path.relative(projectDir, main)} does not exist.` +
        (known.length ? ` Known environments: ${known.join(', ')}.` : ''),
    );
  }
  const files = [main, `${main}.user`].filter((f) => fs.existsSync(f));
  const values: Record<string, string> = {};
  for (const file of files) Object.assign(values, parseEnvFile(fs.readFileSync(file, 'utf8'), file));
  return { name, values, files: files.map((f) => path.relative(projectDir, f)) };
}

/** dotenv syntax: KEY=value, # comments, optional single or double quotes. */
export function parseEnvFile(text: string, fileName = '.env'): Record<string, string> {
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) throw new AppPackageError(`${fileName}:${index + 1}: expected KEY=value, found "${line}".`);
    let value = match[2];
    const quoted = /^(["'])(.*)\1$/.exec(value);
    if (quoted) value = quoted[2];
    else value = value.replace(/\s+#.*$/, '').trim();
    values[match[1]] = value;
  });
  return values;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/**
 * Replaces `${{VAR}}` in every string of a parsed JSON document. Works on the
 * parsed tree, so a value can never break the JSON. Unset or empty variables
 * are reported, not filled with "".
 */
export function fillPlaceholders<T>(document: T, values: Record<string, string>): { filled: T; missing: string[] } {
  const missing = new Set<string>();
  const visit = (node: unknown): unknown => {
    if (typeof node === 'string') {
      return node.replace(PLACEHOLDER, (whole, name: string) => {
        const value = values[name];
        if (value === undefined || value === '') {
          missing.add(name);
          return whole;
        }
        return value;
      });
    }
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]));
    }
    return node;
  };
  return { filled: visit(document) as T, missing: [...missing].sort() };
}
