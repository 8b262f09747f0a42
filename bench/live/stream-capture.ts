// A zone's MP3 stream as an IP receiver gets it (GET /stream/<slug>.mp3?token=…, on loopback), kept with the
// arrival time (Date.now()) of every chunk of bytes, and decoded two ways:
//  - bytes: after the run, the whole capture is decoded at once; decoded sample s belongs to MP3 frame
//    ⌊s / 1152⌋ (aligned from the end, in case the decoder dropped frames at the start), and is dated by the
//    arrival of the chunk holding that frame's last byte: when a receiver with no buffer of its own could have
//    decoded it;
//  - decoded: the bytes also go, as they arrive, into an ffmpeg decoder (no probing, no input buffering) whose
//    PCM is dated when Node reads it: that decoder's own delay is included.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { ffmpegPath } from '../../server/src/media/tools/run-tool';
import { createFrameSplitter } from '../../server/src/streams/mp3-frames';
import { createOnsetDetector, s16Reader, type Onset } from './onsets';

const RATE = 44_100;
const SAMPLES_PER_FRAME = 1152;

export type StreamCapture = ReturnType<typeof captureStream>;

/** Decodes MP3 bytes to mono float PCM at `rate`. */
export function decodeMp3(mp3: Buffer, rate = RATE): Promise<Float32Array> {
  return new Promise((resolve, reject) => {
    const p = spawn(ffmpegPath, ['-hide_banner', '-nostdin', '-v', 'error', '-f', 'mp3', '-i', 'pipe:0', '-ac', '1', '-ar', String(rate), '-f', 's16le', 'pipe:1']);
    const out: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.stdin.on('error', () => undefined);
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(s16Reader()(Buffer.concat(out))) : reject(new Error(`decode failed: ${err}`))));
    p.stdin.end(mp3);
  });
}

export function captureStream(url: string, opts: { realtimeDecode: boolean }) {
  const chunks: { at: number; buf: Buffer }[] = [];
  let status = 0;
  let decoder: ChildProcess | null = null;
  const live = createOnsetDetector(RATE);
  if (opts.realtimeDecode) {
    decoder = spawn(
      ffmpegPath,
      ['-hide_banner', '-nostdin', '-v', 'error', '-fflags', '+nobuffer', '-probesize', '32', '-analyzeduration', '0', '-f', 'mp3', '-i', 'pipe:0', '-ac', '1', '-ar', String(RATE), '-f', 's16le', '-flush_packets', '1', 'pipe:1'],
      { stdio: ['pipe', 'pipe', 'ignore'] },
    );
    const read = s16Reader();
    decoder.stdout!.on('data', (b: Buffer) => live.push(read(b), Date.now()));
    decoder.stdin!.on('error', () => undefined);
  }
  const req = http.get(url, { agent: false }, (res) => {
    status = res.statusCode ?? 0;
    res.on('data', (b: Buffer) => {
      chunks.push({ at: Date.now(), buf: b });
      decoder?.stdin!.write(b);
    });
  });
  req.on('error', () => undefined);

  return {
    chunks,
    status: () => status,
    bytes: () => chunks.reduce((n, c) => n + c.buf.length, 0),
    /** Onsets found by the real-time decoder, dated when its PCM came out. */
    decodedOnsets: (): Onset[] => live.onsets.map(({ at, hz, purity }) => ({ at, hz, purity })),
    /**
     * The capture decoded at once: PCM at `rate` and, for each sample, when its frame's bytes had all arrived.
     * `from` keeps only the chunks that arrived after it (the first chunk kept starts at a frame: the server
     * sends whole frames).
     */
    async decoded(rate = RATE, from = 0) {
      const kept = chunks.filter((c) => c.at >= from);
      const all = Buffer.concat(kept.map((c) => c.buf));
      const frames = createFrameSplitter().push(all);
      // Arrival of each frame's last byte.
      const frameAt: number[] = [];
      let ci = 0;
      let chunkEnd = kept[0]?.buf.length ?? 0;
      for (const f of frames) {
        // push() of one whole buffer answers views into it: where each frame ends in `all`.
        const end = f.byteOffset - all.byteOffset + f.length;
        while (chunkEnd < end && ci + 1 < kept.length) chunkEnd += kept[++ci]!.buf.length;
        frameAt.push(kept[ci]!.at);
      }
      const pcm = await decodeMp3(all, rate);
      const perFrame = (SAMPLES_PER_FRAME * rate) / RATE;
      // Decoded samples beyond what the frames hold (or missing ones) are taken off the start.
      const shift = frames.length * perFrame - pcm.length;
      const arrival = (sample: number) => frameAt[Math.max(0, Math.min(frameAt.length - 1, Math.floor((sample + shift) / perFrame)))] ?? NaN;
      return { pcm, rate, frames: frames.length, shiftSamples: shift, arrival };
    },
    /**
     * Onsets of the capture decoded at once, dated by the arrival of their bytes; and, for each, whether the beep
     * has a hole: a 5 ms window between 10 and 135 ms after its onset whose RMS is under a quarter of the beep's
     * median (the beep lasts 150 ms at the microphone).
     */
    async byteOnsets(): Promise<{ onsets: (Onset & { gap: boolean })[]; frames: number; shiftSamples: number }> {
      const d = await this.decoded();
      const det = createOnsetDetector(d.rate);
      det.push(d.pcm, null);
      const win = Math.round(d.rate * 0.005);
      const gap = (at: number) => {
        const rms: number[] = [];
        for (let w = at + 2 * win; w + win <= Math.min(d.pcm.length, at + 27 * win); w += win) {
          let sq = 0;
          for (let i = w; i < w + win; i++) sq += d.pcm[i]! * d.pcm[i]!;
          rms.push(Math.sqrt(sq / win));
        }
        const median = [...rms].sort((a, b) => a - b)[rms.length >> 1] ?? 0;
        return rms.some((r) => r < median / 4);
      };
      return {
        onsets: det.onsets.map((o) => ({ at: d.arrival(o.sample), hz: o.hz, purity: o.purity, gap: gap(o.sample) })),
        frames: d.frames,
        shiftSamples: d.shiftSamples,
      };
    },
    stop() {
      req.destroy();
      decoder?.stdin!.end();
      decoder?.kill('SIGKILL');
    },
  };
}
