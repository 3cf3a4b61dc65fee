/**
 * Starts the real application on a free loopback port for HTTP tests.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { loadReference, Reference } from '../../bot/reference/loadReference';
import { createApp, App, AppDeps } from '../../bot/app';

let cachedReference: Reference | undefined;
export function testReference(): Reference {
  // MEDSEC_DATA_DIR lets a test run point at another copy of the dataset.
  cachedReference ??= loadReference(process.env.MEDSEC_DATA_DIR || undefined);
  return cachedReference;
}

export interface RunningServer {
  app: App;
  baseUrl: string;
  stop(): Promise<void>;
}

export async function startTestServer(
  env: NodeJS.ProcessEnv = {},
  extra: { tabDir?: string; host?: string } & Omit<Partial<AppDeps>, 'config' | 'reference' | 'logger' | 'tabDir'> = {},
): Promise<RunningServer> {
  // Each server gets its own assessment database unless the test names one.
  const tmp = env.ASSESSMENT_DB_PATH ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-test-'));
  const removeTmp = () => { if (tmp) fs.rmSync(tmp, { recursive: true, force: true }); };
  const { tabDir, host = '127.0.0.1', ...deps } = extra;
  let app: App;
  try {
    const config = loadConfig({
      PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent',
      ...(tmp ? { ASSESSMENT_DB_PATH: path.join(tmp, 'assessments.sqlite') } : {}),
      ...env,
    });
    app = await createApp({ ...deps, config, reference: testReference(), logger: pino({ level: 'silent' }), tabDir });
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
