// Every entry point outside the JSON API, on a real listening server: the WebSocket upgrades (/ws/device,
// /ws/dashboard, /ws/live, anything else), /healthz, /metrics, the player and dashboard files, and the secret iCalendar
// link. The tables in route-table.ts must name exactly what the server answers.
import http from 'node:http';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/realtime-server';
import { createTestContext } from '../support/context';
import { WS_PATHS } from '../../src/realtime/index';
import { WS_ROUTES } from './route-table';
import { ROLES, type Role } from '../../src/domain/roles';

let s: TestServer;
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  s = await startTestServer();
  admin = await s.login('admin');
});
afterAll(() => s.stop());

type Outcome = { open: true; protocol: string } | { open: false; status: number; body: string };
/** Tries an upgrade and reports whether a socket opened or which HTTP status refused it. */
function upgrade(path: string, opts: { protocols?: string[]; headers?: Record<string, string> } = {}) {
  return new Promise<Outcome>((resolve, reject) => {
    const ws = new WebSocket(`ws://${s.base}${path}`, opts.protocols ?? [], { headers: opts.headers });
    ws.once('open', () => {
      resolve({ open: true, protocol: ws.protocol });
      ws.close();
    });
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ open: false, status: res.statusCode ?? 0, body }));
    });
    ws.once('error', (err) => reject(err));
  });
}
const refusedWith = (status: number, code?: string) =>
  expect.objectContaining({ open: false, status, ...(code ? { body: expect.stringContaining(`"code":"${code}"`) } : {}) });

describe('WebSocket upgrade paths', () => {
  it('the table names exactly the paths the hub answers', () => {
    expect(Object.values(WS_PATHS).sort()).toEqual(Object.keys(WS_ROUTES).sort());
  });

  it('refuses every other path with 404, before any socket exists', async () => {
    for (const p of ['/ws', '/ws/', '/ws/devices', '/ws/device/1', '/ws/Dashboard', '/api/ws', '/player/ws/device', '/']) {
      expect(await upgrade(p), p).toEqual(refusedWith(404));
    }
  });
});

describe('/ws/device', () => {
  it('opens only with a paired device token (as subprotocol or ?token=) and selects bantin.v1', async () => {
    const d = await s.createDevice('led');
    expect(await upgrade('/ws/device', { protocols: ['bantin.v1', `bantin.token.${d.token}`] })).toEqual({
      open: true,
      protocol: 'bantin.v1',
    });
    expect(await upgrade(`/ws/device?token=${d.token}`, { protocols: ['bantin.v1'] })).toMatchObject({ open: true });
  });

  it('refuses no token, a wrong, an overlong, a revoked or a deleted device’s token with 401', async () => {
    const revoked = await s.createDevice('led');
    await s.devices.revoke({ id: null, name: 'test' }, revoked.id);
    const deleted = await s.createDevice('kiosk');
    await s.devices.remove({ id: null, name: 'test' }, deleted.id);
    const live = await s.createDevice('speaker');
    const tokens = [
      '',
      'x',
      'bt_' + 'A'.repeat(43),
      live.token.slice(0, -1),
      live.token + 'x',
      'y'.repeat(201),
      revoked.token,
      deleted.token,
    ];
    for (const token of tokens) {
      expect(await upgrade('/ws/device', { protocols: ['bantin.v1', `bantin.token.${token}`] }), token).toEqual(
        refusedWith(401, 'device_unauthenticated'),
      );
      expect(await upgrade(`/ws/device?token=${encodeURIComponent(token)}`, { protocols: ['bantin.v1'] })).toEqual(refusedWith(401));
    }
    expect(await upgrade('/ws/device', { protocols: ['bantin.v1'] })).toEqual(refusedWith(401));
  });

  it('refuses a staff session cookie in place of a device token, and a session token passed as a device token', async () => {
    expect(await upgrade('/ws/device', { protocols: ['bantin.v1'], headers: { cookie: admin.cookie } })).toEqual(refusedWith(401));
    const sessionToken = admin.cookie.split('=')[1]!;
    expect(
      await upgrade('/ws/device', { protocols: ['bantin.v1', `bantin.token.${sessionToken}`], headers: { cookie: admin.cookie } }),
    ).toEqual(refusedWith(401));
    expect(await upgrade('/ws/device', { protocols: ['bantin.v1'], headers: { authorization: `Bearer ${sessionToken}` } })).toEqual(
      refusedWith(401),
    );
  });
});

