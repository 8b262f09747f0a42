// Zone streams bench (npm run bench:streams): BENCH_ZONES stream zones (50) encoded by a real bantin server
// on loopback, BENCH_LISTENERS receivers' connections (500) spread over them; then the same listeners served
// by a real Icecast 2 (Debian's icecast2) fed with one zone's stream, in the same run. Prints one JSON line:
//   cpu_pct_per_zone             the server's CPU (node + its ffmpeg encoders) with no listener, per zone, in %
//                                of one core
//   rss_kb_per_listener          the server process's resident memory added by the listeners, per listener
//   alert_cutin_p50/p99_ms       alert POST → the first attention-tone window (250 ms) in the decoded stream at a
//                                listener (BENCH_ROUNDS alerts × 10 sampled listeners, with every listener on)
//   cpu_per_listener_ratio_vs_icecast  the CPU each listener adds to bantin's server process (the fan-out) ÷
//                                the CPU each adds to Icecast
// Env: BENCH_ZONES (50), BENCH_LISTENERS (500), BENCH_ROUNDS (6), BENCH_MEASURE_S (15).
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processTree } from '../proc-tree';
import { startIcecast } from '../../server/test/support/icecast';
import { decodeToPcm, dominantTones } from '../../server/test/support/tones';

const here = path.dirname(fileURLToPath(import.meta.url));
const ZONES = Number(process.env.BENCH_ZONES ?? 50);
const LISTENERS = Number(process.env.BENCH_LISTENERS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const MEASURE_MS = Number(process.env.BENCH_MEASURE_S ?? 15) * 1000;
const SAMPLED = Math.min(10, ZONES);
const WINDOW_MS = 250;
const ATTENTION_HZ = 780;
const BYTES_PER_S = (64 * 1000) / 8;
const TICK_MS = 10; // USER_HZ = 100 on Linux
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Ready = { op: 'ready'; base: string; zones: { groupId: number; mp3Path: string }[]; encoders: number };

/** CPU time (ms) used so far by a process and (with `tree`) its descendants. */
function cpuMs(pid: number, tree: boolean): number {
  let ticks = 0;
  for (const p of tree ? processTree(pid) : [{ pid }]) {
    try {
      const stat = fs.readFileSync(`/proc/${p.pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(f[11]) + Number(f[12]); // utime, stime
    } catch {
      /* ended meanwhile */
    }
  }
  return ticks * TICK_MS;
}
const rssKb = (pid: number) => processTree(pid)[0]?.rssKb ?? 0;

/** CPU over the next `ms`, in % of one core: of the process alone, and of it with its descendants. */
async function cpuPct(pid: number, ms = MEASURE_MS): Promise<{ own: number; tree: number }> {
  const a = [cpuMs(pid, false), cpuMs(pid, true)];
  const t0 = Date.now();
  await sleep(ms);
  const dt = Date.now() - t0;
  return { own: ((cpuMs(pid, false) - a[0]!) / dt) * 100, tree: ((cpuMs(pid, true) - a[1]!) / dt) * 100 };
}

type Listener = { req: http.ClientRequest; bytes: number; capture: { at: number; n: number; chunk: Buffer }[] | null };
function listen(url: string): Listener {
  const l: Listener = { req: null as never, bytes: 0, capture: null };
  l.req = http.get(url, { agent: false }, (res) => {
    res.on('data', (b: Buffer) => {
      if (l.capture) l.capture.push({ at: Date.now(), n: l.bytes, chunk: b });
      l.bytes += b.length;
    });
  });
  l.req.on('error', () => undefined);
  return l;
}

/** When the first attention-tone window of a capture arrived: its byte offset (CBR) mapped to the chunk holding it. */
async function toneArrival(capture: { at: number; n: number; chunk: Buffer }[]): Promise<number | null> {
  if (capture.length === 0) return null;
  const tones = dominantTones(await decodeToPcm(Buffer.concat(capture.map((c) => c.chunk))), [440, ATTENTION_HZ, 1000], WINDOW_MS);
  const i = tones.indexOf(ATTENTION_HZ);
  if (i < 0) return null;
  const offset = capture[0]!.n + (i * WINDOW_MS * BYTES_PER_S) / 1000;
  return capture.find((c) => c.n + c.chunk.length > offset)?.at ?? null;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
};

const children: ChildProcess[] = [];
process.on('exit', () => children.forEach((c) => c.kill('SIGKILL')));

async function main() {
  const server = fork(path.join(here, 'server.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, BENCH_ZONES: String(ZONES) } });
  children.push(server);
  const next = <T>(op: string) => new Promise<T>((resolve) => server.on('message', function on(m: { op: string }) { if (m.op === op) { server.off('message', on); resolve(m as T); } }));
  const ready = await next<Ready>('ready');
  const pid = server.pid!;
  process.stderr.write(`bench:streams: ${ready.zones.length} zones, ${ready.encoders} encoder processes\n`);
  await sleep(3000);

  const idleCpu = await cpuPct(pid);
  const rss0 = rssKb(pid);
  const listeners = Array.from({ length: LISTENERS }, (_, i) => listen(`http://${ready.base}${ready.zones[i % ready.zones.length]!.mp3Path}`));
  await sleep(5000);
  const connected = listeners.filter((l) => l.bytes > 0).length;
  const busyCpu = await cpuPct(pid);
  const rss500 = rssKb(pid);

  const cutins: number[] = [];
  const sampled = listeners.slice(0, SAMPLED);
  for (let r = 0; r < ROUNDS; r++) {
    for (const l of sampled) l.capture = [];
    server.send({ op: 'alert' });
    const { postedAt } = await next<{ postedAt: number }>('alerted');
    await sleep(4000);
    for (const l of sampled) {
      const at = await toneArrival(l.capture!);
      if (at !== null) cutins.push(at - postedAt);
    }
    for (const l of sampled) l.capture = null;
    server.send({ op: 'cancel' });
    await next('cancelled');
    await sleep(2500);
  }
  for (const l of listeners) l.req.destroy();

  // The same listeners on a real Icecast 2, fed with one zone's stream as its source (an HTTP PUT of the bytes).
  const ice = await startIcecast({ clients: LISTENERS + 50 });
  const mount = '/zone-1.mp3';
  const feed = http.request({ host: '127.0.0.1', port: ice.port, path: mount, method: 'PUT', auth: `source:${ice.sourcePassword}`, headers: { 'content-type': 'audio/mpeg', 'ice-public': '0' } });
  feed.on('error', () => undefined);
  const sourceReq = http.get(`http://${ready.base}${ready.zones[0]!.mp3Path}`, { agent: false }, (res) => res.pipe(feed));
  sourceReq.on('error', () => undefined);
  await sleep(3000);
  const iceCpu0 = await cpuPct(ice.pid);
  const iceListeners: Listener[] = [];
  // Icecast admits new clients at its own pace: connect in tens, as receivers come up over a minute.
  for (let i = 0; i < LISTENERS; i += 50) {
    for (let j = i; j < Math.min(LISTENERS, i + 50); j++) iceListeners.push(listen(`http://127.0.0.1:${ice.port}${mount}`));
    await sleep(200);
  }
  await sleep(8000);
  const iceConnected = iceListeners.filter((l) => l.bytes > 0).length;
  const iceCpu = await cpuPct(ice.pid);
  for (const l of iceListeners) l.req.destroy();
  sourceReq.destroy();
  await ice.stop();
  server.send({ op: 'stop' });
  await new Promise((r) => server.once('exit', r));

  // The fan-out runs in the server's own process (the encoders are its children and do not see listeners).
  const perListener = (busyCpu.own - idleCpu.own) / Math.max(1, connected);
  const icePerListener = (iceCpu.own - iceCpu0.own) / Math.max(1, iceConnected);
  const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
  process.stderr.write(
    `bantin: server process ${round(idleCpu.own)} % → ${round(busyCpu.own)} % with ${connected}/${LISTENERS} listeners (with encoders ${round(idleCpu.tree)} % → ${round(busyCpu.tree)} %); ` +
      `icecast: ${round(iceCpu0.own)} % → ${round(iceCpu.own)} % with ${iceConnected}/${LISTENERS}; ` +
      `cut-ins ${cutins.length}/${ROUNDS * SAMPLED}\n`,
  );
  console.log(
    JSON.stringify({
      bench: 'streams',
      zones: ready.zones.length,
      listeners: LISTENERS,
      listeners_connected: connected,
      icecast_listeners_connected: iceConnected,
      cpu_pct_per_zone: round(idleCpu.tree / ready.zones.length),
      rss_kb_per_listener: round((rss500 - rss0) / Math.max(1, connected), 1),
      alert_cutin_p50_ms: pct(cutins, 50),
      alert_cutin_p99_ms: pct(cutins, 99),
      alert_cutin_samples: cutins.length,
      bantin_cpu_pct_per_listener: round(perListener, 4),
      icecast_cpu_pct_per_listener: round(icePerListener, 4),
      cpu_per_listener_ratio_vs_icecast: round(perListener / Math.max(icePerListener, 0.0001)),
    }),
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
