// SQL for screen layouts, their immutable versions and which device or group shows which layout.
import type { Queryable } from '../db/sqlite';
import type { LayoutBody } from '@bantin/protocol/core';
import { decodeJson, isRecord } from './json-column';

export type LayoutRow = {
  id: number;
  name: string;
  system_key: string | null;
  latest_version_id: number | null;
  approved_version_id: number | null;
  created_by: number | null;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
};

export type LayoutVersionState = 'submitted' | 'approved' | 'rejected' | 'superseded';
export type LayoutVersionRow = {
  id: number;
  layout_id: number;
  number: number;
  state: LayoutVersionState;
  body: LayoutBody;
  body_sha256: string;
  created_by: number | null;
  created_at: number;
  decided_by: number | null;
  decided_at: number | null;
  reason: string | null;
};
type RawVersionRow = Omit<LayoutVersionRow, 'body'> & { body: string };

export type LayoutAssignmentRow = { layout_id: number; device_id: number | null; group_id: number | null; assigned_by: number | null; assigned_at: number };

const isBody = (v: unknown): v is LayoutBody => isRecord(v) && Array.isArray(v.regions) && typeof v.width === 'number' && typeof v.height === 'number';
const decodeVersion = (v: RawVersionRow): LayoutVersionRow => ({ ...v, body: decodeJson(v.body, { table: 'layout_versions', id: v.id, column: 'body' }, isBody) });

