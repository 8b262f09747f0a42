// The dashboard's client for the bantin API, typed from the server's routes through hono/client: the
// dashboard never re-declares an API shape. Every request says the UI language (Accept-Language) so
// problem+json errors come back in it; every state-changing request carries the CSRF token.
import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { AppType } from '@bantin/server';
import { lang } from './i18n';
import { ApiError, parseProblem } from './problem';
import { session } from './session';

/** The typed client; screen-specific wrappers live in lib/<resource>-api.ts. */
export const client = hc<AppType>('/', {
  headers: () => ({ 'Accept-Language': lang.value }),
  init: { credentials: 'same-origin' },
});

export type Session = InferResponseType<typeof client.api.session.$get, 200>;
export type SessionUser = Session['user'];
export type Role = SessionUser['roles'][number];

/** The ApiError for a failed response, carrying its problem document when it sent one. */
export async function toApiError(res: { status: number; json(): Promise<unknown> }): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => null);
  return new ApiError(res.status, parseProblem(body));
}

type BodyAt<R, S extends number> = R extends ClientResponse<infer T, infer U, 'json'> ? (U extends S ? T : never) : never;

/** The JSON body of an answer with the expected status; any other answer is thrown as its ApiError. */
export async function answer<R extends ClientResponse<unknown, number, 'json'>, S extends R['status']>(
  pending: Promise<R>,
  status: S,
): Promise<BodyAt<R, S>> {
  const res = await pending;
  if (res.status === status) return (await res.json()) as BodyAt<R, S>;
  throw await toApiError(res);
}

/** Waits for an answer without a body (204); any other answer is thrown as its ApiError. */
export async function noContent(pending: Promise<{ status: number; json(): Promise<unknown> }>): Promise<void> {
  const res = await pending;
  if (res.status !== 204) throw await toApiError(res);
}

/** Headers for a state-changing request: the session's CSRF token (the server refuses without it). */
export function csrfHeaders(): { 'X-CSRF-Token': string } {
  return { 'X-CSRF-Token': session.value?.csrfToken ?? '' };
}

export async function login(username: string, password: string): Promise<Session> {
  return await answer(client.api.session.$post({ json: { username, password } }), 200);
}

/** The current session, or null when nobody is logged in (401). */
export async function currentSession(): Promise<Session | null> {
  const res = await client.api.session.$get();
  if (res.status === 200) return await res.json();
  if (res.status === 401) return null;
  throw await toApiError(res);
}

export async function logout(csrfToken: string): Promise<void> {
  const res = await client.api.session.$delete({}, { headers: { 'X-CSRF-Token': csrfToken } });
  if (!res.ok) throw await toApiError(res);
}
