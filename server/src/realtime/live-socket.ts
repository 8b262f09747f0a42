// The live socket (/ws/live?id=<feed id>): a loudspeaker web player hears a live feed (a relay of an external
// station — tiếp âm — or later a live announcement) as binary messages of whole MP3 frames from the live hub.
// The device's own stored timeline is the permission: only a speaker whose timeline plays an item of this feed
// now may listen, and the socket closes as soon as that stops being true (timeline changed, segment over, token
// revoked, feed ended). A slow listener loses chunks instead of growing the server's memory.
import { WebSocketServer, type WebSocket } from 'ws';
import { LIVE_PROTOCOL, type DeviceTimeline } from '@bantin/protocol';
import type { Logger } from '../log';
import type { EventBus } from '../services/event-bus';
import type { LiveHub } from '../streams/live/live-hub';
import type { DeviceIdentity, HubTimelines } from './device-hub';

/** A segment may start this much after now and still allow its feed (the player's clock may run ahead). */
export const LIVE_SKEW_MS = 5_000;
/** Above this many bytes waiting in a socket's send buffer, chunks are skipped for that listener. */
export const LIVE_MAX_BUFFERED = 64 * 1024;
/** What a listener may send (nothing is read): anything larger ends the socket with 1009. */
const MAX_INCOMING_BYTES = 1024;

/** Close codes: 1000 the feed ended, 4000 replaced by a newer live socket of the device, 4401 token no longer
 *  valid, 4403 the device's timeline no longer plays this feed now. */
export const LIVE_CLOSE = { ended: 1000, replaced: 4000, unauthorized: 4401, notScheduled: 4403 } as const;

/**
 * Until when the timeline lets its device hear feed `id` at `now`: the end of the segment holding an item of
 * the feed at now (or starting within LIVE_SKEW_MS), extended over the segments that follow it without a gap
 * and hold the feed too; null when none does.
 */
export function liveAllowedUntil(tl: Pick<DeviceTimeline, 'segments' | 'to'>, id: string, now: number): number | null {
  let until: number | null = null;
  for (const s of tl.segments) {
    if (until === null && s.start > now + LIVE_SKEW_MS) break;
    const plays = s.items.some((it) => it.live?.id === id);
    if (until !== null) {
      if (s.start !== until || !plays) break;
      until = s.end;
    } else if (s.end > now && plays) until = s.end;
  }
  return until === null ? null : Math.min(until, tl.to);
}

export type LiveSocketDeps = {
  log: Logger;
  clock: () => number;
  bus: EventBus;
  devices: { authenticateDevice(token: string): Promise<DeviceIdentity | null> };
  timelines: HubTimelines;
  liveHub: Pick<LiveHub, 'subscribe' | 'isOn'>;
  pingIntervalMs?: number;
};

/** A refused upgrade: the HTTP status and problem code to answer. */
export type LiveRefusal = { status: 401 | 403 | 404; code: string };
/** An upgrade the checks let through, with what accept() needs to recheck a change that came meanwhile. */
export type LiveGrant = { device: DeviceIdentity; token: string; id: string; until: number; generation: number };

/** What one listener got so far (tests, logs). */
export type LiveListenerStats = {
  deviceId: number;
  feedId: string;
  sentBytes: number;
  sentChunks: number;
  skippedBytes: number;
  skippedChunks: number;
  maxBuffered: number;
};

type Listener = LiveListenerStats & { ws: WebSocket; alive: boolean; stop: (() => void) | null; timer: NodeJS.Timeout | null };

