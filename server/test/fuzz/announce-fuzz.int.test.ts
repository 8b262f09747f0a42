// Property-based fuzzing of the announce socket (/ws/announce) over real sockets, as an announcer: broken start
// requests (groupIds, class, title of every shape), protocol garbage (broken JSON and frames, invalid UTF-8,
// binary before a start, oversize messages) and a real start followed by audio that is no WebM at all. The
// socket refuses with a known code and a protocol close, or ends the broadcast ("failed"/"dropped") within
// seconds; it never crashes, never leaves anything on air, and a proper announcement works afterwards.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCE_PROTOCOL } from '@bantin/protocol';
import { startTestServer, type TestServer } from '../support/realtime-server';
import { callerFor } from '../factories/scheduling';
import { FUZZ_RUNS, seedFor, watchCrashes } from './fuzz-config';
import { FuzzSocket } from './ws-client';
import { protocolFrameArb, type WsFrame } from './ws-inputs';

const RUNS = 40 * FUZZ_RUNS;
const REFUSAL_CODES = new Set(['live_bad_request', 'live_no_targets', 'live_group_not_found', 'live_emergency_forbidden', 'live_busy', 'live_unavailable']);
/** Protocol close codes of ws itself (bad frames, bad UTF-8, too large) and the socket's own refusals. */
const CLOSE_CODES = new Set([1000, 1002, 1006, 1007, 1009, 4400, 4403, 4404, 4409, 4503]);

let s: TestServer;
let cookie = '';
let groupId = 0;
let emptyGroup = 0;
const crashes = { crashes: 0, samples: [] as string[] };
let stopWatching: () => void;

