// Speaking live (phát trực tiếp) in a real Chromium against the real server. The ward has a group "Tổ dân phố 5"
// with one loudspeaker — a web player paired for real and open in a Chromium page — and a stream zone with an IP
// receiver. Two announcers sign in; Chromium's fake microphone plays a steady 1 kHz tone.
// - Announcer A ticks the group and presses "Bắt đầu phát": connecting → the attention tone → on air. The
//   loudspeaker page plays the attention tone (B5/G5, 988/784 Hz) first, then the 1 kHz voice (its output is
//   tapped with WebAudio and told apart by Goertzel); the zone's public MP3 stream carries the voice too.
// - Announcer B, who ticked the same group, is refused with A's name, and then sees the group busy, naming A.
// - A presses "Kết thúc phát": ended; the log shows the broadcast with its recording (tone first, then 1 kHz),
//   which A's session can fetch; the audit log names A and the group.
// - A goes on air again and the page is closed: the server ends the broadcast as dropped within 3 s, and the
//   loudspeaker goes back to its programme (the live item leaves its page and its timeline).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ffmpeg } from '../server/test/factories/media';
import { ANALYSIS_RATE, decodeToPcm, dominantTones, tonePower } from '../server/test/support/tones';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import {
  claimPairing,
  createStaff,
  fetchSession,
  nav,
  pageApi,
  signInThroughLoginPage,
  sleep,
  until,
  type Call,
  type FetchSession,
} from './story-helpers';

const PASSWORD = 'mat-khau-e2e-2026';
const GROUP = 'Tổ dân phố 5';
const TITLE = 'Thông báo cắt nước tổ 5';
const MAI = { username: 'maiphatthanh', displayName: 'Chị Mai (phát thanh)', roles: ['announcer'] } as const;
const TUAN = { username: 'tuanphatthanh', displayName: 'Anh Tuấn (phát thanh)', roles: ['announcer'] } as const;
/** The microphone's tone, and the attention tone's two notes (media/scripts/generate-sounds.ts: B5 and G5). */
const VOICE_HZ = 1000;
const CHIME_HZ = [988, 784] as const;
const CANDIDATES = [VOICE_HZ, ...CHIME_HZ];
/** How long the server may take to end a dropped broadcast (the contract), and what polling adds to it here. */
const DROP_MS = 3000;
const POLL_MS = 100;

interface LiveItem {
  id: number;
  class: string;
  title: string;
  speaker: { id: number; name: string };
  groups: { id: number; name: string; zone: boolean }[];
  startedAt: string;
  onAirAt: string | null;
  endedAt: string | null;
  endReason: string | null;
  durationMs: number | null;
  speakers: number;
  zones: number;
  onAir: boolean;
  recording: { sha256: string; url: string; size: number; mime: string } | null;
}

interface AuditRow {
  seq: number;
  actor: string;
  action: string;
  target: string;
  summary: Record<string, unknown>;
}

/** What one tapped live <audio> element of the player put out: 16-bit mono PCM, and when each block came. */
interface Tap {
  liveId: string;
  rate: number;
  block: number;
  at: number[];
  b64: string;
}

/** One analysis window of what was heard: when it ended (wall clock) and its dominant candidate (0: silence). */
interface Heard {
  at: number;
  hz: number;
}

/**
 * Taps every live <audio> element the player mounts (now or later): its output goes on to the speakers as before
 * and, block by block, into a buffer the test reads (ScriptProcessor: no module to load under the page's CSP).
 */
