// Cross-cutting HTTP behaviour: OpenAPI, health, metrics, problem+json, headers, limits, logs.
import { describe, expect, it } from 'vitest';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { TestCtx } from '../test/support/context';
import { useTestContext } from '../test/support/hooks';

let t: TestCtx;
useTestContext((c) => (t = c));

describe('GET /api/openapi.json', () => {
  it('describes every API route as OpenAPI 3.1 generated from the zod schemas', async () => {
    const doc = await (await t.request('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const ops = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([p, m]) =>
      Object.keys(m).map((verb) => `${verb.toUpperCase()} ${p}`),
    );
    const routes = t.app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(new Set(ops)).toEqual(new Set(routes));
    expect(doc.components.schemas.CreateUser.properties.roles.items.enum).toContain('ad_reviewer');
    expect(doc.paths['/api/users'].get['x-access']).toEqual(['admin']);
  });
});

describe('health and metrics', () => {
  it('/healthz checks the database', async () => {
    const ok = await t.request('/healthz');
    expect(await ok.json()).toEqual({ status: 'ok', db: 'ok' });
    await t.close();
    const down = await t.request('/healthz');
    expect(down.status).toBe(503);
  });

  it('/metrics serves Prometheus text with request counters', async () => {
    await t.request('/api/session');
    const text = await (await t.request('/metrics')).text();
    expect(text).toMatch(/# TYPE bantin_http_requests_total counter/);
    expect(text).toMatch(/bantin_http_requests_total\{method="GET",route="\/api\/session",status="401"\} 1/);
    expect(text).toMatch(/process_resident_memory_bytes/);
  });
});

describe('errors and headers', () => {
  it('answers unknown API paths with a 404 problem in the asked language', async () => {
    const res = await t.request('/api/nope', { headers: { 'accept-language': 'en' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 404, title: 'Not found', code: 'not_found' });
  });

  it('refuses a JSON body over 1 MB with 413', async () => {
    const s = await t.login('admin');
    const huge = JSON.stringify({ username: 'x'.repeat(1_100_000), displayName: 'x', password: 'long-enough-1', roles: ['viewer'] });
    const res = await t.request('/api/users', { method: 'POST', ...s, body: huge });
    expect(res.status).toBe(413);
    expect((await t.users.list()).length).toBe(1);
  });

  it('sends a strict CSP without unsafe-inline, frame-ancestors, nosniff and a referrer policy', async () => {
    const res = await t.request('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  });

  it('sends the same security headers from a real listening server', async () => {
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    try {
      const port = (server.address() as AddressInfo).port;
      for (const p of ['/', '/player/', '/api/session']) {
        const res = await fetch(`http://127.0.0.1:${port}${p}`);
        expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      }
    } finally {
      server.close();
    }
  });

  it('echoes a request id on every answer', async () => {
    const res = await t.request('/api/session', { headers: { 'x-request-id': 'abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('abc-123');
    const other = await t.request('/api/session');
    expect(other.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
