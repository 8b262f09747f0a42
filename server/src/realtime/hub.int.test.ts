// The device and dashboard hubs over real sockets: a listening server on 127.0.0.1 and `ws` clients.
import { unpackTimeline } from '@bantin/protocol';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.stop());

const sha = 'c'.repeat(64);
const play = (eventId = randomUUID()) => ({
  eventId, contentId: '1', versionId: '1', sha256: sha, start: 1000, end: 2000, result: 'completed', class: 'normal',
});
const countPlays = async (deviceId: number) =>
  (await s.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM plays WHERE device_id = ?', [deviceId]))!.n;

describe('/ws/device upgrade', () => {
  it('refuses a missing or unknown token with HTTP 401 before any WebSocket exists', async () => {
    await expect(s.connect('not-a-real-token-at-all-xxxxxxxx')).rejects.toMatchObject({ status: 401 });
    await expect(s.connect('', 'query')).rejects.toMatchObject({ status: 401 });
  });

  it('accepts the token as a subprotocol or as ?token=, and selects bantin.v1', async () => {
    const d = await s.createDevice('led');
    const a = await s.connect(d.token, 'protocol');
    expect(a.ws.protocol).toBe('bantin.v1');
    a.close();
    await a.waitClosed();
    const b = await s.connect(d.token, 'query');
    expect((await b.next('time.v1')).serverTime).toEqual(expect.any(Number));
    b.close();
  });

  it('refuses a revoked token', async () => {
    const d = await s.createDevice('led');
    await s.devices.revoke({ id: null, name: 'test' }, d.id);
    await expect(s.connect(d.token)).rejects.toMatchObject({ status: 401 });
  });
});

describe('device connection', () => {
  it('sends time, then the timeline, and marks the device online; offline again on close', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    expect(c.inbox.length === 0 || c.inbox[0]!.type === 'time.v1').toBe(true);
    await c.next('time.v1');
    const tl = await c.next('timeline.v2');
    expect(tl.timeline).toMatchObject({ version: expect.any(String) });
    expect(unpackTimeline(tl.timeline, String(d.id))).toEqual(await s.timeline.getTimeline(d.id));
    const row = await s.db.get<{ status: string; last_seen_at: number }>('SELECT status, last_seen_at FROM devices WHERE id = ?', [d.id]);
    expect(JSON.parse(row!.status).online).toBe(true);
    expect(s.realtime.devices.isOnline(d.id)).toBe(true);
    c.close();
    await c.waitClosed();
    await new Promise((r) => setTimeout(r, 100));
    const after = await s.db.get<{ status: string }>('SELECT status FROM devices WHERE id = ?', [d.id]);
    expect(JSON.parse(after!.status).online).toBe(false);
    const sessions = await s.db.all<{ disconnected_at: number | null }>('SELECT disconnected_at FROM device_sessions WHERE device_id = ?', [d.id]);
    expect(sessions).toHaveLength(1);
    expect(sessions[0]!.disconnected_at).not.toBeNull();
  });

  it('keeps one connection per device: a new one closes the old with 4000', async () => {
    const d = await s.createDevice('kiosk');
    const first = await s.connect(d.token);
    await first.next('time.v1');
    const second = await s.connect(d.token);
    await second.next('time.v1');
    expect((await first.waitClosed())?.code).toBe(4000);
    expect(s.realtime.devices.isOnline(d.id)).toBe(true);
    second.send({ type: 'hello.v1', playerVersion: '1', capabilities: [], deviceClock: 5 });
    expect((await second.next('time.v1')).deviceClock).toBe(5);
    second.close();
  });

  it('answers hello.v1 with time.v1 echoing the device clock', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    c.send({ type: 'hello.v1', playerVersion: '0.1.0', capabilities: ['video'], deviceClock: 123456 });
    const t = await c.next('time.v1');
    expect(t.deviceClock).toBe(123456);
    c.close();
  });
});

