// Smoke run of an installed checkout, the way a new user starts it:
// `npm start` (which builds first when needed), then /api/health, one bot
// question over the Bot Framework protocol, and the tab loaded in headless
// Chromium until its checklist has rendered. Fails when anything is off, or
// when the server prints a warning (deprecation, experimental, …) on its way up.
//
//   node scripts/smoke.mjs            # in the checkout to test, after npm ci
//   scripts/with-node 26 node scripts/smoke.mjs
//
// .ci/run uses it for the Node lines that do not run the whole suite.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const START_TIMEOUT_MS = 300_000; // the first start builds the server and the tab
// What Node prints for process warnings: "(node:123) [DEP0111] DeprecationWarning: …",
// "ExperimentalWarning: …", "Warning: …".
const WARNING = /\(node:\d+\)|\b[A-Za-z]*Warning\b/;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'medsec-smoke-'));
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', ASSESSMENT_DB_PATH: join(dataDir, 'a.sqlite') };
  for (const k of ['MicrosoftAppId', 'MicrosoftAppPassword', 'AAD_APP_CLIENT_ID', 'DATABASE_URL', 'NODE_ENV']) delete env[k];

  const server = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  server.stdout.on('data', (d) => { stdout += d; });
  server.stderr.on('data', (d) => { stderr += d; });
  let exited = null;
  server.on('exit', (code, signal) => { exited = { code, signal }; });
  const stop = () => { try { process.kill(-server.pid, 'SIGTERM'); } catch { /* gone already */ } };

  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push({ name, ok });
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  };

  try {
    // 1. starts and answers /api/health
    const deadline = Date.now() + START_TIMEOUT_MS;
    let health = null;
    while (Date.now() < deadline && !exited) {
      try {
        const res = await fetch(`${base}/api/health`);
        if (res.ok) { health = await res.json(); break; }
      } catch { /* not listening yet */ }
      await sleep(500);
    }
    check('npm start serves /api/health', health?.status === 'ok', health ? `${health.items} items, ${health.documents} documents` : exited ? `exited ${JSON.stringify(exited)}` : 'timed out');
    if (!health) throw new Error('server did not start');

    // 2. one bot question, reply in the HTTP response (expectReplies; local mode)
    const activity = {
      type: 'message', id: 'smoke-1', channelId: 'msteams', serviceUrl: 'http://127.0.0.1:9', deliveryMode: 'expectReplies',
      locale: 'ja-JP', from: { id: 'user' }, recipient: { id: 'bot' }, conversation: { id: 'smoke' },
      text: 'アクセスログはどう管理されていますか',
    };
    const bot = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const reply = bot.ok ? await bot.json() : null;
    const card = reply?.activities?.[0]?.attachments?.[0];
    check('the bot answers a question with an Adaptive Card', bot.status === 200 && card?.contentType === 'application/vnd.microsoft.card.adaptive',
      `HTTP ${bot.status}, ${JSON.stringify(card?.content ?? '').length} characters of card`);

    // 3. the tab renders its checklist in a real browser
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ locale: 'ja-JP' });
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${base}/`);
      await page.waitForSelector('[data-testid="checklist"][aria-busy="false"] > [data-rendered="all"]', { state: 'attached', timeout: 30_000 });
      const rows = await page.$$eval('[data-testid="checklist"] li[data-item-id]', (r) => r.length);
      check('the tab loads and lists the checklist', rows === health.items && errors.length === 0, `${rows} rows${errors.length ? `, errors: ${errors.join('; ')}` : ''}`);
    } finally {
      await browser.close();
    }

    // 4. nothing warned on the way up
    const warnings = stderr.split('\n').filter((l) => WARNING.test(l));
    check('start-up printed no warnings', warnings.length === 0, warnings.slice(0, 5).join(' | '));
  } catch (err) {
    check('smoke run', false, err instanceof Error ? err.message : String(err));
  } finally {
    stop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  const failed = checks.filter((c) => !c.ok);
  console.log(`smoke on Node ${process.version}: ${checks.length - failed.length} passed, ${failed.length} failed`);
  if (failed.length) {
    console.log('--- server stderr ---\n' + stderr.slice(-4000));
    console.log('--- server stdout (end) ---\n' + stdout.slice(-2000));
    process.exit(1);
  }
}

main().catch((err) => { console.error(err); process.exit(1); });
