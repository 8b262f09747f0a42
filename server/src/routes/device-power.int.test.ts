// Screen on and off from the dashboard: POST /api/devices/{id}/power over a real SQLite file and real sockets.
// The override is stored on the device, audited, and reaches the connected player as a new timeline whose
// awake intervals changed; a sleeping heartbeat reaches the dashboard feed as `sleeping`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAwakeAt, type AwakeInterval } from '@bantin/protocol';
import { startTestServer, type TestServer, type Msg } from '../../test/support/realtime-server';

let s: TestServer;
let editor: { cookie: string; csrf: string };
let viewer: { cookie: string; csrf: string };
let reviewer: { cookie: string; csrf: string };
let admin: { cookie: string; csrf: string };
beforeAll(async () => {
  s = await startTestServer();
  editor = await s.createUser('bien-tap-man-hinh', ['editor']);
  viewer = await s.createUser('xem-man-hinh', ['viewer']);
  reviewer = await s.createUser('duyet-man-hinh', ['reviewer']);
  admin = await s.login('admin');
});
afterAll(() => s.stop());

const power = (id: number, body: unknown, who: { cookie: string; csrf: string } | null = editor, lang = 'vi') =>
  s.request(`/api/devices/${id}/power`, {
    method: 'POST',
    ...(who ?? {}),
    headers: { 'accept-language': lang },
    body: JSON.stringify(body),
  });
const awakeOf = (m: Msg) => (m.timeline as { awake?: AwakeInterval[] }).awake;
const powerRow = async (id: number) =>
  (await s.db.get<{ power_override: string | null }>('SELECT power_override FROM devices WHERE id = ?', [id]))!.power_override;
const powerAudits = async () => (await s.audit.page(undefined, 200)).filter((r) => r.action.startsWith('device.power.'));

