// A real ZoneAudioSource for tests: per zone, one ffmpeg process makes MP3 of a sine tone (libmp3lame,
// CBR) at real-time pace — or `speed` times faster — split into whole MP3 frames as the encoder's would be;
// optionally also HLS files in a temp folder. ffmpeg starts with a zone's first subscriber and stops after
// its last, so a test can see how many subscriptions the fan-out holds.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ZoneAudioSource } from '../../src/streams/source';
import { createFrameSplitter } from '../../src/streams/mp3-frames';

export const FFMPEG = process.env.BANTIN_TEST_FFMPEG ?? '/usr/bin/ffmpeg';

export type ToneZone = { title: string; frequency?: number; bitrateKbps?: number; hls?: boolean };

type Running = { proc: ChildProcess; sinks: Set<(mp3: Buffer) => void>; hlsDir: string | null };

export function createToneZoneSource(zones: Map<number, ToneZone>, opts: { speed?: number } = {}) {
  const running = new Map<number, Running>();
  let subscribeCalls = 0;
  const dirs: string[] = [];

  const start = (zoneId: number, z: ToneZone): Running => {
    const kbps = z.bitrateKbps ?? 64;
    const hlsDir = z.hls ? fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-hls-')) : null;
    if (hlsDir) dirs.push(hlsDir);
    const args = ['-hide_banner', '-loglevel', 'error', '-readrate', String(opts.speed ?? 1)];
    args.push('-f', 'lavfi', '-i', `sine=frequency=${z.frequency ?? 440}:sample_rate=44100`, '-ac', '1');
    args.push('-c:a', 'libmp3lame', '-b:a', `${kbps}k`, '-f', 'mp3', '-id3v2_version', '0', '-write_xing', '0', 'pipe:1');
    if (hlsDir) args.push('-c:a', 'aac', '-b:a', '64k', '-f', 'hls', '-hls_time', '1', '-hls_list_size', '4', '-hls_flags', 'delete_segments', path.join(hlsDir, 'index.m3u8'));
    const proc = spawn(FFMPEG, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    const r: Running = { proc, sinks: new Set(), hlsDir };
    const split = createFrameSplitter();
    proc.stdout!.on('data', (chunk: Buffer) => {
      const frames = split.push(chunk);
      if (frames.length) for (const sink of [...r.sinks]) sink(Buffer.concat(frames));
    });
    return r;
  };

  const source: ZoneAudioSource = {
    subscribe(zoneId, sink) {
      const z = zones.get(zoneId);
      if (!z) return null;
      subscribeCalls++;
      let r = running.get(zoneId);
      if (!r) running.set(zoneId, (r = start(zoneId, z)));
      const run = r;
      run.sinks.add(sink);
      return () => {
        run.sinks.delete(sink);
        if (run.sinks.size === 0 && running.get(zoneId) === run) {
          running.delete(zoneId);
          run.proc.kill('SIGKILL');
        }
      };
    },
    nowPlaying: (zoneId) => zones.get(zoneId)?.title ?? '',
    format: (zoneId) => (zones.has(zoneId) ? { bitrateKbps: zones.get(zoneId)!.bitrateKbps ?? 64, channels: 1 } : null),
    hlsFile(zoneId, name) {
      const dir = running.get(zoneId)?.hlsDir;
      if (!dir || !/^[A-Za-z0-9_-]+\.(m3u8|ts)$/.test(name)) return null;
      const file = path.join(dir, name);
      return fs.existsSync(file) ? file : null;
    },
  };

  return {
    source,
    /** How many sinks a zone's encoder feeds now, and how many subscribe() calls were made in all. */
    sinks: (zoneId: number) => running.get(zoneId)?.sinks.size ?? 0,
    subscribeCalls: () => subscribeCalls,
    /** Starts a zone's encoder without a listener (for HLS, which a player reads from files). */
    warm(zoneId: number) {
      return source.subscribe(zoneId, () => undefined);
    },
    stop() {
      for (const r of running.values()) r.proc.kill('SIGKILL');
      running.clear();
      for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
    },
  };
}
export type ToneZoneSource = ReturnType<typeof createToneZoneSource>;