describe('timeline pushes', () => {
  it('pushes a new timeline within one second of a change, and nothing when the version is unchanged', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    const first = await c.next('timeline.v2');
    const v0 = (first.timeline as { version: string }).version;

    // A rename recompiles the device but cannot change what it plays: nothing is pushed.
    await s.devices.update({ id: null, name: 'test' }, d.id, { name: 'renamed' });
    expect(await c.collect('timeline.v2', 400)).toEqual([]);

    // An alert for this device changes its timeline (an emergency segment).
    const started = Date.now();
    const alert = await s.alerts.issue({ id: null, name: 'test' }, { text: 'Cảnh báo thử', target: { all: false, deviceIds: [d.id], groupIds: [], kinds: [] } });
    const pushed = await c.next('timeline.v2', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect((pushed.timeline as { version: string }).version).not.toBe(v0);
    await s.alerts.cancel({ id: null, name: 'test' }, alert.id);
    c.close();
  });
});

describe('timeline frames', () => {
  it('sends timeline.v2 packed: as text by default, as raw DEFLATE to a device that offered bantin.deflate', async () => {
    const d = await s.createDevice('led');
    const plain = await s.connect(d.token);
    const plainMsg = await plain.next('timeline.v2');
    plain.close();
    await plain.waitClosed();
    const z = await s.connect(d.token, 'protocol', { deflate: true });
    const zMsg = await z.next('timeline.v2');
    expect(zMsg).toEqual(plainMsg);
    const stored = await s.timeline.getTimeline(d.id);
    expect(unpackTimeline(zMsg.timeline, String(d.id))).toEqual(stored);
    const [pf] = plain.frames.filter((f) => f.type === 'timeline.v2');
    const [zf] = z.frames.filter((f) => f.type === 'timeline.v2');
    expect(pf!.binary).toBe(false);
    expect(zf!.binary).toBe(true);
    expect(zf!.bytes).toBeLessThan(pf!.bytes);
    // Other messages stay text; a pushed change comes compressed as well.
    expect(z.frames.find((f) => f.type === 'time.v1')!.binary).toBe(false);
    const alert = await s.alerts.issue({ id: null, name: 'test' }, { text: 'Cảnh báo thử', target: { all: false, deviceIds: [d.id], groupIds: [], kinds: [] } });
    await z.next('timeline.v2', 1000);
    expect(z.frames.filter((f) => f.type === 'timeline.v2').map((f) => f.binary)).toEqual([true, true]);
    await s.alerts.cancel({ id: null, name: 'test' }, alert.id);
    z.close();
  });
});

describe('invalid messages', () => {
  it('answers bad JSON, unknown types, invalid payloads and binary frames with error.v1 and keeps serving', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    c.send('{not json');
    expect(await c.next('error.v1')).toMatchObject({ code: 'bad_json' });
    c.send({ type: 'launch.v1' });
    expect(await c.next('error.v1')).toMatchObject({ code: 'unknown_type' });
    c.send({ type: 'plays.v1', records: [{ ...play(), eventId: 'nope' }] });
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'plays.v1' });
    c.ws.send(Buffer.from([1, 2, 3]));
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid' });
    c.send({ type: 'ack.v1', of: 'alert', id: '999999' });
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'ack.v1' });
    // Still alive and serving.
    c.send({ type: 'hello.v1', playerVersion: '1', capabilities: [], deviceClock: 9 });
    expect((await c.next('time.v1')).deviceClock).toBe(9);
    c.close();
  });

  it('closes a connection that sends a frame over the size limit, and the hub keeps serving others', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    c.send('x'.repeat(300 * 1024));
    expect((await c.waitClosed())?.code).toBe(1009);
    const again = await s.connect(d.token);
    await again.next('time.v1');
    again.close();
  });
});

describe('proof of play', () => {
  it('stores a batch once even when it is sent twice, and acknowledges after the commit', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    const batch = { type: 'plays.v1', records: [play(), play(), play()] };
    c.send(batch);
    const ack = await c.next('plays.ack.v1');
    expect(ack.eventIds).toEqual(batch.records.map((r) => r.eventId));
    // The ack came after the commit: the rows are there when it arrives.
    expect(await countPlays(d.id)).toBe(3);
    c.send(batch);
    expect((await c.next('plays.ack.v1')).eventIds).toHaveLength(3);
    c.send({ type: 'plays.v1', records: [batch.records[0], play()] });
    await c.next('plays.ack.v1');
    expect(await countPlays(d.id)).toBe(4);
    c.close();
  });
});