describe('POST /api/devices/{id}/power', () => {
  it('puts a connected kiosk to sleep: stored, audited, and the player gets a timeline dark from now', async () => {
    const d = await s.createDevice('kiosk');
    const c = await s.connect(d.token);
    const first = await c.next('timeline.v2');
    expect(awakeOf(first)).toBeUndefined(); // a kiosk without hours is on all the time
    const before = Date.now();
    const res = await power(d.id, { state: 'asleep', minutes: 30 });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.powerOverride).toMatchObject({ state: 'asleep' });
    const until = Date.parse(body.powerOverride.until);
    expect(until).toBeGreaterThanOrEqual(before + 30 * 60_000);
    expect(until).toBeLessThanOrEqual(Date.now() + 30 * 60_000);
    expect(JSON.parse((await powerRow(d.id))!)).toMatchObject({ state: 'asleep', until });

    const next = await c.next('timeline.v2', 3000);
    expect(next.timeline).not.toMatchObject({ version: (first.timeline as { version: string }).version });
    const awake = awakeOf(next)!;
    expect(awake).toBeDefined();
    expect(isAwakeAt(awake, Date.now())).toBe(false);
    expect(isAwakeAt(awake, until + 1)).toBe(true);
    expect(isAwakeAt(awake, before - 1)).toBe(true);

    const audit = (await powerAudits()).find((r) => r.target === `device:${d.id}`);
    expect(audit).toMatchObject({
      actor: 'bien-tap-man-hinh',
      action: 'device.power.asleep',
      summary: { state: 'asleep', minutes: 30, until: new Date(until).toISOString() },
    });

    // Back to the schedule: the override is gone and the player is on all the time again.
    const back = await power(d.id, { state: 'schedule' });
    expect(back.status).toBe(200);
    expect((await back.json()).powerOverride).toBeNull();
    expect(await powerRow(d.id)).toBeNull();
    expect(awakeOf(await c.next('timeline.v2', 3000))).toBeUndefined();
    expect((await powerAudits()).some((r) => r.target === `device:${d.id}` && r.action === 'device.power.schedule')).toBe(true);
    c.close();
  });

  it('wakes an LED screen for the default hour (admin may too), and reaches a screen that was offline when it connects', async () => {
    const d = await s.createDevice('led');
    const res = await power(d.id, { state: 'awake' }, admin);
    expect(res.status).toBe(200);
    const until = Date.parse((await res.json()).powerOverride.until);
    expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
    expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
    await s.timeline.settled();
    const c = await s.connect(d.token);
    const awake = awakeOf(await c.next('timeline.v2'))!;
    // The LED's hours plus the hour from now: on now and until the override ends, whatever the clock says.
    expect(isAwakeAt(awake, Date.now())).toBe(true);
    expect(isAwakeAt(awake, until - 1)).toBe(true);
    expect((await s.devices.get(d.id)).powerOverride).toMatchObject({ state: 'awake' });
    c.close();
  });

  it('lets only the roles that may command devices do it', async () => {
    const d = await s.createDevice('led');
    for (const who of [viewer, reviewer]) expect((await power(d.id, { state: 'asleep' }, who)).status).toBe(403);
    expect((await power(d.id, { state: 'asleep' }, null)).status).toBe(401);
    expect(await powerRow(d.id)).toBeNull();
    expect((await powerAudits()).some((r) => r.target === `device:${d.id}`)).toBe(false);
  });

  it('refuses bad input, speakers and unknown devices in the asked language, changing nothing', async () => {
    const led = await s.createDevice('led');
    const sp = await s.createDevice('speaker', 'Loa tổ 3');
    const audits = (await powerAudits()).length;
    for (const body of [
      {},
      { state: 'off' },
      { state: 'asleep', minutes: 10 },
      { state: 'asleep', minutes: 721 },
      { state: 'awake', minutes: 30.5 },
      { state: 'awake', extra: 1 },
      { state: 'awake', minutes: '30' },
    ]) {
      const r = await power(led.id, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
    const vi = await power(sp.id, { state: 'asleep' });
    expect(vi.status).toBe(400);
    expect(await vi.json()).toMatchObject({ code: 'power_not_for_kind', detail: expect.stringContaining('không có màn hình') });
    const en = await power(sp.id, { state: 'awake' }, editor, 'en');
    expect(en.status).toBe(400);
    expect((await en.json()).detail).toContain('has no screen');
    expect((await power(999_999, { state: 'asleep' })).status).toBe(404);
    expect(await powerRow(led.id)).toBeNull();
    expect(await powerRow(sp.id)).toBeNull();
    expect((await powerAudits()).length).toBe(audits);
  });
});

describe('sleeping on the dashboard feed', () => {
  it('shows a sleeping heartbeat as sleeping and online, and drops it when the screen wakes or goes offline', async () => {
    const { cookie } = await s.createUser('xem-truc-tiep', ['viewer']);
    const dash = await s.connectDashboard(cookie);
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await dash.next('device.status.v1', 2000, { deviceId: String(d.id), online: true });
    const beat = (sleeping?: boolean) => ({
      type: 'heartbeat.v1',
      nowPlaying: null,
      cache: { files: 0, missing: 0, bytes: 0, timelineVersion: null },
      freeBytes: null,
      errors: [],
      uptimeMs: 5,
      ...(sleeping === undefined ? {} : { sleeping }),
    });
    c.send(beat(true));
    expect(await dash.next('device.status.v1', 2000, { deviceId: String(d.id) })).toMatchObject({ online: true, sleeping: true });
    c.send(beat(false));
    expect(await dash.next('device.status.v1', 2000, { deviceId: String(d.id) })).not.toHaveProperty('sleeping');
    c.send(beat(true));
    await dash.next('device.status.v1', 2000, { deviceId: String(d.id), sleeping: true });
    expect(await c.collect('error.v1', 200)).toEqual([]);
    c.close();
    const off = await dash.next('device.status.v1', 2000, { deviceId: String(d.id), online: false });
    expect(off).not.toHaveProperty('sleeping');
    dash.close();
  });
});
