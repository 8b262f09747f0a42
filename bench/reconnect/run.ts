// Reconnect-storm bench (npm run bench:reconnect): a real bantin server with N paired devices (default
// 10,000) on a fixed loopback port, N simulated players over several client processes. Once every player has
// its timeline the server is killed with SIGKILL (a crash) and a new server process starts on the same data
// dir and port; every player reconnects on its own jittered backoff through the server's admission pacing.
// Measures how long after the new server listens the last player is back (has its timeline again) and
// counts server-side failures. Prints one JSON line.
// Env: BENCH_DEVICES (10000), BENCH_CLIENTS (4), BENCH_TIMEOUT_MS (300000), BENCH_PORT (a free one),
// BENCH_KINDS (led,led,led,kiosk,speaker), BENCH_HORIZON_DAYS (7), BENCH_RETRY_AFTER (1; 0 = ignore it),
// BENCH_DEFLATE (1; 0 = players do not offer bantin.deflate), BENCH_SIGNAL (SIGKILL; SIGTERM = a graceful
// stop instead of a crash), BENCH_DOWN_MS (0: how long to stay down before the restart, e.g. a reboot),
// BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof": extra node options of both servers).
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_DEVICES ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 300_000);
const SIGNAL = (process.env.BENCH_SIGNAL ?? 'SIGKILL') as NodeJS.Signals;
const DOWN_MS = Number(process.env.BENCH_DOWN_MS ?? 0);

type Msg = { type: string; [k: string]: unknown };
type Stats = {
  busy503: number;
  other5xx: number;
  otherStatus: Record<string, number>;
  attempts: number;
  opened: number;
  closes: number;
  refused: number;
  errorsAfterOpen: number;
  received: Record<string, number>;
};

/** File descriptors: the server holds N sockets, each client N/CLIENTS. `ulimit -n` is per process. */
function checkFdLimit() {
  let soft = Infinity;
  try {
    soft = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()) || Infinity;
  } catch {
    /* not a POSIX shell: trust the system */
  }
  const need = N + 1000;
  if (soft < need && !process.env.BENCH_REEXEC) {
    // Raise the soft limit up to the hard one for this process tree, then run again.
    const cmd = `ulimit -n $(ulimit -Hn) && exec "${process.execPath}" --import tsx "${fileURLToPath(import.meta.url)}"`;
    try {
      execFileSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, BENCH_REEXEC: '1' } });
      process.exit(0);
    } catch (err) {
      process.exit((err as { status?: number }).status ?? 1);
    }
  }
  if (soft < need) process.stderr.write(`warning: ulimit -n is ${soft}, ${need} wanted\n`);
}

async function freePort(): Promise<number> {
  if (process.env.BENCH_PORT) return Number(process.env.BENCH_PORT);
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Next message of `type` from a child; rejects if the child exits first. */
function next(child: ChildProcess, type: string, timeoutMs = TIMEOUT): Promise<Msg> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(t);
      child.off('message', on);
      child.off('exit', onExit);
    };
    const t = setTimeout(() => (done(), reject(new Error(`timeout waiting for ${type}`))), timeoutMs);
    const on = (m: Msg) => {
      if (m.type !== type) return;
      done();
      resolve(m);
    };
    const onExit = (code: number | null, signal: string | null) => (done(), reject(new Error(`${type}: child exited ${code ?? signal}`)));
    child.on('message', on);
    child.on('exit', onExit);
  });
}

/**
 * The server child. Its output is read line by line: at BANTIN_LOG_LEVEL=error every log line is an error,
 * and so is anything else on stderr (an uncaught exception's stack) except start()'s own banner.
 */
