/**
 * Starts the real application on a free loopback port for HTTP tests.
 */
import pino from 'pino';
import { loadConfig } from '../../bot/config';
import { loadReference, Reference } from '../../bot/reference/loadReference';
import { createApp, App } from '../../bot/app';

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

export async function startTestServer(env: NodeJS.ProcessEnv = {}, extra: { tabDir?: string } = {}): Promise<RunningServer> {
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', ...env });
  const app = await createApp({ config, reference: testReference(), logger: pino({ level: 'silent' }), tabDir: extra.tabDir });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = app.server.address();
  return {
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    async stop() {
      await new Promise<void>((resolve) => app.server.close(() => resolve()));
      await app.close();
    },
  };
}
