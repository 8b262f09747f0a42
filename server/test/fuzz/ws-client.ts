// A WebSocket client for fuzzing: records every frame it receives (text or not, JSON or not) and how the
// connection closed, can wait for a condition, and can write raw bytes under the WebSocket framing.
import type { Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';

export type Received = { text: string; json: { type?: unknown; code?: unknown; message?: unknown; id?: unknown } | null };

export class FuzzSocket {
  readonly inbox: Received[] = [];
  closed: { code: number; reason: string } | null = null;
  pongs = 0;
  private waiters = new Set<() => void>();

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => {
      const text = Buffer.isBuffer(d) ? d.toString('utf8') : String(d);
      let json: Received['json'] = null;
      try {
        json = JSON.parse(text) as Received['json'];
      } catch {
        json = null;
      }
      this.inbox.push({ text, json });
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    ws.on('pong', () => {
      this.pongs++;
      this.wake();
    });
    // A refused or cut connection must not throw in the test process.
    ws.on('error', () => this.wake());
  }

  static open(url: string, protocols: string[] = [], headers: Record<string, string> = {}): Promise<FuzzSocket> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, protocols, { headers });
      const s = new FuzzSocket(ws);
      ws.once('open', () => resolve(s));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves true as soon as `done()` holds (checked on every frame, close and pong), false after timeoutMs. */
  waitFor(done: () => boolean, timeoutMs = 3000): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const check = () => {
        if (!done()) return;
        finish(true);
      };
      const finish = (v: boolean) => {
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(v);
      };
      const timer = setTimeout(() => finish(done()), timeoutMs);
      this.waiters.add(check);
    });
  }

  /** Sends a ping and waits for the pong: the server's socket is alive and reading. */
  pingPong(timeoutMs = 2000): Promise<boolean> {
    const before = this.pongs;
    this.ws.ping();
    return this.waitFor(() => this.pongs > before, timeoutMs);
  }

  /** Writes bytes straight to the TCP socket, under ws's framing (for frames ws itself would never send). */
  writeRaw(bytes: Buffer) {
    (this.ws as unknown as { _socket: Socket })._socket.write(bytes);
  }

  terminate() {
    this.ws.terminate();
  }
}

/** One client → server frame: FIN + opcode byte, masked payload (unless `mask` is false), honest length. */
export function clientFrame(first: number, payload: Buffer, opts: { mask?: boolean; length?: Buffer } = {}): Buffer {
  const mask = opts.mask ?? true;
  const n = payload.length;
  const len = opts.length ?? (n < 126 ? Buffer.from([n]) : n < 65536 ? Buffer.from([126, n >> 8, n & 255]) : Buffer.concat([Buffer.from([127, 0, 0, 0, 0]), Buffer.from([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255])]));
  if (!mask) return Buffer.concat([Buffer.from([first]), len, payload]);
  const key = randomBytes(4);
  const masked = Buffer.from(payload.map((b, i) => b ^ key[i % 4]!));
  const lenMasked = Buffer.from(len);
  lenMasked[0] = lenMasked[0]! | 0x80;
  return Buffer.concat([Buffer.from([first]), lenMasked, key, masked]);
}
