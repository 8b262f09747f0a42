// The realtime hub on the same HTTP server as the API: WebSocket upgrades for /ws/device (device token,
// checked during the upgrade, admission-paced), /ws/dashboard (staff session cookie) and /ws/live (a speaker
// hears a live feed its timeline plays now; see live-socket.ts).
import type { IncomingMessage, Server } from 'node:http';
import type { Http2SecureServer, Http2Server } from 'node:http2';
import type { Duplex } from 'node:stream';
import { ANNOUNCE_SOCKET_PATH, DEFLATE_PROTOCOL, LAYOUT_PROTOCOL, LIVE_SOCKET_PATH, TOKEN_PROTOCOL_PREFIX } from '@bantin/protocol';
import type { Logger } from '../log';
import { SESSION_COOKIE } from '../http/middleware';
import type { AlertService } from '../services/alerts/alert-service';
import type { DeviceStatusService } from '../services/devices/device-status-service';
import type { EventBus } from '../services/event-bus';
import type { PlayService } from '../services/reports/play-service';
import type { FeedbackService } from '../services/reports/feedback-service';
import type { CaseService } from '../services/cases/case-service';
import type { LiveHub } from '../streams/live/live-hub';
import { createAdmission } from './admission';
import { createDashboardHub } from './dashboard-hub';
import { createDeviceHub, type DeviceHubDeps, type DeviceIdentity, type HubTimelines } from './device-hub';
import { createPresence } from './presence';
import { createLiveSockets } from './live-socket';
import { createAnnounceSockets, type AnnounceUser } from './announce-socket';
import type { LiveAnnouncementService } from '../services/live/live-announcement-service';

export type RealtimeDeps = {
  log: Logger;
  clock: () => number;
  /** Timeline, alert, ack, command and access events reach the hub here. */
  bus: EventBus;
  deviceStatus: DeviceStatusService;
  devices: { authenticateDevice(token: string): Promise<DeviceIdentity | null> };
  sessions: {
    resolve(token: string): Promise<{ sessionId?: string; user: AnnounceUser } | null>;
    /** Whether a session still stands, without extending it; open dashboards are closed when it does not. */
    alive?(sessionId: string): Promise<boolean>;
  };
  timelines: HubTimelines;
  alerts: AlertService;
  plays: PlayService;
  feedback: FeedbackService;
  quiz: DeviceHubDeps['quiz'];
  cases: Pick<CaseService, 'ingest'>;
  /** The live feeds on air, heard by speakers over /ws/live. */
  liveHub: Pick<LiveHub, 'subscribe' | 'isOn' | 'onAir'>;
  /** Live announcements from the dashboard (/ws/announce); absent, that path answers 404. */
  announcements?: Pick<LiveAnnouncementService, 'begin'>;
  /** admitConcurrent: device upgrades let in at once; admitWaiting: how many may wait their turn before a 503. */
  options?: { pingIntervalMs?: number; admitConcurrent?: number; admitWaiting?: number; sessionCheckMs?: number };
};

/** The device offered `bantin.deflate`: it inflates raw-DEFLATE binary frames, so timelines go compressed. */
export function offersDeflate(req: IncomingMessage): boolean {
  return offeredProtocols(req).includes(DEFLATE_PROTOCOL);
}

/** The subprotocols a WebSocket upgrade offers. */
const offeredProtocols = (req: IncomingMessage): string[] => (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());

