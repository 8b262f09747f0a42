// The one error type services throw; the HTTP layer turns it into RFC 9457 problem+json.
import type { MessageCode, MessageParam } from '../http/messages';

export class AppError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly extra: Record<string, unknown> = {},
    /** Parameters that are messages themselves (a reason), told in the caller's language; they win over `params`. */
    readonly messageParams: Record<string, MessageParam> = {},
  ) {
    super(code);
  }
}
