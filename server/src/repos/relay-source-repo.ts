// SQL for relay sources (nguồn tiếp âm): the admins' list of external streams, and the review of each.
import type { Queryable } from '../db/sqlite';

export type RelaySourceState = 'submitted' | 'approved' | 'rejected';

export type RelaySourceRow = {
  id: number;
  name: string;
  url: string;
  allow_private: 0 | 1;
  state: RelaySourceState;
  created_by: number | null;
  submitted_by: number | null;
  submitted_at: number;
  decided_by: number | null;
  decided_at: number | null;
  reason: string | null;
  approved_url: string | null;
  approved_allow_private: 0 | 1 | null;
  approved_by: number | null;
  approved_at: number | null;
  created_at: number;
  updated_at: number;
  deleted_at: number | null;
};

/** A row with the display names of the people it names. */
export type RelaySourceListRow = RelaySourceRow & {
  created_by_name: string | null;
  submitted_by_name: string | null;
  decided_by_name: string | null;
  approved_by_name: string | null;
};

const SELECT_NAMED = `SELECT r.*, c.display_name AS created_by_name, s.display_name AS submitted_by_name,
    d.display_name AS decided_by_name, a.display_name AS approved_by_name
  FROM relay_sources r
  LEFT JOIN users c ON c.id = r.created_by
  LEFT JOIN users s ON s.id = r.submitted_by
  LEFT JOIN users d ON d.id = r.decided_by
  LEFT JOIN users a ON a.id = r.approved_by`;

export const relaySourceRepo = {
  list: (q: Queryable) => q.all<RelaySourceListRow>(`${SELECT_NAMED} WHERE r.deleted_at IS NULL ORDER BY r.name COLLATE NOCASE, r.id`),
  findNamed: (q: Queryable, id: number) => q.get<RelaySourceListRow>(`${SELECT_NAMED} WHERE r.id = ? AND r.deleted_at IS NULL`, [id]),
  findById: (q: Queryable, id: number) => q.get<RelaySourceRow>('SELECT * FROM relay_sources WHERE id = ? AND deleted_at IS NULL', [id]),
  /** The source not deleted with this name (ASCII case-insensitive), other than `exceptId`. */
  findByName: (q: Queryable, name: string, exceptId = 0) =>
    q.get<{ id: number }>('SELECT id FROM relay_sources WHERE name = ? COLLATE NOCASE AND deleted_at IS NULL AND id <> ?', [name, exceptId]),
  insert: async (q: Queryable, s: { name: string; url: string; allowPrivate: boolean; actorId: number | null; now: number }) =>
    (
      await q.run(
        `INSERT INTO relay_sources (name, url, allow_private, state, created_by, submitted_by, submitted_at, created_at, updated_at)
         VALUES (?, ?, ?, 'submitted', ?, ?, ?, ?, ?)`,
        [s.name, s.url, s.allowPrivate ? 1 : 0, s.actorId, s.actorId, s.now, s.now, s.now],
      )
    ).lastID,
  rename: (q: Queryable, id: number, name: string, now: number) => q.run('UPDATE relay_sources SET name = ?, updated_at = ? WHERE id = ?', [name, now, id]),
  /** A new URL or flag: waits for review again; the approved pair stays as it is. */
  resubmit: (q: Queryable, s: { id: number; url: string; allowPrivate: boolean; actorId: number | null; now: number }) =>
    q.run(
      `UPDATE relay_sources SET url = ?, allow_private = ?, state = 'submitted', submitted_by = ?, submitted_at = ?,
         decided_by = NULL, decided_at = NULL, reason = NULL, updated_at = ? WHERE id = ?`,
      [s.url, s.allowPrivate ? 1 : 0, s.actorId, s.now, s.now, s.id],
    ),
  /** Back to the approved pair: approved again, as decided when it was approved. */
  restoreApproved: (q: Queryable, id: number, now: number) =>
    q.run(
      `UPDATE relay_sources SET url = approved_url, allow_private = approved_allow_private, state = 'approved',
         decided_by = approved_by, decided_at = approved_at, reason = NULL, updated_at = ? WHERE id = ? AND approved_url IS NOT NULL`,
      [now, id],
    ),
  approve: (q: Queryable, d: { id: number; actorId: number | null; reason: string | null; now: number }) =>
    q.run(
      `UPDATE relay_sources SET state = 'approved', approved_url = url, approved_allow_private = allow_private, approved_by = ?,
         approved_at = ?, decided_by = ?, decided_at = ?, reason = ?, updated_at = ? WHERE id = ?`,
      [d.actorId, d.now, d.actorId, d.now, d.reason, d.now, d.id],
    ),
  reject: (q: Queryable, d: { id: number; actorId: number | null; reason: string; now: number }) =>
    q.run("UPDATE relay_sources SET state = 'rejected', decided_by = ?, decided_at = ?, reason = ?, updated_at = ? WHERE id = ?", [
      d.actorId,
      d.now,
      d.reason,
      d.now,
      d.id,
    ]),
  softDelete: (q: Queryable, id: number, now: number) => q.run('UPDATE relay_sources SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]),
};
