import { describe, expect, it } from 'vitest';
import { foldLine, writeGroupCalendar } from './group-calendar';

const tz = 'Asia/Ho_Chi_Minh';
const now = Date.UTC(2026, 2, 2, 1, 0);

describe('writeGroupCalendar', () => {
  it('writes one weekly VEVENT per daily window, in the zone, ending on the last day', () => {
    const ics = writeGroupCalendar({
      groupName: 'Tổ dân phố 5',
      tz,
      now,
      entries: [
        {
          id: 7,
          name: 'Bản tin sáng',
          class: 'normal',
          contentId: 3,
          playlistId: null,
          when: {
            dateFrom: '2026-03-02',
            dateTo: '2026-03-31',
            daysOfWeek: [1, 3],
            windows: [
              { start: '06:00', end: '06:30' },
              { start: '17:00', end: '17:30' },
            ],
          },
        },
      ],
    });
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const lines = ics.split('\r\n');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(2);
    expect(lines).toContain('DTSTART;TZID=Asia/Ho_Chi_Minh:20260302T060000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20260331T165959Z');
    expect(lines).toContain('TZOFFSETTO:+0700');
  });
});

describe('foldLine', () => {
  it('folds at 75 octets without cutting a UTF-8 sequence', () => {
    const folded = foldLine(`SUMMARY:${'ệ'.repeat(40)}`);
    const parts = folded.split('\r\n ');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(parts.join('')).toBe(`SUMMARY:${'ệ'.repeat(40)}`);
  });
});
