// SQL of the reports (báo cáo): proof-of-play, feedback and incident aggregations over [from, to), and the
// archive of generated periodic reports. Every aggregation runs in SQLite; local days come from offset
// segments passed as JSON ([{s, e, o}], see reports/period.ts). The feedback phone column is never selected.
import type { RegionKind } from '@bantin/protocol/core';
import type { Queryable } from '../db/sqlite';

/** Counts and durations (ms) of a set of plays, by result. */
export type PlayAgg = {
  plays: number;
  ms: number;
  completed: number;
  completed_ms: number;
  interrupted: number;
  interrupted_ms: number;
  failed: number;
  failed_ms: number;
  devices: number;
  /** The layout regions these plays were shown in, comma-separated in no set order; null when there are none. */
  regions: string | null;
};

const DUR = 'MAX(0, p.ended_at - p.started_at)';
const AGG = `COUNT(*) AS plays, COALESCE(SUM(${DUR}), 0) AS ms,
  COALESCE(SUM(p.result = 'completed'), 0) AS completed,
  COALESCE(SUM(CASE WHEN p.result = 'completed' THEN ${DUR} ELSE 0 END), 0) AS completed_ms,
  COALESCE(SUM(p.result = 'interrupted'), 0) AS interrupted,
  COALESCE(SUM(CASE WHEN p.result = 'interrupted' THEN ${DUR} ELSE 0 END), 0) AS interrupted_ms,
  COALESCE(SUM(p.result = 'failed'), 0) AS failed,
  COALESCE(SUM(CASE WHEN p.result = 'failed' THEN ${DUR} ELSE 0 END), 0) AS failed_ms,
  COUNT(DISTINCT p.device_id) AS devices, group_concat(DISTINCT p.region) AS regions`;
/** Plays that started in [from, to), in one layout region or (null) in any: params `inRange(from, to, region)`. */
const IN_RANGE = 'p.started_at >= ? AND p.started_at < ? AND (? IS NULL OR p.region = ?)';
const inRange = (from: number, to: number, region: RegionKind | null | undefined) => [from, to, region ?? null, region ?? null];
/** The local day number of p.started_at, given offset segments `seg` joined from json_each. */
const LOCAL_DAY = "(p.started_at + (seg.value ->> 'o')) / 86400000";
const SEG_JOIN = "JOIN json_each(?) seg ON p.started_at >= (seg.value ->> 's') AND p.started_at < (seg.value ->> 'e')";
/** Live group memberships (a deleted group no longer counts). */
const MEMBERSHIP = `(SELECT m.device_id, g.id AS group_id, g.name AS group_name
  FROM device_group_members m JOIN device_groups g ON g.id = m.group_id WHERE g.deleted_at IS NULL)`;

export type ContentPlayRow = PlayAgg & { content_id: number | null; class: string | null; title: string | null; content_kind: string | null };
export type DevicePlayRow = PlayAgg & { device_id: number; name: string; kind: string; residential_group: string | null };
export type GroupPlayRow = PlayAgg & { group_id: number | null; group_name: string | null };
export type KindPlayRow = PlayAgg & { kind: string; residential_groups: number; residential_group_names: string | null };
export type DayPlayRow = PlayAgg & { day: number };

export type FeedbackAgg = { count: number; average: number | null; r1: number; r2: number; r3: number; r4: number; r5: number };
const FAGG = `COUNT(*) AS count, AVG(f.rating) AS average,
  COALESCE(SUM(f.rating = 1), 0) AS r1, COALESCE(SUM(f.rating = 2), 0) AS r2, COALESCE(SUM(f.rating = 3), 0) AS r3,
  COALESCE(SUM(f.rating = 4), 0) AS r4, COALESCE(SUM(f.rating = 5), 0) AS r5`;
const F_IN_RANGE = 'f.created_at >= ? AND f.created_at < ?';
const F_SEG_JOIN = "JOIN json_each(?) seg ON f.created_at >= (seg.value ->> 's') AND f.created_at < (seg.value ->> 'e')";
const F_LOCAL_DAY = "(f.created_at + (seg.value ->> 'o')) / 86400000";

export type CommentRow = { created_at: number; rating: number; topic: string; comment: string; device_name: string };
export type AlertRow = {
  id: number;
  text: string;
  severity: string;
  source: string;
  starts_at: number;
  expires_at: number;
  cancelled_at: number | null;
  created_at: number;
  issued_by_name: string | null;
  acks: number;
  first_ack_at: number | null;
};
export type DeviceCountRow = { kind: string; devices: number };
/** A live announcement (phát trực tiếp, migration 0023) with its speaker's display name; `group_ids` is the JSON as chosen. */
export type LiveAnnouncementRow = {
  id: number;
  class: 'priority' | 'emergency';
  title: string;
  group_ids: string;
  started_at: number;
  ended_at: number | null;
  end_reason: 'stopped' | 'dropped' | 'max_duration' | 'server_stopped' | 'failed' | null;
  duration_ms: number | null;
  recording_sha256: string | null;
  speakers: number;
  zones: number;
  user_id: number;
  speaker_name: string | null;
};

