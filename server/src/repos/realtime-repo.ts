// SQL the realtime hub and the device endpoints need beyond the device registry: presence (online, last seen,
// last heartbeat) and whether a file belongs to an approved content version or an active alert.
import type { Queryable } from '../db/sqlite';

export const realtimeRepo = {
  setPresence: (q: Queryable, deviceId: number, lastSeenAt: number, status: string) =>
    q.run('UPDATE devices SET last_seen_at = ?, status = ? WHERE id = ?', [lastSeenAt, status, deviceId]),
  touch: (q: Queryable, deviceId: number, lastSeenAt: number) =>
    q.run('UPDATE devices SET last_seen_at = ? WHERE id = ?', [lastSeenAt, deviceId]),
  /** Devices still marked online (after a crash nobody marked them offline). */
  listMarkedOnline: (q: Queryable) =>
    q.all<{ id: number; status: string }>("SELECT id, status FROM devices WHERE json_extract(status, '$.online') = 1"),
  // Connection intervals (device_sessions, migration 0004) for the uptime reports.
  closeOpenSessions: (q: Queryable, deviceId: number, now: number) =>
    q.run('UPDATE device_sessions SET disconnected_at = MAX(connected_at, ?) WHERE device_id = ? AND disconnected_at IS NULL', [now, deviceId]),
  openSession: (q: Queryable, deviceId: number, now: number) =>
    q.run('INSERT INTO device_sessions (device_id, connected_at) VALUES (?, ?)', [deviceId, now]),
  /** After a crash: end every open interval at the device's last sign of life. */
  closeDanglingSessions: (q: Queryable) =>
    q.run(
      `UPDATE device_sessions SET disconnected_at = MAX(connected_at, COALESCE((SELECT d.last_seen_at FROM devices d WHERE d.id = device_id), connected_at))
       WHERE disconnected_at IS NULL`,
    ),
  /** True when an approved content version uses the file (main media, speech or any listed file). */
  isApprovedFile: async (q: Queryable, sha: string) =>
    !!(await q.get<{ x: number }>(
      `SELECT 1 AS x FROM content_versions v WHERE v.state = 'approved'
         AND (v.media_sha256 = ? OR v.speech_sha256 = ? OR EXISTS (SELECT 1 FROM json_each(v.files) f WHERE f.value = ?)) LIMIT 1`,
      [sha, sha, sha],
    )),
  mediaFile: (q: Queryable, sha: string) =>
    q.get<{ sha256: string; size: number; mime: string }>('SELECT sha256, size, mime FROM media_files WHERE sha256 = ?', [sha]),
};
