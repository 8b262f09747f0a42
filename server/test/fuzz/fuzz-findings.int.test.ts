// Regression tests for what the fuzzers found, each pinned down with the input that showed it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { validCap } from './body-kinds';

let t: TestCtx;
let editor: { cookie: string; csrf: string };
let deviceId: number;
beforeAll(async () => {
  t = await createTestContext();
  editor = await t.createUser('fuzz-editor', ['editor']);
  deviceId = (await t.devices.create({ id: null, name: 'test' }, { name: 'LED thử', kind: 'led' })).id;
});
afterAll(() => t.cleanup());

const get = async (path: string) => {
  const res = await t.request(path, { cookie: editor.cookie });
  return { status: res.status, body: (await res.json()) as { code?: string } };
};

describe('timeline instants out of the Date range', () => {
  // Found by the API fuzzer: t=9007199254740994 passed validation, and new Date(t) threw in the service (500).
  it.each(['t=9007199254740994', 't=8640000000000001', 't=-8640000000000001', 't=99999999999999999999', 't=%2B275760-09-13T00:00:00Z'])(
    'GET /api/devices/{id}/timeline/at?%s is a 400',
    async (q) => {
      const r = await get(`/api/devices/${deviceId}/timeline/at?${q}`);
      expect(r).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
    },
  );

  it.each(['from=9007199254740994', 'from=8640000000000000', 'to=-9007199254740994'])('GET /api/devices/{id}/timeline?%s is a 400', async (q) => {
    const r = await get(`/api/devices/${deviceId}/timeline?${q}`);
    expect(r).toMatchObject({ status: 400, body: { code: 'validation_failed' } });
  });

  it('still answers for the first and the last instant of years 0001–9999', async () => {
    expect((await get(`/api/devices/${deviceId}/timeline/at?t=${Date.parse('9999-12-31T23:59:59.999Z')}`)).status).toBe(200);
    expect((await get(`/api/devices/${deviceId}/timeline/at?t=0001-01-01T00:00:00Z`)).status).toBe(200);
    expect((await get(`/api/devices/${deviceId}/timeline?from=${Date.parse('9999-12-31T00:00:00Z')}`)).status).toBe(200);
  });
});

describe('POST /api/alerts/cap with bytes that are not UTF-8', () => {
  const post = (body: Buffer) =>
    t.request('/api/alerts/cap', { method: 'POST', cookie: editor.cookie, csrf: editor.csrf, headers: { 'content-type': 'application/cap+xml' }, body: new Uint8Array(body) });
  const alerts = async () => (await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM alerts'))!.n;

  // Found by the API fuzzer: the body was decoded leniently, so the alert went out with U+FFFD in its text.
  it('refuses the alert with 400 invalid_utf8 and issues nothing', async () => {
    await t.groups.create({ id: null, name: 'test' }, { name: 'Khu phố UTF' });
    const [head, tail] = validCap('Khu phố UTF', Date.now()).split('Bão số 5') as [string, string];
    const before = await alerts();
    const res = await post(Buffer.concat([Buffer.from(head), Buffer.from('Bão '), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from(tail)]));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { code: string }).code).toBe('invalid_utf8');
    expect(await alerts()).toBe(before);
    // The same alert in valid UTF-8 is issued: the refusal is about the bytes, not the alert.
    expect((await post(Buffer.from(`${head}Bão số 5${tail}`))).status).toBe(201);
    expect(await alerts()).toBe(before + 1);
  });
});
