import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';

let t: TestCtx;
let now = Date.parse('2026-11-30T08:00:00Z');
beforeEach(async () => {
  now = Date.parse('2026-11-30T08:00:00Z');
  t = await createTestContext({ clock: () => now });
});
afterEach(() => t.cleanup());

const loginBody = (username: string, password: string) => ({ method: 'POST', body: JSON.stringify({ username, password }) });

describe('POST /api/session', () => {
  it('logs in, sets an httpOnly SameSite=Strict cookie and returns the user with roles', async () => {
    const res = await t.request('/api/session', loginBody('admin', 'admin-password-1'));
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^bantin_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).not.toMatch(/Secure/i);
    const body = await res.json();
    expect(body.user).toMatchObject({ username: 'admin', roles: ['admin'] });
    expect(body.csrfToken).toEqual(expect.any(String));
  });

  it('marks the cookie Secure when served over TLS', async () => {
    const res = await t.app.request('https://bantin.example/api/session', {
      ...loginBody('admin', 'admin-password-1'),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.headers.get('set-cookie')).toMatch(/Secure/i);
  });

  it('answers 401 problem+json in Vietnamese by default and English on request', async () => {
    const vi = await t.request('/api/session', loginBody('admin', 'wrong-password'));
    expect(vi.status).toBe(401);
    expect(vi.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await vi.json()).detail).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    const en = await t.request('/api/session', { ...loginBody('admin', 'wrong-password'), headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect((await en.json()).detail).toBe('Wrong username or password.');
  });

  it('throttles an account after 5 failures, even with the right password, until the window passes', async () => {
    for (let i = 0; i < 5; i++) expect((await t.request('/api/session', loginBody('admin', 'nope'))).status).toBe(401);
    const blocked = await t.request('/api/session', loginBody('admin', 'admin-password-1'));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 16 * 60_000;
    expect((await t.request('/api/session', loginBody('admin', 'admin-password-1'))).status).toBe(200);
  });

  it('throttles one IP spraying many accounts', async () => {
    for (let i = 0; i < 20; i++) await t.request('/api/session', loginBody(`ghost${i}`, 'nope'));
    expect((await t.request('/api/session', loginBody('admin', 'admin-password-1'))).status).toBe(429);
  });

  it('rejects a login posted from another origin', async () => {
    const res = await t.request('/api/session', { ...loginBody('admin', 'admin-password-1'), headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });

  it('rejects malformed JSON and wrong types with 400 problem+json', async () => {
    const bad = await t.request('/api/session', { method: 'POST', body: '{"username":' });
    expect(bad.status).toBe(400);
    expect((await bad.json()).code).toBe('malformed_json');
    const wrong = await t.request('/api/session', { method: 'POST', body: JSON.stringify({ username: 5, password: [] }) });
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).code).toBe('validation_failed');
  });
});

describe('GET and DELETE /api/session', () => {
  it('returns the current user, then logs out so the old cookie stops working', async () => {
    const s = await t.login('admin');
    const me = await t.request('/api/session', { cookie: s.cookie });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('admin');
    const out = await t.request('/api/session', { method: 'DELETE', cookie: s.cookie, csrf: s.csrf });
    expect(out.status).toBe(204);
    expect((await t.request('/api/session', { cookie: s.cookie })).status).toBe(401);
  });

  it('refuses logout without the CSRF token', async () => {
    const s = await t.login('admin');
    const res = await t.request('/api/session', { method: 'DELETE', cookie: s.cookie });
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('csrf_failed');
    expect((await t.request('/api/session', { cookie: s.cookie })).status).toBe(200);
  });

  it('expires a session after the idle period', async () => {
    const s = await t.login('admin');
    now += 8 * 60 * 60_000 + 1;
    expect((await t.request('/api/session', { cookie: s.cookie })).status).toBe(401);
  });

  it('keeps an active session alive past the idle period since login', async () => {
    const s = await t.login('admin');
    for (let i = 0; i < 3; i++) {
      now += 5 * 60 * 60_000;
      expect((await t.request('/api/session', { cookie: s.cookie })).status).toBe(200);
    }
  });

  it('ignores a session id chosen by an attacker (no fixation) and issues a fresh one at login', async () => {
    const planted = 'bantin_session=attacker-chosen-value';
    expect((await t.request('/api/session', { cookie: planted })).status).toBe(401);
    const res = await t.request('/api/session', { ...loginBody('admin', 'admin-password-1'), headers: { cookie: planted } });
    const issued = res.headers.get('set-cookie')!.split(';')[0]!;
    expect(issued).not.toBe(planted);
    expect((await t.request('/api/session', { cookie: planted })).status).toBe(401);
  });
});
