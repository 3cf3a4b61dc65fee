/**
 * A bot server in its own process for the throughput benchmark, so the load
 * generator does not share an event loop with the server it measures.
 * argv[2]: "medsec" (the real app) or "echo" (a bare botbuilder echo bot).
 * Prints the port on stdout once listening.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as restify from 'restify';
import pino from 'pino';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { loadConfig } from '../bot/config';
import { loadLibrary } from '../bot/reference/loadLibrary';
import { createApp } from '../bot/app';

async function main(): Promise<void> {
  let server: restify.Server;
  if (process.argv[2] === 'echo') {
    const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
    server = restify.createServer();
    server.use(restify.plugins.bodyParser());
    server.post('/api/messages', async (req, res) => {
      await adapter.process(req, res, async (context) => {
        if (context.activity.type === 'message') await context.sendActivity(`Echo: ${context.activity.text}`);
      });
    });
  } else {
    const library = loadLibrary(process.env.DATA_DIR || undefined);
    // Its own throw-away database unless told otherwise: the bench never writes the working tree's ./.data.
    let db = process.env.ASSESSMENT_DB_PATH;
    if (!db) {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'medsec-bench-'));
      db = path.join(dir, 'assessments.sqlite');
      for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => { fs.rmSync(dir, { recursive: true, force: true }); process.exit(0); });
    }
    ({ server } = await createApp({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ASSESSMENT_DB_PATH: db }), library, logger: pino({ level: 'silent' }) }));
  }
  server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
}

void main();
