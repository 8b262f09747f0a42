import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addContent, callerFor, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
let clock = vn('2026-03-02', '08:00');
beforeEach(async () => {
  clock = vn('2026-03-02', '08:00') + 250;
  t = await createTestContext({ clock: () => clock });
  ed = await callerFor(t, 'editor1', ['editor']);
});
afterEach(() => t.cleanup());

const device = async (kind: 'led' | 'kiosk' | 'speaker', groupIds: number[] = []) =>
  (await ed('POST', '/api/devices', { name: `${kind}-${Math.random()}`, kind, groupIds })).body.id as number;
const group = async (name: string) => (await ed('POST', '/api/groups', { name })).body.id as number;
const playingAt = async (id: number, at: number) => (await ed('GET', `/api/devices/${id}/timeline/at?t=${at}`)).body;
const start = vn('2026-03-02', '08:00') + 1000;

describe('POST /api/schedules/play-now', () => {
  it('creates a priority entry starting now that the targeted devices play at once, repeated at the interval', async () => {
    const g = await group('Tổ 3');
    const led = await device('led', [g]);
    const kiosk = await device('kiosk', [g]);
    const other = await device('led');
    const filler = await addContent(t, { media: 'image', title: 'Quy tắc ứng xử' });
    await ed('POST', '/api/schedules', {
      class: 'normal',
      contentId: filler,
      target: { kinds: ['led', 'kiosk'] },
      when: {
        dateFrom: '2026-03-01',
        dateTo: '2026-03-31',
        daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
        windows: [{ start: '07:00', end: '11:00' }],
      },
    });
    const c = await addContent(t, { media: 'video', durationMs: 60_000, title: 'Thông báo tiêm chủng' });

    const res = await ed('POST', '/api/schedules/play-now', { contentId: c, target: { groupIds: [g] }, repeat: 3, intervalMin: 10 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      class: 'priority',
      contentId: c,
      name: 'Phát ngay: Thông báo tiêm chủng',
      target: { groupIds: [g], deviceIds: [], kinds: [] },
      when: { rrule: 'DTSTART:20260302T080001\nRRULE:FREQ=MINUTELY;INTERVAL=10;COUNT=3', durationMin: 1 },
    });
    expect((await ed('GET', `/api/schedules/${res.body.id}`)).status).toBe(200);

    for (const id of [led, kiosk]) {
      // It starts on the second it was asked for (never rounded to a minute that began earlier).
      expect((await playingAt(id, start - 500)).item.contentId).toBe(String(filler));
      expect((await playingAt(id, start + 100)).item.contentId).toBe(String(c));
      const now = await playingAt(id, start + 2000);
      expect(now.item).toMatchObject({ contentId: String(c), reason: { scheduleId: String(res.body.id) } });
      expect(now.segment.class).toBe('priority');
      // Each repeat plays again at its interval, and normal programming comes back in between and after.
      expect((await playingAt(id, start + 10 * 60_000 + 2000)).item.contentId).toBe(String(c));
      expect((await playingAt(id, start + 20 * 60_000 + 2000)).item.contentId).toBe(String(c));
      expect((await playingAt(id, start + 5 * 60_000)).item.contentId).toBe(String(filler));
      expect((await playingAt(id, start + 30 * 60_000 + 2000)).item.contentId).toBe(String(filler));
    }
    expect((await playingAt(other, start + 2000)).item.contentId).toBe(String(filler));

    const audit = await t.createUser('viewer1', ['viewer']);
    const rows = (await (await t.request('/api/audit?limit=10', { cookie: audit.cookie })).json()).rows;
    expect(
      rows.find((r: { action: string; target: string }) => r.action === 'schedule.create' && r.target === `schedule:${res.body.id}`),
    ).toBeTruthy();
  });

  it('defaults to one play and targets single devices', async () => {
    const led = await device('led');
    const c = await addContent(t, { media: 'video', durationMs: 30_000 });
    const res = await ed('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [led] } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.when.rrule).toContain('INTERVAL=5;COUNT=1');
    expect((await playingAt(led, start + 1000)).item.contentId).toBe(String(c));
    expect((await playingAt(led, start + 5 * 60_000 + 1000)).item?.contentId).not.toBe(String(c));
  });

  it('keeps the broadcast slots of loudspeakers: outside them the entry is refused and says when they are', async () => {
    const sp = await device('speaker');
    const c = await addContent(t, { media: 'audio', durationMs: 30_000 });
    const res = await ed('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [sp] } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('schedule_speaker_outside_slots');
    expect(res.body.detail).toContain('17:00–17:30');
  });

  it('refuses an item that is not approved, with a clear message in both languages', async () => {
    const led = await device('led');
    const draft = await addContent(t, { media: 'video', state: 'submitted' });
    const res = await ed('POST', '/api/schedules/play-now', { contentId: draft, target: { deviceIds: [led] } });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('play_now_not_approved');
    expect(res.body.detail).toContain('chưa được duyệt');
    const s = await t.login('editor1');
    const en = await t.request('/api/schedules/play-now', {
      method: 'POST',
      ...s,
      headers: { 'accept-language': 'en' },
      body: JSON.stringify({ contentId: draft, target: { deviceIds: [led] } }),
    });
    expect((await en.json()).detail).toBe(
      `Content #${draft} is not approved (or has expired or been withdrawn), so it cannot be played now.`,
    );
    expect((await ed('GET', '/api/schedules')).body).toHaveLength(0);
  });

  it('refuses adverts, unknown content, an empty target and repeats outside 1–10', async () => {
    const led = await device('led');
    const ad = await addContent(t, { kind: 'ad', media: 'image' });
    const c = await addContent(t, { media: 'video' });
    expect((await ed('POST', '/api/schedules/play-now', { contentId: ad, target: { deviceIds: [led] } })).body.code).toBe('play_now_ad');
    expect((await ed('POST', '/api/schedules/play-now', { contentId: 4242, target: { deviceIds: [led] } })).status).toBe(404);
    expect((await ed('POST', '/api/schedules/play-now', { contentId: c, target: {} })).body.code).toBe('schedule_target_empty');
    expect((await ed('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [led] }, repeat: 11 })).status).toBe(400);
    expect((await ed('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [led] }, repeat: 0 })).status).toBe(400);
  });

  it('is refused to roles that may not create schedules', async () => {
    const led = await device('led');
    const c = await addContent(t, { media: 'video' });
    for (const role of ['viewer', 'reviewer', 'ad_reviewer'] as const) {
      const call = await callerFor(t, `${role}1`, [role]);
      const res = await call('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [led] } });
      expect(res.status).toBe(403);
    }
    const admin = await callerFor(t, 'admin2', ['admin']);
    expect((await admin('POST', '/api/schedules/play-now', { contentId: c, target: { deviceIds: [led] } })).status).toBe(201);
  });
});
