import { describe, expect, it } from 'vitest';
import type { TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

const morning = everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '11:00' }]);
const device = async (kind: 'led' | 'kiosk' | 'speaker', name = `${kind}-${Math.random()}`, groupIds: number[] = []) =>
  (await ed('POST', '/api/devices', { name, kind, groupIds })).body.id as number;
const refuse = async (body: unknown, status: number, code: string) => {
  const res = await ed('POST', '/api/schedules', body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.code).toBe(code);
  expect(res.body.detail).toBeTruthy();
  return res.body;
};

describe('POST /api/schedules', () => {
  it('creates a normal entry for a content on LED screens and it appears in their timeline with its reason', async () => {
    const led = await device('led');
    const c = await addContent(t, { media: 'image' });
    const res = await ed('POST', '/api/schedules', { name: 'Quy tắc ứng xử', class: 'normal', contentId: c, target: { kinds: ['led'] }, when: morning });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ class: 'normal', contentId: c, playlistId: null, target: { deviceIds: [], groupIds: [], kinds: ['led'] } });
    const at = await ed('GET', `/api/devices/${led}/timeline/at?t=${vn('2026-03-02', '09:00')}`);
    expect(at.body.item).toMatchObject({ contentId: String(c), reason: { scheduleId: String(res.body.id) } });
    expect(at.body.source).toBe('stored');
  });

  it('accepts an RRULE entry with a duration', async () => {
    await device('led');
    const c = await addContent(t, { media: 'video' });
    const res = await ed('POST', '/api/schedules', {
      class: 'priority',
      contentId: c,
      target: { kinds: ['led'] },
      when: { rrule: 'DTSTART:20260301T120000\nRRULE:FREQ=DAILY;COUNT=30', durationMin: 30 },
    });
    expect(res.status).toBe(201);
  });

  it('refuses an end before a start (dates, and a window ending before it starts)', async () => {
    const c = await addContent(t, { media: 'image' });
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: everyDay('2026-03-31', '2026-03-01', [{ start: '07:00', end: '08:00' }]) }, 400, 'schedule_end_before_start');
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '09:00', end: '08:00' }]) }, 400, 'schedule_end_before_start');
  });

  it('refuses a window of zero length, in calendar and RRULE form', async () => {
    const c = await addContent(t, { media: 'image' });
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '08:00', end: '08:00' }]) }, 400, 'schedule_zero_window');
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: { rrule: 'DTSTART:20260301T080000\nRRULE:FREQ=DAILY', durationMin: 0 } }, 400, 'schedule_zero_window');
  });

  it('refuses an RRULE that never ends and produces nothing, and one that is malformed', async () => {
    const c = await addContent(t, { media: 'image' });
    const body = await refuse(
      { class: 'normal', contentId: c, target: { kinds: ['led'] }, when: { rrule: 'DTSTART:20260301T080000\nRRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', durationMin: 10 } },
      400,
      'schedule_rrule_empty',
    );
    expect(body.detail).toContain('không bao giờ phát');
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: { rrule: 'RRULE:FREQ=DAILY', durationMin: 10 } }, 400, 'schedule_rrule_invalid');
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: { rrule: 'DTSTART:20260301T080000\nRRULE:FREQ=SOMETIMES', durationMin: 10 } }, 400, 'schedule_rrule_invalid');
  });

  it('refuses more than 10,000 occurrences a day', async () => {
    const c = await addContent(t, { media: 'image' });
    await refuse({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: { rrule: 'DTSTART:20260301T000000\nRRULE:FREQ=SECONDLY;COUNT=20000', durationMin: 1 } }, 400, 'schedule_too_many_occurrences');
  });

  it('refuses a schedule that targets a deleted or unknown group, or an unknown device', async () => {
    const c = await addContent(t, { media: 'image' });
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 9' })).body.id;
    expect((await ed('DELETE', `/api/groups/${g}`)).status).toBe(204);
    await refuse({ class: 'normal', contentId: c, target: { groupIds: [g] }, when: morning }, 422, 'schedule_group_unknown');
    await refuse({ class: 'normal', contentId: c, target: { groupIds: [777] }, when: morning }, 422, 'schedule_group_unknown');
    await refuse({ class: 'normal', contentId: c, target: { deviceIds: [777] }, when: morning }, 422, 'schedule_device_unknown');
    await refuse({ class: 'normal', contentId: c, target: {}, when: morning }, 400, 'schedule_target_empty');
  });

  it('refuses an ad aimed at a speaker directly, by kind, or through a group that contains speakers', async () => {
    const ad = await addContent(t, { kind: 'ad', media: 'image' });
    const sp = await device('speaker', 'Loa tổ 5');
    const led = await device('led');
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 5', deviceIds: [sp, led] })).body.id;
    const base = { class: 'ads', contentId: ad, when: morning, adShare: 0.2 };
    const direct = await refuse({ ...base, target: { deviceIds: [sp] } }, 422, 'schedule_ad_not_led');
    expect(direct.detail).toContain('Loa tổ 5');
    await refuse({ ...base, target: { kinds: ['speaker'] } }, 422, 'schedule_ad_not_led');
    await refuse({ ...base, target: { groupIds: [g] } }, 422, 'schedule_ad_not_led');
    // The LED screens of that group are fine.
    expect((await ed('POST', '/api/schedules', { ...base, target: { groupIds: [g], kinds: ['led'] } })).status).toBe(201);
  });

  it('keeps ads and the ads class together, and ad settings for ads only', async () => {
    const ad = await addContent(t, { kind: 'ad', media: 'image' });
    const msg = await addContent(t, { media: 'image' });
    await refuse({ class: 'normal', contentId: ad, target: { kinds: ['led'] }, when: morning }, 422, 'schedule_ad_class_mismatch');
    await refuse({ class: 'ads', contentId: msg, target: { kinds: ['led'] }, when: morning }, 422, 'schedule_ad_class_mismatch');
    await refuse({ class: 'normal', contentId: msg, target: { kinds: ['led'] }, when: morning, adShare: 0.1 }, 400, 'schedule_ad_fields_not_ads');
  });

  it('refuses a speaker entry that cannot fit the slots, and says why', async () => {
    const sp = await device('speaker', 'Loa tổ 7');
    const long = await addContent(t, { speech: true, durationMs: 45 * 60_000 });
    const short = await addContent(t, { speech: true, durationMs: 60_000 });
    const tooLong = await refuse({ class: 'normal', contentId: long, target: { deviceIds: [sp] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '06:00', end: '07:00' }]) }, 422, 'schedule_speaker_too_long');
    expect(tooLong.detail).toContain('Loa tổ 7');
    expect(tooLong.detail).toContain('1800');
    const outside = await refuse({ class: 'normal', contentId: short, target: { deviceIds: [sp] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '10:00', end: '11:00' }]) }, 422, 'schedule_speaker_outside_slots');
    expect(outside.detail).toContain('06:00–06:30');
    expect((await ed('POST', '/api/schedules', { class: 'normal', contentId: short, target: { deviceIds: [sp] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '06:00', end: '06:30' }]) })).status).toBe(201);
  });

  it('plays a speaker group entry in the window it was stored with, and refuses one reaching past the group’s slot', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 9', broadcastSlots: [{ start: '06:00', end: '06:30' }] })).body.id as number;
    const sp = await device('speaker', 'Loa tổ 9', [g]);
    const news = await addContent(t, { speech: true, durationMs: 60_000 });
    const past = await refuse({ class: 'normal', contentId: news, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '06:18', end: '06:36' }]) }, 422, 'schedule_speaker_window_outside_slot');
    expect(past.detail).toContain('06:18–06:36');
    expect(past.detail).toContain('06:00–06:30');
    const when = everyDay('2026-03-01', '2026-03-31', [{ start: '06:18', end: '06:28' }]);
    const res = await ed('POST', '/api/schedules', { class: 'normal', contentId: news, target: { groupIds: [g] }, when });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.when).toEqual(when);
    const tl = await ed('GET', `/api/devices/${sp}/timeline?from=${vn('2026-03-03', '06:00')}&to=${vn('2026-03-03', '06:30')}`);
    const runs = (tl.body.segments as { start: number; items: { contentId: string }[] }[]).filter((s) => s.items.some((i) => i.contentId === String(news)));
    expect(runs.map((s) => s.start)).toEqual([vn('2026-03-03', '06:18')]);
    const at = await ed('GET', `/api/devices/${sp}/timeline/at?t=${vn('2026-03-03', '06:18') + 10_000}`);
    expect(at.body.item).toMatchObject({ contentId: String(news) });
    expect(at.body.offsetMs).toBe(10_000);
  });

  it('refuses content or a playlist that does not exist, and a body with both or neither', async () => {
    await refuse({ class: 'normal', contentId: 4242, target: { kinds: ['led'] }, when: morning }, 422, 'schedule_content_unknown');
    await refuse({ class: 'normal', playlistId: 4242, target: { kinds: ['led'] }, when: morning }, 404, 'playlist_not_found');
    await refuse({ class: 'normal', target: { kinds: ['led'] }, when: morning }, 400, 'validation_failed');
    await refuse({ class: 'normal', contentId: 1, playlistId: 1, target: { kinds: ['led'] }, when: morning }, 400, 'validation_failed');
  });

  it('answers refusals in English when asked', async () => {
    const c = await addContent(t, { media: 'image' });
    const s = await t.login('editor1');
    const res = await t.request('/api/schedules', {
      method: 'POST',
      ...s,
      headers: { 'accept-language': 'en' },
      body: JSON.stringify({ class: 'normal', contentId: c, target: { kinds: ['led'] }, when: everyDay('2026-03-31', '2026-03-01', [{ start: '07:00', end: '08:00' }]) }),
    });
    expect((await res.json()).detail).toBe('The end (2026-03-01) is before the start (2026-03-31).');
  });
});

