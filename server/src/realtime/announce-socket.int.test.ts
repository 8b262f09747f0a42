// Live announcements over real sockets (phát trực tiếp): an announcer's WebM/Opus (made here by ffmpeg in real
// time, as a browser's MediaRecorder sends it) goes through /ws/announce to a loudspeaker's live socket and into
// a stream zone; the attention tone goes first; a second announcer is told who is on air; the recording is
// stored as it went out and audited; a dropped or silent announcer ends the broadcast within 3 s.
import { spawn, type ChildProcess } from 'node:child_process';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOUNCE_PROTOCOL, LIVE_PROTOCOL, TOKEN_PROTOCOL_PREFIX, whatPlaysAt } from '@bantin/protocol';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { callerFor, type Caller } from '../../test/factories/scheduling';
import { ffmpegPath } from '../media/tools/run-tool';
import { ANALYSIS_RATE, decodeToPcm, dominantTones, tonePower } from '../../test/support/tones';
import { pathForSha } from '../media/store/content-store';

let s: TestServer;
let editor: Caller;
let viewer: Caller;
let groupId = 0;
let otherGroup = 0;
let speaker: { id: number; token: string };
let cookieA = '';
let cookieB = '';
let cookieEditor = '';
const procs: ChildProcess[] = [];

type Announcer = {
  ws: WebSocket;
  inbox: Record<string, unknown>[];
  next: (type: string, ms?: number) => Promise<Record<string, unknown>>;
  closed: Promise<{ code: number; reason: string }>;
  /** Starts sending a 1 kHz tone as WebM/Opus in real time; answers the function that stops it. */
  speak: (hz?: number) => () => void;
};