/** The device token from the `bantin.token.<token>` subprotocol (browsers) or `?token=` (other clients). */
export function deviceTokenOf(req: IncomingMessage, url: URL): string | null {
  const fromProtocol = offeredProtocols(req).find((p) => p.startsWith(TOKEN_PROTOCOL_PREFIX))?.slice(TOKEN_PROTOCOL_PREFIX.length);
  const token = fromProtocol || url.searchParams.get('token');
  return token && token.length <= 200 ? token : null;
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The upgrade paths this hub answers; any other path is refused with 404 (server/test/security/route-table.ts). */
export const WS_PATHS = { device: '/ws/device', dashboard: '/ws/dashboard', live: LIVE_SOCKET_PATH, announce: ANNOUNCE_SOCKET_PATH } as const;

const REASONS: Record<number, string> = { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 503: 'Service Unavailable' };

/** Answers an upgrade request with a plain HTTP error and closes the socket. */
function refuse(socket: Duplex, status: number, code: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ status, code });
  const head = [`HTTP/1.1 ${status} ${REASONS[status] ?? 'Error'}`, 'Connection: close', 'Content-Type: application/json', `Content-Length: ${Buffer.byteLength(body)}`];
  for (const [k, v] of Object.entries(headers)) head.push(`${k}: ${v}`);
  socket.end(head.join('\r\n') + '\r\n\r\n' + body);
}

