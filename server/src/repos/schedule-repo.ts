// SQL for schedule entries (lịch phát): what, where, when and class, with target and recurrence as JSON
// (decoded here: readers get the target and the recurrence as values).
import type { Queryable } from '../db/sqlite';
import type { ContentKind } from './content-repo';
import type { CalendarWhen, RruleWhen } from '../domain/schedule/types';
import { decodeJson, isClockWindows, isNumberArray, isRecord, isStoredTarget, type DeviceKind, type Shape } from './json-column';

export type ScheduleClass = 'priority' | 'normal' | 'ads' | 'fallback';
/** Who an entry reaches; a key missing from the stored JSON reads as an empty list. */
export type ScheduleTarget = { deviceIds: number[]; groupIds: number[]; kinds: DeviceKind[] };
export type ScheduleWhen = CalendarWhen | RruleWhen;

export type ScheduleRow = {
  id: number;
  name: string;
  class: ScheduleClass;
  content_id: number | null;
  playlist_id: number | null;
  /** A relay (tiếp âm) of this approved source instead of a content or playlist. */
  relay_source_id: number | null;
  target: ScheduleTarget;
  recurrence: ScheduleWhen;
  ad_share: number | null;
  ad_plays_per_hour: number | null;
  sort_order: number;
  deleted_at: number | null;
  created_by: number | null;
  created_at: number;
  updated_at: number;
};

type RawScheduleRow = Omit<ScheduleRow, 'target' | 'recurrence'> & { target: string; recurrence: string };

const isWhen: Shape<ScheduleWhen> = (v: unknown): v is ScheduleWhen =>
  isRecord(v) &&
  ((typeof v.rrule === 'string' && typeof v.durationMin === 'number') ||
    (typeof v.dateFrom === 'string' && typeof v.dateTo === 'string' && isNumberArray(v.daysOfWeek) && isClockWindows(v.windows)));

const decode = (r: RawScheduleRow): ScheduleRow => {
  const ref = (column: string) => ({ table: 'schedules', id: r.id, column });
  const t = decodeJson(r.target, ref('target'), isStoredTarget);
  return {
    ...r,
    target: { deviceIds: t.deviceIds ?? [], groupIds: t.groupIds ?? [], kinds: t.kinds ?? [] },
    recurrence: decodeJson(r.recurrence, ref('recurrence'), isWhen),
  };
};

/** Columns a create or update writes, with target and recurrence already serialised. */
export type ScheduleFields = {
  name: string;
  class: ScheduleClass;
  content_id: number | null;
  playlist_id: number | null;
  relay_source_id: number | null;
  target: string;
  recurrence: string;
  ad_share: number | null;
  ad_plays_per_hour: number | null;
  sort_order: number;
};

const COLS = ['name', 'class', 'content_id', 'playlist_id', 'relay_source_id', 'target', 'recurrence', 'ad_share', 'ad_plays_per_hour', 'sort_order'] as const;

const listActive = async (q: Queryable) =>
  (await q.all<RawScheduleRow>('SELECT * FROM schedules WHERE deleted_at IS NULL ORDER BY id')).map(decode);

export const scheduleRepo = {
  listActive,
  findById: async (q: Queryable, id: number) => {
    const r = await q.get<RawScheduleRow>('SELECT * FROM schedules WHERE id = ? AND deleted_at IS NULL', [id]);
    return r && decode(r);
  },
  insert: async (q: Queryable, f: ScheduleFields, createdBy: number | null, now: number) =>
    (
      await q.run(
        `INSERT INTO schedules (${COLS.join(', ')}, created_by, created_at, updated_at) VALUES (${COLS.map(() => '?').join(', ')}, ?, ?, ?)`,
        [...COLS.map((k) => f[k]), createdBy, now, now],
      )
    ).lastID,
  update: (q: Queryable, id: number, f: ScheduleFields, now: number) =>
    q.run(`UPDATE schedules SET ${COLS.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
      ...COLS.map((k) => f[k]),
      now,
      id,
    ]),
  softDelete: (q: Queryable, id: number, now: number) =>
    q.run('UPDATE schedules SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]),
  /** Live schedules naming a group in their target (JSON), for the group's calendar and in-use checks. */
  /** Every schedule of one content item, deleted ones too (what it was scheduled to, for answers sent later). */
  everScheduling: async (q: Queryable, contentId: number) =>
    (await q.all<RawScheduleRow>('SELECT * FROM schedules WHERE content_id = ? ORDER BY id', [contentId])).map(decode),
  listTargetingGroup: async (q: Queryable, groupId: number) => (await listActive(q)).filter((s) => s.target.groupIds.includes(groupId)),
  countUsingPlaylist: async (q: Queryable, playlistId: number) =>
    (await q.get<{ n: number }>('SELECT COUNT(*) AS n FROM schedules WHERE deleted_at IS NULL AND playlist_id = ?', [playlistId]))?.n ?? 0,
  contentKinds: (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? Promise.resolve([] as { id: number; kind: ContentKind }[])
      : q.all<{ id: number; kind: ContentKind }>(
          `SELECT id, kind FROM content WHERE id IN (${ids.map(() => '?').join(',')})`,
          ids,
        ),
};
