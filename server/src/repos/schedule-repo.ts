// SQL for schedule entries (lịch phát): what, where, when and class, with target and recurrence as JSON.
import type { Queryable } from '../db/sqlite';

export type ScheduleClass = 'priority' | 'normal' | 'ads' | 'fallback';

export type ScheduleRow = {
  id: number;
  name: string;
  class: ScheduleClass;
  content_id: number | null;
  playlist_id: number | null;
  target: string;
  recurrence: string;
  ad_share: number | null;
  ad_plays_per_hour: number | null;
  sort_order: number;
  deleted_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
};

export type ScheduleFields = {
  name: string;
  class: ScheduleClass;
  content_id: number | null;
  playlist_id: number | null;
  target: string;
  recurrence: string;
  ad_share: number | null;
  ad_plays_per_hour: number | null;
  sort_order: number;
};

const COLS = ['name', 'class', 'content_id', 'playlist_id', 'target', 'recurrence', 'ad_share', 'ad_plays_per_hour', 'sort_order'] as const;

export const scheduleRepo = {
  listActive: (q: Queryable) => q.all<ScheduleRow>('SELECT * FROM schedules WHERE deleted_at IS NULL ORDER BY id'),
  findById: (q: Queryable, id: number) => q.get<ScheduleRow>('SELECT * FROM schedules WHERE id = ? AND deleted_at IS NULL', [id]),
  insert: async (q: Queryable, f: ScheduleFields, createdBy: number | null, now: number) =>
    (
      await q.run(
        `INSERT INTO schedules (${COLS.join(', ')}, created_by, created_at, updated_at) VALUES (${COLS.map(() => '?').join(', ')}, ?, ?, ?)`,
        [...COLS.map((k) => f[k]), createdBy, now, now],
      )
    ).lastID,
  update: (q: Queryable, id: number, f: ScheduleFields, now: number) =>
    q.run(`UPDATE schedules SET ${COLS.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [...COLS.map((k) => f[k]), now, id]),
  softDelete: (q: Queryable, id: number, now: number) =>
    q.run('UPDATE schedules SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]),
  /** Live schedules naming a group in their target (JSON), for the group's calendar and in-use checks. */
  listTargetingGroup: async (q: Queryable, groupId: number) =>
    (await q.all<ScheduleRow>('SELECT * FROM schedules WHERE deleted_at IS NULL ORDER BY id')).filter((s) =>
      ((JSON.parse(s.target) as { groupIds?: number[] }).groupIds ?? []).includes(groupId),
    ),
  countUsingPlaylist: async (q: Queryable, playlistId: number) =>
    (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM schedules WHERE deleted_at IS NULL AND playlist_id = ?', [playlistId]))?.n ?? 0,
  contentKinds: (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? Promise.resolve([] as { id: number; kind: 'message' | 'clip' | 'ad' }[])
      : q.all<{ id: number; kind: 'message' | 'clip' | 'ad' }>(`SELECT id, kind FROM content WHERE id IN (${ids.map(() => '?').join(',')})`, ids),
};
