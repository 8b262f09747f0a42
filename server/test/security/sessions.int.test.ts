// Staff sessions under attack, over real sockets: a copied cookie replayed after logout, after a password
// change, after the account was disabled (and enabled again), an open dashboard socket that outlives its
// session, and session fixation with a garbage or a valid attacker-owned cookie.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { createRealtimeFor } from '../support/realtime-server';
import { CLOSE_SESSION_ENDED } from '../../src/realtime/dashboard-hub';

let t: TestCtx;
let server: Server;
let base = '';
let realtime: ReturnType<typeof createRealtimeFor>;
let admin: { cookie: string; csrf: string };
const sockets: WebSocket[] = [];

beforeAll(async () => {
  t = await createTestContext();
  // The composed hub checks sessions every 10 s; this one, built from the same services, every 100 ms.
  realtime = createRealtimeFor(t, { sessionCheckMs: 100 });
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((res) => (server.listening ? res() : server.once('listening', () => res())));
  realtime.attach(server);
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await login('admin', 'admin-password-1');
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  realtime.close();
  await new Promise<void>((res) => server.close(() => res()));
  await t.cleanup();
});

type Auth = { cookie: string; csrf: string };
const http = (path: string, init: { method?: string; auth?: Partial<Auth>; body?: unknown; headers?: Record<string, string> } = {}) =>
  fetch(`http://${base}${path}`, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.auth?.cookie ? { cookie: init.auth.cookie } : {}),
      ...(init.auth?.csrf ? { 'x-csrf-token': init.auth.csrf } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

async function login(username: string, password: string, cookie?: string): Promise<Auth> {
  const res = await http('/api/session', { method: 'POST', body: { username, password }, headers: cookie ? { cookie } : {} });
  expect(res.status, `login ${username}`).toBe(200);
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

let n = 0;
async function newUser(roles: string[]) {
  const username = `nv-${++n}`;
  const password = `${username}-mat-khau-1`;
  const res = await http('/api/users', { method: 'POST', auth: admin, body: { username, displayName: username, password, roles } });
  expect(res.status).toBe(201);
  const { id } = (await res.json()) as { id: number };
  return { id, username, password, auth: await login(username, password) };
}

/** Resolves with the open socket, or rejects with the HTTP status of the refused upgrade. */
const dashboard = (cookie?: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(`ws://${base}/ws/dashboard`, {
      headers: cookie ? { cookie, origin: `http://${base}` } : { origin: `http://${base}` },
    });
    sockets.push(ws);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
    ws.once('error', reject);
  });
const closed = (ws: WebSocket, ms = 3000) =>
  new Promise<number | 'still open'>((resolve) => {
    if (ws.readyState === ws.CLOSED) return resolve(-1);
    const timer = setTimeout(() => resolve('still open'), ms);
    ws.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

/** Every way the copied cookie could still be used: read, write (with its CSRF token), and the live socket. */
async function expectDead(stolen: Auth) {
  for (const path of ['/api/session', '/api/devices', '/api/content', '/api/reports/plays']) {
    const res = await http(path, { auth: stolen });
    expect(res.status, path).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('unauthenticated');
  }
  const write = await http('/api/groups', { method: 'POST', auth: stolen, body: { name: `nhóm-${Math.random()}` } });
  expect(write.status).toBe(401);
  await expect(dashboard(stolen.cookie)).rejects.toMatchObject({ status: 401 });
}

describe('a copied session cookie', () => {
  it('works until logout, then is refused on the API and on /ws/dashboard, and the open socket is closed', async () => {
    const u = await newUser(['editor']);
    const stolen = { ...u.auth };
    expect((await http('/api/devices', { auth: stolen })).status).toBe(200);
    const live = await dashboard(stolen.cookie);

    const out = await http('/api/session', { method: 'DELETE', auth: u.auth });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/bantin_session=;.*Max-Age=0/i);
    expect(await closed(live)).toBe(CLOSE_SESSION_ENDED);
    await expectDead(stolen);
  });

  it('stops working when an admin sets a new password; the new password opens a fresh session', async () => {
    const u = await newUser(['editor']);
    const live = await dashboard(u.auth.cookie);
    const res = await http(`/api/users/${u.id}`, { method: 'PATCH', auth: admin, body: { password: 'mat-khau-moi-123' } });
    expect(res.status).toBe(200);
    expect(await closed(live)).toBe(CLOSE_SESSION_ENDED);
    await expectDead(u.auth);
    const fresh = await login(u.username, 'mat-khau-moi-123');
    expect(fresh.cookie).not.toBe(u.auth.cookie);
    expect((await http('/api/devices', { auth: fresh })).status).toBe(200);
  });

  it('stops working when the account is disabled, and stays dead after it is enabled again', async () => {
    const u = await newUser(['viewer']);
    const live = await dashboard(u.auth.cookie);
    expect((await http(`/api/users/${u.id}`, { method: 'PATCH', auth: admin, body: { disabled: true } })).status).toBe(200);
    expect(await closed(live)).toBe(CLOSE_SESSION_ENDED);
    await expectDead(u.auth);
    const refused = await http('/api/session', { method: 'POST', body: { username: u.username, password: u.password } });
    expect(refused.status).toBe(401);
    expect((await http(`/api/users/${u.id}`, { method: 'PATCH', auth: admin, body: { disabled: false } })).status).toBe(200);
    await expectDead(u.auth);
  });

  it('is closed on the socket when the session is ended outside this process (CLI: the row is deleted)', async () => {
    const u = await newUser(['viewer']);
    const live = await dashboard(u.auth.cookie);
    await t.db.run('DELETE FROM sessions WHERE user_id = ?', [u.id]);
    expect(await closed(live)).toBe(CLOSE_SESSION_ENDED);
  });

  it('keeps the socket of a live session open, and a role taken away applies to the very next request', async () => {
    const u = await newUser(['editor']);
    const live = await dashboard(u.auth.cookie);
    expect(await closed(live, 400)).toBe('still open');
    expect((await http(`/api/users/${u.id}`, { method: 'PATCH', auth: admin, body: { roles: ['viewer'] } })).status).toBe(200);
    const write = await http('/api/groups', { method: 'POST', auth: u.auth, body: { name: 'Tổ 12' } });
    expect(write.status).toBe(403);
    expect(await closed(live, 300)).toBe('still open');
    live.close();
  });

  it('cannot write without its CSRF token, even with the cookie', async () => {
    const u = await newUser(['editor']);
    const res = await http('/api/groups', { method: 'POST', auth: { cookie: u.auth.cookie }, body: { name: 'Tổ 13' } });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { code: string }).code).toBe('csrf_failed');
  });
});

