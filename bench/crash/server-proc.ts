// The real server as a child process (`node --import tsx server/src/main.ts` unless told another command
// line) on a fixed data directory and port, so that it can be killed with SIGKILL and started again on the
// same data, as a supervisor would.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function healthy(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', agent: false, timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}

export class ServerProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  /** The last lines the server wrote, for failure messages. */
  readonly tail: string[] = [];
  /** Log lines at level error, over all runs. */
  errorLines = 0;

  constructor(
    private readonly opts: {
      dataDir: string;
      port: number;
      adminPassword: string;
      env?: Record<string, string>;
      /** Node's arguments; default: the TypeScript sources through tsx. */
      args?: string[];
      /** Where it runs; default: this repository. */
      cwd?: string;
    },
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    const child = spawn(process.execPath, this.opts.args ?? ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: this.opts.cwd ?? REPO_ROOT,
      env: {
        ...process.env,
        PORT: String(this.opts.port),
        HOST: '127.0.0.1',
        BANTIN_DATA_DIR: this.opts.dataDir,
        BANTIN_ADMIN_PASSWORD: this.opts.adminPassword,
        BANTIN_LOG_LEVEL: 'warn',
        BANTIN_LED_HOURS: 'always',
        ...this.opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    const keep = (line: string) => {
      this.tail.push(line);
      if (this.tail.length > 200) this.tail.shift();
      if (line.includes('"level":"error"')) {
        this.errorLines++;
        if (this.errorLines <= 5) process.stderr.write(`server error: ${line.slice(0, 500)}\n`);
      }
    };
    createInterface({ input: child.stdout! }).on('line', keep);
    createInterface({ input: child.stderr! }).on('line', keep);
  }

  /** Polls /healthz until it answers 200; returns when (ms, performance clock). */
  async waitReady(timeoutMs = 60_000): Promise<number> {
    const deadline = now() + timeoutMs;
    while (now() < deadline) {
      if (!this.running) throw new Error(`server exited (code ${this.child?.exitCode}, signal ${this.child?.signalCode})\n${this.tail.slice(-30).join('\n')}`);
      if (await healthy(this.opts.port)) return now();
      await sleep(20);
    }
    throw new Error(`server not ready within ${timeoutMs} ms\n${this.tail.slice(-30).join('\n')}`);
  }

  /** SIGKILL: no handler runs, nothing is flushed or closed. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (!this.running) return;
    this.child!.kill('SIGKILL');
    await this.exited;
  }

  /** A clean stop (SIGTERM), SIGKILL after 10 s. Returns the exit code, or null when it had to be killed. */
  async stop(): Promise<number | null> {
    if (!this.running) return this.child?.exitCode ?? null;
    this.child!.kill('SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(10_000).then(() => false)]);
    if (!done) await this.kill();
    return done ? this.child!.exitCode : null;
  }
}