function installTap(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Rec = { liveId: string; rate: number; block: number; at: number[]; chunks: Int16Array[] };
    const w = window as unknown as { __liveTaps?: Rec[] };
    if (w.__liveTaps) return;
    const taps: Rec[] = [];
    w.__liveTaps = taps;
    const BLOCK = 2048;
    const tap = (el: HTMLAudioElement & { __tapped?: boolean }) => {
      if (el.__tapped) return;
      el.__tapped = true;
      const ctx = new AudioContext({ sampleRate: 44_100 });
      const src = ctx.createMediaElementSource(el);
      const proc = ctx.createScriptProcessor(BLOCK, 1, 1);
      const rec: Rec = { liveId: el.dataset.liveId ?? '', rate: ctx.sampleRate, block: BLOCK, at: [], chunks: [] };
      taps.push(rec);
      proc.onaudioprocess = (e) => {
        const f = e.inputBuffer.getChannelData(0);
        const q = new Int16Array(f.length);
        for (let i = 0; i < f.length; i++) q[i] = Math.max(-32768, Math.min(32767, Math.round(f[i]! * 32767)));
        rec.chunks.push(q);
        rec.at.push(Date.now());
      };
      src.connect(ctx.destination);
      src.connect(proc);
      proc.connect(ctx.destination); // a ScriptProcessor only runs when connected; its output is silence
      void ctx.resume();
    };
    const scan = () => document.querySelectorAll<HTMLAudioElement>('audio[data-testid="live-audio"]').forEach(tap);
    new MutationObserver(scan).observe(document, { subtree: true, childList: true });
    scan();
  });
}

function readTaps(page: Page): Promise<Tap[]> {
  return page.evaluate(() => {
    type Rec = { liveId: string; rate: number; block: number; at: number[]; chunks: Int16Array[] };
    const taps = (window as unknown as { __liveTaps?: Rec[] }).__liveTaps ?? [];
    return taps.map((t) => {
      const all = new Int16Array(t.chunks.reduce((n, c) => n + c.length, 0));
      let o = 0;
      for (const c of t.chunks) {
        all.set(c, o);
        o += c.length;
      }
      const bytes = new Uint8Array(all.buffer);
      let bin = '';
      for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { liveId: t.liveId, rate: t.rate, block: t.block, at: t.at, b64: btoa(bin) };
    });
  });
}

/** The dominant candidate tone of each window of `windowMs` (or 0 below `silenceRms`), in any sample rate. */
function tonesOf(pcm: Int16Array, rate: number, windowMs: number, silenceRms = 300): number[] {
  const size = Math.round((rate * windowMs) / 1000);
  const out: number[] = [];
  for (let from = 0; from + size <= pcm.length; from += size) {
    let sq = 0;
    for (let i = from; i < from + size; i++) sq += pcm[i]! * pcm[i]!;
    if (Math.sqrt(sq / size) < silenceRms) {
      out.push(0);
      continue;
    }
    let best = 0;
    let bestPower = -1;
    for (const hz of CANDIDATES) {
      const p = tonePower(pcm, from, from + size, hz, rate);
      if (p > bestPower) [best, bestPower] = [hz, p];
    }
    out.push(best);
  }
  return out;
}

/** What a tapped element put out, as 250 ms windows stamped with the wall clock at their end. */
function heardOf(tap: Tap, windowMs = 250): Heard[] {
  const bytes = Buffer.from(tap.b64, 'base64');
  const pcm = new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  const size = Math.round((tap.rate * windowMs) / 1000);
  return tonesOf(pcm, tap.rate, windowMs).map((hz, i) => ({ hz, at: tap.at[Math.min(tap.at.length - 1, Math.floor(((i + 1) * size - 1) / tap.block))]! }));
}

/** Reads a continuous HTTP stream for `ms`, then lets it go. */
async function readStream(url: string, ms: number): Promise<Buffer> {
  const ctrl = new AbortController();
  const res = await fetch(url, { signal: ctrl.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('audio/mpeg');
  const chunks: Buffer[] = [];
  const timer = setTimeout(() => ctrl.abort(), ms);
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(Buffer.from(value));
    }
  } catch (err) {
    if (!ctrl.signal.aborted) throw err;
  } finally {
    clearTimeout(timer);
  }
  return Buffer.concat(chunks);
}

/** Records every data-state the live status takes, in order, from now on (the status element stays mounted). */
function watchStates(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __liveStates?: string[] };
    w.__liveStates = [];
    const states = w.__liveStates;
    const read = () => {
      const s = document.querySelector('[data-testid="live-status"]')?.getAttribute('data-state') ?? null;
      if (s !== null && states[states.length - 1] !== s) states.push(s);
    };
    new MutationObserver(read).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    read();
  });
}
const statesOf = (page: Page) => page.evaluate(() => (window as unknown as { __liveStates?: string[] }).__liveStates ?? []);
const status = (page: Page, state: string, timeout = 20_000) =>
  page.locator(`[data-testid="live-status"][data-state="${state}"]`).waitFor({ timeout });

