// relay_fallback_s: a relay (tiếp âm) from a real Icecast 2 (Debian's icecast2) to a stream zone, on the same
// running server: a station (ffmpeg, a 660 Hz tone in real time, MP3 to the mount /vov1.mp3), an approved relay
// source, a relay entry covering now, and a fallback entry (an approved 440 Hz clip) in the same window. Once the
// zone's stream carries the station, the station is killed (SIGKILL: the source drops, Icecast closes its
// listeners, among them the relay engine's ffmpeg); relay_fallback_s is from the kill to the arrival, at an IP
// receiver's connection, of the end of the first 100 ms window of a run of ≥ 1 s in which 440 Hz dominates.
// The server runs with its default BANTIN_RELAY_SILENCE_S: the path measured is the source failing, not the
// silence detector.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { ffmpegPath } from '../../server/src/media/tools/run-tool';
import { ffmpeg } from '../../server/test/factories/media';
import { startIcecast } from '../../server/test/support/icecast';
import { dominantTones } from '../../server/test/support/tones';
import type { FetchSession } from '../../e2e/story-helpers';
import { approvedContent, sleep, vnDate } from '../../e2e/story-helpers';
import { captureStream } from './stream-capture';

const STATION_HZ = 660;
const FALLBACK_HZ = 440;
const WINDOW_MS = 100;
const RUN_WINDOWS = 10;
const ANALYSIS_RATE = 8000;
const log = (m: string) => process.stderr.write(`bench:live: ${m}\n`);

/** Prepared before the browser part (the upload's ingest is done by the time the relay runs). */
export async function prepareFallback(editor: FetchSession, reviewer: FetchSession, dir: string): Promise<number> {
  const file = path.join(dir, 'fallback-440.wav');
  await ffmpeg(['-f', 'lavfi', '-i', `sine=frequency=${FALLBACK_HZ}:duration=120:sample_rate=44100`, '-af', 'volume=0.5', '-ac', '1', '-c:a', 'pcm_s16le', file]);
  const sha = await editor.upload(file, 'nhac-cho-440.wav');
  return (await approvedContent(editor, reviewer, { kind: 'clip', title: 'Nhạc chờ 440 Hz', mediaSha256: sha })).id;
}

async function expectStatus(p: Promise<{ status: number; body: unknown }>, want: number, what: string) {
  const r = await p;
  if (r.status !== want) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as { id: number } & Record<string, unknown>;
}

export async function measureRelayFallback(o: {
  base: string;
  admin: FetchSession;
  editor: FetchSession;
  reviewer: FetchSession;
  fallbackContentId: number;
  children: Set<ChildProcess>;
}): Promise<{ seconds: number; detail: string }> {
  const ice = await startIcecast();
  let station: ChildProcess | null = null;
  let capture: ReturnType<typeof captureStream> | null = null;
  try {
    station = spawn(
      ffmpegPath,
      ['-hide_banner', '-nostdin', '-v', 'error', '-re', '-f', 'lavfi', '-i', `sine=frequency=${STATION_HZ}:sample_rate=44100`, '-c:a', 'libmp3lame', '-b:a', '64k', '-content_type', 'audio/mpeg', '-f', 'mp3', `icecast://source:${ice.sourcePassword}@127.0.0.1:${ice.port}/vov1.mp3`],
      { stdio: 'ignore' },
    );
    o.children.add(station);
    const g = await expectStatus(o.editor('POST', '/api/groups', { name: 'Tổ dân phố 7 (tiếp âm)' }), 201, 'relay group');
    const when = { dateFrom: vnDate(), dateTo: vnDate(), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '23:59' }] };
    await expectStatus(o.editor('POST', '/api/schedules', { class: 'fallback', contentId: o.fallbackContentId, target: { groupIds: [g.id], deviceIds: [], kinds: [] }, when }), 201, 'fallback entry');
    const source = await expectStatus(o.admin('POST', '/api/relay-sources', { name: 'VOV1 (bench)', url: `http://127.0.0.1:${ice.port}/vov1.mp3`, allowPrivate: true }), 201, 'relay source');
    await expectStatus(o.reviewer('POST', `/api/relay-sources/${source.id}/decision`, { decision: 'approve' }), 200, 'relay source approval');
    await expectStatus(o.editor('POST', '/api/schedules', { name: 'Tiếp âm VOV1', class: 'normal', relaySourceId: source.id, target: { groupIds: [g.id], deviceIds: [], kinds: [] }, when }), 201, 'relay entry');
    await expectStatus(o.editor('PUT', `/api/groups/${g.id}/stream-zone`, { slug: 'bench-tiep-am', quietHours: null }), 200, 'relay zone');
    const receiver = (await expectStatus(o.editor('POST', '/api/devices/receivers', { name: 'Bộ thu tiếp âm', groupId: g.id, address: 'Nhà văn hoá' }), 201, 'receiver')) as unknown as {
      access: { mp3Path: string };
    };

    // Listen until the zone carries the station (≥ 1 s of 660 Hz in the last 2 s).
    const deadline = Date.now() + 45_000;
    for (;;) {
      if (!capture || (capture.status() !== 0 && capture.status() !== 200)) {
        capture?.stop();
        capture = captureStream(`http://${o.base}${receiver.access.mp3Path}`, { realtimeDecode: false });
      }
      await sleep(1000);
      if (capture.status() === 200 && capture.bytes() > 16_000) {
        const d = await capture.decoded(ANALYSIS_RATE, Date.now() - 2000);
        const tones = dominantTones(Int16Array.from(d.pcm, (v) => Math.round(v * 32767)), [FALLBACK_HZ, STATION_HZ], WINDOW_MS);
        if (tones.filter((t) => t === STATION_HZ).length >= RUN_WINDOWS) break;
      }
      if (Date.now() > deadline) throw new Error(`the relay zone did not carry the station within 45 s (stream HTTP ${capture.status()})`);
    }
    log('relay: the zone carries the station; killing it');
    await sleep(2000);
    const killedAt = Date.now();
    const s = station;
    station = null;
    const closed = new Promise((r) => s.once('close', r));
    s.kill('SIGKILL');
    await closed;
    o.children.delete(s);

    const until = killedAt + 25_000;
    for (;;) {
      await sleep(1000);
      const d = await capture.decoded(ANALYSIS_RATE, killedAt - 1000);
      const pcm = Int16Array.from(d.pcm, (v) => Math.round(v * 32767));
      const tones = dominantTones(pcm, [FALLBACK_HZ, STATION_HZ], WINDOW_MS);
      const per = (ANALYSIS_RATE * WINDOW_MS) / 1000;
      for (let i = 0; i + RUN_WINDOWS <= tones.length; i++) {
        if (!tones.slice(i, i + RUN_WINDOWS).every((t) => t === FALLBACK_HZ)) continue;
        const at = d.arrival((i + 1) * per - 1);
        if (at < killedAt) continue;
        const last660 = tones.lastIndexOf(STATION_HZ, i);
        return {
          seconds: (at - killedAt) / 1000,
          detail: `station heard until window ${last660} (${last660 >= 0 ? ((d.arrival((last660 + 1) * per - 1) - killedAt) / 1000).toFixed(2) : '–'} s after the kill), fallback from ${((at - killedAt) / 1000).toFixed(2)} s`,
        };
      }
      if (Date.now() > until) throw new Error(`no fallback within 25 s of the kill: ${tones.join(',')}`);
    }
  } finally {
    capture?.stop();
    if (station) {
      station.kill('SIGKILL');
      o.children.delete(station);
    }
    await ice.stop();
  }
}
