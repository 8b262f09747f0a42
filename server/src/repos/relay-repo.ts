// SQL of relays on air (tiếp âm): the approved relay sources the scheduler and the puller read, and the dead-air
// incidents (relay_incidents, 0021). The catalogue of sources itself is relay-source-repo.ts.
import type { Queryable } from '../db/sqlite';

/** What a relay may pull: the last approved URL of a source not deleted (a pending change is not on air). */
export type ApprovedRelayRow = { id: number; name: string; approved_url: string; approved_allow_private: number; approved_at: number | null };

export type RelayIncidentRow = {
  id: number;
  schedule_id: number;
  relay_source_id: number;
  reason: 'source_failed' | 'silence';
  detail: string | null;
  started_at: number;
  ended_at: number | null;
};

export const relayRepo = {
  findApproved: (q: Queryable, id: number) =>
    q.get<ApprovedRelayRow>(
      'SELECT id, name, approved_url, approved_allow_private, approved_at FROM relay_sources WHERE id = ? AND deleted_at IS NULL AND approved_url IS NOT NULL',
      [id],
    ),
  listApproved: (q: Queryable) =>
    q.all<ApprovedRelayRow>(
      'SELECT id, name, approved_url, approved_allow_private, approved_at FROM relay_sources WHERE deleted_at IS NULL AND approved_url IS NOT NULL ORDER BY id',
    ),
  openIncident: async (q: Queryable, i: { scheduleId: number; sourceId: number; reason: RelayIncidentRow['reason']; detail: string | null; at: number }) =>
    (
      await q.run('INSERT INTO relay_incidents (schedule_id, relay_source_id, reason, detail, started_at) VALUES (?, ?, ?, ?, ?)', [
        i.scheduleId,
        i.sourceId,
        i.reason,
        i.detail,
        i.at,
      ])
    ).lastID,
  closeIncident: (q: Queryable, id: number, at: number) => q.run('UPDATE relay_incidents SET ended_at = ? WHERE id = ? AND ended_at IS NULL', [at, id]),
  /** Incidents that started in [from, to) or are still open, newest first. */
  incidents: (q: Queryable, from: number, to: number, limit = 200) =>
    q.all<RelayIncidentRow & { source_name: string; schedule_name: string }>(
      `SELECT i.*, r.name AS source_name, s.name AS schedule_name FROM relay_incidents i
       JOIN relay_sources r ON r.id = i.relay_source_id JOIN schedules s ON s.id = i.schedule_id
       WHERE (i.started_at >= ? AND i.started_at < ?) OR i.ended_at IS NULL ORDER BY i.started_at DESC, i.id DESC LIMIT ?`,
      [from, to, limit],
    ),
};
