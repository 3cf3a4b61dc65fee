/**
 * One error shape for every JSON endpoint: `{ "error": { "code", "message", "details"? } }`,
 * and one path that produces it: routes throw AppError (bot/errors.ts) and
 * asyncRoute() answers. Messages are written for the caller; stack traces
 * stay in the log.
 */
import type { Request, Response, Next } from 'restify';
import type { Logger } from 'pino';
import { AppError } from '../errors';

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  res.status(status);
  res.json(body);
}

function sendAppError(res: Response, err: AppError): void {
  if (err.status === 401) res.setHeader('WWW-Authenticate', `Bearer error="invalid_token", error_description="${err.code}"`);
  sendError(res, err.status, err.code, err.message, err.details);
}

/**
 * A route handler as restify wants it (restify refuses async handlers that
 * take `next`): AppErrors become their JSON answer, anything else a logged 500.
 */
export function asyncRoute(logger: Logger, handler: (req: Request, res: Response) => Promise<void> | void, before?: (res: Response) => void) {
  return (req: Request, res: Response, next: Next): void => {
    before?.(res);
    Promise.resolve().then(() => handler(req, res)).then(() => next(), (err: unknown) => {
      if (err instanceof AppError) {
        sendAppError(res, err);
      } else {
        logger.error({ err, url: req.url }, 'request failed');
        if (!res.headersSent) sendError(res, 500, 'internal_error', 'Something went wrong on our side. Please try again later.');
      }
      next(false);
    });
  };
}

/** Map restify's own errors (404, 405, body too large, bad JSON…) to our shape. */
export function codeForStatus(status: number): string {
  switch (status) {
    case 400: return 'bad_request';
    case 401: return 'unauthorized';
    case 403: return 'forbidden';
    case 404: return 'not_found';
    case 405: return 'method_not_allowed';
    case 409: return 'conflict';
    case 413: return 'payload_too_large';
    case 415: return 'unsupported_media_type';
    case 429: return 'too_many_requests';
    default: return status >= 500 ? 'internal_error' : 'error';
  }
}
