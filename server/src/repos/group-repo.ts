// SQL for device groups (nhóm thiết bị, e.g. "tổ dân phố 5") and their members.
import type { Queryable } from '../db/sqlite';
import { decodeNullableJson, isClockWindows, type ClockWindow } from './json-column';

export type GroupRow = {
  id: number;
  name: string;
  description: string;
  geocode: string | null;
  /** Default broadcast slots of the member speakers; null = none set. */
  broadcast_slots: ClockWindow[] | null;
  deleted_at: number | null;
  created_at: number;
};
type RawGroupRow = Omit<GroupRow, 'broadcast_slots'> & { broadcast_slots: string | null };

const decode = (g: RawGroupRow): GroupRow => ({
  ...g,
  broadcast_slots: decodeNullableJson(g.broadcast_slots, { table: 'device_groups', id: g.id, column: 'broadcast_slots' }, isClockWindows),
});
const one = (g: RawGroupRow | undefined) => g && decode(g);

export const groupRepo = {
  list: async (q: Queryable) => (await q.all<RawGroupRow>('SELECT * FROM device_groups WHERE deleted_at IS NULL ORDER BY name, id')).map(decode),
  findById: async (q: Queryable, id: number) =>
    one(await q.get<RawGroupRow>('SELECT * FROM device_groups WHERE id = ? AND deleted_at IS NULL', [id])),
  findByName: async (q: Queryable, name: string) => one(await q.get<RawGroupRow>('SELECT * FROM device_groups WHERE name = ?', [name])),
  liveIds: async (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? []
      : (
          await q.all<{ id: number }>(
            `SELECT id FROM device_groups WHERE deleted_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`,
            ids,
          )
        ).map((r) => r.id),
  insert: async (q: Queryable, g: { name: string; description: string; geocode: string | null; broadcastSlots: string | null; now: number }) =>
    (
      await q.run('INSERT INTO device_groups (name, description, geocode, broadcast_slots, created_at) VALUES (?, ?, ?, ?, ?)', [
        g.name,
        g.description,
        g.geocode,
        g.broadcastSlots,
        g.now,
      ])
    ).lastID,
  update: (q: Queryable, id: number, g: { name: string; description: string; geocode: string | null; broadcastSlots: string | null }) =>
    q.run('UPDATE device_groups SET name = ?, description = ?, geocode = ?, broadcast_slots = ? WHERE id = ?', [
      g.name,
      g.description,
      g.geocode,
      g.broadcastSlots,
      id,
    ]),
  /** The name is freed (it is UNIQUE) by suffixing the id, so a new group may take it. */
  softDelete: (q: Queryable, id: number, now: number) =>
    q.run("UPDATE device_groups SET deleted_at = ?, name = name || ' #' || id || ' (đã xoá)' WHERE id = ?", [now, id]),
  memberIds: async (q: Queryable, groupId: number) =>
    (
      await q.all<{ device_id: number }>(
        `SELECT m.device_id FROM device_group_members m JOIN devices d ON d.id = m.device_id
         WHERE m.group_id = ? AND d.deleted_at IS NULL ORDER BY m.device_id`,
        [groupId],
      )
    ).map((r) => r.device_id),
  allMembers: (q: Queryable) =>
    q.all<{ group_id: number; device_id: number }>(
      `SELECT m.group_id, m.device_id FROM device_group_members m JOIN devices d ON d.id = m.device_id
       WHERE d.deleted_at IS NULL ORDER BY m.device_id`,
    ),
  addMember: (q: Queryable, groupId: number, deviceId: number) =>
    q.run('INSERT OR IGNORE INTO device_group_members (group_id, device_id) VALUES (?, ?)', [groupId, deviceId]),
  removeMember: (q: Queryable, groupId: number, deviceId: number) =>
    q.run('DELETE FROM device_group_members WHERE group_id = ? AND device_id = ?', [groupId, deviceId]),
  /** Kinds of the live member devices of some groups (for the "no ads on speakers" rule). */
  memberKinds: (q: Queryable, groupIds: readonly number[]) =>
    groupIds.length === 0
      ? Promise.resolve([] as { group_id: number; device_id: number; kind: string; name: string }[])
      : q.all<{ group_id: number; device_id: number; kind: string; name: string }>(
          `SELECT m.group_id, d.id AS device_id, d.kind, d.name FROM device_group_members m JOIN devices d ON d.id = m.device_id
           WHERE d.deleted_at IS NULL AND m.group_id IN (${groupIds.map(() => '?').join(',')})`,
          groupIds,
        ),
};
