// Request-scoped middleware: request id + structured log line, language, session, CSRF and role checks.
import { createMiddleware } from 'hono/factory';
import { getCookie } from 'hono/cookie';
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log';
import type { AppEnv } from './env';
import { pickLang } from './messages';
import { problem } from './problem';
import { isAllowed, type Access } from '../domain/roles';
import type { AuthService } from '../services/accounts/auth-service';

export const SESSION_COOKIE = 'bantin_session';

export function requestContext(opts: { log: Logger; onDone?: (method: string, route: string, status: number, ms: number) => void }) {
  return createMiddleware<AppEnv>(async function requestContext(c, next) {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w.-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    const log = opts.log.child({ reqId: requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('lang', pickLang(c.req.header('accept-language')));
    c.set('user', null);
    c.set('session', null);
    c.set('device', null);
    const started = performance.now();
    await next();
    c.header('X-Request-Id', requestId);
    const ms = Math.round((performance.now() - started) * 10) / 10;
    const status = c.res.status;
    log[status >= 500 ? 'error' : 'info']('request', { method: c.req.method, path: c.req.path, status, ms });
    opts.onDone?.(c.req.method, c.req.routePath, status, ms);
  });
}

export function loadSession(opts: { auth: AuthService }) {
  return createMiddleware<AppEnv>(async function loadSession(c, next) {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const found = await opts.auth.resolve(token);
      if (found) {
        c.set('user', found.user);
        c.set('session', { id: found.sessionId, csrfToken: found.csrfToken });
      }
    }
    await next();
  });
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Cookie-authenticated writes must echo the session's CSRF token; cookie-less writes must come from our origin. */
export function csrfGuard() {
  return createMiddleware<AppEnv>(async function csrfGuard(c, next) {
    if (SAFE.has(c.req.method)) return next();
    const session = c.get('session');
    // Logging in replaces whatever session the browser holds, perhaps one an attacker planted: it is checked
    // by its Origin like a cookie-less write, so the planted session cannot block the login (and a victim who
    // "reloads the page" as the error says would be working in the attacker's account).
    const login = c.req.method === 'POST' && c.req.path === '/api/session';
    if (session && !login) {
      if (c.req.header('x-csrf-token') !== session.csrfToken) return problem(c, 403, 'csrf_failed');
    } else {
      const origin = c.req.header('origin');
      if (origin && origin !== 'null') {
        let host = '';
        try {
          host = new URL(origin).host;
        } catch {
          host = '';
        }
        if (host !== c.req.header('host')) return problem(c, 403, 'bad_origin');
      }
    }
    return next();
  });
}

/** Device token from `Authorization: Bearer <token>`, or `?token=` (for <video src> and <img src>). */
export function loadDevice(opts: { authenticate: (token: string) => Promise<{ id: number; kind: string; name: string } | null> }) {
  return createMiddleware<AppEnv>(async function loadDevice(c, next) {
    const bearer = /^Bearer\s+(\S{1,200})$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const token = bearer ?? c.req.query('token');
    if (token && token.length <= 200) c.set('device', await opts.authenticate(token));
    await next();
  });
}

export function requireAccess(access: Access) {
  return createMiddleware<AppEnv>(async function requireAccess(c, next) {
    const user = c.get('user');
    if (access === 'device') {
      if (c.get('device')) return next();
      return user ? problem(c, 403, 'forbidden') : problem(c, 401, 'device_unauthenticated');
    }
    if (access !== 'public' && !user) return problem(c, 401, 'unauthenticated');
    if (!isAllowed(access, user?.roles ?? null)) return problem(c, 403, 'forbidden');
    return next();
  });
}

const CSP_HEAD = ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:", "media-src 'self' blob:", "font-src 'self' data:"];
const CSP_TAIL = ["worker-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'", "frame-ancestors 'none'"];
const HOST = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/**
 * The policy for a page served to `host`. WebSockets may go to this host only: CSP Level 3 browsers match
 * ws/wss with 'self', older ones need the origin spelt out. A bare `ws: wss:` would let an injected script
 * stream data to any host.
 */
function contentSecurityPolicy(host: string | undefined): string {
  const ws = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  return [...CSP_HEAD, `connect-src 'self'${ws}`, ...CSP_TAIL].join('; ');
}

/** Security headers on every answer. Set with c.header() so they survive @hono/node-server's fast responses. */
export function securityHeaders() {
  return createMiddleware<AppEnv>(async function securityHeaders(c, next) {
    await next();
    c.header('Content-Security-Policy', contentSecurityPolicy(c.req.header('host')));
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Cross-Origin-Resource-Policy', 'same-origin');
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** JSON bodies must be valid UTF-8: a lenient decoder would silently turn bad bytes into U+FFFD and store them. */
export function utf8Guard() {
  return createMiddleware<AppEnv>(async function utf8Guard(c, next) {
    if (SAFE.has(c.req.method) || !/json/i.test(c.req.header('content-type') ?? '')) return next();
    try {
      utf8.decode(await c.req.arrayBuffer());
    } catch {
      return problem(c, 400, 'invalid_utf8');
    }
    return next();
  });
}