describe('PATCH and DELETE /api/schedules/{id}', () => {
  it('re-validates the merged entry, applies valid changes and removes the entry from timelines on delete', async () => {
    const led = await device('led');
    const c = await addContent(t, { media: 'image' });
    const s = (await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { kinds: ['led'] }, when: morning })).body;
    expect((await ed('PATCH', `/api/schedules/${s.id}`, { when: everyDay('2026-03-31', '2026-03-01', [{ start: '07:00', end: '08:00' }]) })).status).toBe(400);
    const moved = await ed('PATCH', `/api/schedules/${s.id}`, { when: everyDay('2026-03-01', '2026-03-31', [{ start: '13:00', end: '14:00' }]) });
    expect(moved.status).toBe(200);
    const at = (time: string) => ed('GET', `/api/devices/${led}/timeline/at?t=${vn('2026-03-02', time)}`);
    expect((await at('13:30')).body.item?.reason.scheduleId).toBe(String(s.id));
    expect((await at('09:00')).body.item).toBeNull();
    expect((await ed('DELETE', `/api/schedules/${s.id}`)).status).toBe(204);
    expect((await ed('GET', `/api/schedules/${s.id}`)).status).toBe(404);
    expect((await at('13:30')).body.item).toBeNull();
  });
});

describe('GET /api/schedules/conflicts', () => {
  it('lists entries that never play, content expiring while scheduled, fallback-only devices, ads over share and overfull speaker slots', async () => {
    const led = await device('led', 'LED chợ');
    const sp = await device('speaker', 'Loa tổ 1');
    const idle = await device('kiosk', 'Kiosk một cửa');
    const expiring = await addContent(t, { media: 'image', validTo: vn('2026-03-10') });
    const s1 = (await ed('POST', '/api/schedules', { class: 'normal', contentId: expiring, target: { deviceIds: [led] }, when: morning })).body.id;
    const pending = await addContent(t, { media: 'image', state: 'submitted' });
    const s2 = (await ed('POST', '/api/schedules', { class: 'normal', contentId: pending, target: { deviceIds: [led] }, when: morning })).body.id;
    const ad1 = await addContent(t, { kind: 'ad', media: 'image', durationMs: 30_000 });
    const ad2 = await addContent(t, { kind: 'ad', media: 'image', durationMs: 30_000 });
    for (const ad of [ad1, ad2]) {
      expect((await ed('POST', '/api/schedules', { class: 'ads', contentId: ad, target: { deviceIds: [led] }, when: morning, adShare: 0.2 })).status).toBe(201);
    }
    const bulletins = [];
    for (let i = 0; i < 3; i++) bulletins.push(await addContent(t, { speech: true, durationMs: 12 * 60_000 }));
    for (const b of bulletins) {
      expect((await ed('POST', '/api/schedules', { class: 'normal', contentId: b, target: { deviceIds: [sp] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '06:00', end: '06:30' }]) })).status).toBe(201);
    }
    const res = await ed('GET', '/api/schedules/conflicts');
    expect(res.status).toBe(200);
    const list = res.body.conflicts as { type: string; scheduleIds: number[]; deviceId: number | null; contentId: number | null; message: { vi: string } }[];
    expect(list.find((c) => c.type === 'never_plays' && c.scheduleIds[0] === s2)?.message.vi).toContain('chưa được duyệt');
    expect(list.some((c) => c.type === 'content_expires' && c.scheduleIds[0] === s1 && c.contentId === expiring)).toBe(true);
    expect(list.some((c) => c.type === 'fallback_only' && c.deviceId === idle)).toBe(true);
    expect(list.some((c) => c.type === 'ads_over_share' && c.deviceId === led)).toBe(true);
    expect(list.find((c) => c.type === 'speaker_slot_overfull' && c.deviceId === sp)?.scheduleIds).toHaveLength(3);
    expect(list.some((c) => c.type === 'fallback_only' && c.deviceId === led)).toBe(false);
  });

  it('still names a device with nothing scheduled while an emergency alert passes through it', async () => {
    const idle = await device('kiosk', 'Kiosk một cửa');
    const fallbackOnly = async () =>
      ((await ed('GET', '/api/schedules/conflicts')).body.conflicts as { type: string; deviceId: number | null }[]).some(
        (c) => c.type === 'fallback_only' && c.deviceId === idle,
      );
    expect(await fallbackOnly()).toBe(true);
    const duty = await callerFor(t, 'truc-ban', ['admin']);
    const alert = await duty('POST', '/api/alerts', { text: 'Bão số 3: không ra khỏi nhà.', target: { deviceIds: [idle] } });
    expect(alert.status, JSON.stringify(alert.body)).toBe(201);
    // The alert reaches the kiosk's stored timeline (its audience is recompiled after the answer).
    await expect
      .poll(async () => (await ed('GET', `/api/devices/${idle}/timeline/at?t=${now + 60_000}`)).body.segment?.class, { timeout: 5_000 })
      .toBe('emergency');
    expect(await fallbackOnly()).toBe(true);
  });
});
