// Integration-test helpers for the realtime hub: the composed app listening on 127.0.0.1 (port 0) with the
// hub attached, paired devices with real tokens, and `ws` clients with an inbox to await messages from.
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { inflateRawSync } from 'node:zlib';
import WebSocket from 'ws';
import { createTestContext, type TestCtx } from './context';
import { deviceRepo } from '../../src/repos/device-repo';
import { createRealtime, type RealtimeDeps } from '../../src/realtime/index';
import type { ZoneAudioSource } from '../../src/streams/source';

/** A second realtime hub built from a context's own services, with its own options (not attached yet). */
export const createRealtimeFor = (t: TestCtx, options: RealtimeDeps['options']) =>
  createRealtime({
    log: t.log,
    clock: () => Date.now(),
    bus: t.bus,
    deviceStatus: t.deviceStatus,
    devices: t.devices,
    sessions: t.auth,
    timelines: t.timeline,
    alerts: t.alerts,
    plays: t.plays,
    feedback: t.feedback,
    quiz: t.quiz,
    cases: t.cases,
    liveHub: t.liveHub,
    options,
  });

export type Msg = { type: string; [k: string]: unknown };

/** A real WebSocket client that records what it receives. */
export class TestClient {
  readonly inbox: Msg[] = [];
  /** How each message arrived: a binary frame is raw DEFLATE of the JSON (`bantin.deflate`). */
  readonly frames: { type: string; binary: boolean; bytes: number }[] = [];
  private waiters: (() => void)[] = [];
  closed: { code: number; reason: string } | null = null;
  constructor(readonly ws: WebSocket) {
    ws.on('message', (d: Buffer, isBinary) => {
      const m = JSON.parse((isBinary ? inflateRawSync(d) : d).toString()) as Msg;
      this.frames.push({ type: m.type, binary: isBinary, bytes: d.length });
      this.inbox.push(m);
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }
  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
  send(m: unknown) {
    this.ws.send(typeof m === 'string' ? m : JSON.stringify(m));
  }
  /** Removes and returns the first message of `type` (and matching `fields`), waiting up to timeoutMs. */
  async next(type: string, timeoutMs = 2000, fields: Record<string, unknown> = {}): Promise<Msg> {
    const deadline = Date.now() + timeoutMs;
    const match = (m: Msg) => m.type === type && Object.entries(fields).every(([k, v]) => m[k] === v);
    for (;;) {
      const i = this.inbox.findIndex(match);
      if (i >= 0) return this.inbox.splice(i, 1)[0]!;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${type} within ${timeoutMs} ms; inbox: ${JSON.stringify(this.inbox.map((m) => m.type))}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, left);
        this.waiters.push(() => {
          clearTimeout(t);
          res();
        });
      });
    }
  }
  /** Waits `ms` and returns the messages of `type` that arrived meanwhile (removing them). */
  async collect(type: string, ms: number): Promise<Msg[]> {
    await new Promise((r) => setTimeout(r, ms));
    const out = this.inbox.filter((m) => m.type === type);
    this.inbox.splice(0, this.inbox.length, ...this.inbox.filter((m) => m.type !== type));
    return out;
  }
  async waitClosed(timeoutMs = 2000) {
    const deadline = Date.now() + timeoutMs;
    while (!this.closed && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.closed;
  }
  close() {
    this.ws.close();
  }
}

export async function startTestServer(opts: { clock?: () => number; pingIntervalMs?: number; zoneAudio?: ZoneAudioSource } = {}) {
  const t = await createTestContext({ clock: opts.clock, zoneAudio: opts.zoneAudio });
  const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((res) => (server.listening ? res() : server.once('listening', () => res())));
  t.realtime.attach(server);
  const port = (server.address() as AddressInfo).port;
  const base = `127.0.0.1:${port}`;
  const clients: WebSocket[] = [];
  const actor = { id: null, name: 'test' };

  /** A device paired for real: created through the device service, with a token whose hash is stored. */
  const createDevice = async (kind: 'led' | 'kiosk' | 'speaker', name = `${kind}-${randomBytes(3).toString('hex')}`, groupIds: number[] = []) => {
    const d = await t.devices.create(actor, { name, kind, groupIds });
    const token = randomBytes(32).toString('base64url');
    await deviceRepo.setToken(t.db, d.id, createHash('sha256').update(token).digest('hex'), Date.now());
    return { id: d.id, token };
  };

  /** Opens /ws/device; resolves with the client, or rejects with the HTTP status of a refused upgrade. */
  const connect = (token: string, via: 'protocol' | 'query' = 'protocol', opts: { deflate?: boolean; layout?: boolean } = {}) =>
    new Promise<TestClient>((resolve, reject) => {
      const url = via === 'query' ? `ws://${base}/ws/device?token=${encodeURIComponent(token)}` : `ws://${base}/ws/device`;
      const protocols = via === 'query' ? ['bantin.v1'] : ['bantin.v1', `bantin.token.${token}`];
      const ws = new WebSocket(url, [...protocols, ...(opts.deflate ? ['bantin.deflate'] : []), ...(opts.layout ? ['bantin.layout'] : [])]);
      clients.push(ws);
      const c = new TestClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode, headers: res.headers })));
      ws.once('error', reject);
    });

  const connectDashboard = (cookie: string | undefined, origin?: string) =>
    new Promise<TestClient>((resolve, reject) => {
      const headers: Record<string, string> = {};
      if (cookie) headers.cookie = cookie;
      if (origin) headers.origin = origin;
      const ws = new WebSocket(`ws://${base}/ws/dashboard`, { headers });
      clients.push(ws);
      const c = new TestClient(ws);
      ws.once('open', () => resolve(c));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`HTTP ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });

  const http = (p: string, init: RequestInit = {}) => fetch(`http://${base}${p}`, init);

  const stop = async () => {
    for (const ws of clients) ws.terminate();
    t.realtime.close();
    await new Promise<void>((res) => server.close(() => res()));
    await t.cleanup();
  };
  return { ...t, server, base, createDevice, connect, connectDashboard, http, stop };
}
export type TestServer = Awaited<ReturnType<typeof startTestServer>>;
