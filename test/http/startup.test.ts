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
