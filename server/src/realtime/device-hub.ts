// The device side of the realtime hub (/ws/device): one live connection per device, the connect sequence
// (time → timeline → cancels of alerts it still holds → active alerts), timeline pushes only when the version changed, alert fan-out, commands,
// pings that find dead connections, and dispatch of what players send (heartbeat, plays, feedback, quiz answers, citizens' reports, acks).
// Timeline, alert, command and access changes reach it as event bus events.
import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_DEVICE_MESSAGE_BYTES, PROTOCOL_NAME, packTimeline, type AlertMessage, type Command, type DeviceTimeline, type ServerToDevice } from '@bantin/protocol';
import type { Logger } from '../log';
import type { EventBus } from '../services/event-bus';
import type { AlertService } from '../services/alerts/alert-service';
import type { PlayService } from '../services/reports/play-service';
import type { FeedbackService } from '../services/reports/feedback-service';
import type { QuizService } from '../services/reports/quiz-service';
import type { CaseService } from '../services/cases/case-service';
import type { Presence } from './presence';
import { handleDeviceMessage, type DeviceConn } from './device-messages';

export type DeviceIdentity = { id: number; kind: string; name: string };

/**
 * `timeline.v2` frames, encoded once per version. The packed timeline carries no device id (see
 * protocol/src/core/packed.ts), so every device on one compiled program — same segments array, media, horizon —
 * gets the very same bytes: one JSON text and, for devices that offered `bantin.deflate`, one raw-DEFLATE
 * buffer, each made on first use and then handed to every socket like a plain broadcast. The text is byte for
 * byte JSON.stringify of the message.
 */
export function createTimelineFrames() {
  type Frames = { tl: DeviceTimeline; text: Buffer; deflated: Buffer | null };
  const caches = { v2: new WeakMap<DeviceTimeline['segments'], Frames>(), v3: new WeakMap<DeviceTimeline['segments'], Frames>() };
  /** `format` v3: with the layout and the ticker track, for players that draw layouts. */
  return (tl: DeviceTimeline, deflate = false, format: 'v2' | 'v3' = 'v2'): Buffer => {
    const cache = caches[format];
    let f = cache.get(tl.segments);
    if (!f || f.tl.media !== tl.media || f.tl.from !== tl.from || f.tl.to !== tl.to || f.tl.version !== tl.version) {
      f = { tl, text: Buffer.from(JSON.stringify({ type: `timeline.${format}`, timeline: packTimeline(tl, format) })), deflated: null };
      cache.set(tl.segments, f);
    }
    if (!deflate) return f.text;
    return (f.deflated ??= deflateRawSync(f.text));
  };
}

/** What the hub reads from the timeline service (structural, so either side can evolve). */
export type HubTimelines = { getTimeline(deviceId: number): Promise<DeviceTimeline | null> };

export type DeviceHubDeps = {
  log: Logger;
  clock: () => number;
  bus: EventBus;
  timelines: HubTimelines;
  alerts: AlertService;
  plays: PlayService;
  feedback: FeedbackService;
  quiz: Pick<QuizService, 'ingest'>;
  cases: Pick<CaseService, 'ingest'>;
  presence: Presence;
  pingIntervalMs?: number;
};

/** Close codes: 4000 = replaced by a newer connection of the same device, 4401 = token no longer valid. */
export const CLOSE_REPLACED = 4000;
export const CLOSE_UNAUTHORIZED = 4401;

