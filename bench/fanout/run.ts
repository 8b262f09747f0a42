// Fan-out bench (npm run bench:fanout): N simulated devices (default 10,000) over several client processes
// connect to a real bantin server on loopback. Measures alert POST → alert.v1 and schedule change → new
// timeline.v2 latency at every device, the server's RSS per connected device, and — in the same run, to the
// same clients — a bare `ws` server broadcasting the same bytes. Prints one JSON line.
// Each measurement runs BENCH_ROUNDS times (3) and each figure is the median over the rounds, on both sides:
// one p99 of 10,000 deliveries on a shared 2-core machine swings by 2× from one broadcast to the next.
// Env: BENCH_DEVICES (10000), BENCH_CLIENTS (4), BENCH_TIMEOUT_MS (120000), BENCH_KINDS (led,led,led,kiosk,speaker),
// BENCH_ROUNDS (3).
import { fork, type ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const N = Number(process.env.BENCH_DEVICES ?? 10_000);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const TIMEOUT = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

type Msg = { type: string; [k: string]: unknown };

/** File descriptors: the server holds N sockets, each client 2·N/CLIENTS. `ulimit -n` is per process. */
function checkFdLimit() {
  let soft = Infinity;
  try {
    soft = Number(execFileSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).trim()) || Infinity;
  } catch {
    /* not a POSIX shell: trust the system */
  }
  const need = Math.max(N, (2 * N) / CLIENTS) + 1000;
  if (soft < need && !process.env.BENCH_REEXEC) {
    // Raise the soft limit up to the hard one for this process tree, then run again.
    const cmd = `ulimit -n $(ulimit -Hn) && exec "${process.execPath}" --import tsx "${fileURLToPath(import.meta.url)}"`;
    execFileSync('sh', ['-c', cmd], { stdio: 'inherit', env: { ...process.env, BENCH_REEXEC: '1' } });
    process.exit(0);
  }
  if (soft < need) process.stderr.write(`warning: ulimit -n is ${soft}, ${need} wanted\n`);
}

/** Every child, so that a failed run does not leave a server or clients behind. */
const children: ChildProcess[] = [];
function start(file: string, args: string[] = [], execArgv: string[] = []): ChildProcess {
  return track(fork(path.join(here, file), args, { execArgv: ['--import', 'tsx', ...execArgv], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
}
function track(c: ChildProcess) {
  children.push(c);
  return c;
}

/** Next message of `type` from a child. */
function next(child: ChildProcess, type: string, timeoutMs = TIMEOUT): Promise<Msg> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`timeout waiting for ${type}`)), timeoutMs);
    const on = (m: Msg) => {
      if (m.type !== type) return;
      clearTimeout(t);
      child.off('message', on);
      resolve(m);
    };
    child.on('message', on);
    child.once('exit', (code) => code && reject(new Error(`${type}: child exited ${code}`)));
  });
}

