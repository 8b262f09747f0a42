// Test clients of the zone streams: a raw HTTP listener that records the bytes it receives (or, paused,
// never reads them), and ffmpeg decoding of received MP3 to check it is the test source's tone.
import http from 'node:http';
import { spawn } from 'node:child_process';
import { FFMPEG } from './tone-zone-source';

export type StreamListenerClient = {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: () => Buffer;
  received: () => number;
  closed: () => boolean;
  /** Resolves when the server ended the connection (or after timeoutMs, false). */
  waitClosed: (timeoutMs: number) => Promise<boolean>;
  close: () => void;
};

/** Opens a stream URL; with `paused` the client never reads, like a receiver that hangs. */
export function openStream(url: string, headers: Record<string, string> = {}, opts: { paused?: boolean } = {}) {
  return new Promise<StreamListenerClient>((resolve, reject) => {
    const req = http.get(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      let n = 0;
      let ended = false;
      const waiters: (() => void)[] = [];
      const end = () => {
        ended = true;
        for (const w of waiters.splice(0)) w();
      };
      res.on('close', end);
      res.on('error', end);
      req.on('close', end);
      if (opts.paused) {
        res.pause();
        // Keep the kernel's receive buffer small: the socket is never read.
        res.socket.pause();
      } else {
        res.on('data', (c: Buffer) => {
          chunks.push(c);
          n += c.length;
        });
      }
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        bytes: () => Buffer.concat(chunks),
        received: () => n,
        closed: () => ended,
        waitClosed: (timeoutMs) =>
          ended
            ? Promise.resolve(true)
            : new Promise((r) => {
                const t = setTimeout(() => r(false), timeoutMs);
                waiters.push(() => {
                  clearTimeout(t);
                  r(true);
                });
              }),
        close: () => req.destroy(),
      });
    });
    req.on('error', reject);
  });
}

/** Decodes MP3 bytes with ffmpeg: the PCM (mono s16le, 44.1 kHz) and ffmpeg's error output. */
export function decodeMp3(mp3: Buffer): Promise<{ pcm: Buffer; code: number; errors: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-f', 'mp3', '-i', 'pipe:0', '-f', 's16le', '-ac', '1', '-ar', '44100', 'pipe:1']);
    const out: Buffer[] = [];
    let errors = '';
    p.stdout.on('data', (c: Buffer) => out.push(c));
    p.stderr.on('data', (c: Buffer) => (errors += c.toString()));
    p.on('error', reject);
    p.on('close', (code) => resolve({ pcm: Buffer.concat(out), code: code ?? -1, errors }));
    p.stdin.on('error', () => undefined);
    p.stdin.end(mp3);
  });
}

/** The dominant frequency of mono s16le PCM, from its rate of upward zero crossings. */
export function toneFrequency(pcm: Buffer, sampleRate = 44100): number {
  let ups = 0;
  let prev = 0;
  const samples = Math.floor(pcm.length / 2);
  for (let i = 0; i < samples; i++) {
    const s = pcm.readInt16LE(i * 2);
    if (prev < 0 && s >= 0) ups++;
    prev = s;
  }
  return ups / (samples / sampleRate);
}
