// Emergency alerts end to end: HTTP issue → alert.v1 on every targeted socket at once, acks to the database and
// the dashboard, cancel, expiry by the clock, and CAP 1.2 intake (applied, logged-only, refused).
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, type TestClient } from '../../test/support/realtime-server';

let now = Date.UTC(2026, 8, 1, 1, 0, 0);
let s: TestServer;
let editor: { cookie: string; csrf: string };
const post = (p: string, body: unknown, auth = editor, type = 'application/json') =>
  s.request(p, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body), cookie: auth.cookie, csrf: auth.csrf, headers: { 'content-type': type } });

beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
  editor = await s.createUser('editor1', ['editor']);
});
afterAll(() => s.stop());
// Each test starts with no active alert, whatever the previous one left behind.
afterEach(async () => {
  for (const a of await s.alerts.list()) if (a.status === 'active') await s.alerts.cancel({ id: null, name: 'test' }, a.id);
  await s.alerts.settle();
});

async function online(kind: 'led' | 'kiosk' | 'speaker', groupIds: number[] = []) {
  const d = await s.createDevice(kind, undefined, groupIds);
  const c = await s.connect(d.token);
  await c.next('time.v1');
  return { ...d, c };
}
/** Issues an alert to one device and returns its id. */
async function issueTo(deviceId: number, text: string): Promise<number> {
  const res = await post('/api/alerts', { text, target: { deviceIds: [deviceId] } });
  return ((await res.json()) as { id: number }).id;
}
const none = async (c: TestClient) => expect(await c.collect('alert.v1', 300)).toEqual([]);
const action = (c: TestClient, a: 'start' | 'update' | 'cancel', timeoutMs = 1000) => c.next('alert.v1', timeoutMs, { action: a });

describe('POST /api/alerts', () => {
  it('interrupts every targeted connected device at once, and only those; the issuer is audited', async () => {
    const led = await online('led');
    const speaker = await online('speaker');
    const kiosk = await online('kiosk');
    const res = await post('/api/alerts', { text: '  Bão số 3: không ra khỏi nhà. ', target: { kinds: ['led', 'speaker'] }, repeatMin: 5 });
    expect(res.status).toBe(201);
    const alert = (await res.json()) as { id: number; text: string; status: string };
    expect(alert).toMatchObject({ text: 'Bão số 3: không ra khỏi nhà.', status: 'active' });
    for (const c of [led.c, speaker.c]) {
      expect(await action(c, 'start')).toMatchObject({ id: String(alert.id), repeatEveryMs: 300_000, severity: 'severe' });
    }
    await none(kiosk.c);
    // Speakers then get the text as rendered Vietnamese speech (an update with a WAV they may download).
    const update = await action(speaker.c, 'update', 20_000);
    expect(update.speech).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const wav = await s.http(`/api/device/media/${(update.speech as { sha256: string }).sha256}`, { headers: { authorization: `Bearer ${speaker.token}` } });
    expect(wav.status).toBe(200);
    expect(wav.headers.get('content-type')).toBe('audio/wav');
    const audit = await s.db.get<{ actor: string; summary: string }>("SELECT actor, summary FROM audit_log WHERE action = 'alert.issue' ORDER BY seq DESC LIMIT 1");
    expect(audit?.actor).toBe('editor1');
    expect(JSON.parse(audit!.summary)).toMatchObject({ approvedBy: 'editor1' });
    await post(`/api/alerts/${alert.id}/cancel`, {});
    for (const c of [led.c, speaker.c, kiosk.c]) c.close();
  });

  it('targets groups, stores each device ack once, shows acks in the detail and streams them to dashboards', async () => {
    const groups = s.groups as { create: (a: unknown, g: { name: string }) => Promise<{ id: number }> };
    const g = await groups.create({ id: null, name: 'test' }, { name: 'Tổ dân phố 7' });
    const member = await online('speaker', [g.id]);
    const outsider = await online('speaker');
    const dash = await s.connectDashboard(editor.cookie);
    const res = await post('/api/alerts', { text: 'Mất điện', target: { groupIds: [g.id] } });
    const { id } = (await res.json()) as { id: number };
    const msg = await action(member.c, 'start');
    await none(outsider.c);
    member.c.send({ type: 'ack.v1', of: 'alert', id: msg.id, action: 'start' });
    member.c.send({ type: 'ack.v1', of: 'alert', id: msg.id, action: 'start' });
    expect(await dash.next('alert.ack.v1')).toMatchObject({ alertId: String(id), deviceId: String(member.id) });
    const detail = (await (await s.request(`/api/alerts/${id}`, { cookie: editor.cookie })).json()) as { acks: { deviceId: number }[]; ackCount: number };
    expect(detail.acks.map((a) => a.deviceId)).toEqual([member.id]);
    expect(detail.ackCount).toBe(1);
    await post(`/api/alerts/${id}/cancel`, {});
    dash.close();
  });

  it('sends active alerts to a device that connects later, and cancel to everyone targeted', async () => {
    const res = await post('/api/alerts', { text: 'Ngập lụt', target: { all: true } });
    const { id } = (await res.json()) as { id: number };
    const late = await online('kiosk');
    expect(await action(late.c, 'start')).toMatchObject({ id: String(id) });
    const cancel = await post(`/api/alerts/${id}/cancel`, {});
    expect(cancel.status).toBe(200);
    expect(await cancel.json()).toMatchObject({ status: 'cancelled' });
    expect(await action(late.c, 'cancel')).toMatchObject({ id: String(id) });
    expect((await post(`/api/alerts/${id}/cancel`, {})).status).toBe(409);
    late.c.close();
  });

  it('ends an alert at its expiry and tells the devices', async () => {
    const d = await online('led');
    const res = await post('/api/alerts', { text: 'Nắng nóng', target: { deviceIds: [d.id] }, expiresAt: new Date(now + 60_000).toISOString() });
    const { id } = (await res.json()) as { id: number };
    await action(d.c, 'start');
    now += 61_000;
    expect(await s.alerts.expireDue()).toBe(1);
    expect(await action(d.c, 'cancel')).toMatchObject({ id: String(id) });
    const detail = (await (await s.request(`/api/alerts/${id}`, { cookie: editor.cookie })).json()) as { status: string };
    expect(detail.status).toBe('expired');
    d.c.close();
  });

  it('refuses a viewer, an empty target, a past expiry and an unknown audio file', async () => {
    const viewer = await s.createUser('viewer1', ['viewer']);
    expect((await post('/api/alerts', { text: 'x', target: { all: true } }, viewer)).status).toBe(403);
    expect((await post('/api/alerts', { text: 'x', target: {} })).status).toBe(400);
    expect((await post('/api/alerts', { text: 'x', target: { all: true }, expiresAt: new Date(now - 1).toISOString() })).status).toBe(400);
    expect((await post('/api/alerts', { text: 'x', target: { all: true }, audioSha256: 'f'.repeat(64) })).status).toBe(400);
    expect((await post('/api/alerts', { text: 'x', target: { all: true }, extra: 1 })).status).toBe(400);
  });
});

