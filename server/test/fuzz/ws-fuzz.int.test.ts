// Property-based fuzzing of the realtime hub over real sockets: every device → server message type
// of the protocol in broken variants, protocol-level garbage on /ws/device, and anything at all on
// /ws/dashboard. The hub answers error.v1 or closes with a protocol code, never crashes, keeps serving a
// second device and the dashboard, and a refused frame changes nothing in the database.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_NAME, TOKEN_PROTOCOL_PREFIX } from '@bantin/protocol';
import { startTestServer, type TestServer } from '../support/realtime-server';
import { FUZZ_RUNS, addStats, newStats, seedFor, summary, watchCrashes, type FuzzStats } from './fuzz-config';
import { FuzzSocket, type Received } from './ws-client';
import { DEVICE_MESSAGES, messageFrameArb, protocolFrameArb, type WsFrame } from './ws-inputs';
import { sendFrame, settle, stateOf, type WsTarget } from './ws-runner';

/** Frames per message type (and for protocol garbage); FUZZ_RUNS multiplies it. */
const PER_TYPE = 60 * FUZZ_RUNS;
const DASHBOARD_MAX_BYTES = 4096;

let s: TestServer;
let device: WsTarget;
let dashboard: WsTarget;
let bystander: FuzzSocket;
let bystanderId: number;
const total = newStats();
let stopWatching: () => void;

const PUSHES = new Set(['timeline.v1', 'alert.v1', 'command.v1', 'device.status.v1', 'alert.ack.v1']);
const isPush = (m: Received) => typeof m.json?.type === 'string' && PUSHES.has(m.json.type);

async function openDevice(token: string): Promise<FuzzSocket> {
  const sock = await FuzzSocket.open(`ws://${s.base}/ws/device`, [PROTOCOL_NAME, `${TOKEN_PROTOCOL_PREFIX}${token}`]);
  // time.v1 comes first; the presence writes that follow are waited for by comparing snapshots (settle).
  await sock.waitFor(() => sock.inbox.some((m) => m.json?.type === 'time.v1'), 3000);
  return sock;
}

beforeAll(async () => {
  stopWatching = watchCrashes(total);
  s = await startTestServer();
  const kiosk = await s.createDevice('kiosk');
  const led = await s.createDevice('led');
  bystanderId = led.id;
  bystander = await openDevice(led.token);
  const base = { db: s.db, dataDir: s.dataDir, isPush };
  device = { ...base, sock: await openDevice(kiosk.token), reconnect: () => openDevice(kiosk.token), answers: true };
  const staff = await s.createUser('fuzz-dashboard', ['viewer']);
  const openDashboard = () => FuzzSocket.open(`ws://${s.base}/ws/dashboard`, [], { cookie: staff.cookie });
  dashboard = { ...base, sock: await openDashboard(), reconnect: openDashboard, answers: false };
  await settle(s.db, s.dataDir);
});

afterAll(async () => {
  stopWatching();
  console.log(summary('WebSocket total', total));
  for (const c of [device?.sock, dashboard?.sock, bystander]) c?.terminate();
  await s?.stop();
});

/** The server still serves others: the bystander device gets a command push and answers a ping. */
async function bystanderServed(): Promise<string | null> {
  const id = s.realtime.devices.sendCommand(bystanderId, { name: 'identify', durationMs: 1000 });
  if (!id) return 'the bystander device is no longer connected';
  if (!(await bystander.waitFor(() => bystander.inbox.some((m) => m.json?.type === 'command.v1' && m.json.id === id), 2000))) return 'no command push';
  if (!(await bystander.pingPong())) return 'no pong from the bystander connection';
  return null;
}

async function fuzz(target: WsTarget, name: string, arb: fc.Arbitrary<WsFrame>): Promise<FuzzStats> {
  const st = newStats();
  const frames = fc.sample(arb, { numRuns: PER_TYPE, seed: seedFor(name) });
  let state = await stateOf(target);
  for (const [i, f] of frames.entries()) {
    state = await sendFrame(target, f, state, st);
    if (i % 20 === 19) {
      const problem = await bystanderServed();
      if (problem) {
        st.crashes++;
        st.samples.push(`after frame ${i}: ${problem}`);
      }
    }
  }
  addStats(total, st);
  console.log(summary(name, st));
  return st;
}

const failures = (st: FuzzStats) => ({ fiveXx: st.fiveXx, crashes: st.crashes, changed: st.changed, badAnswers: st.badAnswers, acceptedInvalid: st.acceptedInvalid });
const NONE = { fiveXx: 0, crashes: 0, changed: 0, badAnswers: 0, acceptedInvalid: 0 };

describe('/ws/device fuzzing', () => {
  it('fuzzes every device → server message type of the protocol', () => {
    expect(DEVICE_MESSAGES.map((m) => m.type).sort()).toEqual(['ack.v1', 'citizen-report.v1', 'feedback.v1', 'heartbeat.v1', 'hello.v1', 'plays.v1', 'quiz-answer.v1']);
  });

  it.each(DEVICE_MESSAGES.map((m) => ({ type: m.type, m })))('$type: broken variants get error.v1 or a clean close and change nothing', async ({ m }) => {
    const st = await fuzz(device, `/ws/device ${m.type}`, messageFrameArb(m));
    expect(st.samples, st.samples.join('\n')).toEqual([]);
    expect(failures(st)).toEqual(NONE);
  });

  it('protocol-level garbage (unknown types, broken JSON and frames, binary, invalid UTF-8) is refused cleanly', async () => {
    const st = await fuzz(device, '/ws/device protocol', protocolFrameArb());
    expect(st.samples, st.samples.join('\n')).toEqual([]);
    expect(failures(st)).toEqual(NONE);
  });
});

describe('/ws/dashboard fuzzing', () => {
  it('ignores whatever a dashboard sends or closes with a protocol code, and changes nothing', async () => {
    const arb = fc.oneof(protocolFrameArb(DASHBOARD_MAX_BYTES), ...DEVICE_MESSAGES.map((m) => messageFrameArb(m, DASHBOARD_MAX_BYTES)));
    const st = await fuzz(dashboard, '/ws/dashboard', arb);
    expect(st.samples, st.samples.join('\n')).toEqual([]);
    expect(failures(st)).toEqual(NONE);
  });
});

describe('after the fuzzing', () => {
  it('still serves: a second device gets pushes and pongs, the dashboard gets status, /healthz is ok', async () => {
    expect(await bystanderServed()).toBeNull();
    bystander.ws.send(JSON.stringify({ type: 'hello.v1', playerVersion: 'fuzz', capabilities: [], deviceClock: 42 }));
    expect(await bystander.waitFor(() => bystander.inbox.some((m) => m.json?.type === 'time.v1' && (m.json as { deviceClock?: number }).deviceClock === 42))).toBe(true);
    const dash = dashboard.sock;
    expect(await dash.waitFor(() => dash.inbox.some((m) => m.json?.type === 'device.status.v1' && (m.json as { deviceId?: string }).deviceId === String(bystanderId)))).toBe(true);
    expect((await s.http('/healthz')).status).toBe(200);
    expect(total.crashes).toBe(0);
  });
});
