/**
 * Which Node.js the app runs on: the supported LTS lines, stated once in
 * bot/runtime.ts and matching package.json's engines and the CI script.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SUPPORTED_NODE_LINES, unsupportedNodeMessage } from '../bot/runtime';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

describe('supported Node.js lines', () => {
  it('runs on each supported line and refuses Node 20 with what to install', () => {
    for (const v of ['22.12.0', '24.22.3', '26.12.1']) expect(unsupportedNodeMessage(v)).toBeUndefined();
    const message = unsupportedNodeMessage('20.20.2');
    expect(message).toContain('Node.js 20.20.2');
    expect(message).toContain('22, 24, 26');
    expect(message).toContain('scripts/with-node 24');
    expect(unsupportedNodeMessage('18.20.8')).toBeDefined();
  });

  it('says the same in package.json engines, in scripts/with-node and in .ci/run', () => {
    expect(pkg.engines.node).toBe('^22.12.0 || ^24.0.0 || ^26.0.0');
    expect(pkg.engines.node.match(/\^(\d+)\./g).map((m: string) => Number(m.slice(1, -1)))).toEqual([...SUPPORTED_NODE_LINES]);
    const withNode = fs.readFileSync(path.join(ROOT, 'scripts', 'with-node'), 'utf8');
    for (const m of SUPPORTED_NODE_LINES) expect(withNode).toMatch(new RegExp(`\\[${m}\\]=${m}\\.\\d+\\.\\d+`));
    const ci = fs.readFileSync(path.join(ROOT, '.ci', 'run'), 'utf8');
    const lines = [...ci.matchAll(/^(FULL_SUITE_NODE|SMOKE_NODES)="([^"]+)"/gm)].flatMap((m) => m[2].split(' ').map(Number));
    expect(lines.sort()).toEqual([...SUPPORTED_NODE_LINES]);
  });

  it('declares which dependencies may run install scripts (npm 11 allowScripts)', () => {
    // better-sqlite3 ships prebuilt binaries and needs its script only where none fits;
    // restify's optional DTrace probes and Jest's watch-mode watcher are not used.
    expect(pkg.allowScripts).toEqual({ 'better-sqlite3': true, 'dtrace-provider': false, '@parcel/watcher': false });
  });
});