const cap = (status: string, msgType: string, extra = '', ident = 'KTTV-1') => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${ident}</identifier><sender>kttv@example.vn</sender><sent>2026-09-01T08:00:00+07:00</sent>
  <status>${status}</status><msgType>${msgType}</msgType><scope>Public</scope>${extra}
  <info><language>vi-VN</language><event>Bão</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
    <headline>Bão số 5 đổ bộ</headline><instruction>Ở trong nhà</instruction><expires>2026-09-01T18:00:00+07:00</expires>
    <area><areaDesc>Khu phố CAP</areaDesc></area></info>
</alert>`;

describe('POST /api/alerts/cap', () => {
  it('applies Actual Alert, Update and Cancel to the matched group, with the mapped behaviour', async () => {
    const groups = s.groups as { create: (a: unknown, g: { name: string }) => Promise<{ id: number }> };
    const g = await groups.create({ id: null, name: 'test' }, { name: 'Khu phố CAP' });
    const d = await online('speaker', [g.id]);
    const res = await post('/api/alerts/cap', cap('Actual', 'Alert'), editor, 'application/cap+xml');
    expect(res.status).toBe(201);
    const out = (await res.json()) as { alertIds: number[] };
    expect(await action(d.c, 'start')).toMatchObject({ severity: 'extreme', repeatEveryMs: 300_000, text: 'Bão số 5 đổ bộ\nỞ trong nhà' });
    expect((await post('/api/alerts/cap', cap('Actual', 'Alert'), editor, 'application/cap+xml')).status).toBe(200);

    const refs = '<references>kttv@example.vn,KTTV-1,2026-09-01T08:00:00+07:00</references>';
    const upd = await post('/api/alerts/cap', cap('Actual', 'Update', refs, 'KTTV-2').replace('Bão số 5 đổ bộ', 'Bão số 5 suy yếu'), editor, 'application/xml');
    expect(upd.status).toBe(200);
    expect(await action(d.c, 'update', 2000)).toMatchObject({ id: String(out.alertIds[0]), text: 'Bão số 5 suy yếu\nỞ trong nhà' });

    const can = await post('/api/alerts/cap', cap('Actual', 'Cancel', refs, 'KTTV-3'), editor, 'application/cap+xml');
    expect(await can.json()).toMatchObject({ applied: true, action: 'cancel', alertIds: out.alertIds });
    expect(await action(d.c, 'cancel')).toMatchObject({ id: String(out.alertIds[0]) });
    d.c.close();
  });

  it('logs Exercise and Test messages in the audit log without applying them (202)', async () => {
    const d = await online('led');
    for (const status of ['Exercise', 'Test']) {
      const res = await post('/api/alerts/cap', cap(status, 'Alert', '', `EX-${status}`), editor, 'application/cap+xml');
      expect(res.status).toBe(202);
      expect(await res.json()).toMatchObject({ applied: false, status });
    }
    await none(d.c);
    const logged = await s.db.all("SELECT target FROM audit_log WHERE action = 'alert.cap_ignored'");
    expect(logged).toHaveLength(2);
    d.c.close();
  });

  it('refuses bad XML, XXE, a wrong content type, an unknown reference and an unmatched area with clear 4xx', async () => {
    const bad = await post('/api/alerts/cap', '<alert><identifier>x</alert>', editor, 'application/cap+xml');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { detail: string }).detail).toMatch(/CAP/);
    const xxe = await post('/api/alerts/cap', '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + cap('Actual', 'Alert').replace(/^<\?xml[^>]*>/, ''), editor, 'application/cap+xml');
    expect(xxe.status).toBe(400);
    expect((await post('/api/alerts/cap', cap('Actual', 'Alert'), editor, 'text/plain')).status).toBe(415);
    const refs = '<references>nobody,NOPE,2026-09-01T08:00:00+07:00</references>';
    expect((await post('/api/alerts/cap', cap('Actual', 'Cancel', refs, 'C-9'), editor, 'application/cap+xml')).status).toBe(404);
    const nowhere = cap('Actual', 'Alert', '', 'KTTV-77').replace('Khu phố CAP', 'Phường khác');
    expect((await post('/api/alerts/cap', nowhere, editor, 'application/cap+xml')).status).toBe(422);
  });
});

describe('POST /api/alerts/:id/cancel', () => {
  it('removes the alert from the stored timeline of a device that was offline, so it never plays it on reconnect', async () => {
    const d = await s.createDevice('led');
    const res = await post('/api/alerts', { text: 'Bão sắp đổ bộ', target: { deviceIds: [d.id] } });
    const { id } = (await res.json()) as { id: number };
    const hasAlert = async () => {
      await new Promise((r) => setTimeout(r, 400));
      await s.timeline.settled();
      const tl = await s.timeline.getTimeline(d.id);
      return JSON.stringify(tl ?? {}).includes(`alert:${id}`);
    };
    expect(await hasAlert()).toBe(true);
    await post(`/api/alerts/${id}/cancel`, {});
    expect(await hasAlert()).toBe(false);
    const c = await s.connect(d.token);
    await c.next('time.v1');
    expect(await c.collect('alert.v1', 300)).toEqual([]);
    c.close();
  });
});

describe('device connect after a cancel', () => {
  it('sends the cancel to a device that took the alert and was offline when it was cancelled', async () => {
    const led = await online('led');
    const id = await issueTo(led.id, 'Lũ quét vùng ven sông');
    await action(led.c, 'start');
    led.c.send({ type: 'ack.v1', of: 'alert', id: String(id), action: 'start' });
    const acked = Date.now() + 5_000;
    while ((await s.alerts.get(id)).ackCount === 0 && Date.now() < acked) await new Promise((r) => setTimeout(r, 50));
    led.c.close();
    await post(`/api/alerts/${id}/cancel`, {});
    const again = await s.connect(led.token);
    expect(await again.next('alert.v1', 2_000, { action: 'cancel' })).toMatchObject({ id: String(id) });
    expect(await again.collect('alert.v1', 300)).toEqual([]);
    again.close();
  });
});

describe('proof of play of a cancelled alert', () => {
  it('counts no play after the cancel: one that ran past it is cut there, one that started after it is dropped', async () => {
    const led = await online('led');
    const id = await issueTo(led.id, 'Sạt lở đường ven sông');
    const issued = now;
    now += 60_000;
    await post(`/api/alerts/${id}/cancel`, {});
    const cancelledAt = now;
    now += 60_000;
    const play = (start: number, end: number) => ({
      eventId: randomUUID(),
      contentId: `alert:${id}`,
      versionId: `alert:${id}`,
      sha256: 'b'.repeat(64),
      start,
      end,
      result: 'completed',
      class: 'emergency',
    });
    const before = play(issued + 1_000, issued + 16_000);
    const across = play(cancelledAt - 5_000, cancelledAt + 10_000);
    const after = play(cancelledAt + 10_000, cancelledAt + 25_000);
    led.c.send({ type: 'plays.v1', records: [before, across, after] });
    // Every record is acknowledged, also the dropped one, so the player does not send it again.
    expect((await led.c.next('plays.ack.v1')).eventIds).toEqual([before.eventId, across.eventId, after.eventId]);
    const listed = await s.request(`/api/plays?deviceId=${led.id}`, { cookie: editor.cookie });
    const { plays } = (await listed.json()) as { plays: { eventId: string; endedAt: string; result: string }[] };
    expect(plays.map((p) => [p.eventId, p.endedAt, p.result])).toEqual([
      [across.eventId, new Date(cancelledAt).toISOString(), 'interrupted'],
      [before.eventId, new Date(before.end).toISOString(), 'completed'],
    ]);
    const day = new Date(issued).toISOString().slice(0, 10);
    const report = await s.request(`/api/reports/plays?from=${day}&to=${day}&groupBy=device`, { cookie: editor.cookie });
    expect(report.status).toBe(200);
    const { totals } = (await report.json()) as { totals: { plays: number; seconds: number } };
    expect(totals).toMatchObject({ plays: 2, seconds: 15 + 5 });
    led.c.close();
  });
});