describe('kiosk feedback', () => {
  const fb = (extra: Record<string, unknown> = {}) => ({
    type: 'feedback.v1', eventId: randomUUID(), rating: 5, topic: 'Thủ tục', comment: 'Tốt', createdAt: Date.now(), ...extra,
  });

  it('refuses a phone number without consent and stores one with consent and a retention date', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    const bad = fb({ phone: '0912345678' });
    c.send(bad);
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'feedback.v1' });
    const good = fb({ phone: '0912 345 678', consent: { given: true, at: Date.now(), retentionDays: 30 } });
    c.send(good);
    expect((await c.next('feedback.ack.v1')).eventId).toBe(good.eventId);
    c.send(good);
    await c.next('feedback.ack.v1');
    const rows = await s.db.all<{ phone: string | null; retain_until: number | null }>('SELECT phone, retain_until FROM feedback WHERE device_id = ?', [d.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.phone).toBe('0912345678');
    expect(rows[0]!.retain_until! - Date.now()).toBeGreaterThan(29 * 86_400_000);
    c.close();
  });

  it('takes feedback only from kiosks', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    c.send(fb());
    expect(await c.next('error.v1')).toMatchObject({ code: 'not_allowed' });
    c.close();
  });

  it('rate-limits a kiosk to 30 feedback messages a minute', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    for (let i = 0; i < 31; i++) c.send(fb());
    const acks = await c.collect('feedback.ack.v1', 500);
    expect(acks).toHaveLength(30);
    expect(await c.next('error.v1')).toMatchObject({ code: 'rate_limited', eventId: expect.any(String) });
    c.close();
  });
});

describe('/ws/dashboard', () => {
  it('refuses no session, and a foreign Origin', async () => {
    await expect(s.connectDashboard(undefined)).rejects.toMatchObject({ status: 401 });
    const { cookie } = await s.login('admin');
    await expect(s.connectDashboard(cookie, 'http://evil.example')).rejects.toMatchObject({ status: 403 });
  });

  it('streams device status (online, heartbeat, offline) to a signed-in viewer', async () => {
    const { cookie } = await s.createUser('watcher', ['viewer']);
    const dash = await s.connectDashboard(cookie);
    const d = await s.createDevice('speaker');
    const c = await s.connect(d.token);
    const online = await dash.next('device.status.v1');
    expect(online).toMatchObject({ deviceId: String(d.id), online: true });
    c.send({
      type: 'heartbeat.v1', nowPlaying: null, cache: { files: 2, missing: 1, bytes: 10, timelineVersion: null },
      freeBytes: 1000, errors: ['disk slow'], uptimeMs: 5,
    });
    const beat = await dash.next('device.status.v1');
    expect(beat).toMatchObject({ deviceId: String(d.id), cache: { missing: 1 }, errors: ['disk slow'] });
    c.close();
    expect(await dash.next('device.status.v1')).toMatchObject({ deviceId: String(d.id), online: false });
    dash.close();
  });
  it('takes a heartbeat whose instants and measured numbers have fractions, rounds them and shows it', async () => {
    const { cookie } = await s.createUser('watcher-2', ['viewer']);
    const dash = await s.connectDashboard(cookie);
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    await dash.next('device.status.v1', 2_000, { online: true });
    const startedAt = 1_788_224_400_000.4;
    c.send({
      type: 'heartbeat.v1',
      nowPlaying: { itemId: 'it-1', contentId: '1', versionId: '1', sha256: sha, class: 'normal', startedAt },
      cache: { files: 1, missing: 0, bytes: 2048.5, timelineVersion: null },
      // navigator.storage.estimate() quotas and a performance-clock uptime come with fractions.
      freeBytes: 299_977_904_947.2,
      errors: [],
      uptimeMs: 61_000.7,
    });
    const beat = await dash.next('device.status.v1', 2_000, { deviceId: String(d.id), online: true });
    expect(beat).toMatchObject({ nowPlaying: { itemId: 'it-1', startedAt: 1_788_224_400_000 }, cache: { bytes: 2049 }, freeBytes: 299_977_904_947 });
    expect(await c.collect('error.v1', 300)).toEqual([]);
    c.close();
    dash.close();
  });
});
