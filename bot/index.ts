/**
 * Composition root: configuration, the reference model, the bot edge and the
 * server. Nothing else should need to know how these are wired.
 */
import './requireSupportedNode';
import pino from 'pino';
import { loadConfig, ConfigError } from './config';
import { loadLibrary, ReferenceDataError } from './reference/loadLibrary';
import { createApp } from './app';

async function main(): Promise<void> {
  const logger = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: 'medsec-reference' } });
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    const config = loadConfig();
    logger.level = config.logLevel;
    const library = loadLibrary(config.dataDir);
    app = await createApp({ config, library, logger });
  } catch (err) {
    if (err instanceof ConfigError || err instanceof ReferenceDataError) {
      logger.fatal(err.message);
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const { server, config } = app;
  server.listen(config.port, config.host, () => {
    const addr = server.address();
    logger.info({ port: addr.port, localMode: config.bot.localMode }, `medsec-reference listening on http://localhost:${addr.port}/`);
  });

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down');
    server.close(() => {
      void app.close().finally(() => process.exit(0));
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
}

void main();