function startServer(env: NodeJS.ProcessEnv, args: string[]) {
  const extra = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(path.join(here, 'server.ts'), args, {
    execArgv: ['--import', 'tsx', ...extra],
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const errors: string[] = [];
  const banner = /^\s*$|^ {2}(bantin đang chạy|Bảng điều khiển|Trình phát|Đăng nhập)/;
  const collect = (stream: NodeJS.ReadableStream, name: string) =>
    readline.createInterface({ input: stream }).on('line', (line) => {
      if (name === 'stderr' && banner.test(line)) return;
      errors.push(line);
      if (errors.length <= 5) process.stderr.write(`server ${name}: ${line.slice(0, 300)}\n`);
    });
  collect(child.stdout!, 'stdout');
  collect(child.stderr!, 'stderr');
  const exit = { code: null as number | null, signal: null as string | null, exited: false };
  child.on('exit', (code, signal) => Object.assign(exit, { code, signal, exited: true }));
  return { child, errors, exit };
}

/** Peak resident set (VmHWM) and CPU seconds (utime + stime) of a process, from /proc (Linux). */
function procStats(pid: number): { peakRssMb: number; cpuS: number } {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    return { peakRssMb: Math.round(hwm / 1024), cpuS: round(ticks / 100) };
  } catch {
    return { peakRssMb: NaN, cpuS: NaN };
  }
}

/**
 * What staff would feel during the storm: GET /healthz (one query through the server's database queue)
 * every 250 ms, one at a time. Returns a stop function giving the latencies and the non-200 answers.
 */
function probeHealth(port: number) {
  const latencies: number[] = [];
  const failures: string[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t0 = now();
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(30_000) });
        await res.arrayBuffer();
        if (res.status === 200) latencies.push(now() - t0);
        else failures.push(String(res.status));
      } catch (err) {
        failures.push(err instanceof Error ? err.name : 'error');
      }
      await sleep(250);
    }
  })();
  return async () => {
    running = false;
    await loop;
    return { latencies, failures };
  };
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();

