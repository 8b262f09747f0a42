// Device status (trạng thái thiết bị) as the database keeps it for everything that reads it: online flag,
// last seen and the last heartbeat in devices.status (JSON), and connection intervals in device_sessions for
// the uptime reports. The realtime hub's presence keeps the live state and writes it through this service.
import type { Heartbeat, StreamConnection } from '@bantin/protocol';
import type { Db } from '../../db/sqlite';
import { deviceStatusRepo } from '../../repos/device-status-repo';

/** The JSON stored in devices.status. */
export type StoredStatus = {
  online: boolean;
  at: number;
  playerVersion: string | null;
  nowPlaying: Heartbeat['nowPlaying'];
  cache: Heartbeat['cache'] | null;
  freeBytes: number | null;
  errors: string[];
  uptimeMs: number | null;
  /** IP receivers: their open stream connections. */
  stream?: StreamConnection[];
  /** Screens: black by the last heartbeat (outside operating hours, or put to sleep). */
  sleeping?: boolean;
};

export function createDeviceStatusService(deps: { db: Db }) {
  return {
    /** A connection opened: an interval a replaced socket left open ends, a new one starts. */
    connected: (deviceId: number, now: number) =>
      deps.db.transaction(async (tx) => {
        await deviceStatusRepo.closeOpenSessions(tx, deviceId, now);
        await deviceStatusRepo.openSession(tx, deviceId, now);
      }),
    disconnected: (deviceId: number, now: number) => deviceStatusRepo.closeOpenSessions(deps.db, deviceId, now),
    /** Stores the status and `now` as last seen. */
    save: (deviceId: number, now: number, status: StoredStatus) =>
      deviceStatusRepo.setStatus(deps.db, deviceId, now, JSON.stringify(status)),
    /** Only the last-seen time (a pong). */
    touch: (deviceId: number, now: number) => deviceStatusRepo.touch(deps.db, deviceId, now),
    /** At start no device is connected yet: end dangling intervals and clear the online flags a crash left. */
    async resetAll(now: number) {
      await deviceStatusRepo.closeDanglingSessions(deps.db);
      await deviceStatusRepo.markAllOffline(deps.db, now);
    },
  };
}
export type DeviceStatusService = ReturnType<typeof createDeviceStatusService>;
