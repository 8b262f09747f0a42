// Every rate limit hits at its documented number and lets go after its window, on a real listening server with
// an injected clock: login per account (5 failures / 15 min) and per IP (20 / 15 min, behind a proxy too),
// pairing codes (10 per IP / 10 min), failed token collections (30 per IP / 10 min), claims of unknown codes
// (10 per staff account / 10 min) and kiosk feedback (30 per kiosk / minute, over its socket).
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { startTestServer, type TestServer } from '../support/realtime-server';

const MIN = 60_000;
let now = Date.parse('2026-11-30T02:00:00Z');
const clock = () => now;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** The composed app on 127.0.0.1 with the given environment and our clock. */
async function listen(env: Record<string, string> = {}) {
  now = Date.parse('2026-11-30T02:00:00Z');
  const t: TestCtx = await createTestContext({ clock, env });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((res) => (server.listening ? res() : server.once('listening', () => res())));
  stops.push(async () => {
    await new Promise<void>((res) => server.close(() => res()));
    await t.cleanup();
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json().catch(() => null)) as Record<string, string> | null,
    };
  };
  return { t, base, post };
}

const creds = (username: string, password: string) => ({ username, password });

describe('login throttling', () => {
  it('locks an account after 5 failures, even for the right password, for 15 minutes; then lets it in', async () => {
    const { post } = await listen();
    for (let i = 1; i <= 5; i++) expect((await post('/api/session', creds('admin', `sai-${i}`))).status, `failure ${i}`).toBe(401);
    const locked = await post('/api/session', creds('admin', 'admin-password-1'));
    expect(locked.status).toBe(429);
    expect(locked.body?.code).toBe('too_many_attempts');
    expect(Number(locked.retryAfter)).toBe(15 * 60);
    expect(locked.body?.detail).toMatch(/Hãy thử lại sau 900 giây/);
    // The same name in another case and Unicode form is the same account.
    expect((await post('/api/session', creds('ADMIN', 'admin-password-1'))).status).toBe(429);
    now += 15 * MIN - 1000;
    expect((await post('/api/session', creds('admin', 'admin-password-1'))).status).toBe(429);
    now += 1000;
    expect((await post('/api/session', creds('admin', 'admin-password-1'))).status).toBe(200);
  });

  it('forgets an account’s failures once it logs in', async () => {
    const { post } = await listen();
    for (let i = 0; i < 4; i++) expect((await post('/api/session', creds('admin', 'sai'))).status).toBe(401);
    expect((await post('/api/session', creds('admin', 'admin-password-1'))).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await post('/api/session', creds('admin', 'sai'))).status).toBe(401);
    expect((await post('/api/session', creds('admin', 'admin-password-1'))).status).toBe(200);
  });

  it('stops one IP after 20 failures across many accounts, whatever X-Forwarded-For says without a trusted proxy', async () => {
    const { post } = await listen();
    for (let i = 1; i <= 20; i++) {
      const res = await post('/api/session', creds(`ghost-${i}`, 'sai'), { 'x-forwarded-for': `198.51.100.${i}` });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    const res = await post('/api/session', creds('admin', 'admin-password-1'), { 'x-forwarded-for': '198.51.100.99' });
    expect(res.status).toBe(429);
    now += 15 * MIN;
    expect((await post('/api/session', creds('admin', 'admin-password-1'))).status).toBe(200);
  });

  it('behind a trusted proxy, counts the address the proxy saw, not what the client prepended', async () => {
    const { post } = await listen({ BANTIN_TRUST_PROXY: '1' });
    // nginx $proxy_add_x_forwarded_for: "<whatever the client sent>, <the client's real address>".
    for (let i = 1; i <= 20; i++) {
      const res = await post('/api/session', creds(`ghost-${i}`, 'sai'), { 'x-forwarded-for': `10.9.${i}.1, 203.0.113.7` });
      expect(res.status, `attempt ${i}`).toBe(401);
    }
    expect((await post('/api/session', creds('admin', 'admin-password-1'), { 'x-forwarded-for': '10.0.0.1, 203.0.113.7' })).status).toBe(
      429,
    );
    // Another client behind the same proxy is not affected.
    expect((await post('/api/session', creds('admin', 'admin-password-1'), { 'x-forwarded-for': '203.0.113.8' })).status).toBe(200);
  });
});

