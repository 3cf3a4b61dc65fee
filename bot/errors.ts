/**
 * The one error type the application throws on purpose: what went wrong, for
 * the caller (`code`, `message`, optional `details`), and its HTTP status.
 * Thrown anywhere (auth, routes, models); turned into the JSON error answer
 * in one place (http/errors.ts). Anything else thrown is a bug: logged, and
 * answered with a generic 500 — never its message or stack.
 */
export class AppError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'AppError';
  }
}
