// SQL for the zone streams' as-run log (phát thực tế): spans a zone sent out while a receiver listened.
import type { Queryable } from '../db/sqlite';
import type { AsRunSpan } from '../streams/source';

export type AsRunRow = {
  zone_id: number;
  /** The zone's (group's) name: the place of the play. */
  zone_name: string;
  started_at: number;
  ended_at: number;
  content_id: number | null;
  title: string;
  reason: AsRunSpan['reason'];
};
export type AsRunSummaryRow = { zone_id: number; zone_name: string; content_id: number | null; title: string; spans: number; ms: number };

const SELECT = `SELECT a.zone_id, g.name AS zone_name, a.started_at, a.ended_at, a.content_id, a.title, a.reason
  FROM stream_as_run a JOIN device_groups g ON g.id = a.zone_id`;

export const asRunRepo = {
  /** Stores a span unless the zone already has one starting then; true when stored. */
  insertIgnore: async (q: Queryable, s: AsRunSpan, now: number) =>
    (
      await q.run(
        `INSERT OR IGNORE INTO stream_as_run (zone_id, started_at, ended_at, content_id, title, reason, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [s.zoneId, s.startMs, s.endMs, s.contentId, s.title, s.reason, now],
      )
    ).changes > 0,
  list: (q: Queryable, f: { contentId?: number; from?: number; to?: number; limit: number }) =>
    q.all<AsRunRow>(
      `${SELECT} WHERE (? IS NULL OR a.content_id = ?) AND (? IS NULL OR a.started_at >= ?) AND (? IS NULL OR a.started_at < ?)
       ORDER BY a.started_at DESC, a.zone_id LIMIT ?`,
      [f.contentId ?? null, f.contentId ?? null, f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null, f.limit],
    ),
  /** Spans and airtime per zone and item, for spans that started in [from, to). */
  summary: (q: Queryable, from: number, to: number) =>
    q.all<AsRunSummaryRow>(
      `SELECT a.zone_id, g.name AS zone_name, a.content_id, a.title, COUNT(*) AS spans, SUM(a.ended_at - a.started_at) AS ms
       FROM stream_as_run a JOIN device_groups g ON g.id = a.zone_id
       WHERE a.started_at >= ? AND a.started_at < ? AND a.reason NOT IN ('silence', 'quiet-hours')
       GROUP BY a.zone_id, a.content_id, a.title ORDER BY g.name, ms DESC`,
      [from, to],
    ),
};
