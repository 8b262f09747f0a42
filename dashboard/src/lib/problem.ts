// RFC 9457 problem details as the server sends them, and the error the API wrapper throws.

interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

/** Accepts only a body that looks like a problem document; anything else yields null. */
export function parseProblem(body: unknown): Problem | null {
  if (typeof body !== 'object' || body === null) return null;
  const b = body as Record<string, unknown>;
  if (typeof b.title !== 'string' || typeof b.status !== 'number') return null;
  return {
    type: typeof b.type === 'string' ? b.type : 'about:blank',
    title: b.title,
    status: b.status,
    ...(typeof b.detail === 'string' ? { detail: b.detail } : {}),
    ...(typeof b.code === 'string' ? { code: b.code } : {}),
  };
}

/**
 * The message to show a person for a failed request: the server's localized detail (or title) when it
 * sent one, otherwise the caller's fallback (network failure, proxy error page, ...).
 */
export function problemMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError && error.problem) return error.problem.detail ?? error.problem.title;
  return fallback;
}
