// The announce socket (/ws/announce): an announcer speaks live from the dashboard. The upgrade needs a staff
// session with the announcer role (checked before any socket exists). The first text message asks to start
// ({type:'start', groupIds, class, title}); the server answers "accepted", waits a moment for the loudspeakers to
// tune in (at most LEAD_MAX_MS), sends the attention tone out ("tone"), then puts the microphone on air
// ("on-air"). Binary messages are the WebM/Opus chunks of the browser's MediaRecorder. {type:'stop'} ends it;
// so does a closed socket, a silent one (no audio for MIC_SILENCE_MS, no pong for as long) or a session that
// ends: nothing hangs on air. The contract is in protocol/README.md ("Live announcements").
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ANNOUNCE_PROTOCOL, can, type Role } from '@bantin/protocol/core';
import type { Logger } from '../log';
import { format, type MessageCode } from '../http/messages';
import { AppError } from '../services/app-error';
import type { LiveAnnouncementService, LiveSession } from '../services/live/live-announcement-service';

/** No microphone audio for this long (or no pong) ends the broadcast as dropped: well within 3 s. */
export const MIC_SILENCE_MS = 2000;
const WATCH_MS = 250;
const PING_MS = 500;
/** Before the tone: how long to wait for the online loudspeakers to tune in. */
export const LEAD_MAX_MS = 2000;
/** A WebM chunk of 100 ms of Opus is a few kB; anything this large is not one. */
const MAX_MESSAGE_BYTES = 256 * 1024;

export const ANNOUNCE_CLOSE = { ended: 1000, badRequest: 4400, unauthorized: 4401, forbidden: 4403, notFound: 4404, busy: 4409, unavailable: 4503 } as const;

export type AnnounceUser = { id: number; username: string; displayName?: string; roles?: readonly Role[] };

const closeCodeOf = (status: number) =>
  status === 409
    ? ANNOUNCE_CLOSE.busy
    : status === 403
      ? ANNOUNCE_CLOSE.forbidden
      : status === 404
        ? ANNOUNCE_CLOSE.notFound
        : status === 400
          ? ANNOUNCE_CLOSE.badRequest
          : ANNOUNCE_CLOSE.unavailable;

type Conn = {
  ws: WebSocket;
  user: AnnounceUser;
  sessionId: string | null;
  session: LiveSession | null;
  state: 'waiting' | 'starting' | 'live' | 'ended';
  lastPong: number;
  timer: NodeJS.Timeout | null;
};