describe('/ws/live', () => {
  // Who may hear which feed is the device's own timeline (server/src/realtime/live-socket.int.test.ts); here only
  // that no one but a paired speaker's token gets past the upgrade.
  const live = (token: string, id = 'relay:1') => upgrade(`/ws/live?id=${id}`, { protocols: ['bantin.live.v1', `bantin.token.${token}`] });

  it('refuses no token, a wrong, a revoked token, and a staff session with 401', async () => {
    const revoked = await s.createDevice('speaker');
    await s.devices.revoke({ id: null, name: 'test' }, revoked.id);
    for (const token of ['', 'x', 'bt_' + 'A'.repeat(43), 'y'.repeat(201), revoked.token]) {
      expect(await live(token), token).toEqual(refusedWith(401, 'device_unauthenticated'));
    }
    expect(await upgrade('/ws/live?id=relay:1', { protocols: ['bantin.live.v1'], headers: { cookie: admin.cookie } })).toEqual(refusedWith(401));
  });

  it('refuses screens (403) and a speaker whose timeline plays no such feed (403)', async () => {
    for (const kind of ['led', 'kiosk'] as const) expect(await live((await s.createDevice(kind)).token), kind).toEqual(refusedWith(403, 'live_not_for_kind'));
    expect(await live((await s.createDevice('speaker')).token)).toEqual(refusedWith(403, 'live_not_scheduled'));
  });
});

describe('/ws/announce', () => {
  const same = () => ({ origin: `http://${s.base}` });
  const announce = (headers: Record<string, string>) => upgrade('/ws/announce', { protocols: ['bantin.announce.v1'], headers });

  it('opens only for a staff session with the announcer role, from our own origin', async () => {
    const allowed = WS_ROUTES['/ws/announce'] as readonly Role[];
    for (const role of ROLES) {
      const u = await s.createUser(`ws-announce-${role}`, [role]);
      const got = await announce({ cookie: u.cookie, ...same() });
      if (allowed.includes(role)) expect(got, role).toMatchObject({ open: true, protocol: 'bantin.announce.v1' });
      else expect(got, role).toEqual(refusedWith(403, 'forbidden'));
    }
  });

  it('refuses no session or a device token (401) and another origin (403)', async () => {
    const d = await s.createDevice('speaker');
    for (const headers of [same(), { cookie: `bantin_session=${d.token}`, ...same() }, { authorization: `Bearer ${d.token}`, ...same() }]) {
      expect(await announce(headers), JSON.stringify(headers)).toEqual(refusedWith(401, 'unauthenticated'));
    }
    expect(await upgrade('/ws/announce', { protocols: ['bantin.announce.v1', `bantin.token.${d.token}`], headers: same() })).toEqual(refusedWith(401));
    const a = await s.createUser('ws-announce-origin', ['announcer']);
    for (const origin of ['http://evil.example', 'null']) expect(await announce({ cookie: a.cookie, origin }), origin).toEqual(refusedWith(403, 'bad_origin'));
  });
});

