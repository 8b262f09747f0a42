// Idle benchmark (npm run bench:idle): the built server (node server/dist/main.js, what `npm start` and the
// systemd unit run) against the TypeScript sources through tsx (tsx server/src/main.ts, `npm run serve`),
// each on a free port and its own fresh data directory holding the seeded starter pack. Measured per
// server: seconds from spawn to the first /healthz 200, and the resident memory of its whole process tree
// after BENCH_IDLE_S (60) idle seconds. The starter pack is seeded once beforehand by a first start of the
// built server on an empty directory (progress and its time go to stderr); each measured server gets a
// copy of that directory. The result is one JSON line on stdout.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, ServerProcess, freePort } from './crash/server-proc';
import { treeRssMb } from './proc-tree';
import { BUILD_TARGETS, staleReason } from '../scripts/build-state.mjs';

const log = (line: string) => process.stderr.write(line + '\n');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.timeOrigin + performance.now();
const round = (n: number, digits: number) => Number(n.toFixed(digits));

const idleS = Number(process.env.BENCH_IDLE_S ?? 60);
if (!Number.isFinite(idleS) || idleS < 0) throw new Error(`BENCH_IDLE_S must be a non-negative number, got "${process.env.BENCH_IDLE_S}"`);

const BUILT = ['server/dist/main.js'];
const TSX = [path.join(REPO_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/src/main.ts'];
const ADMIN_PASSWORD = 'bench-idle-password';
const work = mkdtempSync(path.join(tmpdir(), 'bantin-bench-idle-'));

/** Starts one server on `dataDir`; resolves with its start time and, after the idle wait, its RSS. */
async function measure(name: string, args: string[], dataDir: string, idleMs: number) {
  const server = new ServerProcess({ dataDir, port: await freePort(), adminPassword: ADMIN_PASSWORD, args });
  const t0 = now();
  server.start();
  try {
    const ready = await server.waitReady(300_000);
    const startS = (ready - t0) / 1000;
    log(`${name}: /healthz 200 after ${startS.toFixed(2)} s`);
    await sleep(idleMs);
    const rssMb = treeRssMb(server.pid!);
    if (idleMs > 0) log(`${name}: ${rssMb.toFixed(1)} MB after ${idleMs / 1000} s idle`);
    return { startS, rssMb };
  } finally {
    await server.stop();
  }
}

try {
  const server = BUILD_TARGETS.find((t) => t.name === 'server')!;
  const reason = staleReason(REPO_ROOT, server);
  if (reason) {
    log(`building the server (${reason})`);
    if (spawnSync(process.execPath, ['server/build.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' }).status !== 0) process.exit(1);
  }
  const seeded = path.join(work, 'seeded');
  log('first start on an empty data directory: seeding the starter pack');
  await measure('first start (seeding)', BUILT, seeded, 0);

  const copy = (name: string) => {
    const dir = path.join(work, name);
    cpSync(seeded, dir, { recursive: true });
    return dir;
  };
  const built = await measure('built', BUILT, copy('built'), idleS * 1000);
  const tsx = await measure('tsx', TSX, copy('tsx'), idleS * 1000);
  process.stdout.write(
    JSON.stringify({
      bench: 'idle',
      built_start_s: round(built.startS, 2),
      built_rss_mb: round(built.rssMb, 1),
      tsx_start_s: round(tsx.startS, 2),
      tsx_rss_mb: round(tsx.rssMb, 1),
    }) + '\n',
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
