/**
 * Starts the real application on a free loopback port for HTTP tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino, { type Logger } from 'pino';
import { loadConfig } from '../../bot/config';
import { loadLibrary } from '../../bot/reference/loadLibrary';
import type { Library } from '../../bot/reference/library';
import type { Edition } from '../../bot/reference/edition';
import { EditionServices } from '../../bot/conversation/editionServices';
import { createApp, App, AppDeps } from '../../bot/app';

let cached: { library: Library; services: EditionServices } | undefined;

/** The real dataset (DATA_DIR may point a test run at another copy), loaded once per test file. */
export function testLibrary(): Library {
  cached ??= (() => {
    const library = loadLibrary(process.env.DATA_DIR || undefined);
    return { library, services: new EditionServices(library) };
  })();
  return cached.library;
}

/** The default edition of testLibrary(): the one every test of a single edition uses. */
export function testEdition(): Edition {
  return testLibrary().defaultEdition;
}

/** Search indexes and card caches of testLibrary(), built once per test file and shared by its servers. */
export function testServices(): EditionServices {
  testLibrary();
  return cached!.services;
}

export interface RunningServer {
  app: App;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  env: NodeJS.ProcessEnv = {},
  extra: { tabDir?: string; host?: string; logger?: Logger } & Omit<Partial<AppDeps>, 'config' | 'logger' | 'tabDir'> = {},
): Promise<RunningServer> {
  // Each server gets its own assessment database unless the test names one.
  const tmp = env.ASSESSMENT_DB_PATH ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-test-'));
  const removeTmp = () => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); };
  const { tabDir, host = '127.0.0.1', logger = pino({ level: 'silent' }), ...deps } = extra;
  let app: App;
  try {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      ...(tmp ? { ASSESSMENT_DB_PATH: path.join(tmp, 'assessments.sqlite') } : {}),
      ...env,
    });
    const library = deps.library ?? testLibrary();
    app = await createApp({ services: library === testLibrary() ? testServices() : undefined, ...deps, config, library, logger, tabDir });
  } catch (err) {
    removeTmp();
    throw err;
  }
  await new Promise<void>((resolve) => app.server.listen(0, host, () => resolve()));
  const { port } = app.server.address();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
      removeTmp();
    },
  };
}
