import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { callerFor, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
let now = vn('2026-03-02', '08:00');
beforeEach(async () => {
  now = vn('2026-03-02', '08:00');
  t = await createTestContext({ clock: () => now });
  ed = await callerFor(t, 'editor1', ['editor']);
});
afterEach(() => t.cleanup());

const player = async (path: string, body?: unknown) => {
  const res = await t.request(path, { method: 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: await res.json(), headers: res.headers };
};

const creds = (c: { code: string; secret: string }) => ({ code: c.code, secret: c.secret });

describe('pairing', () => {
  it('code → claim → token → authenticateDevice, and the server keeps only the token hash', async () => {
    const code = await player('/api/pairing/codes');
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^\d{6}$/);
    expect(Date.parse(code.body.expiresAt) - now).toBe(10 * 60_000);

    const early = await player('/api/pairing/token', { code: code.body.code, secret: code.body.secret });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('pairing_not_claimed');

    const claim = await ed('POST', '/api/pairing/claim', { code: code.body.code, device: { name: 'LED UBND phường', kind: 'led' } });
    expect(claim.status).toBe(200);
    expect(claim.body).toMatchObject({ name: 'LED UBND phường', kind: 'led' });

    const tok = await player('/api/pairing/token', { code: code.body.code, secret: code.body.secret });
    expect(tok.status).toBe(200);
    expect(tok.body.deviceId).toBe(claim.body.id);
    expect(await t.devices.authenticateDevice(tok.body.token)).toEqual({ id: claim.body.id, kind: 'led', name: 'LED UBND phường' });

    const row = await t.db.get<{ token_hash: string }>('SELECT token_hash FROM devices WHERE id = ?', [claim.body.id]);
    expect(row!.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.token_hash).not.toContain(tok.body.token);
    expect((await ed('GET', `/api/devices/${claim.body.id}`)).body.paired).toBe(true);
  });

  it('hands the token out only once; a second request for it is refused', async () => {
    const code = (await player('/api/pairing/codes')).body;
    await ed('POST', '/api/pairing/claim', { code: code.code, device: { name: 'Kiosk', kind: 'kiosk' } });
    expect((await player('/api/pairing/token', creds(code))).status).toBe(200);
    const again = await player('/api/pairing/token', { code: code.code, secret: code.secret });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('pairing_token_delivered');
    const reclaim = await ed('POST', '/api/pairing/claim', { code: code.code, device: { name: 'Kiosk 2', kind: 'kiosk' } });
    expect(reclaim.status).toBe(409);
  });

  it('refuses a wrong secret and an unknown code without revealing which', async () => {
    const code = (await player('/api/pairing/codes')).body;
    await ed('POST', '/api/pairing/claim', { code: code.code, device: { name: 'LED', kind: 'led' } });
    const wrong = await player('/api/pairing/token', { code: code.code, secret: 'not-the-secret-at-all' });
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('pairing_code_unknown');
    const other = code.code === '000000' ? '000001' : '000000';
    expect((await ed('POST', '/api/pairing/claim', { code: other, device: { name: 'x', kind: 'led' } })).status).toBe(404);
  });

  it('lets a code expire after 10 minutes unclaimed', async () => {
    const code = (await player('/api/pairing/codes')).body;
    now += 10 * 60_000;
    const claim = await ed('POST', '/api/pairing/claim', { code: code.code, device: { name: 'LED', kind: 'led' } });
    expect(claim.status).toBe(404);
    expect(claim.body.code).toBe('pairing_code_unknown');
    expect((await player('/api/pairing/token', creds(code))).status).toBe(404);
    expect((await ed('GET', '/api/devices')).body).toHaveLength(0);
  });

  it('re-pairs an existing device: the new token works and the old one stops working', async () => {
    const first = (await player('/api/pairing/codes')).body;
    const dev = (await ed('POST', '/api/pairing/claim', { code: first.code, device: { name: 'Loa tổ 3', kind: 'speaker' } })).body;
    const oldToken = (await player('/api/pairing/token', creds(first))).body.token;
    const second = (await player('/api/pairing/codes')).body;
    expect((await ed('POST', '/api/pairing/claim', { code: second.code, deviceId: dev.id })).status).toBe(200);
    const newToken = (await player('/api/pairing/token', creds(second))).body.token;
    expect(await t.devices.authenticateDevice(newToken)).toMatchObject({ id: dev.id });
    expect(await t.devices.authenticateDevice(oldToken)).toBeNull();
    expect((await ed('GET', '/api/devices')).body).toHaveLength(1);
  });

  it('revoking a device makes its token useless', async () => {
    const code = (await player('/api/pairing/codes')).body;
    const dev = (await ed('POST', '/api/pairing/claim', { code: code.code, device: { name: 'LED', kind: 'led' } })).body;
    const token = (await player('/api/pairing/token', creds(code))).body.token;
    const res = await ed('POST', `/api/devices/${dev.id}/revoke`);
    expect(res.body.paired).toBe(false);
    expect(await t.devices.authenticateDevice(token)).toBeNull();
    expect((await t.db.get<{ token_hash: string | null }>('SELECT token_hash FROM devices WHERE id = ?', [dev.id]))!.token_hash).toBeNull();
  });

  it('rate-limits code requests per IP: the 11th within 10 minutes is refused with Retry-After', async () => {
    for (let i = 0; i < 10; i++) expect((await player('/api/pairing/codes')).status).toBe(201);
    const res = await player('/api/pairing/codes');
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 10 * 60_000;
    expect((await player('/api/pairing/codes')).status).toBe(201);
  });

  it('rate-limits failed token attempts per IP', async () => {
    const code = (await player('/api/pairing/codes')).body;
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await player('/api/pairing/token', { code: code.code, secret: `wrong-secret-${i}` })).status;
    expect(last).toBe(429);
  });

  it('claiming needs editor or admin and a valid body', async () => {
    const code = (await player('/api/pairing/codes')).body;
    const viewer = await callerFor(t, 'viewer1', ['viewer']);
    expect((await viewer('POST', '/api/pairing/claim', { code: code.code, device: { name: 'x', kind: 'led' } })).status).toBe(403);
    expect((await ed('POST', '/api/pairing/claim', { code: code.code })).status).toBe(400);
    expect((await ed('POST', '/api/pairing/claim', { code: '12ab56', deviceId: 1 })).status).toBe(400);
  });
});
