// End-to-end harness: runs the real bantin server as a child process in a fresh data directory and
// launches Debian's Chromium through playwright-core. Browser tests are mandatory in CI (CI=true):
// a missing Chromium fails there; on a developer machine the browser tier is skipped with a loud warning.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const IN_CI = process.env.CI === 'true';

/** True when the browser tier cannot run here; use with `describe.skipIf(skipBrowserTests)`. */
export const skipBrowserTests = !IN_CI && !existsSync(CHROMIUM_PATH);

if (skipBrowserTests) {
  const bar = '#'.repeat(78);
  console.warn(
    [
      '',
      bar,
      '#  BROWSER TESTS SKIPPED: no Chromium at ' + CHROMIUM_PATH,
      '#  The end-to-end tier (e2e/**/*.e2e.test.ts) did NOT run.',
      '#  Install it (apt-get install chromium) or set CHROMIUM_PATH. In CI (CI=true) this is an error.',
      bar,
      '',
    ].join('\n'),
  );
}

/** A loopback port free right now: for a server that must come back on the same address after a stop. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  adminPassword: string;
  /** Everything the server wrote, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartServerOptions {
  adminPassword?: string;
  env?: Record<string, string>;
  /** How long to wait for the "listening" log line. */
  timeoutMs?: number;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** Starts `node --import tsx server/src/main.ts` on a random port with a fresh temp data dir. */
export async function startServer(opts: StartServerOptions = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bantin-e2e-'));
  const adminPassword = opts.adminPassword ?? `e2e-${randomBytes(9).toString('base64url')}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BANTIN_DATA_DIR: dataDir,
      BANTIN_ADMIN_PASSWORD: adminPassword,
      // Browser tests run at any hour: new LED screens are always on unless a test says otherwise.
      BANTIN_LED_HOURS: 'always',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((done, fail) => {
      const timer = setTimeout(
        () => fail(new Error(`server did not log "listening" within ${opts.timeoutMs ?? 90_000} ms`)),
        opts.timeoutMs ?? 90_000,
      );
      child.once('exit', (code, signal) => fail(new Error(`server exited early (code ${code}, signal ${signal})`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        log.push(line + '\n');
        let entry: { msg?: unknown; port?: unknown } | null = null;
        try {
          entry = JSON.parse(line) as { msg?: unknown; port?: unknown };
        } catch {
          return; // not a JSON log line
        }
        if (entry?.msg === 'listening' && typeof entry.port === 'number') {
          clearTimeout(timer);
          done(entry.port);
        }
      });
    });
    return { url: `http://127.0.0.1:${port}`, port, dataDir, adminPassword, output: () => log.join(''), stop };
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n--- server output ---\n${log.join('')}`);
  }
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

/** Launches Debian's Chromium (or CHROMIUM_PATH) with CHROMIUM_ARGS plus `args` (e.g. a fake microphone). Throws when it is missing. */
export async function launchBrowser(args: readonly string[] = []): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: browser tests are mandatory${IN_CI ? ' in CI' : ''}. ` +
        'Install it (apt-get install chromium) or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS, ...args] });
}
