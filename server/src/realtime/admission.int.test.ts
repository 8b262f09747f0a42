// Admission over real sockets: a realtime hub with one place and a line of one, on a real SQLite database
// whose queue a test transaction holds, so that the first upgrade is stuck in its turn on purpose.
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { createRealtimeFor } from '../../test/support/realtime-server';
import { deviceRepo } from '../repos/device-repo';
import type { Realtime } from './index';

let t: TestCtx;
let rt: Realtime;
let server: Server;
let port: number;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  t = await createTestContext();
  await t.seedStarterPack();
  rt = createRealtimeFor(t, { admitConcurrent: 1, admitWaiting: 1 });
  server = createServer((_req, res) => res.writeHead(404).end());
  rt.attach(server);
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', () => res()));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  rt.close();
  await new Promise<void>((res) => server.close(() => res()));
  await t.cleanup();
});

async function device() {
  const d = await t.devices.create(
    { id: null, name: 'test' },
    { name: `led-${randomBytes(3).toString('hex')}`, kind: 'led', groupIds: [] },
  );
  const token = randomBytes(32).toString('base64url');
  await deviceRepo.setToken(t.db, d.id, createHash('sha256').update(token).digest('hex'), Date.now());
  await t.timeline.recompileAll();
  return token;
}

async function until(ok: () => boolean, timeoutMs = 2000) {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`still ${JSON.stringify(rt.admissionLoad())} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

type Outcome = { timeline: true } | { status: number; retryAfter: string | undefined };
/** Opens a device socket and records what came of it: its first timeline, or the refused upgrade's status. */
function open(token: string) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws/device`, ['bantin.v1', `bantin.token.${token}`]);
  sockets.push(ws);
  const outcome = new Promise<Outcome>((resolve, reject) => {
    ws.on('message', (d: Buffer) => {
      if ((JSON.parse(d.toString()) as { type: string }).type.startsWith('timeline.')) resolve({ timeline: true });
    });
    ws.once('unexpected-response', (_req, res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, retryAfter: res.headers['retry-after'] });
    });
    ws.once('error', reject);
  });
  return { ws, outcome };
}

describe('/ws/device admission', () => {
  it('lets players wait their turn unanswered instead of refusing them, and refuses with 503 + Retry-After only when the line is full', async () => {
    const tokens = [await device(), await device(), await device()];
    // Hold the database: the first upgrade's token check waits inside its turn.
    let release!: () => void;
    const held = t.db.transaction(() => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    const first = open(tokens[0]!);
    await new Promise((r) => setTimeout(r, 100));
    const second = open(tokens[1]!);
    await new Promise((r) => setTimeout(r, 100));
    const third = open(tokens[2]!);

    expect(await third.outcome).toEqual({ status: 503, retryAfter: expect.stringMatching(/^[1-9]\d*$/) });
    await new Promise((r) => setTimeout(r, 200));
    // The second is in line: its upgrade is not answered yet, neither refused nor open.
    expect(second.ws.readyState).toBe(WebSocket.CONNECTING);
    expect(rt.devices.connectedCount()).toBe(0);

    release();
    await held;
    expect(await first.outcome).toEqual({ timeline: true });
    expect(await second.outcome).toEqual({ timeline: true });
    expect(rt.devices.connectedCount()).toBe(2);
  });

  it('gives the place back when a waiting player gives up, so the next one gets in', async () => {
    const tokens = [await device(), await device()];
    let release!: () => void;
    const held = t.db.transaction(() => new Promise<void>((r) => (release = r)));
    await new Promise((r) => setTimeout(r, 50));
    const first = open(tokens[0]!);
    await new Promise((r) => setTimeout(r, 100));
    const quitter = open(tokens[1]!);
    quitter.outcome.catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    quitter.ws.terminate();
    release();
    await held;
    expect(await first.outcome).toEqual({ timeline: true });
    // Once the first is in, the quitter's turn comes; its socket is gone (the handshake finds out and ws never
    // calls back), and the turn is given back all the same: nobody in, nobody waiting.
    await until(() => rt.admissionLoad().active === 0 && rt.admissionLoad().waiting === 0);
    const next = open(tokens[1]!);
    expect(await next.outcome).toEqual({ timeline: true });
  });
});