const open = () => FuzzSocket.open(`ws://${s.base}/ws/announce`, [ANNOUNCE_PROTOCOL], { cookie, origin: `http://${s.base}` });
const send = (sock: FuzzSocket, f: WsFrame) => (f.kind === 'raw' ? sock.writeRaw(f.data) : sock.ws.send(f.data, { binary: f.kind === 'binary' }));
const rows = async () => (await s.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM live_announcements'))!.n;

/** Start requests of every shape; none names a group with a loudspeaker, so none may go on air. */
const startArb = () =>
  fc.record(
    {
      type: fc.constantFrom('start', 'start', 'START', 'stop', 'ping', 'tone', ''),
      groupIds: fc.oneof(
        fc.constant([] as unknown[]),
        fc.array(fc.oneof(fc.integer().filter((n) => n !== groupId), fc.double().filter((n) => n !== groupId), fc.string(), fc.constant(null), fc.constant(emptyGroup), fc.constant(999_999)), { maxLength: 120 }),
        fc.string(),
        fc.constant(null),
        fc.object(),
      ),
      class: fc.oneof(fc.constantFrom('priority', 'emergency', 'ads', 'fallback', 'normal', '', 'Priority'), fc.string(), fc.integer()),
      title: fc.oneof(fc.string({ maxLength: 300 }), fc.integer(), fc.constant(null), fc.constant('x'.repeat(201))),
    },
    { requiredKeys: [] },
  );

beforeAll(async () => {
  stopWatching = watchCrashes(crashes);
  s = await startTestServer();
  await s.relayEngine?.close();
  const editor = await callerFor(s, 'fuzz-announce-editor', ['editor']);
  groupId = (await editor('POST', '/api/groups', { name: 'Tổ fuzz' })).body.id;
  emptyGroup = (await editor('POST', '/api/groups', { name: 'Tổ không loa' })).body.id;
  const sp = await s.createDevice('speaker', 'Loa fuzz', [groupId]);
  expect((await editor('PATCH', `/api/devices/${sp.id}`, { quietHours: null })).status).toBe(200);
  cookie = (await s.createUser('fuzz-announcer', ['announcer'])).cookie;
});
afterAll(async () => {
  stopWatching();
  await s?.stop();
});

/** Sends one frame on a fresh socket and waits for its refusal or close; answers what was wrong, if anything. */
async function judge(f: WsFrame, what: string): Promise<string | null> {
  const sock = await open();
  send(sock, f);
  await sock.waitFor(() => sock.closed !== null || sock.inbox.some((m) => m.json?.type === 'refused'), 1500);
  const refused = sock.inbox.find((m) => m.json?.type === 'refused');
  const other = sock.inbox.find((m) => m.json?.type !== 'refused' && m.json?.type !== 'pong');
  sock.terminate();
  if (other) return `${what}: unexpected answer ${other.text.slice(0, 200)}`;
  if (refused && !REFUSAL_CODES.has(String(refused.json!.code))) return `${what}: unknown refusal ${refused.text.slice(0, 200)}`;
  if (refused && typeof (refused.json!.message as { vi?: unknown } | undefined)?.vi !== 'string') return `${what}: refusal without a message`;
  if (sock.closed && !CLOSE_CODES.has(sock.closed.code)) return `${what}: closed with ${sock.closed.code}`;
  return null;
}

describe('/ws/announce fuzzing', () => {
  it('refuses broken start requests with a known code in both languages, and airs nothing', async () => {
    const frames = fc.sample(startArb(), { numRuns: RUNS, seed: seedFor('/ws/announce start') });
    const problems: string[] = [];
    for (const m of frames) {
      const text = JSON.stringify(m);
      const p = await judge({ kind: 'text', data: Buffer.from(text), notes: [], sure: true, expect: 'error', closeCodes: [] }, text.slice(0, 120));
      if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
    expect(await rows()).toBe(0);
    expect(s.liveHub.onAir()).toEqual([]);
  }, 120_000);

  it('refuses protocol garbage cleanly', async () => {
    const frames = fc.sample(protocolFrameArb(4096), { numRuns: RUNS, seed: seedFor('/ws/announce protocol') });
    const problems: string[] = [];
    for (const f of frames) {
      const p = await judge(f, `${f.kind} [${f.notes.join('; ')}]`);
      if (p) problems.push(p);
    }
    expect(problems).toEqual([]);
    expect(await rows()).toBe(0);
  }, 120_000);

  it('ends a broadcast whose audio is garbage, leaving nothing on air, and a proper one works after', async () => {
    const sock = await open();
    sock.ws.send(JSON.stringify({ type: 'start', groupIds: [groupId], class: 'priority' }));
    expect(await sock.waitFor(() => sock.inbox.some((m) => m.json?.type === 'accepted'), 3000)).toBe(true);
    const junk = fc.sample(fc.uint8Array({ minLength: 1, maxLength: 2000 }), { numRuns: 30, seed: seedFor('/ws/announce audio') });
    for (const b of junk) {
      sock.ws.send(Buffer.from(b), { binary: true });
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await sock.waitFor(() => sock.inbox.some((m) => m.json?.type === 'ended'), 8000)).toBe(true);
    const ended = sock.inbox.find((m) => m.json?.type === 'ended')!.json as { reason?: string };
    expect(['failed', 'dropped']).toContain(ended.reason);
    expect(s.liveHub.onAir()).toEqual([]);
    expect((await s.db.get<{ ended_at: number | null }>('SELECT ended_at FROM live_announcements ORDER BY id DESC LIMIT 1'))!.ended_at).not.toBeNull();
    sock.terminate();

    // The socket still serves a proper start.
    const again = await open();
    again.ws.send(JSON.stringify({ type: 'start', groupIds: [groupId], class: 'priority' }));
    expect(await again.waitFor(() => again.inbox.some((m) => m.json?.type === 'accepted'), 3000)).toBe(true);
    again.ws.send(JSON.stringify({ type: 'stop' }));
    expect(await again.waitFor(() => again.inbox.some((m) => m.json?.type === 'ended'), 8000)).toBe(true);
    expect(crashes.samples).toEqual([]);
    expect(crashes.crashes).toBe(0);
    expect((await s.http('/healthz')).status).toBe(200);
  }, 60_000);
});
