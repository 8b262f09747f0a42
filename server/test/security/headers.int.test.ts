// Security headers on every kind of answer of a real listening server (node-server, not app.request): the
// player and dashboard pages and assets, JSON, problem+json errors, redirects, files, ranges, health and
// metrics. The CSP allows no inline script or style and no eval, no framing, WebSockets to this host only; the
// built pages need nothing inline. Needs `npm run build` (the dist folders).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/realtime-server';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
const built = (app: 'player' | 'dashboard') => fs.readFileSync(path.join(ROOT, app, 'dist', 'index.html'), 'utf8');
/** The script and stylesheet URLs a built index.html loads. */
const assetsOf = (html: string) => [...html.matchAll(/(?:src|href)="([^"]*\/assets\/[^"]+)"/g)].map((m) => m[1]!);

let s: TestServer;
let device: { id: number; token: string };
let sha = '';
beforeAll(async () => {
  s = await startTestServer();
  device = await s.createDevice('speaker');
  const b = Buffer.alloc(2000, 7);
  sha = await s.media.storeGenerated(b, { mime: 'audio/wav', kind: 'audio', durationMs: 10, name: 'x.wav' });
  await s.alerts.issue(
    { id: null, name: 'test' },
    { text: 'Thử', audioSha256: sha, target: { all: false, deviceIds: [device.id], groupIds: [], kinds: [] } },
  );
});
afterAll(() => s.stop());

type Policy = Map<string, string[]>;
const parse = (csp: string): Policy =>
  new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );

function expectStrictHeaders(res: { headers: Headers | http.IncomingHttpHeaders }, what: string) {
  const get = (name: string) =>
    (res.headers instanceof Headers ? res.headers.get(name) : (res.headers[name] as string | undefined)) ?? null;
  const csp = get('content-security-policy');
  expect(csp, `${what}: CSP`).toBeTruthy();
  const p = parse(csp!);
  expect(p.get('default-src'), what).toEqual(["'self'"]);
  for (const d of ['script-src', 'style-src']) {
    expect(p.get(d), `${what}: ${d}`).toEqual(["'self'"]);
  }
  expect(csp, what).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|\*/);
  expect(p.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(p.get('object-src'), what).toEqual(["'none'"]);
  expect(p.get('base-uri'), what).toEqual(["'self'"]);
  expect(p.get('form-action'), what).toEqual(["'self'"]);
  // WebSockets to this host only: no bare `ws:`/`wss:` scheme that would reach any host.
  expect(p.get('connect-src'), what).toEqual(["'self'", `ws://${s.base}`, `wss://${s.base}`]);
  expect(get('x-content-type-options'), what).toBe('nosniff');
  expect(get('referrer-policy'), what).toBe('strict-origin-when-cross-origin');
  expect(get('x-frame-options'), what).toBe('DENY');
}

describe('security headers from a listening server', () => {
  it('are on the player and dashboard pages and their scripts and styles', async () => {
    const player = assetsOf(built('player'));
    const dashboard = assetsOf(built('dashboard'));
    expect(player.some((a) => a.endsWith('.js')) && player.some((a) => a.endsWith('.css'))).toBe(true);
    expect(dashboard.some((a) => a.endsWith('.js')) && dashboard.some((a) => a.endsWith('.css'))).toBe(true);
    for (const p of ['/player/', '/player/index.html', '/player/sw.js', '/', '/index.html', '/devices', ...player, ...dashboard]) {
      const res = await s.http(p);
      expect(res.status, p).toBe(200);
      expectStrictHeaders(res, p);
    }
    const js = await s.http(dashboard.find((a) => a.endsWith('.js'))!);
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const css = await s.http(player.find((a) => a.endsWith('.css'))!);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
  });

  it('are on JSON answers, problem+json errors of every kind, redirects, health and metrics', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/api/openapi.json', {}, 200],
      ['/api/session', {}, 401],
      ['/api/nope', {}, 404],
      ['/api/users', { headers: { authorization: `Bearer ${device.token}` } }, 401],
      ['/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{oops' }, 400],
      ['/api/session', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{}' }, 403],
      ['/player', { redirect: 'manual' }, 301],
      ['/player/assets/missing-0000.js', {}, 404],
      ['/healthz', {}, 200],
      ['/metrics', {}, 200],
      ['/metrics', { headers: { 'x-forwarded-for': '203.0.113.1' } }, 404],
    ];
    for (const [p, init, status] of cases) {
      const res = await s.http(p, init);
      expect(res.status, p).toBe(status);
      expectStrictHeaders(res, `${init.method ?? 'GET'} ${p} → ${status}`);
    }
  });

  it('are on streamed device files, ranges, 304s and HEAD answers', async () => {
    const auth = { authorization: `Bearer ${device.token}` };
    const full = await s.http(`/api/device/media/${sha}`, { headers: auth });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-type')).toBe('audio/wav');
    expectStrictHeaders(full, 'device file');
    const part = await s.http(`/api/device/media/${sha}`, { headers: { ...auth, range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expectStrictHeaders(part, 'range');
    const same = await s.http(`/api/device/media/${sha}`, { headers: { ...auth, 'if-none-match': `"${sha}"` } });
    expect(same.status).toBe(304);
    expectStrictHeaders(same, '304');
    const head = await s.http('/player/', { method: 'HEAD' });
    expectStrictHeaders(head, 'HEAD /player/');
  });

  it('cannot be bent by a forged Host header: only a plain host name or address is written into connect-src', async () => {
    const [host, port] = s.base.split(':') as [string, string];
    const answer = (forged: string) =>
      new Promise<{ status: number; csp: string | undefined }>((resolve, reject) => {
        const req = http.request({ host, port: Number(port), path: '/', headers: { host: forged } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, csp: res.headers['content-security-policy'] as string | undefined });
        });
        req.on('error', reject);
        req.end();
      });
    // Spaces or a `;` that breaks the URL: node-server refuses the request (400, empty) before the app runs.
    for (const forged of ["evil.example; script-src 'unsafe-inline'", 'evil.example ws:', "x;script-src:'unsafe-inline'"]) {
      const res = await answer(forged);
      expect(res.status, forged).toBe(400);
    }
    for (const forged of ["x'*'", "x'unsafe-inline'", 'a_b.example:80']) {
      const res = await answer(forged);
      expect(res.status, forged).toBe(200);
      expect(parse(res.csp!).get('connect-src'), forged).toEqual(["'self'"]);
      expect(parse(res.csp!).get('script-src')).toEqual(["'self'"]);
    }
    // A well-formed name is echoed: the page's own WebSocket goes to the host the browser asked for.
    expect(parse((await answer('bantin.phuong.example:8443')).csp!).get('connect-src')).toEqual([
      "'self'",
      'ws://bantin.phuong.example:8443',
      'wss://bantin.phuong.example:8443',
    ]);
  });
});

describe('the built pages', () => {
  it.each(['player', 'dashboard'] as const)('%s/dist/index.html needs no inline script, style or event handler', (app) => {
    const html = built(app);
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/(player\/)?assets\//);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    // Every script and stylesheet comes from this server.
    for (const url of assetsOf(html)) expect(url).toMatch(/^\//);
  });

  it.each(['player', 'dashboard'] as const)('%s stylesheets load nothing from another host', (app) => {
    for (const url of assetsOf(built(app)).filter((u) => u.endsWith('.css'))) {
      const css = fs.readFileSync(path.join(ROOT, app, 'dist', url.replace(/^\/player\//, '/').slice(1)), 'utf8');
      expect(css).not.toMatch(/@import|url\((['"]?)(https?:)?\/\//i);
    }
  });
});
