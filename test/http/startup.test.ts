/**
 * The server as `npm start` runs it (bot/index.ts in its own process): it
 * comes up, answers, shuts down on SIGTERM, and prints no process warnings
 * (deprecation or experimental) on the way — a hospital's reviewer reads
 * those as "this app runs on code its runtime is retiring".
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
// "(node:123) [DEP0111] DeprecationWarning: …", "ExperimentalWarning: …"
const PROCESS_WARNING = /\(node:\d+\)|\b[A-Za-z]*Warning\b/;

/** Runs the server with `settings` until it exits; it must not start. */
function refusedStart(settings: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' };
  for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'BOT_MANAGED_IDENTITY_CLIENT_ID', 'AAD_APP_CLIENT_ID', 'DATABASE_URL', 'NODE_ENV', 'NODE_OPTIONS']) delete env[k];
  const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'helpers', 'tsRegister.js'), path.join(ROOT, 'bot', 'index.ts')], { cwd: ROOT, env: { ...env, ...settings }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => { stdout += d; });
  child.stderr.on('data', (d) => { stderr += d; });
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  return new Promise((resolve) => child.on('exit', (code) => { clearTimeout(timer); resolve({ code, stdout, stderr }); }));
}

describe('the server process', () => {
  it('starts, answers /api/health, stops on SIGTERM, and prints no warnings on this Node.js', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-startup-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ASSESSMENT_DB_PATH: path.join(tmp, 'a.sqlite') };
    for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'AAD_APP_CLIENT_ID', 'DATABASE_URL', 'NODE_ENV', 'NODE_OPTIONS']) delete env[k];
    const child = spawn(process.execPath, ['-r', path.join(ROOT, 'test', 'helpers', 'tsRegister.js'), path.join(ROOT, 'bot', 'index.ts')], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (d) => { stderr += d; });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          stdout += d;
          const m = /"port":(\d+)/.exec(stdout);
          if (m) resolve(Number(m[1]));
        });
        void exited.then((code) => reject(new Error(`exited with ${code}: ${stderr}`)));
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('shutting down');
      expect(stderr.split('\n').filter((l) => PROCESS_WARNING.test(l))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the bot registration at start-up', () => {
  const APP_ID = '6d656473-6563-4000-8000-000000000002';
  const TENANT = '6d656473-6563-4000-8000-0000000000aa';

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['no MicrosoftAppType with a MicrosoftAppId', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-real', MicrosoftAppTenantId: TENANT },
      /^Incomplete bot configuration: MicrosoftAppId is set, but MicrosoftAppType is not set/m],
    ['MicrosoftAppType=MultiTenant', { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'test-secret-not-real', MicrosoftAppType: 'MultiTenant' },
      /^Unsupported bot registration: MicrosoftAppType=MultiTenant can no longer be registered/m],
  ])('refuses to start with %s, saying which setting to change, without a stack trace', async (_what, settings, message) => {
    const { code, stdout, stderr } = await refusedStart(settings);
    expect(code).toBe(1);
    expect(stderr).toMatch(message);
    expect(stderr).toContain('MicrosoftAppType=SingleTenant');
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).not.toContain('listening');
  }, 60_000);
});