describe('/ws/dashboard', () => {
  const same = () => ({ origin: `http://${s.base}` });

  it('opens for a live staff session of any role, from our own origin or with no Origin (not a browser)', async () => {
    const viewer = await s.createUser('xem', ['viewer']);
    expect(await upgrade('/ws/dashboard', { headers: { cookie: viewer.cookie, ...same() } })).toMatchObject({ open: true });
    expect(await upgrade('/ws/dashboard', { headers: { cookie: admin.cookie } })).toMatchObject({ open: true });
  });

  it('refuses no session, a made-up or logged-out cookie, and a device token in any place with 401', async () => {
    const d = await s.createDevice('led');
    const gone = await s.login('admin');
    expect((await s.http('/api/session', { method: 'DELETE', headers: { cookie: gone.cookie, 'x-csrf-token': gone.csrf } })).status).toBe(
      204,
    );
    for (const headers of [
      same(),
      { cookie: 'bantin_session=made-up-value-0123456789abcdef', ...same() },
      { cookie: gone.cookie, ...same() },
      { cookie: `bantin_session=${d.token}`, ...same() },
      { authorization: `Bearer ${d.token}`, ...same() },
    ]) {
      expect(await upgrade('/ws/dashboard', { headers }), JSON.stringify(headers)).toEqual(refusedWith(401, 'unauthenticated'));
    }
    expect(
      await upgrade(`/ws/dashboard?token=${d.token}`, { protocols: ['bantin.v1', `bantin.token.${d.token}`], headers: same() }),
    ).toEqual(refusedWith(401));
  });

  it('refuses a valid session from another origin (cross-site WebSocket hijacking) with 403', async () => {
    // Another port on the same machine is another origin (another service there could be the attacker). The
    // scheme is not compared: one port serves one scheme, and behind a TLS proxy the page is https.
    const otherPort = `http://127.0.0.1:${Number(s.base.split(':')[1]) + 1}`;
    for (const origin of ['http://evil.example', otherPort, `http://${s.base}.evil.example`, 'null', 'not a url']) {
      expect(await upgrade('/ws/dashboard', { headers: { cookie: admin.cookie, origin } }), origin).toEqual(refusedWith(403, 'bad_origin'));
    }
  });
});

describe('/healthz', () => {
  it('is public and says only whether the server and its database are up', async () => {
    const res = await s.http('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', db: 'ok' });
  });
});

describe('/metrics', () => {
  it('answers a client on this host that came straight to us', async () => {
    const res = await s.http('/metrics');
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/# TYPE bantin_http_requests_total counter/);
  });

  it('refuses what a reverse proxy relays, even from loopback, with a plain 404', async () => {
    const relayed: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.9' },
      { forwarded: 'for=203.0.113.9' },
      { 'x-real-ip': '203.0.113.9' },
      { 'x-forwarded-host': 'bantin.example' },
    ];
    for (const headers of relayed) {
      const res = await s.http('/metrics', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(404);
      expect(await res.text()).not.toMatch(/bantin_http_requests_total/);
    }
  });

  // The peer must not be loopback: listen on this machine's network address and connect to it.
  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  it.skipIf(!external)('refuses a client from the network (404) unless it presents BANTIN_METRICS_TOKEN', async () => {
    const token = 'prometheus-scrape-token-0123456789';
    const t = await createTestContext({ env: { BANTIN_METRICS_TOKEN: token } });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: external }) as Server;
    await new Promise<void>((res) => (server.listening ? res() : server.once('listening', () => res())));
    try {
      const url = `http://${external}:${(server.address() as AddressInfo).port}/metrics`;
      expect((await fetch(url)).status).toBe(404);
      expect((await fetch(url, { headers: { authorization: 'Bearer wrong-token-0123456789abcdef' } })).status).toBe(404);
      expect((await fetch(url, { headers: { authorization: `Bearer ${token}x` } })).status).toBe(404);
      const ok = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toMatch(/process_resident_memory_bytes/);
      // The API stays reachable from the network, of course.
      expect((await fetch(url.replace('/metrics', '/healthz'))).status).toBe(200);
    } finally {
      await new Promise<void>((res) => server.close(() => res()));
      await t.cleanup();
    }
  });
});