export function createLiveSockets(deps: LiveSocketDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_INCOMING_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
    handleProtocols: (offered) => (offered.has(LIVE_PROTOCOL) ? LIVE_PROTOCOL : false),
  });
  const byDevice = new Map<number, Listener>();
  /** Counts timeline and access changes (of any device): an upgrade checked while one came checks again. */
  let changes = 0;

  const close = (l: Listener, code: number, reason: string) => {
    if (l.ws.readyState === l.ws.OPEN || l.ws.readyState === l.ws.CONNECTING) l.ws.close(code, reason);
  };

  /** Closes the listener unless `tl` still plays its feed now; otherwise re-arms the end-of-segment check. */
  const recheck = (l: Listener, tl: DeviceTimeline | null) => {
    const until = tl ? liveAllowedUntil(tl, l.feedId, deps.clock()) : null;
    if (until === null) return close(l, LIVE_CLOSE.notScheduled, 'not_scheduled');
    arm(l, until);
  };
  const reread = (l: Listener) =>
    void deps.timelines.getTimeline(l.deviceId).then(
      (tl) => recheck(l, tl),
      (err: unknown) => {
        deps.log.error('live timeline check failed', { deviceId: l.deviceId, err });
        close(l, LIVE_CLOSE.notScheduled, 'not_scheduled');
      },
    );
  /** When the allowing segments are over, the stored timeline is read again (it may go on, or not). */
  const arm = (l: Listener, until: number) => {
    if (l.timer) clearTimeout(l.timer);
    // A timer holds at most ~24.8 days; a check an hour ahead simply checks again.
    l.timer = setTimeout(() => reread(l), Math.min(Math.max(0, until - deps.clock()), 3_600_000) + 1);
    l.timer.unref();
  };

  const unsubscribe = [
    deps.bus.on('timeline.changed', ({ deviceId, timeline }) => {
      changes++;
      const l = byDevice.get(deviceId);
      if (l) recheck(l, timeline);
    }),
    deps.bus.on('device.access-lost', ({ deviceId }) => {
      changes++;
      const l = byDevice.get(deviceId);
      if (l) close(l, LIVE_CLOSE.unauthorized, 'unauthorized');
    }),
  ];

  /** The checks of an upgrade, before any socket exists: token, kind, schedule, on air. */
  async function authorize(token: string | null, id: string | null): Promise<LiveGrant | LiveRefusal> {
    const generation = changes;
    const device = token ? await deps.devices.authenticateDevice(token) : null;
    if (!device || !token) return { status: 401, code: 'device_unauthenticated' };
    if (device.kind !== 'speaker') return { status: 403, code: 'live_not_for_kind' };
    const tl = id && id.length <= 200 ? await deps.timelines.getTimeline(device.id) : null;
    const until = tl && id ? liveAllowedUntil(tl, id, deps.clock()) : null;
    if (until === null || !id) return { status: 403, code: 'live_not_scheduled' };
    if (!deps.liveHub.isOn(id)) return { status: 404, code: 'live_off_air' };
    return { device, token, id, until, generation };
  }

  /** Starts sending the feed to an upgraded socket. */
  function accept(ws: WebSocket, g: LiveGrant) {
    const l: Listener = {
      ws,
      deviceId: g.device.id,
      feedId: g.id,
      alive: true,
      stop: null,
      timer: null,
      sentBytes: 0,
      sentChunks: 0,
      skippedBytes: 0,
      skippedChunks: 0,
      maxBuffered: 0,
    };
    const old = byDevice.get(l.deviceId);
    byDevice.set(l.deviceId, l);
    if (old) close(old, LIVE_CLOSE.replaced, 'replaced');
    deps.log.info('live listener connected', { deviceId: l.deviceId, feed: l.feedId, replaced: !!old });

    ws.on('pong', () => (l.alive = true));
    ws.on('message', () => (l.alive = true)); // nothing a player sends means anything here
    ws.on('error', (err) => deps.log.warn('live socket error', { deviceId: l.deviceId, err: err.message }));
    ws.on('close', () => {
      l.stop?.();
      l.stop = null;
      if (l.timer) clearTimeout(l.timer);
      if (byDevice.get(l.deviceId) === l) byDevice.delete(l.deviceId);
      deps.log.info('live listener left', { deviceId: l.deviceId, feed: l.feedId, sentBytes: l.sentBytes, skippedBytes: l.skippedBytes });
    });

    l.stop = deps.liveHub.subscribe(g.id, {
      frames(mp3) {
        if (ws.readyState !== ws.OPEN) return;
        const buffered = ws.bufferedAmount;
        if (buffered > l.maxBuffered) l.maxBuffered = buffered;
        if (buffered > LIVE_MAX_BUFFERED) {
          l.skippedBytes += mp3.length;
          l.skippedChunks++;
          return;
        }
        ws.send(mp3, { binary: true });
        l.sentBytes += mp3.length;
        l.sentChunks++;
      },
      ended: () => close(l, LIVE_CLOSE.ended, 'ended'),
    });
    if (!l.stop) return close(l, LIVE_CLOSE.ended, 'ended'); // went off air during the handshake
    arm(l, g.until);
    // A timeline or access change announced while the upgrade was checked: check it all once more.
    if (changes !== g.generation) {
      void deps.devices.authenticateDevice(g.token).then(
        (d) => (d ? reread(l) : close(l, LIVE_CLOSE.unauthorized, 'unauthorized')),
        () => close(l, LIVE_CLOSE.unauthorized, 'unauthorized'),
      );
    }
  }

  const pinger = setInterval(() => {
    for (const l of byDevice.values()) {
      if (!l.alive) {
        l.ws.terminate();
        continue;
      }
      l.alive = false;
      l.ws.ping();
    }
  }, deps.pingIntervalMs ?? 20_000);
  pinger.unref();

  return {
    wss,
    authorize,
    accept,
    /** The open live sockets and what each got so far. */
    listeners: (): LiveListenerStats[] =>
      [...byDevice.values()].map(({ deviceId, feedId, sentBytes, sentChunks, skippedBytes, skippedChunks, maxBuffered }) => ({
        deviceId,
        feedId,
        sentBytes,
        sentChunks,
        skippedBytes,
        skippedChunks,
        maxBuffered,
      })),
    close() {
      clearInterval(pinger);
      for (const off of unsubscribe) off();
      for (const l of byDevice.values()) l.ws.terminate();
      byDevice.clear();
      wss.close();
    },
  };
}
export type LiveSockets = ReturnType<typeof createLiveSockets>;
