// One running stream zone: its encoder (ffmpeg: PCM on stdin → MP3 on stdout + HLS files), the feeder that
// plays the programme into it, the listeners of its MP3 frames, and an optional relay of those frames to an
// Icecast mount. The relay is its own process, so an unreachable Icecast never stops the zone's own stream.
import fs from 'node:fs';
import path from 'node:path';
import type { IcecastTarget } from '../../config';
import type { Logger } from '../../log';
import type { AsRunSpan } from '../source';
import { startFeeder } from './feeder';
import { createFrameSplitter } from '../mp3-frames';
import type { PcmCache, PcmFormat } from './pcm-cache';
import type { Slot } from './program';
import { superviseProcess } from './supervised-process';

export const SAMPLE_RATE = 44_100;
const HLS_SEGMENT_S = 2;
const HLS_LIST_SIZE = 5;
const HLS_NAME = /^(index\.m3u8|seg-\d{1,9}\.ts)$/;

export type ZoneSettings = { groupId: number; slug: string; name: string; bitrateKbps: number; channels: 1 | 2; volume: number };

export function encoderArgs(z: ZoneSettings, hlsDir: string): string[] {
  const rate = String(SAMPLE_RATE);
  const ch = String(z.channels);
  const br = `${z.bitrateKbps}k`;
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    // Raw PCM needs no probing: without these ffmpeg would wait for input before its first output.
    '-probesize', '32', '-analyzeduration', '0', '-f', 's16le', '-ar', rate, '-ac', ch, '-i', 'pipe:0',
    '-map', '0:a', '-c:a', 'libmp3lame', '-b:a', br, '-id3v2_version', '0', '-write_xing', '0', '-flush_packets', '1', '-f', 'mp3', 'pipe:1',
    '-map', '0:a', '-c:a', 'aac', '-b:a', br, '-f', 'hls', '-hls_time', String(HLS_SEGMENT_S), '-hls_list_size', String(HLS_LIST_SIZE),
    '-hls_flags', 'delete_segments+omit_endlist', '-hls_segment_filename', path.join(hlsDir, 'seg-%05d.ts'), path.join(hlsDir, 'index.m3u8'),
  ];
}

/** ffmpeg copying MP3 from stdin to an Icecast mount (content type audio/mpeg, the zone's name). */
export function icecastArgs(z: ZoneSettings, ice: IcecastTarget): string[] {
  const url = `icecast://${encodeURIComponent(ice.user)}:${encodeURIComponent(ice.password)}@${ice.host}:${ice.port}/${z.slug}.mp3`;
  return [
    '-hide_banner', '-nostdin', '-v', 'error',
    '-probesize', '4096', '-analyzeduration', '0', '-f', 'mp3', '-i', 'pipe:0',
    '-c:a', 'copy', '-content_type', 'audio/mpeg', '-ice_name', z.name, '-f', 'mp3', url,
  ];
}

export function startZoneStream(opts: {
  zone: ZoneSettings;
  ffmpeg: string;
  /** <dataDir>/streams/<slug>: the HLS output. */
  hlsDir: string;
  clock: () => number;
  pcm: PcmCache;
  slotAt: (t: number, format: PcmFormat) => Slot;
  icecast: IcecastTarget | null;
  onRestart: () => void;
  onAsRun: (span: AsRunSpan) => void;
  /** The decoded audio of a relay now playing (relay engine), or null. */
  relayPcm?: (feed: string) => { read(reader: string, out: Buffer, channels: number): number } | null;
  log?: Logger;
}) {
  const z = opts.zone;
  const format: PcmFormat = { rate: SAMPLE_RATE, channels: z.channels };
  fs.rmSync(opts.hlsDir, { recursive: true, force: true });
  fs.mkdirSync(opts.hlsDir, { recursive: true });

  const sinks = new Set<(mp3: Buffer) => void>();
  const splitter = createFrameSplitter();
  let volume = z.volume;
  let onAir = '';

  const relay = opts.icecast
    ? superviseProcess({ bin: opts.ffmpeg, args: () => icecastArgs(z, opts.icecast!), onStdout: () => undefined, restartDelayMs: 2000, log: opts.log, name: `icecast:${z.slug}` })
    : null;
  const encoder = superviseProcess({
    bin: opts.ffmpeg,
    args: () => encoderArgs(z, opts.hlsDir),
    name: `zone:${z.slug}`,
    log: opts.log,
    onRestart: () => {
      splitter.reset();
      opts.onRestart();
    },
    onStdout: (chunk) => {
      const frames = splitter.push(chunk);
      for (const f of frames) {
        relay?.write(f);
        // A failing listener must not stop the others, nor the encoder.
        for (const sink of sinks) {
          try {
            sink(f);
          } catch (err) {
            opts.log?.warn('stream listener failed', { zone: z.slug, err });
          }
        }
      }
    },
  });
  const feeder = startFeeder({
    format,
    clock: opts.clock,
    volume: () => volume,
    slotAt: (t) => opts.slotAt(t, format),
    pcm: opts.pcm,
    live: opts.relayPcm,
    reader: `zone:${z.groupId}`,
    write: (pcm) => encoder.write(pcm),
    onSpan: (span) => opts.onAsRun({ zoneId: z.groupId, ...span }),
    onSlot: (slot) => void (onAir = slot.sha ? slot.title : ''),
  });

  return {
    zone: z,
    format,
    subscribe(sink: (mp3: Buffer) => void) {
      sinks.add(sink);
      return () => void sinks.delete(sink);
    },
    nowPlaying: () => onAir,
    /** Where the feeder has written up to (zone time): an alert starts from here, with none of it skipped. */
    position: () => feeder.position(),
    setVolume: (v: number) => void (volume = v),
    hlsFile(name: string): string | null {
      if (!HLS_NAME.test(name)) return null;
      const file = path.join(opts.hlsDir, name);
      return fs.existsSync(file) ? file : null;
    },
    pids: () => [encoder.pid(), relay?.pid() ?? null].filter((p): p is number => p !== null),
    async stop() {
      feeder.stop();
      sinks.clear();
      await Promise.all([encoder.stop(), relay?.stop()]);
    },
  };
}
export type ZoneStream = ReturnType<typeof startZoneStream>;
