// Turns any failure into what a person needs: what went wrong (the server's localized problem detail,
// or "cannot reach the server") and what to do next, chosen by the problem's code when it has advice of its
// own, otherwise by the kind of failure.
import type { MessageKey } from './i18n';
import { ApiError } from './problem';

interface ErrorView {
  /** The server's message in the UI language; null = use the generic network message. */
  detail: string | null;
  next: MessageKey;
}

/** Advice for problems whose code says more than their status (a 403 that no role would lift). */
const NEXT_BY_CODE: Readonly<Record<string, MessageKey>> = {
  self_review: 'next.selfReview',
  relay_source_self_review: 'next.selfReview',
};

export function nextStepFor(status: number | null): MessageKey {
  if (status === null) return 'next.network';
  if (status === 401) return 'next.session';
  if (status === 403) return 'next.forbidden';
  if (status === 404) return 'next.notFound';
  if (status === 409) return 'next.conflict';
  if (status === 413) return 'next.tooLarge';
  if (status === 429) return 'next.busy';
  if (status >= 500) return 'next.server';
  return 'next.input';
}

export function describeError(error: unknown): ErrorView {
  if (error instanceof ApiError) {
    const detail = error.problem ? (error.problem.detail ?? error.problem.title) : null;
    // A 502/504 from a proxy carries no problem document: the server itself may be down.
    const byCode = error.problem?.code ? NEXT_BY_CODE[error.problem.code] : undefined;
    return { detail, next: byCode ?? (error.problem ? nextStepFor(error.status) : nextStepFor(error.status >= 500 ? 500 : null)) };
  }
  return { detail: null, next: 'next.network' };
}
