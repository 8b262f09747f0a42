// Calendar apps subscribe to a group's schedules through a secret link, without a session.
import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
beforeEach(async () => {
  t = await createTestContext({ clock: () => vn('2026-03-02', '08:00') });
  ed = await callerFor(t, 'editor1', ['editor']);
});
afterEach(() => t.cleanup());

describe('group calendar subscription link', () => {
  it('gives staff a link whose feed opens without a session and parses as iCalendar', async () => {
    const c = await addContent(t, { media: 'image' });
    const g = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 3' })).body.id;
    await ed('POST', '/api/schedules', { name: 'Sáng', class: 'normal', contentId: c, target: { groupIds: [g] }, when: everyDay('2026-03-02', '2026-03-08', [{ start: '07:00', end: '08:00' }]) });
    const { path } = (await ed('GET', `/api/groups/${g}/calendar-link`)).body;
    expect(path).toMatch(new RegExp(`^/api/calendar/${g}-[0-9a-f]{40}\\.ics$`));
    const res = await t.request(path);
    expect(res.status).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    expect(cal.getAllSubcomponents('vevent').length).toBeGreaterThan(0);
    // The same link every time (calendar apps keep it), and a different one per group.
    expect((await ed('GET', `/api/groups/${g}/calendar-link`)).body.path).toBe(path);
    const g2 = (await ed('POST', '/api/groups', { name: 'Tổ dân phố 4' })).body.id;
    expect((await ed('GET', `/api/groups/${g2}/calendar-link`)).body.path).not.toBe(path.replace(`/${g}-`, `/${g2}-`));
  });

  it('answers 404 for a wrong key, another group’s key, or an unknown group', async () => {
    const g = (await ed('POST', '/api/groups', { name: 'Tổ 1' })).body.id;
    const g2 = (await ed('POST', '/api/groups', { name: 'Tổ 2' })).body.id;
    const { path } = (await ed('GET', `/api/groups/${g}/calendar-link`)).body;
    const key = /-([0-9a-f]{40})\.ics$/.exec(path)![1]!;
    expect((await t.request(`/api/calendar/${g}-${'0'.repeat(40)}.ics`)).status).toBe(404);
    expect((await t.request(`/api/calendar/${g2}-${key}.ics`)).status).toBe(404);
    expect([400, 404]).toContain((await t.request('/api/calendar/..%2F..%2Fetc%2Fpasswd')).status);
    expect((await t.request(`/api/calendar/${g}-${key}.txt`)).status).toBe(400);
    expect((await ed('GET', '/api/groups/999/calendar-link')).status).toBe(404);
  });
});
