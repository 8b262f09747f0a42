// iCalendar injection: group and schedule names reach the group calendar feed, which calendar
// apps read without a session. A name carrying line breaks (CRLF, LF, a bare CR) and control characters
// must stay inside its TEXT value: the feed has no content line other than the ones bantin writes, and a
// parser reads back exactly the events that exist, with the names as text.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { addContent, callerFor, everyDay, vn, type Caller } from '../factories/scheduling';

const FAKE = 'BEGIN:VEVENT\rUID:gia-mao@evil\rDTSTART:20260303T000000Z\rSUMMARY:Sự kiện giả mạo\rEND:VEVENT';
const NAMES = [
  `Tổ 1\r${FAKE}`,
  `Tổ 2\n${FAKE.replace(/\r/g, '\n')}`,
  `Tổ 3\r\n${FAKE.replace(/\r/g, '\r\n')}`,
  'Tổ 4\u0000\u0007\u001b[31m; chấm phẩy, dấu phẩy \\ gạch chéo',
  'Tổ 5\rEND:VCALENDAR\rBEGIN:VCALENDAR',
];
/** What a parser must read back: every line break one \n, other control characters gone. */
const asRead = (s: string) => s.replace(/\r\n|\r|\n/g, '\n').replace(/[^\P{Cc}\t\n]/gu, '');
/** Property names bantin writes in a feed. */
const OWN = /^(BEGIN|END|VERSION|PRODID|CALSCALE|METHOD|X-WR-CALNAME|X-WR-TIMEZONE|TZID|DTSTART|TZOFFSETFROM|TZOFFSETTO|TZNAME|DTSTAMP|UID|SUMMARY|DESCRIPTION|CATEGORIES|DURATION|RRULE|EXRULE|RDATE|EXDATE)[;:]/;

let t: TestCtx;
let ed: Caller;
const groups: number[] = [];
beforeAll(async () => {
  t = await createTestContext({ clock: () => vn('2026-03-02', '08:00') });
  ed = await callerFor(t, 'bientap', ['editor']);
  const c = await addContent(t, { media: 'image' });
  for (const name of NAMES) {
    const g = await ed<{ id: number; name: string }>('POST', '/api/groups', { name });
    expect(g.status, JSON.stringify(g.body)).toBe(201);
    groups.push(g.body.id);
    const s = await ed('POST', '/api/schedules', {
      name,
      class: 'normal',
      contentId: c,
      target: { groupIds: [g.body.id] },
      when: everyDay('2026-03-02', '2026-03-08', [{ start: '07:00', end: '08:00' }]),
    });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
  }
});
afterAll(() => t.cleanup());

describe('group calendar feed with hostile names', () => {
  it('has only the content lines bantin writes, each ended by CRLF', async () => {
    for (const [i, id] of groups.entries()) {
      const { path } = (await ed<{ path: string }>('GET', `/api/groups/${id}/calendar-link`)).body;
      for (const url of [`/api/groups/${id}/calendar.ics`, path]) {
        const res = await t.request(url, url === path ? {} : { cookie: (await t.login('bientap')).cookie });
        expect(res.status, url).toBe(200);
        const text = await res.text();
        // No bare CR or LF, and no control character but the CRLF line ends (and folding).
        expect(text.replace(/\r\n/g, ''), NAMES[i]).not.toMatch(/[\r\n]/);
        expect(text.replace(/\r\n/g, ''), NAMES[i]).not.toMatch(/[^\P{Cc}\t]/u);
        const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n').filter(Boolean);
        for (const line of lines) expect(line, NAMES[i]).toMatch(OWN);
        expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
        expect(lines.filter((l) => l === 'BEGIN:VCALENDAR')).toHaveLength(1);
      }
    }
  });

  it('parses back to exactly the real events, with the names as text', async () => {
    for (const [i, id] of groups.entries()) {
      const text = await (await t.request(`/api/groups/${id}/calendar.ics`, { cookie: (await t.login('bientap')).cookie })).text();
      const cal = new ICAL.Component(ICAL.parse(text));
      // ical.js leaves an X- property's value escaped: unescape it as RFC 5545 TEXT.
      const calname = String(cal.getFirstPropertyValue('x-wr-calname')).replace(/\\([nN;,\\])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
      expect(calname).toBe(`Lịch phát – ${asRead(NAMES[i]!)}`);
      const events = cal.getAllSubcomponents('vevent');
      expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([expect.stringMatching(/^schedule-\d+-0@bantin$/)]);
      expect(events[0]!.getFirstPropertyValue('summary')).toBe(`Thường: ${asRead(NAMES[i]!)}`);
    }
  });

  it('refuses an RRULE that carries other content lines', async () => {
    const c = await addContent(t);
    for (const rrule of [
      'DTSTART:20260301T060000\nRRULE:FREQ=DAILY;COUNT=3\rBEGIN:VEVENT\rSUMMARY:Giả mạo\rEND:VEVENT',
      'DTSTART:20260301T060000\nRRULE:FREQ=DAILY;COUNT=3\nRDATE:20260305T060000\rX-INJECT:1',
      'DTSTART:20260301T060000\r\nRRULE:FREQ=DAILY;COUNT=3\r\nSUMMARY:Giả mạo',
    ]) {
      const res = await ed('POST', '/api/schedules', { name: 'Lặp', class: 'normal', contentId: c, target: { groupIds: [groups[0]!] }, when: { rrule, durationMin: 30 } });
      expect(res.status, JSON.stringify(rrule)).toBe(400);
    }
  });
});
