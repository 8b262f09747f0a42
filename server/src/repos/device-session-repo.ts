// SQL of device connection intervals (phiên kết nối), the source of the uptime report. The realtime hub
// records a connection when a device's first socket opens and a disconnection when its last one closes.
import type { Queryable } from '../db/sqlite';

export type UptimeDeviceRow = {
  id: number;
  name: string;
  kind: string;
  residential_group: string | null;
  operating_hours: string | null;
  last_seen_at: number | null;
  created_at: number;
  deleted_at: number | null;
};

export const deviceSessionRepo = {
  /** Opens an interval unless one is already open (a replacing socket continues the same connection). */
  recordConnection: (q: Queryable, deviceId: number, at: number) =>
    q.run(
      `INSERT INTO device_sessions (device_id, connected_at)
       SELECT ?, ? WHERE NOT EXISTS (SELECT 1 FROM device_sessions WHERE device_id = ? AND disconnected_at IS NULL)`,
      [deviceId, at, deviceId],
    ),

  /** Closes the device's open interval, if any. */
  recordDisconnection: (q: Queryable, deviceId: number, at: number) =>
    q.run('UPDATE device_sessions SET disconnected_at = MAX(connected_at, ?) WHERE device_id = ? AND disconnected_at IS NULL', [
      at,
      deviceId,
    ]),

  /**
   * At server start no device is connected: close intervals left open by a crash at the device's last
   * sign of life (last_seen_at), the best estimate of when the connection really ended.
   */
  closeDangling: (q: Queryable, now: number) =>
    q.run(
      `UPDATE device_sessions SET disconnected_at = MIN(?, MAX(connected_at,
         COALESCE((SELECT d.last_seen_at FROM devices d WHERE d.id = device_sessions.device_id), connected_at)))
       WHERE disconnected_at IS NULL`,
      [now],
    ),

  /** Devices that existed at some point of [from, to). */
  devicesInRange: (q: Queryable, from: number, to: number) =>
    q.all<UptimeDeviceRow>(
      `SELECT id, name, kind, residential_group, operating_hours, last_seen_at, created_at, deleted_at FROM devices
       WHERE created_at < ? AND (deleted_at IS NULL OR deleted_at > ?) ORDER BY kind, name, id`,
      [to, from],
    ),

  /**
   * Connected milliseconds per device inside the given windows (JSON [{d: deviceId, s, e}]); an interval
   * still open counts until `now`. Windows of one device must not overlap (operating hours per local day).
   */
  onlineMsInWindows: (q: Queryable, windows: string, now: number) =>
    q.all<{ device_id: number; ms: number }>(
      `WITH w AS (SELECT value ->> 'd' AS d, value ->> 's' AS s, value ->> 'e' AS e FROM json_each(?))
       SELECT w.d AS device_id,
         SUM(MAX(0, MIN(COALESCE(x.disconnected_at, ?), w.e) - MAX(x.connected_at, w.s))) AS ms
       FROM w JOIN device_sessions x ON x.device_id = w.d AND x.connected_at < w.e AND COALESCE(x.disconnected_at, ?) > w.s
       GROUP BY w.d`,
      [windows, now, now],
    ),
};