describe('pairing', () => {
  it('gives one IP 10 codes per 10 minutes, the 11th is 429 with Retry-After, then more after the window', async () => {
    const { post } = await listen();
    for (let i = 1; i <= 10; i++) expect((await post('/api/pairing/codes', {})).status, `code ${i}`).toBe(201);
    const refused = await post('/api/pairing/codes', {});
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBe(600);
    now += 10 * MIN;
    expect((await post('/api/pairing/codes', {})).status).toBe(201);
  });

  it('refuses token collection after 30 wrong secrets from one IP, even with the right secret, until the window passes', async () => {
    const { t, post } = await listen();
    const editor = await t.createUser('bien-tap', ['editor']);
    const claim = async (code: string) =>
      (
        await t.request('/api/pairing/claim', {
          method: 'POST',
          ...editor,
          body: JSON.stringify({ code, device: { name: 'Kiosk', kind: 'kiosk' } }),
        })
      ).status;
    const first = (await post('/api/pairing/codes', {})).body as { code: string; secret: string };
    expect(await claim(first.code)).toBe(200);
    for (let i = 1; i <= 30; i++) {
      expect((await post('/api/pairing/token', { code: first.code, secret: `sai-bi-mat-${i}` })).status, `attempt ${i}`).toBe(404);
    }
    const blocked = await post('/api/pairing/token', { code: first.code, secret: first.secret });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.retryAfter)).toBe(600);
    now += 9 * MIN;
    expect((await post('/api/pairing/token', { code: first.code, secret: first.secret })).status).toBe(429);
    // After the window the IP may try again (that claim has lapsed meanwhile: the player asks for a new code).
    now += MIN;
    const second = (await post('/api/pairing/codes', {})).body as { code: string; secret: string };
    expect(await claim(second.code)).toBe(200);
    const ok = await post('/api/pairing/token', { code: second.code, secret: second.secret });
    expect(ok.status).toBe(200);
    expect(ok.body?.token).toMatch(/^bt_/);
  });

  it('stops a staff account after 10 claims of unknown codes; other accounts and the window are unaffected', async () => {
    const { t } = await listen();
    const guesser = await t.createUser('doan-ma', ['editor']);
    const other = await t.createUser('bien-tap', ['editor']);
    const claim = async (who: { cookie: string; csrf: string }, code: string) => {
      const res = await t.request('/api/pairing/claim', {
        method: 'POST',
        ...who,
        body: JSON.stringify({ code, device: { name: 'LED', kind: 'led' } }),
      });
      return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { code: string } };
    };
    const waiting = (await (await t.request('/api/pairing/codes', { method: 'POST' })).json()) as { code: string };
    const guesses = Array.from({ length: 11 }, (_, i) => String((Number(waiting.code) + 1 + i) % 1_000_000).padStart(6, '0'));
    for (let i = 0; i < 10; i++) expect((await claim(guesser, guesses[i]!)).status, `guess ${i + 1}`).toBe(404);
    const blocked = await claim(guesser, waiting.code);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('too_many_attempts');
    expect(Number(blocked.retryAfter)).toBe(600);
    expect((await t.devices.list()).length).toBe(0);
    // The real code is still there for the colleague who reads it off the screen.
    expect((await claim(other, waiting.code)).status).toBe(200);
    now += 10 * MIN;
    expect((await claim(guesser, guesses[10]!)).status).toBe(404);
  });
});

describe('kiosk feedback', () => {
  let s: TestServer;
  afterEach(() => s?.stop());
  const fb = () => ({ type: 'feedback.v1', eventId: randomUUID(), rating: 4, topic: 'Thủ tục', comment: 'Nhanh', createdAt: now });

  it('takes 30 messages a minute per kiosk; the 31st gets a bilingual rate_limited error, another kiosk is unaffected, and it recovers', async () => {
    now = Date.parse('2026-11-30T02:00:00Z');
    s = await startTestServer({ clock });
    const k1 = await s.createDevice('kiosk');
    const k2 = await s.createDevice('kiosk');
    const c1 = await s.connect(k1.token);
    const c2 = await s.connect(k2.token);
    await c1.next('time.v1');
    await c2.next('time.v1');
    for (let i = 0; i < 30; i++) c1.send(fb());
    const over = fb();
    c1.send(over);
    const refusal = await c1.next('error.v1', 3000);
    expect(refusal).toMatchObject({ code: 'rate_limited', ref: 'feedback.v1', eventId: over.eventId });
    expect(refusal.message).toMatch(/thử lại sau 60 giây/);
    expect(refusal.message).toMatch(/retry in 60 s/);
    expect(await c1.collect('feedback.ack.v1', 300)).toHaveLength(30);
    const stored = async (id: number) => (await s.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM feedback WHERE device_id = ?', [id]))!.n;
    expect(await stored(k1.id)).toBe(30);

    const other = fb();
    c2.send(other);
    expect((await c2.next('feedback.ack.v1')).eventId).toBe(other.eventId);

    now += 59_000;
    c1.send(fb());
    expect(await c1.next('error.v1')).toMatchObject({ code: 'rate_limited' });
    now += 1000;
    // The refused message is sent again (the player keeps it queued): now it is taken.
    c1.send(over);
    expect((await c1.next('feedback.ack.v1')).eventId).toBe(over.eventId);
    expect(await stored(k1.id)).toBe(31);
  });
});
