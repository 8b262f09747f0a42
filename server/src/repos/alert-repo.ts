// SQL for emergency alerts (cảnh báo khẩn cấp), their audience and the devices' acknowledgements.
import type { Queryable } from '../db/sqlite';
import { decodeJson, isStoredTarget, type DeviceKind } from './json-column';

/** Who an alert reaches; keys missing from the stored JSON read as false and empty lists. */
export type AlertTarget = { all: boolean; deviceIds: number[]; groupIds: number[]; kinds: DeviceKind[] };

export type AlertRow = {
  id: number;
  text: string;
  audio_sha256: string | null;
  speech_sha256: string | null;
  target: AlertTarget;
  repeat_min: number;
  severity: string;
  starts_at: number;
  expires_at: number;
  cancelled_at: number | null;
  source: string;
  cap_identifier: string | null;
  issued_by: number | null;
  created_at: number;
  updated_at: number;
};

type RawAlertRow = Omit<AlertRow, 'target'> & { target: string };

/** Reads a stored alert target (JSON {all, deviceIds, groupIds, kinds} with numeric ids). */
export const decodeAlertTarget = (json: string, id: number, table = 'alerts'): AlertTarget => {
  const t = decodeJson(json, { table, id, column: 'target' }, isStoredTarget);
  return { all: !!t.all, deviceIds: t.deviceIds ?? [], groupIds: t.groupIds ?? [], kinds: t.kinds ?? [] };
};
const decode = (r: RawAlertRow): AlertRow => ({ ...r, target: decodeAlertTarget(r.target, r.id) });
const one = (r: RawAlertRow | undefined) => r && decode(r);

/** A new alert, its target already serialised. */
export type AlertInsert = Omit<RawAlertRow, 'id' | 'cancelled_at' | 'created_at' | 'updated_at'>;
export type AckRow = { device_id: number; device_name: string | null; acked_at: number };

const ACTIVE = 'cancelled_at IS NULL AND expires_at > ?';

