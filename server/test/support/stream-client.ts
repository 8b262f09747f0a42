// Test clients of the zone streams: a raw HTTP listener that records the bytes it receives (or, paused,
// never reads them), and ffmpeg decoding of received MP3 to check it is the test source's tone.
import http from 'node:http';
import net from 'node:net';
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

/**
 * A raw TCP client that sends the request and never reads a byte, like a receiver that hangs (node's HTTP
 * client reads ahead even when paused). `closed` turns true once the server has ended the connection.
 */
export function openStuckStream(url: string) {
  const u = new URL(url);
  const socket = net.connect(Number(u.port), u.hostname);
  socket.pause();
  let closed = false;
  socket.on('close', () => (closed = true));
  socket.on('error', () => (closed = true));
  socket.write(`GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUser-Agent: stuck-receiver/1\r\n\r\n`);
  return {
    closed: () => closed,
    /** Starts reading (and throwing away) what was buffered, so a FIN the server sent is seen. */
    drain: () => socket.resume(),
    close: () => socket.destroy(),
  };
}

/** Opens a stream URL and records what it receives. */
export function openStream(url: string, headers: Record<string, string> = {}) {
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
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        n += c.length;
      });
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
