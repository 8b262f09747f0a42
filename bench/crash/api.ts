// HTTP for the crash test's staff clients: node:http, one connection per request (a killed server leaves no
// pooled socket behind), staff sessions as cookie + CSRF token. Every request first passes the gate, so
// nothing is sent while the server is down or while the checker reads the data directory. A request that
// never reached the server is `NotSent` (retry freely); one that was sent but got no answer is `NoAnswer`:
// the server may or may not have committed it, so the caller records both outcomes as possible.
import http from 'node:http';

export class NotSent extends Error {}
export class NoAnswer extends Error {}

/** Open while clients may talk to the server; closed from the kill until the checks after restart are done. */
export class Gate {
  private isOpen = false;
  private waiters: (() => void)[] = [];

  get open(): boolean {
    return this.isOpen;
  }

  openUp(): void {
    this.isOpen = true;
    for (const w of this.waiters.splice(0)) w();
  }

  close(): void {
    this.isOpen = false;
  }

  /** Resolves when the gate is open (at once if it is). */
  pass(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

export type Session = { username: string; password: string; cookie: string; csrf: string };
export type Reply<T = unknown> = { status: number; body: T };

export type ApiOptions = { base: string; gate: Gate; timeoutMs?: number; uploadBytesPerSec?: number };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const UPLOAD_CHUNK = 64 * 1024;

/** Resolves when the request can take more body, or is gone. */
function drained(req: http.ClientRequest): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      req.off('drain', done);
      req.off('close', done);
      resolve();
    };
    req.on('drain', done);
    req.on('close', done);
  });
}

export function createApi(opts: ApiOptions) {
  const base = new URL(opts.base);
  const timeoutMs = opts.timeoutMs ?? 60_000;
  /** Uploads whose body is being sent or whose answer is awaited. */
  let uploading = 0;

  /** Sends one request; `body` is written by `write` (paced uploads) or as a whole. */
  async function send(
    method: string,
    path: string,
    headers: Record<string, string>,
    write: (req: http.ClientRequest) => Promise<void>,
  ): Promise<Reply> {
    await opts.gate.pass();
    if (!opts.gate.open) throw new NotSent('gate closed');
    return new Promise<Reply>((resolve, reject) => {
      let connected = false;
      const req = http.request({ host: base.hostname, port: base.port, method, path, headers, agent: false, timeout: timeoutMs });
      req.on('socket', (s) => s.on('connect', () => (connected = true)));
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (!connected && err.code === 'ECONNREFUSED') reject(new NotSent(err.message));
        else reject(new NoAnswer(`${method} ${path}: ${err.message}`));
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', (err) => reject(new NoAnswer(`${method} ${path}: ${err.message}`)));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          if ((res.headers['content-type'] ?? '').includes('json') && text) {
            try {
              body = JSON.parse(text);
            } catch {
              body = text;
            }
          }
          resolve({ status: res.statusCode ?? 0, body });
        });
      });
      write(req).then(
        () => req.end(),
        (err: unknown) => req.destroy(err instanceof Error ? err : new Error(String(err))),
      );
    });
  }

  const authHeaders = (s: Session | null): Record<string, string> => (s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {});

  async function json<T = unknown>(session: Session | null, method: string, path: string, body?: unknown): Promise<Reply<T>> {
    const data = body === undefined ? null : Buffer.from(JSON.stringify(body));
    const headers: Record<string, string> = { ...authHeaders(session), accept: 'application/json' };
    if (data) {
      headers['content-type'] = 'application/json';
      headers['content-length'] = String(data.length);
    }
    return (await send(method, path, headers, async (req) => {
      if (data) req.write(data);
    })) as Reply<T>;
  }

  return {
    json,

    async login(username: string, password: string): Promise<Session> {
      const data = Buffer.from(JSON.stringify({ username, password }));
      let cookie = '';
      const r = await send('POST', '/api/session', { 'content-type': 'application/json', 'content-length': String(data.length) }, async (req) => {
        req.on('response', (res) => {
          const set = res.headers['set-cookie']?.[0];
          if (set) cookie = set.split(';')[0]!;
        });
        req.write(data);
      });
      if (r.status !== 200 || !cookie) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      return { username, password, cookie, csrf: (r.body as { csrfToken: string }).csrfToken };
    },

    uploadsInFlight: () => uploading,

    /** Streams a file at a bounded rate (a slow link), so that a kill can land in the middle of it. */
    async upload<T = unknown>(session: Session, bytes: Buffer, name: string): Promise<Reply<T>> {
      const rate = opts.uploadBytesPerSec ?? 8 * 1024 * 1024;
      const headers = {
        ...authHeaders(session),
        'content-type': 'application/octet-stream',
        'content-length': String(bytes.length),
        accept: 'application/json',
      };
      const path = `/api/media?name=${encodeURIComponent(name)}`;
      await opts.gate.pass();
      uploading++;
      try {
        return (await send('POST', path, headers, async (req) => {
          for (let at = 0; at < bytes.length; at += UPLOAD_CHUNK) {
            if (req.destroyed) return;
            const ok = req.write(bytes.subarray(at, at + UPLOAD_CHUNK));
            if (!ok) await drained(req);
            await sleep((UPLOAD_CHUNK / rate) * 1000);
          }
        })) as Reply<T>;
      } finally {
        uploading--;
      }
    },
  };
}
export type Api = ReturnType<typeof createApi>;
