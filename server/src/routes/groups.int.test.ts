import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { addContent, everyDay, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

describe('/api/groups', () => {
  it('creates, renames, lists members, adds and removes devices', async () => {
    const d1 = (await ed('POST', '/api/devices', { name: 'LED 1', kind: 'led' })).body.id;
    const d2 = (await ed('POST', '/api/devices', { name: 'Loa', kind: 'speaker' })).body.id;
    const g = await ed('POST', '/api/groups', { name: 'Tổ dân phố 5', description: 'Khu chợ', deviceIds: [d1] });
    expect(g.status).toBe(201);
    expect(g.body).toMatchObject({ name: 'Tổ dân phố 5', deviceIds: [d1] });
    expect((await ed('POST', `/api/groups/${g.body.id}/members`, { deviceIds: [d2] })).body.deviceIds).toEqual([d1, d2]);
    expect((await ed('DELETE', `/api/groups/${g.body.id}/members/${d1}`)).body.deviceIds).toEqual([d2]);
    expect((await ed('PATCH', `/api/groups/${g.body.id}`, { name: 'TDP 5' })).body.name).toBe('TDP 5');
    expect((await ed('GET', '/api/groups')).body).toHaveLength(1);
  });

  it('refuses a duplicate name and unknown devices', async () => {
    await ed('POST', '/api/groups', { name: 'Tất cả LED' });
    const dup = await ed('POST', '/api/groups', { name: 'Tất cả LED' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('group_name_taken');
    expect((await ed('POST', '/api/groups', { name: 'X', deviceIds: [404] })).status).toBe(404);
  });

  it('refuses to delete a group a schedule still targets, then deletes it and frees its name', async () => {
    const c = await addContent(t, { media: 'image' });
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 5' })).body.id;
    const s = (await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { groupIds: [g] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '08:00' }]) })).body.id;
    const res = await ed('DELETE', `/api/groups/${g}`);
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain(`#${s}`);
    await ed('DELETE', `/api/schedules/${s}`);
    expect((await ed('DELETE', `/api/groups/${g}`)).status).toBe(204);
    expect((await ed('GET', `/api/groups/${g}`)).status).toBe(404);
    expect((await ed('POST', '/api/groups', { name: 'Tổ 5' })).status).toBe(201);
  });
});

describe('GET /api/groups/{id}/calendar.ics', () => {
  it('is an RFC 5545 feed that ical.js parses back: TZID Asia/Ho_Chi_Minh, Vietnamese summaries, recurrences', async () => {
    const c = await addContent(t, { media: 'image' });
    const g = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 5' })).body.id;
    await ed('POST', '/api/schedules', {
      name: 'Quy tắc ứng xử, buổi sáng',
      class: 'normal',
      contentId: c,
      target: { groupIds: [g] },
      when: { dateFrom: '2026-03-02', dateTo: '2026-03-15', daysOfWeek: [1, 3, 5], windows: [{ start: '07:00', end: '08:30' }] },
    });
    await ed('POST', '/api/schedules', {
      name: 'Bản tin trưa',
      class: 'priority',
      contentId: c,
      target: { groupIds: [g] },
      when: { rrule: 'DTSTART:20260302T113000\nRRULE:FREQ=DAILY;COUNT=5', durationMin: 20 },
    });
    await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { kinds: ['led'] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '09:00', end: '10:00' }]) });

    const res = await t.request(`/api/groups/${g}/calendar.ics`, { cookie: (await t.login('editor1')).cookie });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const text = await res.text();
    expect(text).toContain('\r\n');
    expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);

    const cal = new ICAL.Component(ICAL.parse(text));
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    expect(tz.getFirstPropertyValue('tzid')).toBe('Asia/Ho_Chi_Minh');
    ICAL.TimezoneService.register(tz);
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);

    const morning = events.find((e) => e.summary.includes('buổi sáng'))!;
    expect(morning.summary).toBe('Thường: Quy tắc ứng xử, buổi sáng');
    expect(morning.startDate.zone.tzid).toBe('Asia/Ho_Chi_Minh');
    const starts: number[] = [];
    const it = morning.iterator();
    for (let next = it.next(); next && starts.length < 20; next = it.next()) starts.push(next.toJSDate().getTime());
    expect(starts).toHaveLength(6); // Mon, Wed, Fri over two weeks
    expect(starts[0]).toBe(vn('2026-03-02', '07:00'));
    expect(starts[1]).toBe(vn('2026-03-04', '07:00'));
    expect(starts[5]).toBe(vn('2026-03-13', '07:00'));
    expect(morning.duration.toSeconds()).toBe(90 * 60);

    const noon = events.find((e) => e.summary.startsWith('Ưu tiên'))!;
    expect(noon.startDate.toJSDate().getTime()).toBe(vn('2026-03-02', '11:30'));
    expect(noon.isRecurring()).toBe(true);
  });

  it('answers 404 for an unknown group', async () => {
    expect((await ed('GET', '/api/groups/999/calendar.ics')).status).toBe(404);
  });
});

describe('/api/playlists', () => {
  it('creates an ordered playlist, refuses unknown content, and refuses deleting one in use', async () => {
    const a = await addContent(t, { media: 'image' });
    const b = await addContent(t, { media: 'video', durationMs: 20_000 });
    const p = await ed('POST', '/api/playlists', { name: 'Sáng thứ hai', items: [{ contentId: b }, { contentId: a, durationMs: 8000 }] });
    expect(p.status).toBe(201);
    expect(p.body.items).toEqual([{ contentId: b }, { contentId: a, durationMs: 8000 }]);
    const bad = await ed('POST', '/api/playlists', { name: 'x', items: [{ contentId: 999 }] });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('playlist_content_unknown');
    expect((await ed('POST', '/api/playlists', { name: 'x', items: [] })).status).toBe(400);

    const led = (await ed('POST', '/api/devices', { name: 'LED', kind: 'led' })).body.id;
    const s = (await ed('POST', '/api/schedules', { class: 'normal', playlistId: p.body.id, target: { deviceIds: [led] }, when: everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '08:00' }]) })).body.id;
    const at = (time: string) => ed('GET', `/api/devices/${led}/timeline/at?t=${vn('2026-03-02', time)}`);
    expect((await at('07:00')).body.item.contentId).toBe(String(b));
    // Reordering the playlist recompiles the devices its schedules reach.
    await ed('PATCH', `/api/playlists/${p.body.id}`, { items: [{ contentId: a, durationMs: 8000 }, { contentId: b }] });
    expect((await at('07:00')).body.item.contentId).toBe(String(a));
    expect((await ed('DELETE', `/api/playlists/${p.body.id}`)).status).toBe(409);
    await ed('DELETE', `/api/schedules/${s}`);
    expect((await ed('DELETE', `/api/playlists/${p.body.id}`)).status).toBe(204);
  });
});
