// Device presence: online/offline, last seen and the last heartbeat, kept in memory for the live view and
// written through the device status service (devices.last_seen_at / devices.status, and device_sessions for
// the uptime reports) for everything that reads the database.
import type { DeviceStatusMessage, Heartbeat, Hello, StreamConnection } from '@bantin/protocol';
import type { Logger } from '../log';
import type { DeviceStatusService, StoredStatus } from '../services/devices/device-status-service';

type State = {
  online: boolean;
  lastSeenAt: number | null;
  heartbeat: Heartbeat | null;
  playerVersion: string | null;
  /** IP receivers: their open stream connections (they have no socket here). */
  stream?: StreamConnection[];
};

export function createPresence(deps: { status: DeviceStatusService; log: Logger; publish: (m: DeviceStatusMessage) => void }) {
  const states = new Map<number, State>();
  const stateOf = (id: number) => {
    let s = states.get(id);
    if (!s) states.set(id, (s = { online: false, lastSeenAt: null, heartbeat: null, playerVersion: null }));
    return s;
  };
  const message = (id: number, s: State): DeviceStatusMessage => ({
    type: 'device.status.v1',
    deviceId: String(id),
    online: s.online,
    lastSeenAt: s.lastSeenAt,
    nowPlaying: s.heartbeat?.nowPlaying ?? null,
    cache: s.heartbeat?.cache ?? null,
    freeBytes: s.heartbeat?.freeBytes ?? null,
    errors: s.heartbeat?.errors ?? [],
    playerVersion: s.playerVersion,
    ...(s.stream ? { stream: s.stream } : {}),
    // A screen black by its last heartbeat (đang nghỉ) is still online; an offline one is just offline.
    ...(s.online && s.heartbeat?.sleeping ? { sleeping: true } : {}),
  });
  const save = async (id: number, s: State, now: number) => {
    const stored: StoredStatus = {
      online: s.online,
      at: now,
      playerVersion: s.playerVersion,
      nowPlaying: s.heartbeat?.nowPlaying ?? null,
      cache: s.heartbeat?.cache ?? null,
      freeBytes: s.heartbeat?.freeBytes ?? null,
      errors: s.heartbeat?.errors ?? [],
      uptimeMs: s.heartbeat?.uptimeMs ?? null,
      ...(s.stream ? { stream: s.stream } : {}),
      ...(s.heartbeat?.sleeping ? { sleeping: true } : {}),
    };
    await deps.status.save(id, now, stored);
    deps.publish(message(id, s));
  };

  return {
    async online(id: number, now: number) {
      const s = stateOf(id);
      s.online = true;
      s.lastSeenAt = now;
      await deps.status.connected(id, now);
      await save(id, s, now);
    },
    async offline(id: number, now: number) {
      const s = stateOf(id);
      s.online = false;
      s.lastSeenAt = now;
      await deps.status.disconnected(id, now);
      await save(id, s, now);
      // Offline devices need no memory here; the database keeps their last status.
      states.delete(id);
    },
    /** An IP receiver's stream connections now: online while there is one, offline after the last. */
    async streaming(id: number, connections: StreamConnection[], now: number) {
      const s = stateOf(id);
      s.stream = connections;
      if (connections.length === 0) return this.offline(id, now);
      s.lastSeenAt = now;
      if (!s.online) {
        s.online = true;
        await deps.status.connected(id, now);
      }
      await save(id, s, now);
    },
    async touch(id: number, now: number) {
      stateOf(id).lastSeenAt = now;
      await deps.status.touch(id, now);
    },
    async hello(id: number, h: Hello, now: number) {
      const s = stateOf(id);
      s.playerVersion = h.playerVersion;
      s.lastSeenAt = now;
      await save(id, s, now);
    },
    async heartbeat(id: number, h: Heartbeat, now: number) {
      const s = stateOf(id);
      s.heartbeat = h;
      s.lastSeenAt = now;
      await save(id, s, now);
    },
    /** Live status of every connected device (sent to a dashboard when it connects). */
    snapshot: (): DeviceStatusMessage[] => [...states.entries()].filter(([, s]) => s.online).map(([id, s]) => message(id, s)),
    /** At start no device is connected yet: clear the online flags a crash may have left behind. */
    resetAll: (now: number) => deps.status.resetAll(now),
  };
}
export type Presence = ReturnType<typeof createPresence>;
