// The device side of the realtime hub (/ws/device): one live connection per device, the connect sequence
// (time → timeline → active alerts), timeline pushes only when the version changed, alert fan-out, commands,
// pings that find dead connections, and dispatch of what players send (heartbeat, plays, feedback, acks).
import { randomUUID } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_DEVICE_MESSAGE_BYTES, PROTOCOL_NAME, packBody, type AlertMessage, type Command, type DeviceTimeline, type ServerToDevice } from '@bantin/protocol';
import type { Logger } from '../log';
import type { AlertService } from '../services/alert-service';
import type { PlayService } from '../services/play-service';
import type { FeedbackService } from '../services/feedback-service';
import type { Presence } from './presence';
import { handleDeviceMessage, type DeviceConn } from './device-messages';

export type DeviceIdentity = { id: number; kind: string; name: string };

/** A DEFLATE stored (uncompressed), non-final block holding `bytes` (≤ 65,535): RFC 1951 §3.2.4. */
function storedBlock(bytes: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0; // BFINAL = 0, BTYPE = 00, then padding to the byte boundary
  head.writeUInt16LE(bytes.length, 1);
  head.writeUInt16LE(~bytes.length & 0xffff, 3);
  return Buffer.concat([head, bytes]);
}

/**
 * `timeline.v2` frames built around one shared encoding per version. A frame differs between devices on the
 * same version only in deviceId, from and to, so the packed body (items, sequences, segments, media) is
 * JSON-encoded once per distinct pair of arrays (devices sharing a compiled program share them) — and, for
 * devices that offered `bantin.deflate`, compressed once too. A text frame is a short head + those bytes;
 * a binary frame is the head as a DEFLATE stored block followed by the body's compressed blocks, which is
 * one valid raw DEFLATE stream of the same text. The text is byte for byte JSON.stringify of the message.
 */
export function createTimelineFrames() {
  type Tail = { media: DeviceTimeline['media']; text: Buffer; deflated: Buffer | null };
  const tails = new WeakMap<DeviceTimeline['segments'], Tail>();
  const tailOf = (tl: DeviceTimeline): Tail => {
    let t = tails.get(tl.segments);
    if (!t || t.media !== tl.media) {
      // '{"items":…,"sequences":…,"segments":…,"media":…}' without its '{', plus the message's closing '}'.
      t = { media: tl.media, text: Buffer.from(JSON.stringify(packBody(tl)).slice(1) + '}'), deflated: null };
      tails.set(tl.segments, t);
    }
    return t;
  };
  return (tl: DeviceTimeline, deflate = false): Buffer => {
    const head = Buffer.from(
      `{"type":"timeline.v2","timeline":{"deviceId":${JSON.stringify(tl.deviceId)},"from":${JSON.stringify(tl.from)},` +
        `"to":${JSON.stringify(tl.to)},"version":${JSON.stringify(tl.version)},`,
    );
    const tail = tailOf(tl);
    if (!deflate) return Buffer.concat([head, tail.text]);
    if (head.length > 0xffff) return deflateRawSync(Buffer.concat([head, tail.text]));
    tail.deflated ??= deflateRawSync(tail.text);
    return Buffer.concat([storedBlock(head), tail.deflated]);
  };
}

/** What the hub needs from helper E's services (structural, so either side can evolve). */
export type HubTimelines = {
  getTimeline(deviceId: number): Promise<DeviceTimeline | null>;
  onTimelineChanged(fn: (deviceId: number, timeline: DeviceTimeline) => void): () => void;
};

export type DeviceHubDeps = {
  log: Logger;
  clock: () => number;
  timelines: HubTimelines;
  alerts: AlertService;
  plays: PlayService;
  feedback: FeedbackService;
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
    if (send(c, timelineFrame(tl, c.deflate), c.deflate)) c.sentVersion = tl.version;
  };

  const unsubscribeTimeline = deps.timelines.onTimelineChanged((deviceId, tl) => {
    const c = conns.get(deviceId);
    if (!c) return;
    if (c.ready) sendTimeline(c, tl);
    else c.changedDuringConnect = true;
  });

  const unsubscribeAlerts = deps.alerts.onChange((change) => {
    const raw = Buffer.from(JSON.stringify(change.message));
    for (const id of change.deviceIds) {
      const c = conns.get(id);
      if (c) send(c, raw);
    }
  });

  const ctx = { deps, send, log: deps.log };

  /** `deflate`: the device offered `bantin.deflate`, so timelines go to it compressed. */
  async function accept(ws: WebSocket, device: DeviceIdentity, remote: string, deflate = false) {
    const c: DeviceConn = { ws, device, deflate, sentVersion: null, alive: true, ready: false, lastTouch: deps.clock(), playerVersion: null, changedDuringConnect: false };
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
      for (const m of await deps.alerts.activeFor(device)) send(c, m);
      // A change announced while we were reading may be newer than what we read: read once more.
      if (c.changedDuringConnect) sendTimeline(c, await deps.timelines.getTimeline(device.id));
    } catch (err) {
      deps.log.error('device connect sequence failed', { deviceId: device.id, err });
    }
    c.ready = true;
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
    /** Sends a command; returns its id, or null when the device is not connected. */
    sendCommand(deviceId: number, command: Command): string | null {
      const c = conns.get(deviceId);
      if (!c) return null;
      const id = randomUUID();
      return send(c, { type: 'command.v1', id, command }) ? id : null;
    },
    sendAlert(deviceId: number, m: AlertMessage) {
      const c = conns.get(deviceId);
      return c ? send(c, m) : false;
    },
    /** Closes a device's connection (token revoked, device deleted). */
    disconnect(deviceId: number) {
      conns.get(deviceId)?.ws.close(CLOSE_UNAUTHORIZED, 'unauthorized');
    },
    close() {
      clearInterval(pinger);
      unsubscribeTimeline();
      unsubscribeAlerts();
      for (const c of conns.values()) c.ws.terminate();
      conns.clear();
      wss.close();
    },
  };
}
export type DeviceHub = ReturnType<typeof createDeviceHub>;
