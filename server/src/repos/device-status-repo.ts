// SQL of device status: online flag, last seen and the last heartbeat (devices.last_seen_at, devices.status
// JSON), and the connection intervals (device_sessions, migration 0004) the uptime reports read.
import type { Queryable } from '../db/sqlite';

export const deviceStatusRepo = {
  setStatus: (q: Queryable, deviceId: number, lastSeenAt: number, status: string) =>
    q.run('UPDATE devices SET last_seen_at = ?, status = ? WHERE id = ?', [lastSeenAt, status, deviceId]),
  touch: (q: Queryable, deviceId: number, lastSeenAt: number) =>
    q.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [lastSeenAt, deviceId]),
  /** After a crash nobody marked the devices offline: clear every stored online flag, keeping the rest of the
   *  status, and set last seen to the status's own time (or `now` when it has none). */
  markAllOffline: (q: Queryable, now: number) =>
    q.run(
      `UPDATE devices SET last_seen_at = COALESCE(json_extract(status, '$.at'), ?), status = json_set(status, '$.online', json('false'))
       WHERE json_extract(status, '$.online') = 1`,
      [now],
    ),
  closeOpenSessions: (q: Queryable, deviceId: number, now: number) =>
    q.run('UPDATE device_sessions SET disconnected_at = MAX(connected_at, ?) WHERE device_id = ? AND disconnected_at IS NULL', [
      now,
      deviceId,
    ]),
  openSession: (q: Queryable, deviceId: number, now: number) =>
    q.run('INSERT INTO device_sessions (device_id, connected_at) VALUES (?, ?)', [deviceId, now]),
  /** After a crash: end every open interval at the device's last sign of life. */
  closeDanglingSessions: (q: Queryable) =>
    q.run(
      `UPDATE device_sessions SET disconnected_at = MAX(connected_at, COALESCE((SELECT d.last_seen_at FROM devices d WHERE d.id = device_id), connected_at))
       WHERE disconnected_at IS NULL`,
    ),
};
