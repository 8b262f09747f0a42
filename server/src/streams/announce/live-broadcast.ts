// The audio path of one live announcement: the announcer's WebM/Opus (MediaRecorder chunks over the announce
// socket) is decoded by one ffmpeg to mono PCM; the attention tone goes out first (the microphone is not on air
// meanwhile), then the voice. Everything that goes out is written once as PCM for the stream zones (a ring
// each zone's feeder reads at its own pace, as for relays) and encoded once to MP3 for the web players (the
// live hub) and for the recording, which is therefore exactly what went out. No loudness filter: it would
// add seconds of delay; speech from a dashboard microphone is levelled by the announcer (the level meter).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Logger } from '../../log';
import { liveMp3Output, type LiveHub } from '../live/live-hub';
import { createFrameSplitter } from '../mp3-frames';
import { createRelayPcm, type RelayPcm } from '../relay/relay-pcm';

export const LIVE_RATE = 44_100;
const BYTES_PER_MS = (LIVE_RATE * 2) / 1000;
/** The tone goes out in chunks this long, paced by the clock. */
const TONE_CHUNK_MS = 40;
/** MP3 frames of MPEG-1 layer III hold this many samples. */
const SAMPLES_PER_FRAME = 1152;

/** ffmpeg: WebM/Opus on stdin → mono s16le PCM on stdout, as soon as each cluster arrives. */
export const decoderArgs = () => [
  '-hide_banner',
  '-nostdin',
  '-v',
  'error',
  '-fflags',
  '+nobuffer',
  '-probesize',
  '4096',
  '-analyzeduration',
  '0',
  '-i',
  'pipe:0',
  '-vn',
  '-ac',
  '1',
  '-ar',
  String(LIVE_RATE),
  '-f',
  's16le',
  '-flush_packets',
  '1',
  'pipe:1',
];

/** ffmpeg: mono s16le PCM on stdin → MP3 frames on stdout. */
export const encoderArgs = () => [
  '-hide_banner',
  '-nostdin',
  '-v',
  'error',
  '-f',
  's16le',
  '-ar',
  String(LIVE_RATE),
  '-ac',
  '1',
  '-i',
  'pipe:0',
  ...liveMp3Output('pipe:1'),
];