export function createDeviceHub(deps: DeviceHubDeps) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_DEVICE_MESSAGE_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
    handleProtocols: (offered) => (offered.has(PROTOCOL_NAME) ? PROTOCOL_NAME : false),
  });
  const conns = new Map<number, DeviceConn>();

  /**
   * A Buffer is an already-encoded frame (fan-out encodes once for thousands of sockets): a text frame, or
   * with `binary` a raw-DEFLATE one for a `bantin.deflate` device.
   */
  const send = (c: DeviceConn, msg: ServerToDevice | string | Buffer, binary = false) => {
    if (c.ws.readyState !== c.ws.OPEN) return false;
    if (Buffer.isBuffer(msg)) c.ws.send(msg, { binary });
    else c.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
    return true;
  };

  const timelineFrame = createTimelineFrames();
  /** Sends the timeline unless this connection already has that version. */
  const sendTimeline = (c: DeviceConn, tl: DeviceTimeline | null) => {
    if (!tl || tl.version === c.sentVersion) return;
    const format = c.layout ? 'v3' : 'v2';
    if (send(c, timelineFrame(tl, c.deflate, format), c.deflate)) {
      c.sentVersion = tl.version;
      c.sentFormat = format;
    }
  };

  /** Sends a command; returns its id, or null when the device is not connected. */
  const sendCommand = (deviceId: number, command: Command, id: string = randomUUID()): string | null => {
    const c = conns.get(deviceId);
    if (!c) return null;
    return send(c, { type: 'command.v1', id, command }) ? id : null;
  };
  /** Closes a device's connection (token revoked, device deleted). */
  const disconnect = (deviceId: number) => conns.get(deviceId)?.ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');

  const unsubscribe = [
    deps.bus.on('timeline.changed', ({ deviceId, timeline }) => {
      const c = conns.get(deviceId);
      if (!c) return;
      if (c.ready) sendTimeline(c, timeline);
      else c.changedDuringConnect = true;
    }),
    deps.bus.on('alert.changed', (change) => {
      const raw = Buffer.from(JSON.stringify(change.message));
      for (const id of change.deviceIds) {
        const c = conns.get(id);
        if (c) send(c, raw);
      }
    }),
    deps.bus.on('device.command', (e) => {
      if (sendCommand(e.deviceId, e.command, e.commandId)) e.sent = true;
    }),
    deps.bus.on('device.access-lost', ({ deviceId }) => disconnect(deviceId)),
  ];

  const resendTimeline = (c: DeviceConn) => {
    if (!c.ready) return; // the connect sequence sends it, in the connection's format by then
    c.sentVersion = null;
    void deps.timelines.getTimeline(c.device.id).then(
      (tl) => sendTimeline(c, tl),
      (err: unknown) => deps.log.error('timeline resend failed', { deviceId: c.device.id, err }),
    );
  };
  const ctx = { deps, send, log: deps.log, resendTimeline };

  /** `deflate`: the device offered `bantin.deflate`, so timelines go to it compressed; `layout`: it offered bantin.layout (timeline.v3). */
  async function accept(ws: WebSocket, device: DeviceIdentity, remote: string, deflate = false, layout = false) {
    const c: DeviceConn = { ws, device, deflate, layout, sentVersion: null, alive: true, ready: false, lastTouch: deps.clock(), playerVersion: null, changedDuringConnect: false };
    const old = conns.get(device.id);
    conns.set(device.id, c);
    if (old) old.ws.close(CLOSE_REPLACED, 'replaced');
    deps.log.info('device connected', { deviceId: device.id, remote, replaced: !!old });

    ws.on('pong', () => {
      c.alive = true;
      const now = deps.clock();
      // A pong every ~20 s from each of thousands of devices: write last_seen at most once a minute. Connecting
      // wrote it already, so the first ping round after a reconnect storm does not queue a write per device.
      if (now - c.lastTouch > 60_000) {
        c.lastTouch = now;
        void deps.presence.touch(device.id, now);
      }
    });
    ws.on('message', (data, isBinary) => {
      c.alive = true;
      void handleDeviceMessage(ctx, c, isBinary ? null : data.toString()).catch((err: unknown) => {
        deps.log.error('device message failed', { deviceId: device.id, err });
        send(c, { type: 'error.v1', code: 'internal', message: 'internal error' });
      });
    });
    ws.on('error', (err) => deps.log.warn('device socket error', { deviceId: device.id, err: err.message }));
    ws.on('close', () => {
      if (conns.get(device.id) !== c) return;
      conns.delete(device.id);
      void deps.presence.offline(device.id, deps.clock()).catch((err: unknown) => deps.log.error('presence failed', { err }));
    });

    send(c, { type: 'time.v1', serverTime: deps.clock() });
    try {
      await deps.presence.online(device.id, deps.clock());
      sendTimeline(c, await deps.timelines.getTimeline(device.id));
      for (const m of await deps.alerts.cancelledFor(device)) send(c, m);
      for (const m of await deps.alerts.activeFor(device)) send(c, m);
      // A change announced while we were reading may be newer than what we read: read once more.
      if (c.changedDuringConnect) sendTimeline(c, await deps.timelines.getTimeline(device.id));
    } catch (err) {
      deps.log.error('device connect sequence failed', { deviceId: device.id, err });
    }
    c.ready = true;
    // A hello with the layout capability came during the connect sequence, after a timeline.v2 went out.
    if (c.layout && c.sentFormat === 'v2') resendTimeline(c);
  }

  const pinger = setInterval(() => {
    for (const c of conns.values()) {
      if (!c.alive) {
        deps.log.info('device connection dead', { deviceId: c.device.id });
        c.ws.terminate();
        continue;
      }
      c.alive = false;
      c.ws.ping();
    }
  }, deps.pingIntervalMs ?? 20_000);
  pinger.unref();

  return {
    wss,
    accept,
    isOnline: (deviceId: number) => conns.has(deviceId),
    connectedCount: () => conns.size,
    connectedIds: () => [...conns.keys()],
    sendCommand,
    sendAlert(deviceId: number, m: AlertMessage) {
      const c = conns.get(deviceId);
      return c ? send(c, m) : false;
    },
    disconnect,
    close() {
      clearInterval(pinger);
      for (const off of unsubscribe) off();
      for (const c of conns.values()) c.ws.terminate();
      conns.clear();
      wss.close();
    },
  };
}
export type DeviceHub = ReturnType<typeof createDeviceHub>;