export const alertRepo = {
  insert: async (q: Queryable, a: AlertInsert, now: number) =>
    (
      await q.run(
        `INSERT INTO alerts (text, audio_sha256, speech_sha256, target, repeat_min, severity, starts_at, expires_at, source,
           cap_identifier, issued_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.text,
          a.audio_sha256,
          a.speech_sha256,
          a.target,
          a.repeat_min,
          a.severity,
          a.starts_at,
          a.expires_at,
          a.source,
          a.cap_identifier,
          a.issued_by,
          now,
          now,
        ],
      )
    ).lastID,
  findById: async (q: Queryable, id: number) => one(await q.get<RawAlertRow>('SELECT * FROM alerts WHERE id = ?', [id])),
  findByCapIdentifier: async (q: Queryable, ident: string) =>
    one(await q.get<RawAlertRow>('SELECT * FROM alerts WHERE cap_identifier = ? ORDER BY id DESC LIMIT 1', [ident])),
  list: async (q: Queryable, limit: number) =>
    (await q.all<RawAlertRow>('SELECT * FROM alerts ORDER BY id DESC LIMIT ?', [limit])).map(decode),
  listActive: async (q: Queryable, now: number) =>
    (await q.all<RawAlertRow>(`SELECT * FROM alerts WHERE ${ACTIVE} ORDER BY id`, [now])).map(decode),
  /** Alerts this device acknowledged and that were cancelled before their expiry, which is still ahead. */
  listCancelledHeldBy: async (q: Queryable, deviceId: number, now: number) =>
    (
      await q.all<RawAlertRow>(
        `SELECT a.* FROM alerts a JOIN alert_acks k ON k.alert_id = a.id
          WHERE k.device_id = ? AND a.cancelled_at IS NOT NULL AND a.cancelled_at < a.expires_at AND a.expires_at > ? ORDER BY a.id`,
        [deviceId, now],
      )
    ).map(decode),
  /** When each of these alerts ended (cancel or expiry); an alert still open is absent. */
  endedAt: (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? Promise.resolve([] as { id: number; cancelled_at: number }[])
      : q.all<{ id: number; cancelled_at: number }>(
          `SELECT id, cancelled_at FROM alerts WHERE cancelled_at IS NOT NULL AND id IN (${ids.map(() => '?').join(',')})`,
          ids,
        ),
  /** Alerts still marked open whose expiry has passed. */
  listDueToExpire: async (q: Queryable, now: number) =>
    (await q.all<RawAlertRow>('SELECT * FROM alerts WHERE cancelled_at IS NULL AND expires_at <= ? ORDER BY id', [now])).map(decode),
  nextExpiry: async (q: Queryable) =>
    (await q.get<{ t: number | null }>('SELECT MIN(expires_at) AS t FROM alerts WHERE cancelled_at IS NULL'))?.t ?? null,
  end: (q: Queryable, id: number, at: number, now: number) =>
    q.run('UPDATE alerts SET cancelled_at = ?, updated_at = ? WHERE id = ? AND cancelled_at IS NULL', [at, now, id]),
  update: (q: Queryable, id: number, a: Pick<RawAlertRow, 'text' | 'severity' | 'repeat_min' | 'expires_at' | 'target'>, now: number) =>
    q.run('UPDATE alerts SET text = ?, severity = ?, repeat_min = ?, expires_at = ?, target = ?, updated_at = ? WHERE id = ?', [
      a.text,
      a.severity,
      a.repeat_min,
      a.expires_at,
      a.target,
      now,
      id,
    ]),
  setSpeech: (q: Queryable, id: number, sha: string, now: number) =>
    q.run('UPDATE alerts SET speech_sha256 = ?, updated_at = ? WHERE id = ?', [sha, now, id]),

  /** Devices (not deleted) an alert target reaches. */
  audience: async (q: Queryable, t: { all: boolean; deviceIds: number[]; groupIds: number[]; kinds: string[] }) => {
    if (t.all) return (await q.all<{ id: number }>('SELECT id FROM devices WHERE deleted_at IS NULL ORDER BY id')).map((r) => r.id);
    const list = (xs: readonly unknown[]) => (xs.length ? xs.map(() => '?').join(',') : 'NULL');
    const rows = await q.all<{ id: number }>(
      `SELECT id FROM devices WHERE deleted_at IS NULL AND (id IN (${list(t.deviceIds)}) OR kind IN (${list(t.kinds)})
         OR id IN (SELECT m.device_id FROM device_group_members m JOIN device_groups g ON g.id = m.group_id
                   WHERE g.deleted_at IS NULL AND m.group_id IN (${list(t.groupIds)})))
       ORDER BY id`,
      [...t.deviceIds, ...t.kinds, ...t.groupIds],
    );
    return rows.map((r) => r.id);
  },
  groupIdsOfDevice: async (q: Queryable, deviceId: number) =>
    (
      await q.all<{ group_id: number }>(
        `SELECT m.group_id FROM device_group_members m JOIN device_groups g ON g.id = m.group_id
         WHERE m.device_id = ? AND g.deleted_at IS NULL`,
        [deviceId],
      )
    ).map((r) => r.group_id),
  /** Groups whose name (case-insensitive) or geocode matches a CAP <area>. */
  groupsForArea: (q: Queryable, names: readonly string[], geocodes: readonly string[]) => {
    const list = (xs: readonly unknown[]) => (xs.length ? xs.map(() => '?').join(',') : 'NULL');
    return q.all<{ id: number; name: string }>(
      `SELECT id, name FROM device_groups WHERE deleted_at IS NULL
         AND (lower(name) IN (${list(names)}) OR geocode IN (${list(geocodes)})) ORDER BY id`,
      [...names.map((n) => n.toLowerCase()), ...geocodes],
    );
  },
  audioFile: (q: Queryable, sha: string) =>
    q.get<{ sha256: string; mime: string }>("SELECT sha256, mime FROM media_files WHERE sha256 = ? AND kind = 'audio'", [sha]),

  insertAck: async (q: Queryable, alertId: number, deviceId: number, at: number) =>
    (await q.run('INSERT OR IGNORE INTO alert_acks (alert_id, device_id, acked_at) VALUES (?, ?, ?)', [alertId, deviceId, at])).changes > 0,
  acks: (q: Queryable, alertId: number) =>
    q.all<AckRow>(
      `SELECT a.device_id, d.name AS device_name, a.acked_at FROM alert_acks a LEFT JOIN devices d ON d.id = a.device_id
       WHERE a.alert_id = ? ORDER BY a.acked_at, a.device_id`,
      [alertId],
    ),
  ackCounts: (q: Queryable, ids: readonly number[]) =>
    ids.length === 0
      ? Promise.resolve([] as { alert_id: number; n: number }[])
      : q.all<{ alert_id: number; n: number }>(
          `SELECT alert_id, COUNT(*) AS n FROM alert_acks WHERE alert_id IN (${ids.map(() => '?').join(',')}) GROUP BY alert_id`,
          ids,
        ),
};