const mostly = (tones: number[], hz: number, share: number) => tones.length > 0 && tones.filter((x) => x === hz).length >= tones.length * share;

describe.skipIf(skipBrowserTests)('speaking live from the dashboard in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: FetchSession;
  let fixtureDir: string;
  let groupId = 0;
  let speakerId = 0;
  let zoneUrl = '';
  let player: Page;
  let mai: Page;
  let tuan: Page;
  /** The first broadcast: its id, and when A's page said it was on air. */
  let firstId = 0;
  let onAirAt = 0;
  const contexts: BrowserContext[] = [];
  /** Page errors and console errors of every page (the staff pages add CSP reports through signInThroughLoginPage). */
  const problems: string[] = [];

  const watchConsole = (page: Page, who: string) => {
    page.on('pageerror', (err) => problems.push(`${who}: ${err.message}`));
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // Until its code is claimed, the player asks for its token and hears "not claimed yet" (409): pairing.
      if (msg.location().url.endsWith('/api/pairing/token') && msg.text().includes('409')) return;
      problems.push(`${who} console: ${msg.text()}`);
    });
  };

  const latest = async () => {
    const r = await admin<{ items: LiveItem[] }>('GET', '/api/live-announcements');
    expect(r.status).toBe(200);
    return r.body.items;
  };

  beforeAll(async () => {
    fixtureDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-live-'));
    const tone = join(fixtureDir, 'tone-1khz.wav');
    // Chromium loops the file as every page's microphone: a steady 1 kHz tone at −6 dBFS peak, long enough
    // that the loop's seam does not fall inside a broadcast.
    await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${VOICE_HZ}:duration=120:sample_rate=48000`, '-af', 'volume=0.5', '-ac', '1', '-c:a', 'pcm_s16le', tone]);
    [server, browser] = await Promise.all([
      startServer({ timeoutMs: 120_000 }),
      launchBrowser(['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${tone}`]),
    ]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    await createStaff(admin, [MAI, TUAN], PASSWORD);

    const group = await admin<{ id: number }>('POST', '/api/groups', { name: GROUP });
    expect(group.status, JSON.stringify(group.body)).toBe(201);
    groupId = group.body.id;

    // The loudspeaker: a web player paired by its code, in the group, without quiet hours (the test runs at night too).
    const context = await browser.newContext();
    contexts.push(context);
    player = await context.newPage();
    watchConsole(player, 'player');
    await player.goto(server.url + '/player/');
    const claim = await claimPairing(player, admin, { name: 'Loa tổ 5 (đầu ngõ 12)', kind: 'speaker', groupIds: [groupId] });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    speakerId = claim.body.id;
    await player.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    expect((await admin('PATCH', `/api/devices/${speakerId}`, { quietHours: null })).status).toBe(200);
    await installTap(player);

    // The group is also a stream zone, with an IP receiver whose URL the test listens to.
    const zone = await admin('PUT', `/api/groups/${groupId}/stream-zone`, { slug: 'to-5', quietHours: null });
    expect(zone.status, JSON.stringify(zone.body)).toBe(200);
    const receiver = await admin<{ access: { mp3Path: string } }>('POST', '/api/devices/receivers', { name: 'Bộ thu nhà văn hoá tổ 5', groupId });
    expect(receiver.status, JSON.stringify(receiver.body)).toBe(201);
    zoneUrl = server.url + receiver.body.access.mp3Path;
    expect(zoneUrl).toMatch(/\/stream\/to-5\.mp3\?token=/);
    // The zone's encoder is running once its stream answers.
    await until(
      async () => {
        const ctrl = new AbortController();
        const r = await fetch(zoneUrl, { signal: ctrl.signal });
        ctrl.abort();
        return r.status === 200;
      },
      30_000,
      'the zone’s stream to run',
    );
  });

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
    if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
  });

  async function openLive(who: { username: string }): Promise<Page> {
    const { context, page } = await signInThroughLoginPage(browser, server, who.username, PASSWORD, problems);
    contexts.push(context);
    watchConsole(page, who.username);
    await nav(page, 'Phát trực tiếp');
    await page.waitForURL('**/announce');
    await page.getByTestId('live-announce').waitFor();
    await page.locator(`[data-testid="live-target"][data-id="${groupId}"]`).waitFor();
    await watchStates(page);
    return page;
  }
  const target = (page: Page) => page.locator(`[data-testid="live-target"][data-id="${groupId}"]`);

  it('puts A on air (tone first), the loudspeaker and the zone hear the voice, and B is told A is on air', async () => {
    mai = await openLive(MAI);
    // B has the screen open too and ticks the same group while it is still free.
    tuan = await openLive(TUAN);
    await target(tuan).check();

    // The group as A sees it: one loudspeaker, a stream zone, free. Announcers may not speak as "Khẩn cấp".
    const row = mai.getByTestId('live-targets').locator('li', { has: target(mai) });
    expect(await row.textContent()).toContain(GROUP);
    expect(await row.textContent()).toContain('1 loa');
    expect(await row.textContent()).toContain('Vùng phát');
    expect(await mai.getByTestId('live-class-emergency').count()).toBe(0);
    expect(await mai.getByTestId('live-class-priority').isChecked()).toBe(true);

    await target(mai).check();
    await mai.getByTestId('live-title').fill(TITLE);
    await mai.getByTestId('live-start').click();
    await status(mai, 'on-air');
    onAirAt = Date.now();
    expect(await statesOf(mai)).toEqual(['idle', 'connecting', 'tone', 'on-air']);
    expect(await mai.getByTestId('live-status').textContent()).toContain('ĐANG PHÁT — mời nói');
    expect(await mai.getByTestId('live-status').textContent()).toContain('Đã kết nối tới 1 loa và 1 vùng phát.');
    expect(await mai.getByTestId('live-stop').innerText()).toBe('Kết thúc phát');

    const [item] = await latest();
    expect(item).toMatchObject({ class: 'priority', title: TITLE, speaker: { name: MAI.displayName }, groups: [{ id: groupId, name: GROUP, zone: true }], onAir: true, speakers: 1, zones: 1 });
    expect(item!.onAirAt).not.toBeNull();
    firstId = item!.id;
    const feed = `announce:${firstId}`;
    // The loudspeaker's timeline plays the live item now, and its page has the live element of that feed.
    const at = await admin<{ item: { live?: { id: string } } | null; segment: { class: string } | null }>('GET', `/api/devices/${speakerId}/timeline/at`);
    expect(at.body.item?.live?.id).toBe(feed);
    expect(at.body.segment?.class).toBe('priority');
    await player.locator(`[data-testid="live-audio"][data-live-id="${feed}"]`).waitFor({ state: 'attached', timeout: 5_000 });

    // B presses "Bắt đầu phát" on the group ticked a moment ago: the server refuses, naming A and the group.
    await tuan.getByTestId('live-start').click();
    await status(tuan, 'refused');
    expect(await tuan.getByTestId('live-refused').getAttribute('data-code')).toBe('live_busy');
    expect(await tuan.getByTestId('live-refused').textContent()).toContain(MAI.displayName);
    const onAirText = await tuan.getByTestId('live-refused-on-air').textContent();
    expect(onAirText).toContain(MAI.displayName);
    expect(onAirText).toContain(GROUP);
    // …and the group now shows as busy, with A's name, and cannot be ticked.
    const busy = tuan.getByTestId('live-targets').locator('li', { has: target(tuan) }).getByTestId('live-target-busy');
    await busy.waitFor({ timeout: 10_000 });
    expect(await busy.textContent()).toContain(`Đang có người phát: ${MAI.displayName}`);
    expect(await target(tuan).isDisabled()).toBe(true);
    expect(await target(tuan).isChecked()).toBe(false);
    // Pressing start again now asks for a group instead of trying.
    await tuan.getByTestId('live-start').click();
    await tuan.getByTestId('live-targets-error').getByText('Chọn ít nhất một nhóm loa.').waitFor();
    expect((await latest()).filter((a) => a.onAir).map((a) => a.id)).toEqual([firstId]);

    // The zone's public stream carries the voice: its receiver hears 1 kHz.
    const zonePcm = await decodeToPcm(await readStream(zoneUrl, 2_500));
    const zone = dominantTones(zonePcm, CANDIDATES, 250);
    console.log(`zone stream windows (250 ms): ${JSON.stringify(zone)}`);
    expect(zone.length).toBeGreaterThanOrEqual(6);
    expect(mostly(zone, VOICE_HZ, 0.8), JSON.stringify(zone)).toBe(true);

    // What the loudspeaker put out: the attention tone first, then — once on air — the voice.
    await sleep(Math.max(0, onAirAt + 4_000 - Date.now()));
    const taps = (await readTaps(player)).filter((t) => t.liveId === feed);
    expect(taps).toHaveLength(1);
    const heard = heardOf(taps[0]!);
    const sounding = heard.filter((h) => h.hz !== 0);
    console.log(
      `player windows (250 ms, ms from on-air): ${JSON.stringify(sounding.map((h) => [h.at - onAirAt, h.hz]))}`,
    );
    expect(sounding.length).toBeGreaterThanOrEqual(10);
    // Its first audio is the attention tone's notes, not the microphone.
    const first = sounding.slice(0, 2).map((h) => h.hz);
    expect(first.every((hz) => (CHIME_HZ as readonly number[]).includes(hz)), JSON.stringify(first)).toBe(true);
    // From a second after "on air" (the player's buffer and the encoder's delay), the voice dominates.
    const voice = sounding.filter((h) => h.at > onAirAt + 1_000).map((h) => h.hz);
    expect(voice.length).toBeGreaterThanOrEqual(8);
    expect(mostly(voice, VOICE_HZ, 0.8), JSON.stringify(voice)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('ends when A presses "Kết thúc phát": logged with its recording (tone, then voice) and audited', async () => {
    const elapsed = Number(await mai.getByTestId('live-elapsed').getAttribute('data-ms'));
    expect(elapsed).toBeGreaterThan(3_000);
    await mai.getByTestId('live-stop').click();
    await status(mai, 'ended', 15_000);
    const summary = await mai.getByTestId('live-status').textContent();
    expect(summary).toContain('Đã kết thúc.');
    expect(summary).toContain('Bản ghi đã lưu.');
    await mai.getByTestId('live-start').waitFor();

    const [item] = await latest();
    expect(item).toMatchObject({ id: firstId, onAir: false, endReason: 'stopped', speaker: { name: MAI.displayName } });
    expect(item!.durationMs!).toBeGreaterThan(5_000);
    const rec = item!.recording!;
    expect(rec).toMatchObject({ url: `/api/media/${rec.sha256}`, mime: 'audio/mpeg' });
    expect(rec.sha256).toMatch(/^[0-9a-f]{64}$/);

    // The log on A's screen: the row of this broadcast, with the recording to listen to.
    const row = mai.locator(`[data-testid="live-log-row"][data-id="${firstId}"]`);
    await row.waitFor({ timeout: 10_000 });
    expect(await row.getAttribute('data-on-air')).toBeNull();
    const text = await row.textContent();
    for (const part of [TITLE, MAI.displayName, GROUP, 'Ưu tiên']) expect(text).toContain(part);
    expect(await row.getByTestId('live-recording').getAttribute('src')).toBe(`/api/media/${rec.sha256}`);
    // B's log shows it too, once B's screen reads it again.
    await tuan.reload();
    await tuan.locator(`[data-testid="live-log-row"][data-id="${firstId}"]`).waitFor({ timeout: 10_000 });

    // The recording, fetched with A's session: the attention tone first, then the 1 kHz voice.
    const res = await mai.request.get(server.url + rec.url);
    expect(res.status()).toBe(200);
    const pcm = await decodeToPcm(Buffer.from(await res.body()));
    const tones = dominantTones(pcm, CANDIDATES, 250);
    console.log(`recording windows (250 ms): ${JSON.stringify(tones)}`);
    expect(tones.filter((hz) => hz === VOICE_HZ).length).toBeGreaterThanOrEqual(12);
    expect(tones.slice(0, 6).every((hz) => hz !== 0 && hz !== VOICE_HZ), JSON.stringify(tones)).toBe(true);
    const sec = ANALYSIS_RATE;
    const chime = tonePower(pcm, 0, 1.5 * sec, VOICE_HZ);
    const end = tonePower(pcm, pcm.length - 1.5 * sec, pcm.length, VOICE_HZ);
    console.log(`recording 1 kHz power: first 1.5 s ${chime.toExponential(2)}, last 1.5 s ${end.toExponential(2)}`);
    expect(chime).toBeLessThan(end * 0.2);

    // The audit log: who started and who spoke, to which group.
    const audit = await admin<{ rows: AuditRow[] }>('GET', '/api/audit?limit=200');
    expect(audit.status).toBe(200);
    const mine = audit.body.rows.filter((r) => r.target === `live:${firstId}`).sort((a, b) => a.seq - b.seq);
    expect(mine.map((r) => [r.actor, r.action])).toEqual([
      [MAI.displayName, 'live.start'],
      [MAI.displayName, 'live.announce'],
    ]);
    for (const r of mine) expect(r.summary).toMatchObject({ groups: [GROUP], groupIds: [groupId], class: 'priority' });
    expect(mine[1]!.summary).toMatchObject({ reason: 'stopped', recording: rec.sha256, durationMs: item!.durationMs });
    // B's refused try left nothing: one broadcast so far.
    expect((await latest()).map((a) => a.id)).toEqual([firstId]);
    expect(audit.body.rows.filter((r) => r.action.startsWith('live.')).every((r) => r.actor === MAI.displayName)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('ends within 3 s when A’s page closes mid-broadcast, and the loudspeaker goes back to its programme', async () => {
    await mai.getByTestId('live-start').click();
    await status(mai, 'on-air');
    const [item] = await latest();
    expect(item).toMatchObject({ onAir: true, speaker: { name: MAI.displayName } });
    const id = item!.id;
    expect(id).not.toBe(firstId);
    const feed = `announce:${id}`;
    const live = player.locator(`[data-testid="live-audio"][data-live-id="${feed}"]`);
    await live.waitFor({ state: 'attached', timeout: 5_000 });
    await sleep(1_000);

    const closedAt = Date.now();
    await mai.close();
    // Poll the log every POLL_MS: the row is written once the broadcast is over (off the timelines, the feed
    // ended, the recording stored). A read takes a few ms here, so polling adds at most ~POLL_MS + one read.
    let ended: LiveItem | undefined;
    for (;;) {
      ended = (await latest()).find((a) => a.id === id);
      if (ended && !ended.onAir) break;
      if (Date.now() - closedAt > 10_000) throw new Error(`still on air 10 s after the page closed: ${JSON.stringify(ended)}`);
      await sleep(POLL_MS);
    }
    const seenOffAirMs = Date.now() - closedAt;
    const serverEndMs = Date.parse(ended.endedAt!) - closedAt;
    console.log(`page closed → server's end time ${serverEndMs} ms; → off air in the log ${seenOffAirMs} ms`);
    expect(ended.endReason).toBe('dropped');
    expect(serverEndMs).toBeLessThanOrEqual(DROP_MS);
    expect(seenOffAirMs).toBeLessThanOrEqual(DROP_MS + 500);

    // The loudspeaker: the live item leaves its timeline and its page.
    const at = await admin<{ item: { live?: { id: string } } | null }>('GET', `/api/devices/${speakerId}/timeline/at`);
    expect(at.body.item?.live?.id ?? null).not.toBe(feed);
    await until(async () => (await live.count()) === 0, DROP_MS, 'the live element to leave the player');
    const playerBackMs = Date.now() - closedAt;
    console.log(`page closed → live item gone from the player page ${playerBackMs} ms`);
    expect(await player.locator('[data-testid="live-audio"]').count()).toBe(0);
    await player.getByTestId('player-stage').waitFor();

    // The drop is logged and audited too, as A's.
    const audit = await admin<{ rows: AuditRow[] }>('GET', '/api/audit?limit=200');
    const end = audit.body.rows.find((r) => r.target === `live:${id}` && r.action === 'live.announce');
    expect(end).toMatchObject({ actor: MAI.displayName, summary: { reason: 'dropped', groups: [GROUP] } });
    // Nobody on air: B may speak to the group now.
    const api: Call = await pageApi(tuan, server);
    const targets = await api<{ groups: { id: number; busy: unknown }[] }>('GET', '/api/live-announcements/targets');
    expect(targets.body.groups.find((g) => g.id === groupId)).toMatchObject({ speakers: 1, zone: true, busy: null });
    expect(problems).toEqual([]);
  });
});