describe('session fixation', () => {
  it('ignores a cookie value planted before login and issues a new random token', async () => {
    const planted = 'bantin_session=planted-by-attacker-0123456789';
    const u = await newUser(['viewer']);
    const after = await login(u.username, u.password, planted);
    expect(after.cookie).not.toBe(planted);
    expect(after.cookie).toMatch(/^bantin_session=[A-Za-z0-9_-]{43}$/);
    expect((await http('/api/session', { auth: { cookie: planted } })).status).toBe(401);
  });

  it('does not promote an attacker’s own valid session when the victim logs in with it planted', async () => {
    const attacker = await newUser(['viewer']);
    const victim = await newUser(['admin']);
    const mine = await login(victim.username, victim.password, attacker.auth.cookie);
    expect(mine.cookie).not.toBe(attacker.auth.cookie);
    // The planted cookie is still the attacker's own viewer session, never the victim's admin session.
    const who = (await (await http('/api/session', { auth: attacker.auth })).json()) as { user: { username: string; roles: string[] } };
    expect(who.user).toMatchObject({ username: attacker.username, roles: ['viewer'] });
    expect((await http('/api/users', { auth: attacker.auth })).status).toBe(403);
    expect((await http('/api/users', { auth: mine })).status).toBe(200);
  });

  it('sets the session cookie HttpOnly, SameSite=Strict, on path /', async () => {
    const res = await http('/api/session', { method: 'POST', body: { username: 'admin', password: 'admin-password-1' } });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//i);
  });
});
