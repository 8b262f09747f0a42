// SQL for stream zones: loudspeaker groups that the server plays into one encoded stream for IP receivers.
import type { Queryable } from '../db/sqlite';
import { decodeNullableJson, isClockWindow, type ClockWindow } from './json-column';

export type StreamZoneRow = {
  group_id: number;
  /** The stream's name in URLs: /stream/<slug>.mp3 (lower-case letters, digits and '-'). */
  slug: string;
  bitrate_kbps: number;
  channels: 1 | 2;
  volume: number;
  quiet_hours: ClockWindow | null;
  enabled: boolean;
  created_at: number;
  updated_at: number;
  /** The group's name (the zone's display name), joined from device_groups. */
  name: string;
};
type RawStreamZoneRow = Omit<StreamZoneRow, 'quiet_hours' | 'enabled' | 'channels'> & {
  quiet_hours: string | null;
  enabled: number;
  channels: number;
};

const decode = (z: RawStreamZoneRow): StreamZoneRow => ({
  ...z,
  channels: z.channels === 2 ? 2 : 1,
  enabled: z.enabled === 1,
  quiet_hours: decodeNullableJson(z.quiet_hours, { table: 'stream_zones', id: z.group_id, column: 'quiet_hours' }, isClockWindow),
});
const one = (z: RawStreamZoneRow | undefined) => z && decode(z);

const SELECT = `SELECT z.*, g.name FROM stream_zones z JOIN device_groups g ON g.id = z.group_id WHERE g.deleted_at IS NULL`;

export type StreamZoneWrite = {
  groupId: number;
  slug: string;
  bitrateKbps: number;
  channels: 1 | 2;
  volume: number;
  quietHours: ClockWindow | null;
  enabled: boolean;
  now: number;
};

export const streamZoneRepo = {
  list: async (q: Queryable) => (await q.all<RawStreamZoneRow>(`${SELECT} ORDER BY g.name, z.group_id`)).map(decode),
  findByGroup: async (q: Queryable, groupId: number) => one(await q.get<RawStreamZoneRow>(`${SELECT} AND z.group_id = ?`, [groupId])),
  findBySlug: async (q: Queryable, slug: string) => one(await q.get<RawStreamZoneRow>(`${SELECT} AND z.slug = ?`, [slug])),
  /** Creates or replaces a group's zone settings (created_at kept on replace). */
  upsert: (q: Queryable, z: StreamZoneWrite) =>
    q.run(
      `INSERT INTO stream_zones (group_id, slug, bitrate_kbps, channels, volume, quiet_hours, enabled, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (group_id) DO UPDATE SET slug = excluded.slug, bitrate_kbps = excluded.bitrate_kbps,
         channels = excluded.channels, volume = excluded.volume, quiet_hours = excluded.quiet_hours,
         enabled = excluded.enabled, updated_at = excluded.updated_at`,
      [z.groupId, z.slug, z.bitrateKbps, z.channels, z.volume, z.quietHours && JSON.stringify(z.quietHours), z.enabled ? 1 : 0, z.now, z.now],
    ),
  remove: (q: Queryable, groupId: number) => q.run('DELETE FROM stream_zones WHERE group_id = ?', [groupId]),
};
