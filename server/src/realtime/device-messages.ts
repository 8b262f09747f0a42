// What the hub does with each message a player sends: one handler per type in a map, every frame validated
// by the protocol schema first. Invalid or unknown frames get an error.v1 and a log line, never a crash.
import { LAYOUT_CAPABILITY, parseDeviceMessage, type DeviceToServer, type ParseResult, type ServerToDevice } from '@bantin/protocol';
import type { WebSocket } from 'ws';
import type { Logger } from '../log';
import type { DeviceHubDeps, DeviceIdentity } from './device-hub';

export type DeviceConn = {
  ws: WebSocket;
  device: DeviceIdentity;
  /** The device offered `bantin.deflate`: timelines are sent to it as raw-DEFLATE binary frames. */
  deflate: boolean;
  /** The player draws layouts: timelines go to it as timeline.v3 (with the layout and the ticker track). */
  layout: boolean;
  /** The timeline version this connection has been sent (nothing is sent again for the same version). */
  sentVersion: string | null;
  /** The format of the timeline last sent. */
  sentFormat?: 'v2' | 'v3';
  alive: boolean;
  /** The connect sequence (time, timeline, alerts) is done. */
  ready: boolean;
  changedDuringConnect: boolean;
  lastTouch: number;
  playerVersion: string | null;
};

type Ctx = {
  deps: DeviceHubDeps;
  send: (c: DeviceConn, m: ServerToDevice | string | Buffer) => boolean;
  log: Logger;
  /** Sends the device's current timeline again (its format changed). */
  resendTimeline: (c: DeviceConn) => void;
};
type Handlers = { [K in DeviceToServer['type']]: (ctx: Ctx, c: DeviceConn, m: Extract<DeviceToServer, { type: K }>) => Promise<void> };

type Refusal = { code: 'rate_limited' | 'not_allowed' | 'invalid'; retryAfterMs?: number; message?: string };

/** Tells a kiosk why its form message was refused, naming the event so the player keeps or drops it. */
function refuse(ctx: Ctx, c: DeviceConn, m: { type: string; eventId: string }, r: Refusal, [vi, en]: [string, string]) {
  const seconds = Math.ceil((r.retryAfterMs ?? 0) / 1000);
  const message =
    r.code === 'rate_limited'
      ? `Kiosk gửi quá nhiều ${vi}; thử lại sau ${seconds} giây / too much ${en} from this kiosk; retry in ${seconds} s`
      : r.code === 'not_allowed'
        ? `Chỉ kiosk mới nhận ${vi} / only kiosks take ${en}`
        : (r.message ?? 'invalid');
  ctx.send(c, { type: 'error.v1', code: r.code, message, ref: m.type, eventId: m.eventId });
}

const handlers: Handlers = {
  async 'hello.v1'(ctx, c, m) {
    c.playerVersion = m.playerVersion;
    // A layout player that did not offer bantin.layout got timeline.v2 at connect: send the v3 now.
    if (!c.layout && m.capabilities.includes(LAYOUT_CAPABILITY)) {
      c.layout = true;
      ctx.resendTimeline(c);
    }
    ctx.send(c, { type: 'time.v1', serverTime: ctx.deps.clock(), deviceClock: m.deviceClock });
    await ctx.deps.presence.hello(c.device.id, m, ctx.deps.clock());
  },
  async 'heartbeat.v1'(ctx, c, m) {
    await ctx.deps.presence.heartbeat(c.device.id, m, ctx.deps.clock());
  },
  async 'plays.v1'(ctx, c, m) {
    // Acknowledged only after the transaction committed: the player then drops exactly these records.
    const { eventIds } = await ctx.deps.plays.ingest(c.device.id, m.records);
    ctx.send(c, { type: 'plays.ack.v1', eventIds });
  },
  async 'feedback.v1'(ctx, c, m) {
    const r = await ctx.deps.feedback.ingest(c.device, m);
    if (r.ok) ctx.send(c, { type: 'feedback.ack.v1', eventId: m.eventId });
    else refuse(ctx, c, m, r, ['góp ý', 'feedback']);
  },
  async 'citizen-report.v1'(ctx, c, m) {
    // Acknowledged only after the commit: the kiosk then drops it from its outbox.
    const r = await ctx.deps.cases.ingest(c.device, m);
    if (r.ok) ctx.send(c, { type: 'citizen-report.ack.v1', eventId: m.eventId });
    else refuse(ctx, c, m, r, ['phản ánh', 'reports']);
  },
  async 'quiz-answer.v1'(ctx, c, m) {
    // Acknowledged only after the transaction committed; refused answers are acknowledged too (never resent).
    const r = await ctx.deps.quiz.ingest(c.device, m.records);
    if (r.ok) {
      if (r.refused.length) ctx.log.warn('quiz answers refused', { deviceId: c.device.id, refused: r.refused.length });
      ctx.send(c, { type: 'quiz-answer.ack.v1', eventIds: r.eventIds, ...(r.refused.length ? { refused: r.refused } : {}) });
    } else {
      const seconds = Math.ceil((r.retryAfterMs ?? 0) / 1000);
      const message =
        r.code === 'rate_limited'
          ? `Kiosk gửi quá nhiều câu trả lời; thử lại sau ${seconds} giây / too many quiz answers from this kiosk; retry in ${seconds} s`
          : 'Chỉ kiosk mới nhận câu trả lời / only kiosks take quiz answers';
      ctx.send(c, { type: 'error.v1', code: r.code, message, ref: m.type });
    }
  },
  async 'ack.v1'(ctx, c, m) {
    if (m.of === 'alert') {
      const known = /^\d{1,15}$/.test(m.id) && (await ctx.deps.alerts.ack(Number(m.id), c.device.id));
      if (!known) ctx.send(c, { type: 'error.v1', code: 'invalid', message: `unknown alert ${m.id}`, ref: m.type });
    } else {
      ctx.log.info('device command ack', { deviceId: c.device.id, commandId: m.id });
    }
  },
};

export async function handleDeviceMessage(ctx: Ctx, c: DeviceConn, raw: string | null) {
  const parsed: ParseResult<DeviceToServer> =
    raw === null ? { ok: false, code: 'invalid', error: 'binary frames are not part of the protocol' } : parseDeviceMessage(raw);
  if (!parsed.ok) {
    ctx.log.warn('invalid device message', { deviceId: c.device.id, code: parsed.code, error: parsed.error });
    ctx.send(c, { type: 'error.v1', code: parsed.code, message: parsed.error, ...(parsed.ref ? { ref: parsed.ref } : {}) });
    return;
  }
  const m = parsed.message;
  await (handlers[m.type] as (ctx: Ctx, c: DeviceConn, m: DeviceToServer) => Promise<void>)(ctx, c, m);
}
