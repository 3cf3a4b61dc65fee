/**
 * One error shape for every JSON endpoint: `{ "error": { "code", "message" } }`.
 * Messages are written for the caller; stack traces stay in the log.
 */
import type { Response } from 'restify';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'ApiError';
  }
}

export function sendError(res: Response, status: number, code: string, message: string, details?: unknown): void {
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  res.status(status);
  res.json(body);
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
