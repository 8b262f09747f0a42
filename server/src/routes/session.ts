// /api/session — log in, who am I, log out.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { setCookie, deleteCookie } from 'hono/cookie';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { AppEnv } from '../http/env';
import { defineRoute, errorResponses, jsonBody, jsonOk, problemResponse } from '../http/route';
import { SESSION_COOKIE } from '../http/middleware';
import { ROLES } from '../domain/roles';
import type { AuthService } from '../services/accounts/auth-service';
import type { HookFn } from '../http/validation';

const SessionUserSchema = z
  .object({ id: z.number().int(), username: z.string(), displayName: z.string(), roles: z.array(z.enum(ROLES)) })
  .openapi('SessionUser');
const SessionSchema = z.object({ user: SessionUserSchema, csrfToken: z.string() }).openapi('Session');
const LoginSchema = z.object({ username: z.string().min(1).max(100), password: z.string().min(1).max(200) }).openapi('Login');

const login = defineRoute('public', {
  method: 'post',
  path: '/',
  tags: ['session'],
  summary: 'Log in / Đăng nhập',
  request: { body: jsonBody(LoginSchema) },
  responses: {
    200: jsonOk(SessionSchema),
    400: errorResponses[400],
    401: errorResponses[401],
    429: problemResponse('Too many attempts / Quá nhiều lần thử'),
  },
});
const current = defineRoute('authenticated', {
  method: 'get',
  path: '/',
  tags: ['session'],
  summary: 'Current user / Người dùng hiện tại',
  responses: { 200: jsonOk(SessionSchema), 401: errorResponses[401] },
});
const logout = defineRoute('authenticated', {
  method: 'delete',
  path: '/',
  tags: ['session'],
  summary: 'Log out / Đăng xuất',
  responses: { 204: { description: 'Logged out' }, 401: errorResponses[401], 403: errorResponses[403] },
});

/**
 * The client's address for rate limits. Behind the one trusted reverse proxy the last X-Forwarded-For entry
 * is the address that proxy saw; the entries before it are whatever the client sent (nginx's
 * $proxy_add_x_forwarded_for appends), so trusting the first one would let a client pick a fresh "IP" for
 * every login attempt.
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (fwd) return fwd;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'local';
  }
}

const isTls = (c: Context, trustProxy: boolean) =>
  new URL(c.req.url).protocol === 'https:' || (trustProxy && c.req.header('x-forwarded-proto') === 'https');

export function sessionRoutes(deps: { auth: AuthService; trustProxy: boolean; idleMs: number; hook: HookFn }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: deps.hook })
    .openapi(login, async (c) => {
      const body = c.req.valid('json');
      const r = await deps.auth.login({
        username: body.username,
        password: body.password,
        ip: clientIp(c, deps.trustProxy),
        userAgent: c.req.header('user-agent') ?? null,
      });
      setCookie(c, SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isTls(c, deps.trustProxy),
        path: '/',
        maxAge: Math.floor(deps.idleMs / 1000),
      });
      return c.json({ user: r.user, csrfToken: r.csrfToken }, 200);
    })
    .openapi(current, (c) => c.json({ user: c.var.user!, csrfToken: c.var.session!.csrfToken }, 200))
    .openapi(logout, async (c) => {
      await deps.auth.logout(c.var.session!.id, c.var.user!);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