/** A raw request, so that `..` segments reach the server as written (fetch would normalise them away). */
const raw = (path: string) =>
  new Promise<{ status: number; body: string }>((resolve, reject) => {
    const [host, port] = s.base.split(':') as [string, string];
    const req = http.request({ host, port: Number(port), path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });

describe('the player and dashboard files', () => {
  it('are public: the player at /player/ (and /player redirects), the dashboard at / and its client-side routes', async () => {
    const redirect = await s.http('/player', { redirect: 'manual' });
    expect(redirect.status).toBe(301);
    expect(redirect.headers.get('location')).toBe('/player/');
    for (const [path, title] of [
      ['/player/', 'bantin player'],
      ['/', 'bantin'],
      ['/devices', 'bantin'],
      ['/content/1', 'bantin'],
    ] as const) {
      const res = await s.http(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(await res.text()).toContain(`<title>${title}`);
    }
  });

  it('never serve a file outside the built folders, however the path is spelt', async () => {
    const paths = [
      '/../package.json',
      '/player/../../package.json',
      '/player/../../../server/src/config.ts',
      '/%2e%2e/package.json',
      '/player/%2e%2e/%2e%2e/package.json',
      '/player/..%2f..%2fpackage.json',
      '/..%5c..%5cpackage.json',
      '/assets/../../package.json',
      '/player/assets/..%2f..%2f..%2fpackage.json',
      '/player/assets/%2e%2e%2f%2e%2e%2fsw.js',
    ];
    for (const p of paths) {
      const res = await raw(p);
      expect(res.body, p).not.toMatch(/"workspaces"|loadConfig|@bantin\/player/);
      expect([200, 301, 400, 404], p).toContain(res.status);
    }
  });

  it('answers a missing hashed asset with 404, not with the app page', async () => {
    for (const p of ['/player/assets/nope-12345678.js', '/assets/nope-12345678.js']) {
      const res = await s.http(p);
      expect(res.status, p).toBe(404);
    }
  });
});

describe('the iCalendar subscription link', () => {
  it('opens its own group’s calendar without a session, and nothing with a wrong, borrowed or mangled key', async () => {
    const auth = { cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/json' };
    const group = async (name: string) =>
      ((await (await s.http('/api/groups', { method: 'POST', headers: auth, body: JSON.stringify({ name }) })).json()) as { id: number })
        .id;
    const g1 = await group('Tổ dân phố 1');
    const g2 = await group('Tổ dân phố 2');
    const link = async (id: number) =>
      ((await (await s.http(`/api/groups/${id}/calendar-link`, { headers: auth })).json()) as { path: string }).path;
    const p1 = await link(g1);
    const p2 = await link(g2);
    expect(p1).toMatch(new RegExp(`^/api/calendar/${g1}-[0-9a-f]{40}\\.ics$`));

    const ok = await s.http(p1);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await ok.text()).toMatch(/^BEGIN:VCALENDAR/);

    const key1 = p1.slice(p1.indexOf('-') + 1, -4);
    const key2 = p2.slice(p2.indexOf('-') + 1, -4);
    const flipped = key1.slice(0, -1) + (key1.endsWith('0') ? '1' : '0');
    for (const [path, status] of [
      [`/api/calendar/${g2}-${key1}.ics`, 404],
      [`/api/calendar/${g1}-${key2}.ics`, 404],
      [`/api/calendar/${g1}-${flipped}.ics`, 404],
      [`/api/calendar/${g1}-${key1.toUpperCase()}.ics`, 400],
      [`/api/calendar/${g1}-${key1.slice(0, 39)}.ics`, 400],
      [`/api/calendar/${g1}-${key1}`, 400],
      [`/api/calendar/9999-${key1}.ics`, 404],
    ] as const) {
      expect((await s.http(path)).status, path).toBe(status);
    }
    // The staff route that hands out the link needs a session.
    expect((await s.http(`/api/groups/${g1}/calendar-link`)).status).toBe(401);
  });
});