export type ArchiveRow = {
  id: number;
  period: 'month' | 'quarter';
  year: number;
  idx: number;
  from_ms: number;
  to_ms: number;
  file: string;
  size: number;
  sha256: string;
  trigger: 'manual' | 'schedule';
  generated_by: number | null;
  generated_by_name: string | null;
  generated_at: number;
};

export const reportRepo = {
  totalPlays: async (q: Queryable, from: number, to: number, region?: RegionKind | null) =>
    (await q.get<PlayAgg>(`SELECT ${AGG} FROM plays p INDEXED BY plays_time_cover WHERE ${IN_RANGE}`, inRange(from, to, region)))!,

  /** Plays without content (emergency alerts, fallback) are grouped by their class. */
  playsByContent: (q: Queryable, from: number, to: number, limit = -1, region?: RegionKind | null) =>
    q.all<ContentPlayRow>(
      `SELECT p.content_id, CASE WHEN p.content_id IS NULL THEN p.class END AS class, v.title, c.kind AS content_kind, ${AGG}
       FROM plays p INDEXED BY plays_time_cover LEFT JOIN content c ON c.id = p.content_id LEFT JOIN content_versions v ON v.id = c.latest_version_id
       WHERE ${IN_RANGE}
       GROUP BY p.content_id, CASE WHEN p.content_id IS NULL THEN p.class END
       ORDER BY plays DESC, ms DESC, p.content_id LIMIT ?`,
      [...inRange(from, to, region), limit],
    ),

  playsByDevice: (q: Queryable, from: number, to: number, region?: RegionKind | null) =>
    q.all<DevicePlayRow>(
      `SELECT p.device_id, d.name, d.kind, d.residential_group, ${AGG}
       FROM plays p INDEXED BY plays_time_cover JOIN devices d ON d.id = p.device_id
       WHERE ${IN_RANGE} GROUP BY p.device_id ORDER BY d.kind, d.name, p.device_id`,
      inRange(from, to, region),
    ),

  /** A play on a device in two groups counts in both; devices in no group form one row with group_id NULL. */
  playsByGroup: (q: Queryable, from: number, to: number, region?: RegionKind | null) =>
    q.all<GroupPlayRow>(
      `SELECT gm.group_id, gm.group_name, ${AGG}
       FROM plays p INDEXED BY plays_time_cover LEFT JOIN ${MEMBERSHIP} gm ON gm.device_id = p.device_id
       WHERE ${IN_RANGE} GROUP BY gm.group_id ORDER BY gm.group_id IS NULL, gm.group_name`,
      inRange(from, to, region),
    ),

  playsByKind: (q: Queryable, from: number, to: number, region?: RegionKind | null) =>
    q.all<KindPlayRow>(
      `SELECT d.kind, COUNT(DISTINCT d.residential_group) AS residential_groups,
         (SELECT group_concat(rg, ', ') FROM (SELECT DISTINCT d2.residential_group AS rg FROM plays p2 INDEXED BY plays_time_cover
            JOIN devices d2 ON d2.id = p2.device_id
            WHERE d2.kind = d.kind AND d2.residential_group IS NOT NULL AND p2.started_at >= ? AND p2.started_at < ?
              AND (? IS NULL OR p2.region = ?)
            ORDER BY rg)) AS residential_group_names,
         ${AGG}
       FROM plays p INDEXED BY plays_time_cover JOIN devices d ON d.id = p.device_id
       WHERE ${IN_RANGE} GROUP BY d.kind ORDER BY d.kind`,
      [...inRange(from, to, region), ...inRange(from, to, region)],
    ),

  playsByDay: (q: Queryable, from: number, to: number, segments: string, region?: RegionKind | null) =>
    q.all<DayPlayRow>(
      `SELECT ${LOCAL_DAY} AS day, ${AGG} FROM plays p INDEXED BY plays_time_cover ${SEG_JOIN}
       WHERE ${IN_RANGE} GROUP BY day ORDER BY day`,
      [segments, ...inRange(from, to, region)],
    ),

  /** Devices that existed at some point of [from, to), per kind. */
  deviceCountsByKind: (q: Queryable, from: number, to: number) =>
    q.all<DeviceCountRow>(
      'SELECT kind, COUNT(*) AS devices FROM devices WHERE created_at < ? AND (deleted_at IS NULL OR deleted_at > ?) GROUP BY kind',
      [to, from],
    ),

  feedbackTotals: async (q: Queryable, from: number, to: number) =>
    (await q.get<FeedbackAgg>(`SELECT ${FAGG} FROM feedback f WHERE ${F_IN_RANGE}`, [from, to]))!,

  feedbackByDay: (q: Queryable, from: number, to: number, segments: string) =>
    q.all<FeedbackAgg & { day: number }>(
      `SELECT ${F_LOCAL_DAY} AS day, ${FAGG} FROM feedback f ${F_SEG_JOIN} WHERE ${F_IN_RANGE} GROUP BY day ORDER BY day`,
      [segments, from, to],
    ),

  /** Weeks start on Monday; `week` is the day number of that Monday (day 0, 1970-01-01, was a Thursday). */
  feedbackByWeek: (q: Queryable, from: number, to: number, segments: string) =>
    q.all<FeedbackAgg & { week: number }>(
      `SELECT ${F_LOCAL_DAY} - ((${F_LOCAL_DAY} + 3) % 7) AS week, ${FAGG}
       FROM feedback f ${F_SEG_JOIN} WHERE ${F_IN_RANGE} GROUP BY week ORDER BY week`,
      [segments, from, to],
    ),

  feedbackByTopic: (q: Queryable, from: number, to: number) =>
    q.all<FeedbackAgg & { topic: string }>(
      `SELECT f.topic, ${FAGG} FROM feedback f WHERE ${F_IN_RANGE} GROUP BY f.topic ORDER BY count DESC, f.topic`,
      [from, to],
    ),

  /** The newest non-empty comments. Only the text: never the phone number or consent fields. */
  latestComments: (q: Queryable, from: number, to: number, limit: number) =>
    q.all<CommentRow>(
      `SELECT f.created_at, f.rating, f.topic, f.comment, d.name AS device_name
       FROM feedback f JOIN devices d ON d.id = f.device_id
       WHERE ${F_IN_RANGE} AND f.comment IS NOT NULL AND trim(f.comment) <> ''
       ORDER BY f.created_at DESC, f.event_id LIMIT ?`,
      [from, to, limit],
    ),

  /** Emergency alerts issued in [from, to), with how many devices acknowledged each. */
  alertsIssued: (q: Queryable, from: number, to: number) =>
    q.all<AlertRow>(
      `SELECT a.id, a.text, a.severity, a.source, a.starts_at, a.expires_at, a.cancelled_at, a.created_at,
         u.display_name AS issued_by_name, COUNT(k.device_id) AS acks, MIN(k.acked_at) AS first_ack_at
       FROM alerts a LEFT JOIN users u ON u.id = a.issued_by LEFT JOIN alert_acks k ON k.alert_id = a.id
       WHERE a.created_at >= ? AND a.created_at < ?
       GROUP BY a.id ORDER BY a.created_at, a.id`,
      [from, to],
    ),

  /** Live announcements that started in [from, to), in order of start. Not reviewed beforehand: reports are how they are checked. */
  liveAnnouncements: (q: Queryable, from: number, to: number) =>
    q.all<LiveAnnouncementRow>(
      `SELECT a.id, a.class, a.title, a.group_ids, a.started_at, a.ended_at, a.end_reason, a.duration_ms, a.recording_sha256,
         a.speakers, a.zones, a.user_id, u.display_name AS speaker_name
       FROM live_announcements a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.started_at >= ? AND a.started_at < ?
       ORDER BY a.started_at, a.id`,
      [from, to],
    ),

  /**
   * Names of device groups by id, deleted ones included: a soft-deleted group keeps its name (with its
   * "#id (đã xoá)" mark), so a past broadcast still says where it went. An id with no row is simply absent.
   */
  groupNames: async (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? []
      : q.all<{ id: number; name: string }>('SELECT g.id, g.name FROM device_groups g JOIN json_each(?) j ON j.value = g.id', [JSON.stringify(ids)]),

  insertArchive: async (q: Queryable, r: Omit<ArchiveRow, 'id' | 'generated_by_name'>) =>
    (
      await q.run(
        `INSERT INTO reports (period, year, idx, from_ms, to_ms, file, size, sha256, trigger, generated_by, generated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.period, r.year, r.idx, r.from_ms, r.to_ms, r.file, r.size, r.sha256, r.trigger, r.generated_by, r.generated_at],
      )
    ).lastID,

  listArchive: (q: Queryable, limit: number) =>
    q.all<ArchiveRow>(
      `SELECT r.*, u.display_name AS generated_by_name FROM reports r LEFT JOIN users u ON u.id = r.generated_by
       ORDER BY r.generated_at DESC, r.id DESC LIMIT ?`,
      [limit],
    ),

  findArchive: (q: Queryable, id: number) =>
    q.get<ArchiveRow>(
      'SELECT r.*, u.display_name AS generated_by_name FROM reports r LEFT JOIN users u ON u.id = r.generated_by WHERE r.id = ?',
      [id],
    ),

  /** Whether the scheduled job already produced this period (a restart on the 1st must not make a second). */
  hasScheduled: async (q: Queryable, period: string, year: number, idx: number) =>
    !!(await q.get<{ x: number }>("SELECT 1 AS x FROM reports WHERE period = ? AND year = ? AND idx = ? AND trigger = 'schedule'", [
      period,
      year,
      idx,
    ])),
};
