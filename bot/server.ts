/**
 * Builds the one restify server: the bot endpoint, the JSON API and the tab.
 * A factory (nothing listens here) so tests start it on port 0.
 */
import * as path from 'node:path';
import * as restify from 'restify';
import type { Logger } from 'pino';
import type { Reference } from './reference/loadReference';
import { codeForStatus, sendError } from './http/errors';
import { securityHeaders } from './http/securityHeaders';
import { registerReferenceRoutes } from './http/referenceRoutes';
import { createStaticHandler } from './http/staticFiles';

/** Largest request body accepted anywhere (a Teams activity is far smaller). */
export const MAX_BODY_BYTES = 512 * 1024;

export type RouteRegistrar = (server: restify.Server) => void;

export interface ServerOptions {
  reference: Reference;
  logger: Logger;
  /** Handles POST /api/messages (the Bot Framework edge). */
  messagesHandler?: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Further API routes (search, assessments …), registered before the tab. */
  routes?: RouteRegistrar[];
  tabDir?: string;
  version?: string;
}

export function defaultTabDir(): string {
  // bot/server.ts → ../tab/dist; dist/bot/server.js → ../../tab/dist
  const candidates = [path.resolve(__dirname, '..', 'tab', 'dist'), path.resolve(__dirname, '..', '..', 'tab', 'dist')];
  return candidates.find((c) => require('node:fs').existsSync(c)) ?? candidates[0];
}

export function createServer(options: ServerOptions): restify.Server {
  const { reference, logger } = options;
  const server = restify.createServer({ name: 'medsec-reference', handleUncaughtExceptions: false });

  server.pre(restify.plugins.pre.sanitizePath());
  server.use(securityHeaders);
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyParser({ maxBodySize: MAX_BODY_BYTES, mapParams: false, mapFiles: false, rejectUnknown: false }));

  server.on('after', (req: restify.Request, res: restify.Response) => {
    logger.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - req.time() }, 'request');
  });

  // Every error leaves as { error: { code, message } }; stack traces only in the log.
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number; body?: unknown; toJSON?: () => unknown }, cb: () => void) => {
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) logger.error({ err, url: req.url }, 'request failed');
    const message = status >= 500
      ? 'Something went wrong on our side. Please try again later.'
      : status === 404 ? 'Not found.' : cleanMessage(err.message, status);
    err.toJSON = () => ({ error: { code: codeForStatus(status), message } });
    return cb();
  });

  server.get('/api/health', (_req, res, next) => {
    res.json({ status: 'ok', items: reference.items.length, documents: reference.documents.length, version: options.version ?? 'dev' });
    return next();
  });

  registerReferenceRoutes(server, reference);
  for (const register of options.routes ?? []) register(server);

  if (options.messagesHandler) {
    const handler = options.messagesHandler;
    server.post('/api/messages', async (req: restify.Request, res: restify.Response) => {
      try {
        await handler(req, res);
      } catch (err) {
        logger.error({ err }, 'bot request failed');
        if (!res.headersSent) sendError(res, 500, 'internal_error', 'The bot could not process this activity.');
      }
    });
  }

  // Unknown API paths get JSON 404s, never the tab's HTML.
  server.get('/api/*', (req, res, next) => {
    sendError(res, 404, 'not_found', `No API route ${req.getPath()}.`);
    return next(false);
  });

  const serveTab = createStaticHandler(options.tabDir ?? defaultTabDir());
  server.get('/*', serveTab);
  server.head('/*', serveTab);
  return server;
}

function cleanMessage(message: string | undefined, status: number): string {
  if (status === 413) return `Request body too large (limit ${MAX_BODY_BYTES / 1024} KB).`;
  if (!message) return 'Bad request.';
  // restify's body-parser messages are safe to show but can be long.
  return message.split('\n')[0].slice(0, 200);
}