export const layoutRepo = {
  list: (q: Queryable) => q.all<LayoutRow>('SELECT * FROM layouts WHERE deleted_at IS NULL ORDER BY system_key IS NULL, CASE WHEN system_key IS NULL THEN name END, id'),
  findById: (q: Queryable, id: number) => q.get<LayoutRow>('SELECT * FROM layouts WHERE id = ? AND deleted_at IS NULL', [id]),
  versions: async (q: Queryable, layoutId: number) =>
    (await q.all<RawVersionRow>('SELECT * FROM layout_versions WHERE layout_id = ? ORDER BY number', [layoutId])).map(decodeVersion),
  versionById: async (q: Queryable, id: number) => {
    const v = await q.get<RawVersionRow>('SELECT * FROM layout_versions WHERE id = ?', [id]);
    return v && decodeVersion(v);
  },
  insert: async (q: Queryable, l: { name: string; createdBy: number; now: number }) =>
    (await q.run('INSERT INTO layouts (name, created_by, created_at, updated_at) VALUES (?, ?, ?, ?)', [l.name, l.createdBy, l.now, l.now])).lastID,
  rename: (q: Queryable, id: number, name: string, now: number) => q.run('UPDATE layouts SET name = ?, updated_at = ? WHERE id = ?', [name, now, id]),
  /** Adds the next version as submitted, superseding any version still waiting; returns its id. */
  addVersion: async (q: Queryable, v: { layoutId: number; body: string; sha256: string; createdBy: number; now: number }) => {
    await q.run("UPDATE layout_versions SET state = 'superseded' WHERE layout_id = ? AND state = 'submitted'", [v.layoutId]);
    const next = (await q.get<{ n: number }>('SELECT COALESCE(MAX(number), 0) + 1 AS n FROM layout_versions WHERE layout_id = ?', [v.layoutId]))!.n;
    const id = (
      await q.run(
        "INSERT INTO layout_versions (layout_id, number, state, body, body_sha256, created_by, created_at) VALUES (?, ?, 'submitted', ?, ?, ?, ?)",
        [v.layoutId, next, v.body, v.sha256, v.createdBy, v.now],
      )
    ).lastID;
    await q.run('UPDATE layouts SET latest_version_id = ?, updated_at = ? WHERE id = ?', [id, v.now, v.layoutId]);
    return id;
  },
  decide: async (q: Queryable, d: { versionId: number; layoutId: number; approve: boolean; reason: string | null; actorId: number; now: number }) => {
    await q.run('UPDATE layout_versions SET state = ?, decided_by = ?, decided_at = ?, reason = ? WHERE id = ?', [
      d.approve ? 'approved' : 'rejected',
      d.actorId,
      d.now,
      d.reason,
      d.versionId,
    ]);
    if (d.approve) await q.run('UPDATE layouts SET approved_version_id = ?, updated_at = ? WHERE id = ?', [d.versionId, d.now, d.layoutId]);
  },
  softDelete: (q: Queryable, id: number, now: number) => q.run('UPDATE layouts SET deleted_at = ?, updated_at = ? WHERE id = ?', [now, now, id]),

  assignments: (q: Queryable) => q.all<LayoutAssignmentRow>('SELECT * FROM layout_assignments ORDER BY device_id IS NULL, device_id, group_id'),
  countAssigned: async (q: Queryable, layoutId: number) =>
    (await q.get<{ n: number }>('SELECT count(*) AS n FROM layout_assignments WHERE layout_id = ?', [layoutId]))!.n,
  /** Sets (layoutId) or clears (null) the layout of one device or one group. */
  assign: async (q: Queryable, a: { target: { deviceId: number } | { groupId: number }; layoutId: number | null; actorId: number; now: number }) => {
    const [column, id] = 'deviceId' in a.target ? ['device_id', a.target.deviceId] : ['group_id', a.target.groupId];
    await q.run(`DELETE FROM layout_assignments WHERE ${column} = ?`, [id]);
    if (a.layoutId !== null) {
      await q.run(`INSERT INTO layout_assignments (layout_id, ${column}, assigned_by, assigned_at) VALUES (?, ?, ?, ?)`, [a.layoutId, id, a.actorId, a.now]);
    }
  },
  /** Every screen's approved layout (its own assignment, else its lowest-id group's), for the compiler; screens without one are absent. */
  approvedForScreens: async (q: Queryable) =>
    (
      await q.all<{ device_id: number; layout_id: number; version_id: number; body: string }>(
        `WITH pick AS (
           SELECT d.id AS device_id, COALESCE(
             (SELECT layout_id FROM layout_assignments WHERE device_id = d.id),
             (SELECT a.layout_id FROM layout_assignments a
                JOIN device_group_members m ON m.group_id = a.group_id
                JOIN device_groups g ON g.id = a.group_id AND g.deleted_at IS NULL
                WHERE m.device_id = d.id ORDER BY a.group_id LIMIT 1)) AS layout_id
           FROM devices d WHERE d.deleted_at IS NULL AND d.kind IN ('led', 'kiosk'))
         SELECT p.device_id, l.id AS layout_id, v.id AS version_id, v.body FROM pick p
           JOIN layouts l ON l.id = p.layout_id AND l.deleted_at IS NULL
           JOIN layout_versions v ON v.id = l.approved_version_id
         ORDER BY p.device_id`,
      )
    ).map((r) => ({
      deviceId: r.device_id,
      layoutId: r.layout_id,
      versionId: r.version_id,
      body: decodeJson(r.body, { table: 'layout_versions', id: r.version_id, column: 'body' }, isBody),
    })),
  /** The layout a device shows: its own assignment, else that of its lowest-id group that has one. */
  layoutIdForDevice: async (q: Queryable, deviceId: number) =>
    (
      await q.get<{ layout_id: number }>(
        `SELECT layout_id FROM (
           SELECT layout_id, 0 AS rank, 0 AS group_id FROM layout_assignments WHERE device_id = ?
           UNION ALL
           SELECT a.layout_id, 1, a.group_id FROM layout_assignments a
             JOIN device_group_members m ON m.group_id = a.group_id
             JOIN device_groups g ON g.id = a.group_id AND g.deleted_at IS NULL
             WHERE m.device_id = ?)
         ORDER BY rank, group_id LIMIT 1`,
        [deviceId, deviceId],
      )
    )?.layout_id ?? null,
};