async function main() {
  checkFdLimit();
  const started = Date.now();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-reconnect-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    BANTIN_DATA_DIR: dataDir,
    BANTIN_ADMIN_PASSWORD: 'bench-password-1',
    BANTIN_HORIZON_DAYS: process.env.BENCH_HORIZON_DAYS ?? '7',
    BANTIN_LOG_LEVEL: 'error',
  };
  let first: ReturnType<typeof startServer> | null = null;
  let second: ReturnType<typeof startServer> | null = null;
  const clients: ChildProcess[] = [];
  try {
    // 1. First server: creates the data, then runs; every player connects and gets its timeline.
    first = startServer(env, ['--init', String(N)]);
    const ready1 = await next(first.child, 'ready', 900_000);
    const tokens = JSON.parse(fs.readFileSync(ready1.tokenFile as string, 'utf8')) as string[];
    const per = Math.ceil(N / CLIENTS);
    for (let i = 0; i < CLIENTS; i++)
      clients.push(
        fork(path.join(here, 'client.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }),
      );
    const c0 = now();
    await Promise.all(
      clients.map((c, i) => {
        c.send({ type: 'start', port, tokens: tokens.slice(i * per, (i + 1) * per) });
        return next(c, 'connected', TIMEOUT);
      }),
    );
    const coldConnectS = (now() - c0) / 1000;
    await sleep(2000);
    await Promise.all(clients.map((c) => (c.send({ type: 'arm' }), next(c, 'armed'))));

    // 2. The crash: SIGKILL (BENCH_SIGNAL), then a new process on the same data dir and port.
    const firstStats = procStats(first.child.pid!);
    const killedAt = now();
    first.child.kill(SIGNAL);
    await new Promise((r) => (first!.exit.exited ? r(null) : first!.child.once('exit', r)));
    await sleep(DOWN_MS);
    second = startServer(env, []);
    const ready2 = await next(second.child, 'ready', TIMEOUT).catch((err: unknown) => err as Error);
    if (ready2 instanceof Error) {
      // The restarted server never listened: it crashed or hung while starting. Nobody is back.
      process.stderr.write(`restarted server not ready: ${ready2.message}\n`);
      const exited = second.exit.exited ? 1 : 0;
      const out = {
        bench: 'reconnect',
        devices: N,
        all_back_s: null,
        server_errors: exited + second.errors.length + N,
        server_error_parts: { exited, error_log_lines: second.errors.length, never_back: N, not_ready: ready2.message },
        wall_s: Math.round((Date.now() - started) / 1000),
      };
      process.stdout.write(JSON.stringify(out) + '\n');
      return;
    }
    const readyAt = ready2.t as number;
    const cpuAtReady = procStats(second.child.pid!).cpuS;
    const stopProbe = probeHealth(port);

    // 3. The storm: poll the clients until every player is back or the timeout passes.
    const deadline = readyAt + TIMEOUT;
    let back: number[] = [];
    let down: number[] = [];
    let stats: Stats[] = [];
    let progress = 0;
    while (now() < deadline && !second.exit.exited) {
      await sleep(500);
      const reports = await Promise.all(clients.map((c) => (c.send({ type: 'report' }), next(c, 'report'))));
      back = reports.flatMap((r) => r.back as number[]);
      down = reports.flatMap((r) => r.down as number[]);
      stats = reports.map((r) => r.stats as Stats);
      if (back.length >= N) break;
      if (Math.floor((now() - readyAt) / 10_000) > progress) {
        progress = Math.floor((now() - readyAt) / 10_000);
        process.stderr.write(`storm: ${back.length}/${N} back after ${Math.round((now() - readyAt) / 1000)} s\n`);
      }
    }
    const endAt = now();
    const health = await stopProbe();
    const storm = procStats(second.child.pid!);
    // Errors a moment after the last player is back (its hello and heartbeat writes) still count.
    await sleep(2000);
    const sum = (k: keyof Omit<Stats, 'otherStatus' | 'received'>) => stats.reduce((n, s) => n + s[k], 0);
    const otherStatus: Record<string, number> = {};
    const received: Record<string, number> = {};
    for (const s of stats) for (const [k, v] of Object.entries(s.otherStatus)) otherStatus[k] = (otherStatus[k] ?? 0) + v;
    for (const s of stats) for (const [k, v] of Object.entries(s.received)) received[k] = (received[k] ?? 0) + v;
    const perDevice = back.map((t) => (t - readyAt) / 1000);
    const neverBack = N - back.length;
    const serverExited = second.exit.exited ? 1 : 0;
    const errorLines = second.errors.length;
    const other5xx = sum('other5xx');
    const out = {
      bench: 'reconnect',
      devices: N,
      all_back_s: neverBack === 0 ? round(Math.max(...perDevice)) : null,
      // A /healthz probe that fails (non-200 or no answer within 30 s) is the server failing staff.
      server_errors: serverExited + other5xx + errorLines + neverBack + health.failures.length,
      server_error_parts: {
        exited: serverExited,
        upgrade_5xx_not_admission: other5xx,
        error_log_lines: errorLines,
        never_back: neverBack,
        healthz_failures: health.failures.length,
      },
      back: back.length,
      healthz_p50_ms: round(pct(health.latencies, 50)),
      healthz_p99_ms: round(pct(health.latencies, 99)),
      healthz_max_ms: round(Math.max(...health.latencies)),
      admission_503: sum('busy503'),
      other_statuses: otherStatus,
      reconnect_p50_s: round(pct(perDevice, 50)),
      reconnect_p99_s: round(pct(perDevice, 99)),
      // From the crash: how long a player was without the server, including the restart itself.
      offline_p99_s: round(
        pct(
          back.map((t) => (t - killedAt) / 1000),
          99,
        ),
      ),
      signal: SIGNAL,
      down_ms: DOWN_MS,
      drops_seen: down.length,
      attempts_after_crash: sum('attempts'),
      opened_after_crash: sum('opened'),
      closes_seen: sum('closes'),
      socket_errors_after_open: sum('errorsAfterOpen'),
      received_after_crash: received,
      refused_while_down: sum('refused'),
      restart_s: round((readyAt - killedAt) / 1000),
      server_start_s: round((ready2.startMs as number) / 1000),
      server_peak_rss_mb: storm.peakRssMb,
      server_cpu_s_storm: round(storm.cpuS - cpuAtReady),
      first_server_peak_rss_mb: firstStats.peakRssMb,
      first_server_error_lines: first.errors.length,
      cold_connect_s: round(coldConnectS),
      kinds: process.env.BENCH_KINDS ?? 'led,led,led,kiosk,speaker',
      horizon_days: Number(env.BANTIN_HORIZON_DAYS),
      client_processes: CLIENTS,
      honour_retry_after: process.env.BENCH_RETRY_AFTER !== '0',
      deflate_offered: process.env.BENCH_DEFLATE !== '0',
      storm_measured_s: round((endAt - readyAt) / 1000),
      wall_s: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(JSON.stringify(out) + '\n');
  } finally {
    for (const c of clients) if (c.connected) c.send({ type: 'stop' });
    if (first && !first.exit.exited) first.child.kill('SIGKILL');
    if (second && !second.exit.exited) {
      second.child.kill('SIGTERM');
      await Promise.race([new Promise((r) => second!.child.once('exit', r)), sleep(10_000)]);
      if (!second.exit.exited) second.child.kill('SIGKILL');
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().then(
  () => sleep(300).then(() => process.exit(0)),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
