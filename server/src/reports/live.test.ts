// Live announcements in the reports, the pure part: group ids read from the JSON as chosen (anything else left
// out, never a failed report), a group with no row left named "#id", minutes and classes counted, and a
// broadcast still on air shown as such in the tables.
import { describe, expect, it } from 'vitest';
import { liveEntry, liveGroupIds, liveSummary } from './map';
import { liveSummaryTable, liveTable } from './tables';
import type { LiveAnnouncementRow } from '../repos/report-repo';

const row = (over: Partial<LiveAnnouncementRow> = {}): LiveAnnouncementRow => ({
  id: 1,
  class: 'priority',
  title: '',
  group_ids: '[2, 1]',
  started_at: Date.UTC(2026, 10, 3, 1),
  ended_at: Date.UTC(2026, 10, 3, 1, 2),
  end_reason: 'stopped',
  duration_ms: 120_000,
  recording_sha256: null,
  speakers: 0,
  zones: 0,
  user_id: 7,
  speaker_name: 'Nguyễn Văn An',
  ...over,
});

describe('live announcements in the reports', () => {
  it('reads the group ids as chosen and leaves out what is not an id', () => {
    expect(liveGroupIds('[3, 1, 2]')).toEqual([3, 1, 2]);
    expect(liveGroupIds('[1, "2", null, 1.5]')).toEqual([1]);
    expect(liveGroupIds('not json')).toEqual([]);
    expect(liveGroupIds('{"a":1}')).toEqual([]);
  });

  it('names the groups in the order chosen, "#id" for one with no row left, and the speaker by id without a name', () => {
    const e = liveEntry(row({ speaker_name: null }), new Map([[1, 'Loa chợ']]));
    expect(e).toMatchObject({ groups: '#2, Loa chợ', speaker: '#7', startedAt: '2026-11-03T01:00:00.000Z', endedAt: '2026-11-03T01:02:00.000Z' });
  });

  it('counts minutes with one decimal and the classes; one on air adds no minutes yet', () => {
    const names = new Map<number, string>();
    const items = [
      liveEntry(row({ duration_ms: 100_000 }), names),
      liveEntry(row({ id: 2, class: 'emergency', duration_ms: 50_000 }), names),
      liveEntry(row({ id: 3, ended_at: null, end_reason: null, duration_ms: null }), names),
    ];
    const s = liveSummary(items);
    expect(s).toMatchObject({ count: 3, totalMinutes: 2.5, byClass: { priority: 2, emergency: 1 } });
    expect(liveSummaryTable(s).rows.map((r) => r[1])).toEqual([3, 2.5, 2, 1]);
    const t = liveTable(items);
    expect(t.rows[2]!.slice(6, 8)).toEqual([null, 'Đang phát']);
    expect(t.rows[1]!.slice(4, 8)).toEqual(['Khẩn cấp', '', 50, 'Người nói kết thúc']);
    expect(t.totals![6]).toBe(150);
  });
});