export function createRealtime(deps: RealtimeDeps) {
  const o = deps.options ?? {};
  const admission = createAdmission({ concurrent: o.admitConcurrent ?? 32, maxWaiting: o.admitWaiting ?? 10_000, clock: deps.clock });
  // Presence publishes to the dashboard hub, whose snapshot reads presence: tie the knot lazily.
  let presenceRef: ReturnType<typeof createPresence> | null = null;
  const dashboards = createDashboardHub({ log: deps.log, snapshot: () => presenceRef?.snapshot() ?? [] });
  const presence = (presenceRef = createPresence({ status: deps.deviceStatus, log: deps.log, publish: (m) => dashboards.publish(m) }));
  const devices = createDeviceHub({ ...deps, presence, pingIntervalMs: o.pingIntervalMs });
  const live = createLiveSockets({ ...deps, pingIntervalMs: o.pingIntervalMs });
  const announce = deps.announcements
    ? createAnnounceSockets({
        log: deps.log,
        clock: deps.clock,
        live: deps.announcements,
        listeners: (feed) => deps.liveHub.onAir().find((f) => f.id === feed)?.listeners ?? 0,
        isOnline: (id) => devices.isOnline(id),
      })
    : null;
  const stopAcks = deps.bus.on('alert.acked', (a) =>
    dashboards.publish({ type: 'alert.ack.v1', alertId: String(a.alertId), deviceId: String(a.deviceId), at: a.at }),
  );
  // IP receivers have no socket here: their stream connections (zone fan-out) make them online or offline.
  const stopStreams = deps.bus.on('receiver.streams', (e) => presence.streaming(e.deviceId, e.connections, e.at));
  // A stolen or forgotten dashboard socket must not outlive its session: logout, a new password, a disabled
  // account (also from the CLI, another process) or idle expiry close it within one check.
  const alive = deps.sessions.alive?.bind(deps.sessions);
  const sessionCheck = alive
    ? setInterval(() => {
        void dashboards.closeEnded(alive).catch((err: unknown) => deps.log.error('dashboard session check failed', { err }));
        void announce?.closeEnded(alive).catch((err: unknown) => deps.log.error('announce session check failed', { err }));
      }, o.sessionCheckMs ?? 10_000)
    : null;
  sessionCheck?.unref();

  async function upgradeDevice(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) {
    const turn = admission.enter();
    if (!turn) return refuse(socket, 503, 'busy', { 'Retry-After': String(Math.max(1, Math.ceil(admission.retryAfterMs() / 1000))) });
    const done = await turn;
    try {
      if (socket.destroyed) return; // gave up while waiting its turn
      const token = deviceTokenOf(req, url);
      const device = token ? await deps.devices.authenticateDevice(token) : null;
      if (!device) return refuse(socket, 401, 'device_unauthenticated');
      if (socket.destroyed) return;
      // The turn lasts until the connect sequence has sent the timeline, or the socket is gone (ws may
      // refuse a handshake without calling back).
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        devices.wss.handleUpgrade(req, socket, head, (ws) => void devices.accept(ws, device, req.socket.remoteAddress ?? '', offersDeflate(req), offeredProtocols(req).includes(LAYOUT_PROTOCOL)).finally(resolve));
      });
    } finally {
      done();
    }
  }

  /** Paced like device upgrades: a speaker reconnect storm reads tokens and timelines too. */
  async function upgradeLive(req: IncomingMessage, socket: Duplex, head: Buffer, url: URL) {
    const turn = admission.enter();
    if (!turn) return refuse(socket, 503, 'busy', { 'Retry-After': String(Math.max(1, Math.ceil(admission.retryAfterMs() / 1000))) });
    const done = await turn;
    try {
      if (socket.destroyed) return;
      const verdict = await live.authorize(deviceTokenOf(req, url), url.searchParams.get('id'));
      if ('status' in verdict) return refuse(socket, verdict.status, verdict.code);
      if (socket.destroyed) return;
      live.wss.handleUpgrade(req, socket, head, (ws) => live.accept(ws, verdict));
    } finally {
      done();
    }
  }

  /** A staff upgrade: same-host Origin and a live session cookie; answers the session, or null once refused. */
  async function staffSession(req: IncomingMessage, socket: Duplex) {
    // Cross-site WebSocket hijacking: a browser always sends Origin; it must be this host.
    const origin = req.headers.origin;
    if (origin) {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {
        host = '';
      }
      if (host !== req.headers.host) {
        refuse(socket, 403, 'bad_origin');
        return null;
      }
    }
    const token = cookieValue(req.headers.cookie, SESSION_COOKIE);
    const session = token ? await deps.sessions.resolve(token) : null;
    if (!session) {
      refuse(socket, 401, 'unauthenticated');
      return null;
    }
    return socket.destroyed ? null : session;
  }

  async function upgradeDashboard(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const session = await staffSession(req, socket);
    if (!session) return;
    dashboards.wss.handleUpgrade(req, socket, head, (ws) => dashboards.accept(ws, session.user, session.sessionId ?? null));
  }

  async function upgradeAnnounce(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const session = await staffSession(req, socket);
    if (!session || !announce) return;
    if (!announce.allowed(session.user)) return refuse(socket, 403, 'forbidden');
    announce.wss.handleUpgrade(req, socket, head, (ws) => announce.accept(ws, session.user, session.sessionId ?? null));
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => undefined);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const run =
      url.pathname === WS_PATHS.device
        ? upgradeDevice(req, socket, head, url)
        : url.pathname === WS_PATHS.dashboard
          ? upgradeDashboard(req, socket, head)
          : url.pathname === WS_PATHS.live
            ? upgradeLive(req, socket, head, url)
            : url.pathname === WS_PATHS.announce && announce
              ? upgradeAnnounce(req, socket, head)
              : null;
    if (!run) return refuse(socket, 404, 'not_found');
    run.catch((err: unknown) => {
      deps.log.error('upgrade failed', { err, path: url.pathname });
      if (!socket.destroyed) refuse(socket, 503, 'unavailable');
    });
  };

  const attached = new Set<Server | Http2Server | Http2SecureServer>();
  return {
    devices,
    dashboards,
    presence,
    live,
    announce,
    /** Device upgrades being let in now, and waiting their turn. */
    admissionLoad: () => admission.load(),
    /** Listens for WebSocket upgrades on the server returned by serve(). */
    attach(server: Server | Http2Server | Http2SecureServer) {
      (server as Server).on('upgrade', onUpgrade);
      attached.add(server);
    },
    /** At start: no device is connected yet. */
    start: () => presence.resetAll(deps.clock()),
    close() {
      for (const s of attached) (s as Server).off('upgrade', onUpgrade);
      attached.clear();
      if (sessionCheck) clearInterval(sessionCheck);
      stopAcks();
      stopStreams();
      devices.close();
      dashboards.close();
      live.close();
      announce?.close();
    },
  };
}
export type Realtime = ReturnType<typeof createRealtime>;
