/**
 * Headless Chromium (Debian's package, driven by playwright-core) against the
 * real server with the built tab. The tab is rebuilt once when its sources
 * are newer than tab/dist.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { startTestServer, type RunningServer } from './testServer';

export const ROOT = path.resolve(__dirname, '..', '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
/** Long enough for a cold tab build on a slow CI machine. */
export const BUILD_TIMEOUT_MS = 240_000;

function newestMtime(target: string): number {
  if (!fs.existsSync(target)) return 0;
  const st = fs.statSync(target);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of fs.readdirSync(target)) {
    if (entry === 'dist' || entry === 'node_modules') continue;
    max = Math.max(max, newestMtime(path.join(target, entry)));
  }
  return max;
}

/** The tab bundles tab/ and the shared contract/ (see scripts/build-if-needed.mjs). */
export function tabIsStale(): boolean {
  const built = path.join(ROOT, 'tab', 'dist', 'index.html');
  if (!fs.existsSync(built)) return true;
  const sources = Math.max(newestMtime(path.join(ROOT, 'tab')), newestMtime(path.join(ROOT, 'contract')));
  return fs.statSync(built).mtimeMs < sources;
}

export function ensureTabBuilt(): void {
  if (!tabIsStale()) return;
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'tab/vite.config.ts', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    // Jest sets NODE_ENV=test, which would give Vite (and so React) a development build.
    env: { ...process.env, NODE_ENV: 'production', VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`No Chromium at ${CHROMIUM_PATH}. Install Debian's package: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface OpenedTab {
  page: Page;
  /** Uncaught errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export async function openTab(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<OpenedTab> {
  const context = await browser.newContext({ locale: 'ja-JP', viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  await page.goto(url);
  await waitForChecklist(page);
  let closing: Promise<void> | undefined;
  return { page, errors, close: () => (closing ??= context.close()) };
}

/** The list has rendered and no search request is outstanding. */
export async function waitForChecklist(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="checklist"][aria-busy="false"] > [data-rendered="all"], [data-testid="config-page"], [data-testid="inspection"]', { state: 'attached', timeout: 15_000 });
}

export async function visibleItemIds(page: Page): Promise<string[]> {
  await waitForChecklist(page);
  // Filtered-out rows stay in the DOM, hidden.
  return page.$$eval('[data-testid="checklist"] li[data-item-id]:not([hidden])', (rows) => rows.map((r) => r.getAttribute('data-item-id')!));
}

export async function currentHash(page: Page): Promise<string> {
  return decodeURIComponent(await page.evaluate(() => window.location.hash));
}

/** The page writes the address shortly after the list updates; wait for it. */
export async function expectHash(page: Page, expected: string): Promise<void> {
  try {
    await page.waitForFunction((h) => decodeURIComponent(window.location.hash) === h, expected, { timeout: 3000 });
  } catch {
    throw new Error(`expected the address to end in ${expected}, it is ${await currentHash(page)}`);
  }
}

/**
 * Tabs a test opens at a hash of the test server's address, each in its own
 * browser context; whatever a test opened is closed after it. `last` is the
 * tab opened most recently.
 */
export function useTabPages(env: { readonly srv: RunningServer; readonly browser: Browser }): {
  open(hash?: string, options?: BrowserContextOptions): Promise<OpenedTab>;
  readonly last: OpenedTab | undefined;
} {
  let opened: OpenedTab[] = [];
  afterEach(async () => {
    const tabs = opened;
    opened = [];
    await Promise.all(tabs.map((t) => t.close()));
  });
  return {
    async open(hash = '#/', options = {}) {
      const tab = await openTab(env.browser, `${env.srv.baseUrl}/${hash}`, options);
      opened.push(tab);
      return tab;
    },
    get last() {
      return opened[opened.length - 1];
    },
  };
}

/**
 * The real server and one headless Chromium for a browser test file:
 * started before its tests (building the tab if stale), stopped after them.
 */
export function useTabTestEnvironment(env: NodeJS.ProcessEnv = {}): { readonly srv: RunningServer; readonly browser: Browser } {
  const state = {} as { srv: RunningServer; browser: Browser };
  beforeAll(async () => {
    ensureTabBuilt();
    state.srv = await startTestServer(env);
    state.browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await state.browser?.close();
    await state.srv?.stop();
  });
  return state;
}