export function createAnnounceSockets(deps: {
  log: Logger;
  clock: () => number;
  live: Pick<LiveAnnouncementService, 'begin'>;
  /** How many players hear a feed now (the live hub). */
  listeners: (feed: string) => number;
  /** Whether a device is connected to the realtime hub now. */
  isOnline: (deviceId: number) => boolean;
}) {
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
    clientTracking: false,
    handleProtocols: (offered) => (offered.has(ANNOUNCE_PROTOCOL) ? ANNOUNCE_PROTOCOL : false),
  });
  const conns = new Set<Conn>();

  const send = (c: Conn, m: Record<string, unknown>) => {
    if (c.ws.readyState === c.ws.OPEN) c.ws.send(JSON.stringify(m));
  };
  const close = (c: Conn, code: number, reason: string) => {
    if (c.ws.readyState === c.ws.OPEN || c.ws.readyState === c.ws.CONNECTING) c.ws.close(code, reason);
  };
  const refuse = (c: Conn, status: number, code: MessageCode, params: Record<string, string | number> = {}, extra: Record<string, unknown> = {}) => {
    c.state = 'ended';
    send(c, { type: 'refused', code, message: { vi: format(code, 'vi', params), en: format(code, 'en', params) }, ...extra });
    close(c, closeCodeOf(status), code);
  };

  /** Waits until every online target loudspeaker hears the feed, or LEAD_MAX_MS. */
  const lead = async (c: Conn, s: LiveSession) => {
    const until = deps.clock() + LEAD_MAX_MS;
    while (c.state === 'live' && deps.clock() < until) {
      const online = s.speakerIds.filter((id) => deps.isOnline(id)).length;
      if (deps.listeners(s.feed) >= online) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  async function start(c: Conn, msg: Record<string, unknown>) {
    c.state = 'starting';
    const actor = { id: c.user.id, name: c.user.displayName || c.user.username, roles: c.user.roles ?? [] };
    let s: LiveSession;
    try {
      s = await deps.live.begin(actor, { groupIds: msg.groupIds, class: msg.class, title: msg.title });
    } catch (err) {
      if (err instanceof AppError) return refuse(c, err.status, err.code, err.params, err.extra);
      deps.log.error('live announcement could not start', { err });
      return refuse(c, 503, 'live_unavailable', { details: err instanceof Error ? err.message : String(err) });
    }
    c.session = s;
    s.onEnd((e) => {
      c.state = 'ended';
      send(c, { type: 'ended', id: e.id, reason: e.reason, durationMs: e.durationMs, recording: e.recording ? { sha256: e.recording.sha256 } : null });
      close(c, ANNOUNCE_CLOSE.ended, 'ended');
    });
    // The announcer left while it was starting.
    if (c.ws.readyState !== c.ws.OPEN) {
      void s.stop('dropped');
      return;
    }
    c.state = 'live';
    send(c, { type: 'accepted', id: s.id, speakers: s.speakerIds.length, zones: s.zones });
    await lead(c, s);
    if (c.state !== 'live') return;
    send(c, { type: 'tone' });
    await s.tone();
    if (c.state !== 'live') return;
    await s.voiceOn();
    send(c, { type: 'on-air', at: new Date(deps.clock()).toISOString() });
  }

  function onText(c: Conn, data: RawData) {
    let msg: Record<string, unknown> | null = null;
    try {
      const v = JSON.parse(data.toString()) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) msg = v as Record<string, unknown>;
    } catch {
      msg = null;
    }
    if (!msg) return refuse(c, 400, 'live_bad_request', { details: 'JSON' });
    if (msg.type === 'start') {
      if (c.state !== 'waiting') return; // one start per socket
      void start(c, msg).catch((err: unknown) => {
        deps.log.error('live announcement failed', { err });
        if (c.session) void c.session.stop('failed');
        else refuse(c, 503, 'live_unavailable', { details: String(err) });
      });
      return;
    }
    if (msg.type === 'stop') {
      if (c.session) void c.session.stop('stopped');
      else close(c, ANNOUNCE_CLOSE.ended, 'stopped');
      return;
    }
    if (msg.type === 'ping') return send(c, { type: 'pong' });
    // Never String() an unknown value: a deeply nested array would overflow the stack.
    const type = typeof msg.type === 'string' ? msg.type.slice(0, 40) : typeof msg.type;
    refuse(c, 400, 'live_bad_request', { details: `type: ${type}` });
  }

  function accept(ws: WebSocket, user: AnnounceUser, sessionId: string | null) {
    const c: Conn = { ws, user, sessionId, session: null, state: 'waiting', lastPong: deps.clock(), timer: null };
    conns.add(c);
    ws.on('pong', () => (c.lastPong = deps.clock()));
    ws.on('message', (data, isBinary) => {
      c.lastPong = deps.clock();
      if (!isBinary) {
        // Whatever a message holds, it must never throw out of the socket's handler (that would end the process).
        try {
          onText(c, data);
        } catch (err) {
          deps.log.warn('announce message refused', { err: err instanceof Error ? err.message : 'error' });
          refuse(c, 400, 'live_bad_request', { details: 'message' });
        }
        return;
      }
      if (c.session && c.state === 'live') c.session.mic(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
    });
    ws.on('error', (err) => deps.log.warn('announce socket error', { userId: user.id, err: err.message }));
    ws.on('close', () => {
      conns.delete(c);
      if (c.timer) clearInterval(c.timer);
      if (c.session && c.state !== 'ended') void c.session.stop('dropped');
      c.state = 'ended';
    });
    // A dead connection is noticed within MIC_SILENCE_MS: no audio while live, or no answer to pings.
    let sincePing = 0;
    c.timer = setInterval(() => {
      const now = deps.clock();
      if (c.state === 'live' && c.session && now - c.session.lastMicAt() > MIC_SILENCE_MS) {
        deps.log.warn('announcer silent: broadcast dropped', { id: c.session.id, userId: user.id });
        void c.session.stop('dropped');
        return;
      }
      if (now - c.lastPong > MIC_SILENCE_MS + PING_MS) {
        ws.terminate();
        return;
      }
      sincePing += WATCH_MS;
      if (sincePing >= PING_MS) {
        sincePing = 0;
        if (ws.readyState === ws.OPEN) ws.ping();
      }
    }, WATCH_MS);
    c.timer.unref();
  }

  return {
    wss,
    accept,
    /** May this user speak live? (checked at the upgrade) */
    allowed: (user: AnnounceUser) => can(user.roles ?? [], 'live.announce'),
    /** Sockets whose staff session has ended (logout, new password, disabled) are closed: their broadcast ends. */
    async closeEnded(alive: (sessionId: string) => Promise<boolean>) {
      for (const c of [...conns]) if (c.sessionId && !(await alive(c.sessionId))) close(c, ANNOUNCE_CLOSE.unauthorized, 'session_ended');
    },
    count: () => conns.size,
    close() {
      for (const c of conns) c.ws.terminate();
      conns.clear();
      wss.close();
    },
  };
}
export type AnnounceSockets = ReturnType<typeof createAnnounceSockets>;