/** Decodes a sound file to the broadcast's PCM (the attention tone), once. */
export async function decodeToPcm(ffmpeg: string, file: string): Promise<Buffer> {
  const p = spawn(ffmpeg, ['-hide_banner', '-nostdin', '-v', 'error', '-i', file, '-ac', '1', '-ar', String(LIVE_RATE), '-f', 's16le', 'pipe:1'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: Buffer[] = [];
  let err = '';
  p.stdout.on('data', (d: Buffer) => out.push(d));
  p.stderr.on('data', (d: Buffer) => void (err += d.toString()));
  const code = await new Promise<number | null>((resolve) => p.on('close', resolve));
  if (code !== 0) throw new Error(`ffmpeg could not decode ${file}: ${err.trim().slice(-300)}`);
  return Buffer.concat(out);
}

export type BroadcastResult = { file: string; bytes: number; durationMs: number };

const exited = (p: ChildProcess, ms: number) =>
  new Promise<void>((resolve) => {
    if (p.exitCode !== null || p.signalCode !== null) return resolve();
    const t = setTimeout(() => {
      p.kill('SIGKILL');
      resolve();
    }, ms);
    p.once('close', () => {
      clearTimeout(t);
      resolve();
    });
  });

export function startBroadcast(deps: {
  ffmpeg: string;
  hub: Pick<LiveHub, 'publish'>;
  feed: string;
  title: string;
  /** Where the MP3 as it went out is written. */
  recordingFile: string;
  clock: () => number;
  log?: Logger;
  /** The decoder or encoder failed: the broadcast cannot go on. */
  onFailure: (why: string) => void;
}) {
  const pcm: RelayPcm = createRelayPcm(LIVE_RATE);
  const publisher = deps.hub.publish(deps.feed, deps.title);
  const recording = fs.createWriteStream(deps.recordingFile);
  let recordingError: Error | null = null;
  recording.on('error', (e) => (recordingError = e));
  let frames = 0;
  let bytes = 0;
  let micOn = false;
  let ending = false;
  /** end() has begun: processes closing now are expected. */
  let stopping = false;
  /** When the last chunk of microphone WebM came. */
  let lastMicAt = deps.clock();

  const encoder = spawn(deps.ffmpeg, encoderArgs(), { stdio: ['pipe', 'pipe', 'pipe'] });
  const decoder = spawn(deps.ffmpeg, decoderArgs(), { stdio: ['pipe', 'pipe', 'pipe'] });
  let errs = '';
  for (const p of [encoder, decoder]) {
    p.stderr!.on('data', (d: Buffer) => void (errs = (errs + d.toString()).slice(-600)));
    p.stdin!.on('error', () => undefined);
    p.on('error', (e) => deps.onFailure(String(e)));
    p.on('close', (code) => {
      if (!stopping) deps.onFailure(`ffmpeg ${p === encoder ? 'encoder' : 'decoder'} exited ${code}: ${errs.trim().slice(-200)}`);
    });
  }
  const splitter = createFrameSplitter();
  encoder.stdout!.on('data', (chunk: Buffer) => {
    for (const f of splitter.push(chunk)) {
      frames++;
      bytes += f.length;
      publisher.write(f);
      recording.write(f);
    }
  });
  /** Audio that goes out: the zones' ring and the encoder (players, recording). */
  const out = (b: Buffer) => {
    if (b.length === 0 || ending) return;
    pcm.write(b);
    encoder.stdin!.write(b);
  };
  decoder.stdout!.on('data', (b: Buffer) => {
    if (micOn) out(b);
  });

  return {
    pcm,
    /** A chunk of the announcer's WebM. */
    mic(chunk: Buffer) {
      if (stopping) return;
      lastMicAt = deps.clock();
      decoder.stdin!.write(chunk);
    },
    lastMicAt: () => lastMicAt,
    /** Sends the tone out at real-time pace; resolves when the last of it is out. */
    async tone(samples: Buffer) {
      const start = deps.clock();
      let sent = 0;
      while (sent < samples.length && !ending) {
        const due = Math.min(samples.length, Math.round(((deps.clock() - start + TONE_CHUNK_MS) * BYTES_PER_MS) / 2) * 2);
        if (due > sent) {
          out(samples.subarray(sent, due));
          sent = due;
        }
        await new Promise((r) => setTimeout(r, TONE_CHUNK_MS / 2));
      }
      // Wait out the last chunk, so the voice does not overlap it.
      const left = start + samples.length / BYTES_PER_MS - deps.clock();
      if (left > 0 && !ending) await new Promise((r) => setTimeout(r, left));
    },
    /** From now on the microphone is on air. */
    voiceOn() {
      micOn = true;
    },
    /** Ends it: the last audio is encoded and written, the feed ends; answers the recording. */
    async end(): Promise<BroadcastResult> {
      // Stop taking the microphone, flush what was decoded, then let the encoder finish its last frames.
      stopping = true;
      decoder.stdin!.end();
      await exited(decoder, 1500);
      ending = true;
      encoder.stdin!.end();
      await exited(encoder, 3000);
      for (const p of [decoder, encoder]) if (p.exitCode === null) p.kill('SIGKILL');
      publisher.end();
      await new Promise<void>((resolve) => recording.end(() => resolve()));
      if (recordingError) deps.log?.error('live recording write failed', { err: recordingError, file: deps.recordingFile });
      return { file: deps.recordingFile, bytes, durationMs: Math.round((frames * SAMPLES_PER_FRAME * 1000) / LIVE_RATE) };
    },
    /** Kills everything at once (shutdown); the recording so far stays on disk. */
    kill() {
      stopping = true;
      ending = true;
      for (const p of [decoder, encoder]) if (p.exitCode === null) p.kill('SIGKILL');
      publisher.end();
      recording.end();
    },
  };
}
export type Broadcast = ReturnType<typeof startBroadcast>;
