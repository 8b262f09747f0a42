// Listening to a stream in tests: decode MP3 with ffmpeg to PCM and tell, window by window, which of a few test
// tones dominates (Goertzel), or that it is silence. Streams carry tones made on purpose (440 Hz clip, 1 kHz alert).
import { spawn } from 'node:child_process';
import { ffmpegPath } from '../../src/media/tools/run-tool';

export const ANALYSIS_RATE = 8000;

/** Decodes MP3 (or any audio ffmpeg reads from a pipe) to mono s16le samples at ANALYSIS_RATE. */
export function decodeToPcm(audio: Buffer, inputFormat = 'mp3'): Promise<Int16Array> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpegPath, ['-hide_banner', '-v', 'error', '-f', inputFormat, '-i', 'pipe:0', '-ac', '1', '-ar', String(ANALYSIS_RATE), '-f', 's16le', 'pipe:1']);
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.stdin.on('error', () => undefined);
    p.on('error', reject);
    p.on('close', (code) => {
      if (code !== 0) return reject(new Error(`decode failed: ${err}`));
      const b = Buffer.concat(out);
      resolve(new Int16Array(b.buffer, b.byteOffset, Math.floor(b.length / 2)));
    });
    p.stdin.end(audio);
  });
}

/** Goertzel power of one frequency over a window of samples, normalised by the window length. */
export function tonePower(samples: ArrayLike<number>, from: number, to: number, hz: number, rate = ANALYSIS_RATE): number {
  const k = 2 * Math.cos((2 * Math.PI * hz) / rate);
  let s1 = 0;
  let s2 = 0;
  for (let i = from; i < to; i++) {
    const s0 = samples[i]! + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const n = Math.max(1, to - from);
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n);
}

/**
 * The dominant frequency among `candidates` per window of `windowMs`, or 0 for silence (RMS below `silenceRms`).
 * The window index i covers [i·windowMs, (i+1)·windowMs) from the first sample.
 */
export function dominantTones(samples: Int16Array, candidates: readonly number[], windowMs = 1000, silenceRms = 200): number[] {
  const size = Math.round((ANALYSIS_RATE * windowMs) / 1000);
  const out: number[] = [];
  for (let from = 0; from + size <= samples.length; from += size) {
    let sq = 0;
    for (let i = from; i < from + size; i++) sq += samples[i]! * samples[i]!;
    if (Math.sqrt(sq / size) < silenceRms) {
      out.push(0);
      continue;
    }
    let best = candidates[0]!;
    let bestPower = -1;
    for (const hz of candidates) {
      const p = tonePower(samples, from, from + size, hz);
      if (p > bestPower) {
        best = hz;
        bestPower = p;
      }
    }
    out.push(best);
  }
  return out;
}
