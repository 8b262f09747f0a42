// End-to-end ingest bench: uploads a 1 GiB video over HTTP on loopback to the real
// server running in a child process, samples the server's RSS from /proc while the upload streams, then copies
// the same file with `cp` and compares throughput. Human-readable details go to stderr; stdout gets exactly
// one JSON line: {"bench":"ingest","bytes":…,"rss_delta_mb":…,"mb_per_s":…,"cp_mb_per_s":…,"ratio_vs_cp":…}.
// Targets: rss_delta_mb ≤ 50, ratio_vs_cp ≥ 0.3. Run: npx tsx bench/ingest.ts  (BANTIN_BENCH_DIR picks the disk)
//
// Units: MB here means MiB (2^20 bytes) everywhere. Upload throughput is bytes / (time from the first byte
// sent until the 201 answer), so it includes everything the server does before answering: sha256 while
// streaming, fsync, rename into the store, sniffing, ffprobe, the packet-by-packet completeness check and the
// thumbnail. cp_mb_per_s is for `cp` followed by an fsync of the copy (see timeCopy). The file is an MP4
// (H.264/AAC) because video is the large upload in practice; a 1 GiB WAV (about 100 minutes of 48 kHz stereo)
// would add two loudnorm passes over all of it, a derived-file step rather than the speed of ingest itself.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, createReadStream, fsyncSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';

const MIB = 1024 * 1024;
const TARGET_BYTES = 1024 * MIB;
const EDITOR = { username: 'bench-editor', password: `bench-${randomBytes(9).toString('base64url')}` };
const say = (line: string) => process.stderr.write(line + '\n');
const seconds = (fromMs: number) => (performance.now() - fromMs) / 1000;

/** Child mode: the real composition root served on loopback; tells the parent its port over IPC. */
async function runServer(): Promise<void> {
  const { serve } = await import('@hono/node-server');
  const { loadConfig } = await import('../server/src/config');
  const { compose } = await import('../server/src/main');
  const ctx = await compose(loadConfig(process.env));
  await ctx.seedAdmin();
  await ctx.users.create(
    { id: null, name: 'bench' },
    { username: EDITOR.username, displayName: 'Bench', password: process.env.BENCH_EDITOR_PASSWORD!, roles: ['editor'] },
  );
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => process.send!({ port: info.port }));
  process.on('message', (msg) => {
    if (msg !== 'stop') return;
    server.close();
    void ctx.close().finally(() => process.exit(0));
  });
}

function ffmpeg(args: string[]): void {
  const r = spawnSync(ffmpegInstaller.path, ['-hide_banner', '-nostdin', '-v', 'error', ...args], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr}`);
}

/**
 * A playable 1 GiB MP4: one second of noisy 720p H.264 (High profile, near-lossless, so it barely compresses)
 * with AAC audio, looped by stream copy to just under 1 GiB, then padded to exactly 1 GiB with an ISO BMFF
 * `free` box, which every MP4 reader skips.
 */
function makeVideo(dir: string): { file: string; segment: string } {
  const segment = join(dir, 'segment.mp4');
  ffmpeg([
    '-f',
    'lavfi',
    '-i',
    'testsrc2=s=1280x720:r=25:d=1,noise=alls=100:allf=t',
    '-f',
    'lavfi',
    '-i',
    'sine=f=440:d=1',
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '1',
    '-profile:v',
    'high',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    '-shortest',
    '-y',
    segment,
  ]);
  const file = join(dir, 'bench-1gib.mp4');
  let loops = Math.floor((TARGET_BYTES - MIB) / statSync(segment).size);
  for (;;) {
    ffmpeg(['-stream_loop', String(loops - 1), '-i', segment, '-c', 'copy', '-movflags', '+faststart', '-y', file]);
    if (statSync(file).size <= TARGET_BYTES - 8) break;
    loops--;
  }
  const pad = TARGET_BYTES - statSync(file).size;
  const fd = openSync(file, 'a');
  const header = Buffer.alloc(8);
  header.writeUInt32BE(pad, 0);
  header.write('free', 4, 'ascii');
  writeSync(fd, header);
  const zeros = Buffer.alloc(MIB);
  for (let left = pad - 8; left > 0; left -= zeros.length) writeSync(fd, zeros, 0, Math.min(left, zeros.length));
  fsyncSync(fd); // so the disk is idle again before the timed runs, not still writing this file back
  closeSync(fd);
  return { file, segment };
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; port: number }> {
  const env = {
    ...process.env,
    BANTIN_DATA_DIR: dataDir,
    BANTIN_ADMIN_PASSWORD: randomBytes(12).toString('base64url'),
    BANTIN_MAX_UPLOAD_MB: '2048',
    BANTIN_LOG_LEVEL: 'warn',
    BENCH_EDITOR_PASSWORD: EDITOR.password,
  };
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--server'], {
    env,
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  child.stdout!.pipe(process.stderr); // the server's log lines must not reach our one-line stdout
  return new Promise((resolve, reject) => {
    child.once('message', (m) => resolve({ child, port: (m as { port: number }).port }));
    child.once('exit', (code) => reject(new Error(`server exited early (${code})`)));
  });
}

function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error('no VmRSS');
  return Number(m[1]) * 1024;
}

type Res = { status: number; body: string; headers: http.IncomingHttpHeaders };
function request(port: number, opts: http.RequestOptions, body?: string | { file: string }, onSent?: () => void): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, ...opts }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (onSent) req.on('finish', onSent);
    if (body && typeof body === 'object' && 'file' in body)
      createReadStream(body.file, { highWaterMark: MIB }).on('error', reject).pipe(req);
    else req.end(body);
  });
}

async function login(port: number): Promise<{ cookie: string; csrf: string }> {
  const body = JSON.stringify(EDITOR);
  const res = await request(
    port,
    { method: 'POST', path: '/api/session', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
    body,
  );
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${res.body}`);
  const cookie = String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!;
  return { cookie, csrf: (JSON.parse(res.body) as { csrfToken: string }).csrfToken };
}