const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  checkFdLimit();
  const started = Date.now();
  const server = start('server.ts', [String(N)], ['--expose-gc']);
  const bare = start('bare.ts');
  const ready = await next(server, 'ready', 600_000);
  const bareReady = await next(bare, 'ready');
  const tokens = JSON.parse(fs.readFileSync(ready.tokenFile as string, 'utf8')) as string[];
  server.send({ type: 'rss' });
  const mem0 = await next(server, 'rss');

  const clients = Array.from({ length: CLIENTS }, () => start('client.ts'));
  const per = Math.ceil(N / CLIENTS);
  await Promise.all(
    clients.map((c, i) => {
      c.send({ type: 'start', port: ready.port, barePort: bareReady.port, tokens: tokens.slice(i * per, (i + 1) * per) });
      return next(c, 'connected', 600_000);
    }),
  );
  await sleep(1000);
  server.send({ type: 'rss' });
  const rss1 = await next(server, 'rss');

  let reconnects = 0;
  /** Timeline frames the clients inflated and unpacked in full between phases (one in 50). */
  let verified = 0;
  const times = async (phase: string, trigger: () => Promise<Msg>) => {
    await Promise.all(clients.map((c) => (c.send({ type: 'phase', phase }), next(c, 'phase'))));
    const info = await trigger();
    const deadline = Date.now() + TIMEOUT;
    let got: number[] = [];
    while (Date.now() < deadline) {
      await sleep(500);
      const reports = await Promise.all(clients.map((c) => (c.send({ type: 'report' }), next(c, 'report'))));
      got = reports.flatMap((r) => ((r.got as Record<string, number[]>)[phase] ?? []));
      reconnects = reports.reduce((n, r) => n + (r.reconnects as number), 0);
      verified = reports.reduce((n, r) => n + (r.verified as number), 0);
      if (got.length >= N) break;
    }
    return { info, latencies: got.map((t) => t - (info.t0 as number)) };
  };

  const settle = async () => {
    server.send({ type: 'settle' });
    await next(server, 'settled');
    await sleep(1000);
  };
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  type Round = { info: Msg; latencies: number[] };
  const alerts: Round[] = [];
  const timelines: Round[] = [];
  const bareAlerts: Round[] = [];
  const bareTimelines: Round[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    alerts.push(await times(`alert#${r}`, () => (server.send({ type: 'alert' }), next(server, 'alert'))));
    await settle();
    timelines.push(await times(`timeline#${r}`, () => (server.send({ type: 'schedule', round: r }), next(server, 'schedule'))));
    await settle();
    const alertBytes = 'x'.repeat(alerts[r]!.info.bytes as number);
    bareAlerts.push(await times(`bare-alert#${r}`, () => (bare.send({ type: 'broadcast', payload: alertBytes }), next(bare, 'broadcast'))));
    bareTimelines.push(await times(`bare-timeline#${r}`, () => (bare.send({ type: 'broadcast', binary: timelines[r]!.info.frame as string }), next(bare, 'broadcast'))));
  }
  const p = (rounds: Round[], q: number) => median(rounds.map((x) => pct(x.latencies, q)));
  const timeline = { info: timelines.at(-1)!.info };

  for (const c of [...clients, server, bare]) c.send({ type: 'stop' });
  const bareP99 = p(bareAlerts, 99);
  const bareTlP99 = p(bareTimelines, 99);
  const alertP99 = p(alerts, 99);
  const timelineP99 = p(timelines, 99);
  const out = {
    bench: 'fanout',
    devices: N,
    connected: rss1.connected,
    alert_p50_ms: round(p(alerts, 50)),
    alert_p99_ms: round(alertP99),
    alert_received: Math.min(...alerts.map((x) => x.latencies.length)),
    timeline_p50_ms: round(p(timelines, 50)),
    timeline_p99_ms: round(timelineP99),
    timeline_received: Math.min(...timelines.map((x) => x.latencies.length)),
    timeline_recompile_and_send_ms: round(median(timelines.map((x) => x.info.recompileAndSendMs as number))),
    // From the change to the first / the last timeline handed to the hub: compile + store, then the send loop.
    timeline_first_push_ms: round(median(timelines.map((x) => x.info.firstPushMs as number))),
    timeline_last_push_ms: round(median(timelines.map((x) => x.info.lastPushMs as number))),
    bare_p99_ms: round(bareP99),
    bare_timeline_bytes_p99_ms: round(bareTlP99),
    alert_ratio: round(alertP99 / bareP99),
    timeline_ratio: round(timelineP99 / bareP99),
    timeline_ratio_same_bytes: round(timelineP99 / bareTlP99),
    // What the bare ws server itself scores on timeline_ratio: the floor set by the timeline's size alone.
    bare_timeline_ratio: round(bareTlP99 / bareP99),
    rss_kb_per_device: round(((rss1.rss as number) - (mem0.rss as number)) / 1024 / Math.max(1, rss1.connected as number)),
    // RSS keeps pages the start-up compile freed, so it can under-count; JS heap + external after GC does not.
    heap_kb_per_device: round(((rss1.heap as number) - (mem0.heap as number)) / 1024 / Math.max(1, rss1.connected as number)),
    // The frame on the wire (packed timeline.v2, raw DEFLATE), the same message as text, and as timeline.v1 was.
    timeline_bytes: Buffer.from(timeline.info.frame as string, 'base64').length,
    timeline_text_bytes: timeline.info.textBytes,
    timeline_v1_bytes: timeline.info.v1Bytes,
    kinds: process.env.BENCH_KINDS ?? 'led,led,led,kiosk,speaker',
    client_processes: CLIENTS,
    rounds: ROUNDS,
    // Every round's p99, to show the spread behind the medians.
    rounds_p99_ms: {
      alert: alerts.map((x) => round(pct(x.latencies, 99))),
      timeline: timelines.map((x) => round(pct(x.latencies, 99))),
      bare: bareAlerts.map((x) => round(pct(x.latencies, 99))),
      bare_timeline_bytes: bareTimelines.map((x) => round(pct(x.latencies, 99))),
    },
    socket_closes_seen: reconnects,
    timeline_frames_verified: verified,
    wall_s: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(JSON.stringify(out) + '\n');
  await sleep(500);
  process.exit(0);
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  for (const c of children) c.kill('SIGKILL');
  process.exit(1);
});
