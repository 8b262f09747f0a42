import { describe, expect, it } from 'vitest';
import { formatPairingCode } from './strings';
import { fetchIdentity, pairDevice, pollPairingToken, requestPairingCode } from './pairing';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

describe('pairing client', () => {
  const code = { code: '123456', secret: 's'.repeat(20), expiresAt: 0 };

  it('reads a new code with its ISO expiry', async () => {
    const seen: string[] = [];
    const got = await requestPairingCode(async (url, init) => {
      seen.push(`${init?.method} ${url}`);
      return json(201, { code: '123456', secret: 'abc', expiresAt: '2026-01-01T00:10:00.000Z' });
    });
    expect(seen).toEqual(['POST /api/pairing/codes']);
    expect(got).toEqual({ code: '123456', secret: 'abc', expiresAt: Date.UTC(2026, 0, 1, 0, 10) });
  });

  it('tells how long to wait when the server rate-limits new codes', async () => {
    await expect(requestPairingCode(async () => json(429, {}, { 'Retry-After': '42' }))).rejects.toMatchObject({ retryMs: 42_000 });
  });

  it('keeps waiting while the code is not claimed and collects the token once it is', async () => {
    expect(await pollPairingToken(code, async () => json(409, { code: 'pairing_not_claimed' }))).toEqual({
      state: 'waiting',
      retryMs: 3_000,
    });
    expect(await pollPairingToken(code, async () => json(200, { deviceId: 7, token: 'bt_x' }))).toEqual({
      state: 'paired',
      deviceId: '7',
      token: 'bt_x',
    });
  });

  it('asks for a new code when the old one expired, and waits longer when the server is away', async () => {
    expect(await pollPairingToken(code, async () => json(404, {}))).toEqual({ state: 'expired' });
    expect(await pollPairingToken(code, async () => Promise.reject(new TypeError('offline')))).toEqual({
      state: 'waiting',
      retryMs: 9_000,
    });
  });

  it('tells a revoked token from an unreachable server', async () => {
    expect(await fetchIdentity('t', async () => json(401, {}))).toBe('revoked');
    expect(await fetchIdentity('t', async () => Promise.reject(new TypeError('offline')))).toBeNull();
    expect(await fetchIdentity('t', async () => json(200, { id: 3, kind: 'kiosk', name: 'Một cửa' }))).toEqual({
      id: '3',
      kind: 'kiosk',
      name: 'Một cửa',
    });
  });

  it('shows the code in two groups of three digits', () => {
    expect(formatPairingCode('123456')).toBe('123 456');
  });
});

describe('pairDevice', () => {
  it('shows a code, polls until claimed, and remembers nothing afterwards', async () => {
    const shown: (string | null)[] = [];
    const saved: unknown[] = [];
    let polls = 0;
    const result = await pairDevice({
      show: (c) => shown.push(c),
      stopped: () => false,
      load: () => null,
      save: (p) => saved.push(p),
      now: () => 0,
      sleep: async () => undefined,
      fetchFn: async (url) =>
        url.endsWith('/codes')
          ? json(201, { code: '654321', secret: 'sec', expiresAt: '2030-01-01T00:00:00Z' })
          : ++polls < 3
            ? json(409, {})
            : json(200, { deviceId: 9, token: 'bt_9' }),
    });
    expect(result).toEqual({ deviceId: '9', token: 'bt_9' });
    expect(shown).toEqual(['654321', '654321', '654321']);
    expect(saved.at(-1)).toBeNull();
  });

  it('reuses a remembered code instead of asking for a new one (codes are rate-limited)', async () => {
    const urls: string[] = [];
    await pairDevice({
      show: () => undefined,
      stopped: () => false,
      load: () => ({ code: '111222', secret: 'x'.repeat(12), expiresAt: 1_000 }),
      save: () => undefined,
      now: () => 0,
      sleep: async () => undefined,
      fetchFn: async (url) => (urls.push(url), json(200, { deviceId: 1, token: 't' })),
    });
    expect(urls).toEqual(['/api/pairing/token']);
  });

  it('asks for a fresh code when the shown one expired', async () => {
    const urls: string[] = [];
    let first = true;
    await pairDevice({
      show: () => undefined,
      stopped: () => false,
      load: () => ({ code: '111222', secret: 'x'.repeat(12), expiresAt: 1_000 }),
      save: () => undefined,
      now: () => 0,
      sleep: async () => undefined,
      fetchFn: async (url) => {
        urls.push(url);
        if (url.endsWith('/codes')) return json(201, { code: '333444', secret: 's', expiresAt: '2030-01-01T00:00:00Z' });
        if (first) return ((first = false), json(404, {}));
        return json(200, { deviceId: 1, token: 't' });
      },
    });
    expect(urls).toEqual(['/api/pairing/token', '/api/pairing/codes', '/api/pairing/token']);
  });
});
