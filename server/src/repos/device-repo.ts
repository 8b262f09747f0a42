// SQL for devices (LED screens, kiosks, loudspeaker clusters), their tokens and the pairing codes.
import type { Queryable } from '../db/sqlite';
import { decodeNullableJson, isClockWindow, isClockWindows, isRecord, type ClockWindow } from './json-column';

/** A staff override of a screen's operating hours (migration 0018): on or off over [since, until). */
export type PowerOverride = { state: 'awake' | 'asleep'; since: number; until: number };
const isPowerOverride = (v: unknown): v is PowerOverride =>
  isRecord(v) && (v.state === 'awake' || v.state === 'asleep') && Number.isFinite(v.since) && Number.isFinite(v.until);

/** `receiver` — an IP audio receiver (bộ thu IP): it only plays one zone's stream URL, never a timeline. */
export type DeviceKind = 'led' | 'kiosk' | 'speaker' | 'receiver';

export type DeviceRow = {
  id: number;
  kind: DeviceKind;
  name: string;
  residential_group: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  orientation: 'landscape' | 'portrait';
  resolution: string | null;
  volume: number | null;
  operating_hours: ClockWindow | null;
  quiet_hours: ClockWindow | null;
  broadcast_slots: ClockWindow[] | null;
  /** Screens: woken or put to sleep from the dashboard; null = the operating hours alone. */
  power_override: PowerOverride | null;
  token_hash: string | null;
  token_issued_at: number | null;
  last_seen_at: number | null;
  status: string;
  deleted_at: number | null;
  created_at: number;
  updated_at: number;
};

type Serialised = 'operating_hours' | 'quiet_hours' | 'broadcast_slots' | 'power_override';
/** A device row (or part of one) as SQLite returns it: its clock windows still JSON text. */
export type RawDeviceColumns<T extends Pick<DeviceRow, 'id' | Serialised>> = Omit<T, Serialised> & { [k in Serialised]: string | null };
type RawDeviceRow = RawDeviceColumns<DeviceRow>;

/** Decodes the clock-window columns of a device row, whichever other columns it was read with. */
export const decodeDeviceColumns = <T extends Pick<DeviceRow, 'id' | Serialised>>(d: RawDeviceColumns<T>): T => {
  const ref = (column: string) => ({ table: 'devices', id: d.id, column });
  return {
    ...d,
    operating_hours: decodeNullableJson(d.operating_hours, ref('operating_hours'), isClockWindow),
    quiet_hours: decodeNullableJson(d.quiet_hours, ref('quiet_hours'), isClockWindow),
    broadcast_slots: decodeNullableJson(d.broadcast_slots, ref('broadcast_slots'), isClockWindows),
    power_override: decodeNullableJson(d.power_override, ref('power_override'), isPowerOverride),
  } as T;
};
const decode = (d: RawDeviceRow): DeviceRow => decodeDeviceColumns<DeviceRow>(d);

/** Columns a create or patch may set, already serialised for SQL. */
export type DeviceFields = Pick<
  RawDeviceRow,
  | 'kind'
  | 'name'
  | 'residential_group'
  | 'address'
  | 'lat'
  | 'lon'
  | 'orientation'
  | 'resolution'
  | 'volume'
  | 'operating_hours'
  | 'quiet_hours'
  | 'broadcast_slots'
>;

export type PairingCodeRow = {
  code: string;
  secret_hash: string;
  created_at: number;
  expires_at: number;
  device_id: number | null;
  claimed_at: number | null;
  delivered_at: number | null;
};

const FIELD_NAMES = [
  'kind',
  'name',
  'residential_group',
  'address',
  'lat',
  'lon',
  'orientation',
  'resolution',
  'volume',
  'operating_hours',
  'quiet_hours',
  'broadcast_slots',
] as const satisfies readonly (keyof DeviceFields)[];