function announcer(cookie: string, origin?: string) {
  return new Promise<Announcer>((resolve, reject) => {
    const headers: Record<string, string> = { cookie, origin: origin ?? `http://${s.base}` };
    const ws = new WebSocket(`ws://${s.base}/ws/announce`, [ANNOUNCE_PROTOCOL], { headers });
    const inbox: Record<string, unknown>[] = [];
    const waiters: (() => void)[] = [];
    ws.on('message', (d: Buffer, binary) => {
      if (binary) throw new Error('binary from the announce socket');
      inbox.push(JSON.parse(d.toString()) as Record<string, unknown>);
      for (const w of waiters.splice(0)) w();
    });
    const closed = new Promise<{ code: number; reason: string }>((res) => ws.once('close', (code, reason) => res({ code, reason: reason.toString() })));
    const next = async (type: string, ms = 5000) => {
      const deadline = Date.now() + ms;
      for (;;) {
        const i = inbox.findIndex((m) => m.type === type);
        if (i >= 0) return inbox.splice(i, 1)[0]!;
        if (Date.now() > deadline) throw new Error(`no ${type} within ${ms} ms: ${JSON.stringify(inbox)}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 50);
        });
      }
    };
    const speak = (hz = 1000) => {
      const p = spawn(
        ffmpegPath,
        ['-hide_banner', '-nostdin', '-v', 'error', '-re', '-f', 'lavfi', '-i', `sine=frequency=${hz}:sample_rate=48000`, '-c:a', 'libopus', '-b:a', '32k', '-f', 'webm', '-cluster_time_limit', '100', 'pipe:1'],
        { stdio: ['ignore', 'pipe', 'ignore'] },
      );
      procs.push(p);
      p.stdout.on('data', (d: Buffer) => {
        if (ws.readyState === ws.OPEN) ws.send(d, { binary: true });
      });
      return () => void p.kill('SIGKILL');
    };
    ws.once('open', () => resolve({ ws, inbox, next, closed, speak }));
    ws.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => reject(Object.assign(new Error(`HTTP ${res.statusCode} ${body}`), { status: res.statusCode, code: (JSON.parse(body) as { code: string }).code })));
    });
    ws.once('error', reject);
  });
}

/** Hears a feed as a loudspeaker's web player does (device token, /ws/live). */
function listen(id: string) {
  return new Promise<{ ws: WebSocket; chunks: Buffer[]; closed: Promise<number> }>((resolve, reject) => {
    const ws = new WebSocket(`ws://${s.base}/ws/live?id=${encodeURIComponent(id)}`, [LIVE_PROTOCOL, `${TOKEN_PROTOCOL_PREFIX}${speaker.token}`]);
    const chunks: Buffer[] = [];
    ws.on('message', (d: Buffer) => chunks.push(d));
    const closed = new Promise<number>((res) => ws.once('close', (code) => res(code)));
    ws.once('open', () => resolve({ ws, chunks, closed }));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

const until = async (cond: () => boolean | Promise<boolean>, ms = 5000) => {
  const deadline = Date.now() + ms;
  while (!(await cond()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return cond();
};
const liveNow = async () => whatPlaysAt((await s.timeline.getTimeline(speaker.id))!, Date.now()).item?.live?.id ?? null;

/** What the zone sends out over the next `ms`, as the dominant tone of each 250 ms. */
async function zoneTones(ms: number): Promise<number[]> {
  const chunks: Buffer[] = [];
  const stop = s.streamEngine.subscribe(groupId, (mp3) => chunks.push(mp3));
  expect(stop).not.toBeNull();
  await new Promise((r) => setTimeout(r, ms));
  stop!();
  return dominantTones(await decodeToPcm(Buffer.concat(chunks)), [1000, 660], 250);
}
const mostly = (tones: number[], hz: number) => tones.filter((x) => x === hz).length >= tones.length * 0.6;

beforeAll(async () => {
  s = await startTestServer();
  await s.relayEngine?.close();
  editor = await callerFor(s, 'bientap-truc-tiep', ['editor']);
  viewer = await callerFor(s, 'xem-truc-tiep', ['viewer']);
  cookieA = (await s.createUser('phatthanh-a', ['announcer'])).cookie;
  cookieB = (await s.createUser('phatthanh-b', ['announcer'])).cookie;
  cookieEditor = (await s.login('bientap-truc-tiep', 'bientap-truc-tiep-password-1')).cookie;
  groupId = (await editor('POST', '/api/groups', { name: 'Tổ dân phố 5' })).body.id;
  otherGroup = (await editor('POST', '/api/groups', { name: 'Tổ dân phố 6' })).body.id;
  speaker = await s.createDevice('speaker', 'Loa tổ 5', [groupId]);
  // Quiet hours would silence a priority announcement at night, whenever this test runs.
  expect((await editor('PATCH', `/api/devices/${speaker.id}`, { quietHours: null })).status).toBe(200);
  expect((await editor('PUT', `/api/groups/${groupId}/stream-zone`, { slug: 'to-5', quietHours: null })).status).toBe(200);
  await s.streamEngine.settled();
  // The loudspeaker is online (its realtime socket): the tone waits for it to tune in.
  await s.connect(speaker.token);
}, 120_000);
afterAll(async () => {
  for (const p of procs) p.kill('SIGKILL');
  await s?.stop();
});

describe('the announce socket', () => {
  it('refuses an upgrade without a session, without the announcer role or from another site', async () => {
    await expect(announcer('')).rejects.toMatchObject({ status: 401 });
    await expect(announcer(cookieEditor)).rejects.toMatchObject({ status: 403, code: 'forbidden' });
    await expect(announcer(cookieA, 'http://evil.example')).rejects.toMatchObject({ status: 403, code: 'bad_origin' });
  });

  it('refuses bad requests, unknown groups, no targets and emergency without the alert right, in both languages', async () => {
    const cases: [unknown, string, number][] = [
      ['{not json', 'live_bad_request', 4400],
      [{ type: 'start', groupIds: [], class: 'priority' }, 'live_bad_request', 4400],
      [{ type: 'start', groupIds: [groupId], class: 'ads' }, 'live_bad_request', 4400],
      [{ type: 'start', groupIds: [999_999], class: 'priority' }, 'live_group_not_found', 4404],
      [{ type: 'start', groupIds: [otherGroup], class: 'priority' }, 'live_no_targets', 4400],
      [{ type: 'start', groupIds: [groupId], class: 'emergency' }, 'live_emergency_forbidden', 4403],
    ];
    for (const [msg, code, close] of cases) {
      const a = await announcer(cookieA);
      a.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
      const r = await a.next('refused');
      expect(r.code).toBe(code);
      expect((r.message as { vi: string; en: string }).vi.length).toBeGreaterThan(5);
      expect((r.message as { vi: string; en: string }).en.length).toBeGreaterThan(5);
      expect((await a.closed).code).toBe(close);
    }
    expect((await s.db.all('SELECT id FROM live_announcements')).length).toBe(0);
  });

  it('airs the tone then the voice to the loudspeaker and the zone, refuses a second announcer, records and audits it', async () => {
    const a = await announcer(cookieA);
    a.ws.send(JSON.stringify({ type: 'start', groupIds: [groupId], class: 'priority', title: 'Thông báo cắt nước' }));
    const accepted = await a.next('accepted');
    expect(accepted).toMatchObject({ speakers: 1, zones: 1 });
    const id = accepted.id as number;
    const stopMic = a.speak(1000);
    // The loudspeaker's timeline cuts over to the live item at once, at priority.
    expect(await until(async () => (await liveNow()) === `announce:${id}`, 3000)).toBe(true);
    const seg = whatPlaysAt((await s.timeline.getTimeline(speaker.id))!, Date.now()).segment!;
    expect(seg.class).toBe('priority');
    const player = await listen(`announce:${id}`);
    await a.next('tone', 4000);
    const onAir = await a.next('on-air', 6000);
    expect(typeof onAir.at).toBe('string');

    // A second announcer for the same group is told who is on air, and nothing of theirs is stored.
    const b = await announcer(cookieB);
    b.ws.send(JSON.stringify({ type: 'start', groupIds: [groupId], class: 'priority' }));
    const refused = await b.next('refused');
    expect(refused.code).toBe('live_busy');
    expect((refused.message as { vi: string }).vi).toContain('phatthanh-a');
    expect(refused.onAir).toMatchObject({ by: 'phatthanh-a', groups: ['Tổ dân phố 5'] });
    expect((await b.closed).code).toBe(4409);
    const targets = await (await callerFor(s, 'phatthanh-c', ['announcer']))('GET', '/api/live-announcements/targets');
    expect(targets.body.groups.find((g: { id: number }) => g.id === groupId)).toMatchObject({ speakers: 1, zone: true, busy: { by: 'phatthanh-a' } });

    // The voice reaches the zone and the loudspeaker.
    const zone = await zoneTones(2000);
    expect(mostly(zone, 1000), JSON.stringify(zone)).toBe(true);
    const heard = dominantTones(await decodeToPcm(Buffer.concat(player.chunks)), [1000], 250);
    expect(heard.filter((x) => x === 1000).length, JSON.stringify(heard)).toBeGreaterThanOrEqual(4);

    a.ws.send(JSON.stringify({ type: 'stop' }));
    const ended = await a.next('ended', 8000);
    stopMic();
    expect(ended).toMatchObject({ id, reason: 'stopped' });
    expect((await a.closed).code).toBe(1000);
    // The loudspeaker's live socket closes: its timeline no longer plays the feed (4403), or the feed ended (1000).
    expect([1000, 4403]).toContain(await player.closed);
    expect(await liveNow()).toBeNull();

    // The recording as it went out: tone first, then the 1 kHz voice; stored with its sha256.
    const sha = (ended.recording as { sha256: string }).sha256;
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    const { readFile } = await import('node:fs/promises');
    const rec = await readFile(pathForSha(s.dataDir, sha));
    const pcm = await decodeToPcm(rec);
    const tones = dominantTones(pcm, [1000], 250);
    expect(tones.filter((x) => x === 1000).length).toBeGreaterThanOrEqual(8);
    // Its first 1.5 s are the attention tone (audible, not the voice); the voice is 1 kHz.
    const sec = ANALYSIS_RATE;
    expect(tones.slice(0, 6).every((x) => x !== 0), JSON.stringify(tones)).toBe(true);
    const voice = tonePower(pcm, pcm.length - 1.5 * sec, pcm.length, 1000);
    expect(tonePower(pcm, 0, 1.5 * sec, 1000)).toBeLessThan(voice * 0.2);
    const row = await s.db.get<{ end_reason: string; duration_ms: number; on_air_at: number; recording_sha256: string; title: string }>(
      'SELECT * FROM live_announcements WHERE id = ?',
      [id],
    );
    expect(row).toMatchObject({ end_reason: 'stopped', recording_sha256: sha, title: 'Thông báo cắt nước' });
    expect(row!.duration_ms).toBeGreaterThan(3000);
    const audit = await s.db.all<{ actor: string; action: string; target: string; summary: string }>(
      "SELECT actor, action, target, summary FROM audit_log WHERE target = ? ORDER BY seq",
      [`live:${id}`],
    );
    expect(audit.map((r) => [r.actor, r.action])).toEqual([
      ['phatthanh-a', 'live.start'],
      ['phatthanh-a', 'live.announce'],
    ]);
    const summary = JSON.parse(audit[1]!.summary) as Record<string, unknown>;
    expect(summary).toMatchObject({ groups: ['Tổ dân phố 5'], reason: 'stopped', recording: sha, class: 'priority' });
    expect(summary.durationMs).toBe(row!.duration_ms);

    // Any staff member finds it in the log and plays the recording back.
    const log = await viewer('GET', '/api/live-announcements');
    expect(log.status).toBe(200);
    expect(log.body.items[0]).toMatchObject({
      id,
      speaker: { name: 'phatthanh-a' },
      groups: [{ id: groupId, name: 'Tổ dân phố 5', zone: true }],
      onAir: false,
      endReason: 'stopped',
      recording: { sha256: sha, url: `/api/media/${sha}`, mime: 'audio/mpeg' },
    });
    const file = await viewer('GET', `/api/media/${sha}`);
    expect(file.status).toBe(200);
  }, 60_000);

  it('ends within 3 s when the announcer drops, and when the announcer goes silent', async () => {
    for (const how of ['drop', 'silent'] as const) {
      const a = await announcer(cookieA);
      a.ws.send(JSON.stringify({ type: 'start', groupIds: [groupId], class: 'priority' }));
      const id = (await a.next('accepted')).id as number;
      const stopMic = a.speak(1000);
      await a.next('on-air', 8000);
      const at = Date.now();
      if (how === 'drop') a.ws.terminate();
      stopMic();
      expect(await until(() => !s.liveHub.isOn(`announce:${id}`), 3000), how).toBe(true);
      expect(await until(async () => (await liveNow()) === null, 3000 - (Date.now() - at)), how).toBe(true);
      const tookMs = Date.now() - at;
      expect(tookMs).toBeLessThanOrEqual(3000);
      expect(await until(async () => (await s.db.get<{ end_reason: string | null }>('SELECT end_reason FROM live_announcements WHERE id = ?', [id]))!.end_reason === 'dropped')).toBe(true);
      if (how === 'silent') expect((await a.closed).code).toBe(1000);
    }
  }, 60_000);
});
