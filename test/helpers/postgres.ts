/**
 * A real, throw-away PostgreSQL server for tests and benchmarks: initdb in a
 * temporary directory, pg_ctl start on a free loopback port, stopped and
 * deleted afterwards. Uses Debian's `postgresql` package (.ci/run installs
 * it). Servers refuse to run as root, so as root we run them as `postgres`.
 */
import { execFileSync, spawn, SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';

export interface TestPostgres {
  /** Connection string of the `postgres` maintenance database. */
  adminUrl: string;
  port: number;
  /** Creates a fresh database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

function findBinDir(): string {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv && fs.existsSync(path.join(fromEnv, 'initdb'))) return fromEnv;
  const root = '/usr/lib/postgresql';
  if (fs.existsSync(root)) {
    const versions = fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const dir = path.join(root, v, 'bin');
      if (fs.existsSync(path.join(dir, 'initdb'))) return dir;
    }
  }
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir && fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('PostgreSQL is not installed (no initdb found). Install Debian\'s postgresql package: apt-get install postgresql (.ci/run does this).');
}

/** As root, run the server binaries as the `postgres` OS user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    return { uid, gid };
  } catch {
    throw new Error('Running as root but there is no `postgres` OS user to run the test server as.');
  }
}

function run(cmd: string, args: string[], opts: SpawnOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout?.on('data', (d) => { out += d; });
    child.stderr?.on('data', (d) => { out += d; });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}:\n${out}`))));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

let dbCounter = 0;

export async function startPostgres(options: { fsync?: boolean } = {}): Promise<TestPostgres> {
  const bin = findBinDir();
  const owner = runAs();
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-pg-'));
  const dataDir = path.join(base, 'data');
  if (owner) fs.chownSync(base, owner.uid, owner.gid);
  const spawnOpts: SpawnOptions = {
    cwd: base,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    ...(owner ?? {}),
  };
  const cleanup = () => fs.rmSync(base, { recursive: true, force: true });
  try {
    await run(path.join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'], spawnOpts);
  } catch (err) {
    cleanup();
    throw err;
  }
  let port = 0;
  for (let attempt = 0; ; attempt += 1) {
    port = await freePort();
    const serverOpts = [
      `-p ${port}`, '-c listen_addresses=127.0.0.1', `-k ${base}`, '-c max_connections=60',
      ...(options.fsync === false ? ['-c fsync=off', '-c synchronous_commit=off'] : []),
    ].join(' ');
    try {
      await run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-l', path.join(base, 'server.log'), '-o', serverOpts, '-w', '-t', '60', 'start'], spawnOpts);
      break;
    } catch (err) {
      // Another process may have taken the port between freePort() and start.
      if (attempt >= 2) {
        const log = fs.existsSync(path.join(base, 'server.log')) ? fs.readFileSync(path.join(base, 'server.log'), 'utf8') : '';
        cleanup();
        throw new Error(`${(err as Error).message}\n${log}`);
      }
    }
  }
  const adminUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    adminUrl,
    port,
    async createDatabase(name = `medsec_test_${process.pid}_${++dbCounter}`) {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `postgresql://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        await run(path.join(bin, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', 'stop'], spawnOpts);
      } finally {
        cleanup();
      }
    },
  };
}