export const deviceRepo = {
  list: async (q: Queryable, filter: { kind?: DeviceKind; groupId?: number }) =>
    (
      await q.all<RawDeviceRow>(
        `SELECT d.* FROM devices d
       WHERE d.deleted_at IS NULL AND (? IS NULL OR d.kind = ?)
         AND (? IS NULL OR EXISTS (SELECT 1 FROM device_group_members m WHERE m.device_id = d.id AND m.group_id = ?))
       ORDER BY d.name, d.id`,
        [filter.kind ?? null, filter.kind ?? null, filter.groupId ?? null, filter.groupId ?? null],
      )
    ).map(decode),
  listActive: async (q: Queryable) => (await q.all<RawDeviceRow>('SELECT * FROM devices WHERE deleted_at IS NULL ORDER BY id')).map(decode),
  findById: async (q: Queryable, id: number) => {
    const d = await q.get<RawDeviceRow>('SELECT * FROM devices WHERE id = ? AND deleted_at IS NULL', [id]);
    return d && decode(d);
  },
  findByIds: async (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? []
      : (await q.all<RawDeviceRow>(`SELECT * FROM devices WHERE deleted_at IS NULL AND id IN (${ids.map(() => '?').join(',')})`, ids)).map(
          decode,
        ),
  insert: async (q: Queryable, f: DeviceFields, now: number) =>
    (
      await q.run(
        `INSERT INTO devices (${FIELD_NAMES.join(', ')}, created_at, updated_at) VALUES (${FIELD_NAMES.map(() => '?').join(', ')}, ?, ?)`,
        [...FIELD_NAMES.map((k) => f[k]), now, now],
      )
    ).lastID,
  update: (q: Queryable, id: number, f: DeviceFields, now: number) =>
    q.run(`UPDATE devices SET ${FIELD_NAMES.map((k) => `${k} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
      ...FIELD_NAMES.map((k) => f[k]),
      now,
      id,
    ]),
  /** Sets or clears (null) a screen's power override, already serialised. */
  setPowerOverride: (q: Queryable, id: number, override: string | null, now: number) =>
    q.run('UPDATE devices SET power_override = ?, updated_at = ? WHERE id = ?', [override, now, id]),
  softDelete: (q: Queryable, id: number, now: number) =>
    q.run('UPDATE devices SET deleted_at = ?, token_hash = NULL, updated_at = ? WHERE id = ?', [now, now, id]),
  setToken: (q: Queryable, id: number, tokenHash: string | null, now: number) =>
    q.run('UPDATE devices SET token_hash = ?, token_issued_at = ?, updated_at = ? WHERE id = ?', [
      tokenHash,
      tokenHash ? now : null,
      now,
      id,
    ]),
  findByTokenHash: (q: Queryable, tokenHash: string) =>
    q.get<Pick<DeviceRow, 'id' | 'kind' | 'name'>>('SELECT id, kind, name FROM devices WHERE token_hash = ? AND deleted_at IS NULL', [
      tokenHash,
    ]),
  /** Live group memberships (deleted groups left out), by device. */
  memberships: (q: Queryable) =>
    q.all<{ device_id: number; group_id: number }>(
      `SELECT m.device_id, m.group_id FROM device_group_members m JOIN device_groups g ON g.id = m.group_id
       WHERE g.deleted_at IS NULL ORDER BY m.group_id`,
    ),
  groupIdsOf: async (q: Queryable, deviceId: number) =>
    (
      await q.all<{ group_id: number }>(
        `SELECT m.group_id FROM device_group_members m JOIN device_groups g ON g.id = m.group_id
         WHERE m.device_id = ? AND g.deleted_at IS NULL ORDER BY m.group_id`,
        [deviceId],
      )
    ).map((r) => r.group_id),
  setGroups: async (q: Queryable, deviceId: number, groupIds: readonly number[]) => {
    await q.run('DELETE FROM device_group_members WHERE device_id = ?', [deviceId]);
    for (const g of groupIds) await q.run('INSERT INTO device_group_members (group_id, device_id) VALUES (?, ?)', [g, deviceId]);
  },

  // Pairing codes (mã ghép nối).
  findCode: (q: Queryable, code: string) => q.get<PairingCodeRow>('SELECT * FROM pairing_codes WHERE code = ?', [code]),
  /** Frees a code value whose previous use is over (expired and never claimed, or already delivered). */
  deleteStaleCode: (q: Queryable, code: string, now: number) =>
    q.run('DELETE FROM pairing_codes WHERE code = ? AND (delivered_at IS NOT NULL OR (claimed_at IS NULL AND expires_at <= ?))', [
      code,
      now,
    ]),
  insertCode: (q: Queryable, c: { code: string; secretHash: string; now: number; expiresAt: number }) =>
    q.run('INSERT INTO pairing_codes (code, secret_hash, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      c.code,
      c.secretHash,
      c.now,
      c.expiresAt,
    ]),
  claimCode: (q: Queryable, code: string, deviceId: number, now: number) =>
    q.run('UPDATE pairing_codes SET device_id = ?, claimed_at = ? WHERE code = ? AND claimed_at IS NULL', [deviceId, now, code]),
  markDelivered: (q: Queryable, code: string, now: number) =>
    q.run('UPDATE pairing_codes SET delivered_at = ? WHERE code = ? AND delivered_at IS NULL', [now, code]),
};
