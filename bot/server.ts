/**
 * Builds the one restify server: the bot endpoint, the JSON API and the tab.
 * A factory (nothing listens here) so tests start it on port 0.
 */
import * as path from 'node:path';
import * as restify from 'restify';
import type { Logger } from 'pino';
import type { Library } from './reference/library';
import { codeForStatus, sendError } from './http/errors';
import { securityHeaders } from './http/securityHeaders';
import { registerReferenceRoutes } from './http/referenceRoutes';
import { createStaticHandler } from './http/staticFiles';

/** Largest request body accepted anywhere (a Teams activity is far smaller). */
export const MAX_BODY_BYTES = 512 * 1024;
/** Longest URL path parameter the router matches. */
export const MAX_PARAM_LENGTH = 1024;

export type RouteRegistrar = (server: restify.Server) => void;

/** A larger body limit for the paths that need one (an assessment import). */
export interface BodyLimit {
  path: RegExp;
  maxBytes: number;
}

export interface ServerOptions {
  library: Library;
  logger: Logger;
  /** Handles POST /api/messages (the Bot Framework edge). */
  messagesHandler?: (req: restify.Request, res: restify.Response) => Promise<void>;
  /** Further API routes (search, assessments …), registered before the tab. */
  routes?: RouteRegistrar[];
  tabDir?: string;
  version?: string;
  bodyLimits?: BodyLimit[];
}

export function defaultTabDir(): string {
  // bot/server.ts → ../tab/dist; dist/bot/server.js → ../../tab/dist
  const candidates = [path.resolve(__dirname, '..', 'tab', 'dist'), path.resolve(__dirname, '..', '..', 'tab', 'dist')];
  return candidates.find((c) => require('node:fs').existsSync(c)) ?? candidates[0];
}

export function createServer(options: ServerOptions): restify.Server {
  const { library, logger } = options;
  const server = restify.createServer({
    name: 'medsec-reference',
    handleUncaughtExceptions: false,
    // find-my-way's default (100) is shorter than a real channel scope:
    // channel:19:<32 hex>@thread.tacv2:19:<32 hex>@thread.tacv2, URL-encoded.
    maxParamLength: MAX_PARAM_LENGTH,
  } as restify.ServerOptions);

  server.pre(restify.plugins.pre.sanitizePath());
  server.use(securityHeaders);
  // The item list is ~0.5 MB of JSON: compress API answers for hospital networks.
  // (The tab's static files set their own Content-Length and are left alone.)
  const gzip = restify.plugins.gzipResponse();
  server.use((req, res, next) => (req.getPath().startsWith('/api/') && req.getPath() !== '/api/messages' ? gzip(req, res, next) : next()));
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(bodyParserByPath(options.bodyLimits ?? []));

  server.on('after', (req: restify.Request, res: restify.Response) => {
    // Checked first: the entry is not even built unless debug logging is on (this runs for every request).
    if (logger.isLevelEnabled('debug')) logger.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - req.time() }, 'request');
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
    res.json({
      status: 'ok',
      items: library.defaultEdition.items.length,
      documents: library.documents.length,
      editions: library.editions.map((e) => e.id),
      version: options.version ?? 'dev',
    });
    return next();
  });

  registerReferenceRoutes(server, library, logger);
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

type Handler = (req: restify.Request, res: restify.Response, next: (err?: unknown) => void) => void;

/** restify's body parser with MAX_BODY_BYTES, or a larger limit where a BodyLimit's path matches. */
function bodyParserByPath(limits: BodyLimit[]): Handler {
  const make = (maxBodySize: number) => restify.plugins.bodyParser({ maxBodySize, mapParams: false, mapFiles: false, rejectUnknown: false }) as unknown as Handler[];
  const standard = make(MAX_BODY_BYTES);
  const special = limits.map((l) => ({ path: l.path, chain: make(l.maxBytes) }));
  return (req, res, next) => {
    const path = req.getPath();
    const chain = special.find((s) => s.path.test(path))?.chain ?? standard;
    const step = (i: number) => (err?: unknown) => {
      if (err !== undefined && err !== null) return next(err);
      if (i >= chain.length) return next();
      return chain[i](req, res, step(i + 1));
    };
    step(0)();
  };
}

function cleanMessage(message: string | undefined, status: number): string {
  if (status === 413) {
    const limit = Number(/exceeds (\d+)/.exec(message ?? '')?.[1] ?? MAX_BODY_BYTES);
    return `Request body too large (limit ${Math.round(limit / 1024)} KB).`;
  }
  if (!message) return 'Bad request.';
  // restify's body-parser messages are safe to show but can be long.
  return message.split('\n')[0].slice(0, 200);
}