async function upload(port: number, session: { cookie: string; csrf: string }, file: string, onSent?: () => void) {
  const size = statSync(file).size;
  const headers = {
    cookie: session.cookie,
    'x-csrf-token': session.csrf,
    'content-type': 'application/octet-stream',
    'content-length': size,
  };
  const res = await request(
    port,
    { method: 'POST', path: `/api/media?name=${encodeURIComponent('bench.mp4')}&accept=video`, headers },
    { file },
    onSent,
  );
  if (res.status !== 201) throw new Error(`upload refused: ${res.status} ${res.body}`);
  const view = JSON.parse(res.body) as { size: number; kind: string; durationMs: number };
  if (view.size !== size || view.kind !== 'video') throw new Error(`unexpected upload result ${res.body}`);
  return view;
}

/**
 * cp, then `sync FILE` (fsync of the copy). The like-for-like baseline is the durable copy: the server answers 201
 * only after fsync, while a bare cp returns once the bytes sit in the page cache, which measures RAM (0.4–3 s for
 * 1 GiB here depending on writeback) rather than the disk. Both times are printed on stderr.
 */
function timeCopy(src: string, dst: string): { copyS: number; durableS: number } {
  const t = performance.now();
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args);
    if (r.status !== 0) throw new Error(`${cmd} failed: ${String(r.stderr)}`);
  };
  run('cp', [src, dst]);
  const copyS = seconds(t);
  run('sync', [dst]);
  return { copyS, durableS: seconds(t) };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(process.env.BANTIN_BENCH_DIR ?? tmpdir(), 'bantin-bench-ingest-'));
  let child: ChildProcess | undefined;
  try {
    let t = performance.now();
    const { file, segment } = makeVideo(dir);
    const bytes = statSync(file).size;
    say(`made ${(bytes / MIB).toFixed(0)} MiB MP4 in ${seconds(t).toFixed(1)} s`);

    const server = await startServer(join(dir, 'data'));
    child = server.child;
    const session = await login(server.port);
    await upload(server.port, session, segment); // warm-up: first-use code paths (ffprobe, thumbnails) load here
    await new Promise((r) => setTimeout(r, 500));
    const baseline = rssBytes(child.pid!);
    let peak = baseline;
    const sampler = setInterval(() => {
      if (child?.exitCode === null) peak = Math.max(peak, rssBytes(child.pid!));
    }, 10);
    let sentAt = 0;
    t = performance.now();
    let view;
    try {
      view = await upload(server.port, session, file, () => (sentAt = performance.now()));
    } finally {
      clearInterval(sampler);
    }
    peak = Math.max(peak, rssBytes(child.pid!));
    const uploadS = seconds(t);
    say(
      `upload: ${uploadS.toFixed(2)} s to 201 (last byte sent after ${((sentAt - t) / 1000).toFixed(2)} s; ${((t + uploadS * 1000 - sentAt) / 1000).toFixed(2)} s checking after it), ${(view.durationMs / 1000).toFixed(0)} s of video`,
    );
    say(`server RSS: baseline ${(baseline / MIB).toFixed(1)} MiB, peak ${(peak / MIB).toFixed(1)} MiB`);

    const cp = timeCopy(file, join(dir, 'copy.mp4'));
    say(`cp: ${cp.copyS.toFixed(2)} s into the page cache, ${cp.durableS.toFixed(2)} s until the copy is on disk (cp + sync FILE)`);

    const mbPerS = bytes / MIB / uploadS;
    const cpMbPerS = bytes / MIB / cp.durableS;
    const round = (n: number, d = 1) => Number(n.toFixed(d));
    process.stdout.write(
      JSON.stringify({
        bench: 'ingest',
        bytes,
        rss_delta_mb: round((peak - baseline) / MIB),
        mb_per_s: round(mbPerS),
        cp_mb_per_s: round(cpMbPerS),
        ratio_vs_cp: round(mbPerS / cpMbPerS, 2),
      }) + '\n',
    );
  } finally {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.send('stop');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv.includes('--server')) void runServer();
else
  main().catch((err: unknown) => {
    say(`bench failed: ${err instanceof Error ? err.stack : String(err)}`);
    process.exitCode = 1;
  });
