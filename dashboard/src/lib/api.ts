// The dashboard's client for the bantin API. Every request says the UI language (Accept-Language) so
// problem+json errors come back in it, and every state-changing request carries the CSRF token.
// TODO(lead): switch the bodies to `hc<AppType>('/')` from hono/client with
// `import type { AppType } from '@bantin/server'` once server/src/app.ts exports it; the function
// names and signatures here stay the same.
import { lang } from './i18n';
import { ApiError, parseProblem } from './problem';

export const ROLES = ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string | number;
  username: string;
  displayName: string;
  roles: Role[];
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
}

async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept-Language', lang.value);
  if (!headers.has('Accept')) headers.set('Accept', 'application/json, application/problem+json');
  const res = await fetch(path, { ...init, headers, credentials: 'same-origin' });
  if (!res.ok) {
    const body: unknown = await res.json().catch(() => null);
    throw new ApiError(res.status, parseProblem(body));
  }
  return res;
}

export async function login(username: string, password: string): Promise<Session> {
  const res = await request('/api/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return (await res.json()) as Session;
}

/** The current session, or null when nobody is logged in (401). */
export async function currentSession(): Promise<Session | null> {
  try {
    const res = await request('/api/session');
    return (await res.json()) as Session;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

export async function logout(csrfToken: string): Promise<void> {
  await request('/api/session', { method: 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
}
