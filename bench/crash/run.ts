// Crash-safety test (npm run test:crash): the real server on a real data directory, killed with SIGKILL at
// random moments while staff clients upload, edit, submit, approve, schedule and pair devices, and device
// clients send proof of play. After each restart on the same data directory it checks that the SQLite file
// is sound, that every acknowledged write is there with its acknowledged state, that the media store shows
// no partial file, that <dataDir>/tmp was cleaned, and how long the connected devices took to be served
// again. Progress goes to stderr; the result is one JSON line on stdout. Exit 1 when a write was lost, a
// check failed or a device took longer than CRASH_RESUME_LIMIT_S to resume.
//
// Env: CRASH_KILLS (50) kills under load; CRASH_LOAD_MS (200-3000) load before each kill;
// CRASH_STARTUP_KILL_RATE (0.1) chance that a restarting server is killed again before it serves (the very
// first start is always killed during its seeding when > 0); CRASH_DEVICES (8) paired devices;
// CRASH_UPLOAD_MBPS (8) upload speed; CRASH_BACKOFF_BASE_MS (1000) and CRASH_BACKOFF_CAP_MS (60000), the
// devices' reconnect backoff (the player's by default); CRASH_RESUME_LIMIT_S (5); CRASH_KEEP_DATA (0).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, Gate } from './api';
import { DeviceClient } from './devices';
import { Ledger } from './ledger';
import { ServerProcess, freePort } from './server-proc';
import { createStaff } from './staff';
import { StoreScanner, checkDatabase, checkFacts, openReadOnly, tmpLeftovers } from './verify';
import { loadStarterPack } from '../../server/src/services/content/seed-service';

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);
const log = (line: string) => process.stderr.write(line + '\n');
const secs = (ms: number) => (ms / 1000).toFixed(2);

export type CrashConfig = {
  kills: number;
  loadMs: [number, number];
  startupKillRate: number;
  devices: number;
  uploadBytesPerSec: number;
  backoff: { baseMs: number; capMs: number };
  resumeLimitS: number;
  resumeTimeoutMs: number;
  keepData: boolean;
};

export function readConfig(env: NodeJS.ProcessEnv): CrashConfig {
  const num = (name: string, dflt: number) => {
    const v = env[name];
    if (v === undefined || v === '') return dflt;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const range = (env.CRASH_LOAD_MS ?? '200-3000').split('-').map(Number);
  if (range.length !== 2 || !range.every((n) => Number.isFinite(n) && n >= 0) || range[0]! > range[1]!) {
    throw new Error(`CRASH_LOAD_MS must be MIN-MAX in ms, got "${env.CRASH_LOAD_MS}"`);
  }
  return {
    kills: Math.max(1, Math.round(num('CRASH_KILLS', 50))),
    loadMs: [range[0]!, range[1]!],
    startupKillRate: Math.min(1, num('CRASH_STARTUP_KILL_RATE', 0.1)),
    devices: Math.round(num('CRASH_DEVICES', 8)),
    uploadBytesPerSec: num('CRASH_UPLOAD_MBPS', 8) * 1024 * 1024,
    backoff: { baseMs: num('CRASH_BACKOFF_BASE_MS', 1000), capMs: num('CRASH_BACKOFF_CAP_MS', 60_000) },
    resumeLimitS: num('CRASH_RESUME_LIMIT_S', 5),
    resumeTimeoutMs: 120_000,
    keepData: env.CRASH_KEEP_DATA === '1',
  };
}

export type CrashResult = { bench: 'crash'; kills: number; acked_writes: number; lost: number; integrity_failures: number; max_resume_s: number };

export async function runCrash(cfg: CrashConfig): Promise<{ result: CrashResult; dataDir: string }> {
  const started = now();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bantin-crash-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const adminPassword = `crash-admin-${randomBytes(6).toString('hex')}`;
  const proc = new ServerProcess({ dataDir, port, adminPassword });
  const gate = new Gate();
  const alwaysOpen = new Gate();
  alwaysOpen.openUp();
  const api = createApi({ base, gate, uploadBytesPerSec: cfg.uploadBytesPerSec });
  const checker = createApi({ base, gate: alwaysOpen });
  const ledger = new Ledger();
  const scanner = new StoreScanner(dataDir);
  const devices: DeviceClient[] = [];
  let stopped = false;
  const staff = createStaff({
    api,
    ledger,
    gate,
    maxDevices: cfg.devices,
    stopped: () => stopped,
    onPaired: (d) => {
      const client = new DeviceClient(d.id, d.kind, d.token, { port, ledger, backoff: cfg.backoff });
      devices.push(client);
      client.start();
    },
  });
  const packSize = await loadStarterPack().then((p) => p.messages.length + p.sounds.length);
  const dbFile = path.join(dataDir, 'bantin.db');

  const s = newStats();
  const fail = (what: string) => {
    s.integrity.push(what);
    log(`INTEGRITY ${what}`);
  };

  /** The database as the crash left it, before the next start touches it. */
  const checkDead = async (when: string) => {
    if (!existsSync(dbFile)) return;
    const db = await openReadOnly(dbFile).catch((err: Error) => {
      fail(`${when}: cannot open the database read-only: ${err.message}`);
      return null;
    });
    if (!db) return;
    try {
      for (const p of await checkDatabase(db)) fail(`${when}: ${p}`);
    } finally {
      await db.close();
    }
  };

  /** Starts the server, sometimes killing it again before it serves; returns when it is ready. */
  const bringUp = async (first: boolean): Promise<number> => {
    for (;;) {
      proc.start();
      const killEarly = cfg.startupKillRate > 0 && (first || Math.random() < cfg.startupKillRate);
      if (killEarly) {
        // The first start spends ~3 s migrating and seeding the starter pack: land in the middle of it.
        await sleep(first ? between(300, 2500) : between(50, 900));
        first = false;
        if (proc.running) {
          await proc.kill();
          s.kills++;
          s.startupKills++;
          log(`kill (startup) #${s.kills}`);
          await checkDead(`after startup kill #${s.kills}`);
          continue;
        }
      }
      return proc.waitReady();
    }
  };

  /** Everything that must hold once the server is up again; `full` re-hashes the whole store. */
  const verify = async (when: string, opts: { full?: boolean; tmp?: boolean } = {}) => {
    if (opts.tmp !== false) {
      const left = await tmpLeftovers(dataDir);
      if (left.length) fail(`${when}: ${left.length} leftovers in tmp/ once the server is up: ${left.slice(0, 5).join(', ')}`);
    }
    const store = await scanner.scan(opts.full);
    for (const p of store.problems) fail(`${when}: ${p}`);
    const db = await openReadOnly(dbFile);
    try {
      const broken = await checkDatabase(db);
      for (const p of broken) fail(`${when}: ${p}`);
      if (broken.length) return; // the facts cannot be read from a damaged file
      for (const p of await checkFacts(db, ledger, store.files)) fail(`${when}: ${p}`);
      const seeded = await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM content WHERE system = 1 AND approved_version_id IS NOT NULL');
      if (seeded[0]!.n !== packSize) fail(`${when}: starter pack has ${seeded[0]!.n} of ${packSize} items approved`);
    } catch (err) {
      fail(`${when}: reading the database failed: ${err instanceof Error ? err.message : String(err)}`);
    } finally {
      await db.close();
    }
  };

  try {
    await bringUp(true);
    await verify('first start');
    await staff.setup(checker, adminPassword);
    gate.openUp();
    const loops = staff.run();

    while (s.loadKills < cfg.kills) {
      const load = between(cfg.loadMs[0], cfg.loadMs[1]);
      await sleep(load);
      gate.close();
      const live = devices.filter((d) => d.live).map((d) => ({ d, seq: d.connSeq }));
      const uploading = api.uploadsInFlight();
      const killedAt = now();
      await proc.kill();
      s.kills++;
      s.loadKills++;
      if (uploading > 0) s.midUpload++;
      const deadAt = now();
      await checkDead(`after kill #${s.kills}`);
      const spawnAt = now();
      const readyAt = await bringUp(false);
      s.deadMs.push(deadAt - killedAt);
      s.checkMs.push(spawnAt - deadAt);
      s.startMs.push(readyAt - spawnAt);
      s.restartMs.push(readyAt - killedAt);

      const worst = await waitResumed(live, readyAt, cfg.resumeTimeoutMs, s);

      await verify(`after kill #${s.kills}`);
      await staff.checkSessions(checker);
      log(
        `kill ${s.loadKills}/${cfg.kills} after ${secs(load)} s of load${uploading ? ` (${uploading} upload${uploading > 1 ? 's' : ''} in flight)` : ''} · ` +
          `ready ${secs(readyAt - killedAt)} s after the kill (start ${secs(readyAt - spawnAt)} s) · ${live.length} devices back, slowest ${worst.toFixed(2)} s · ` +
          `acked ${ledger.ackedTotal} · lost ${ledger.lost.size} · integrity failures ${s.integrity.length}`,
      );
      gate.openUp();
    }

    // Stop cleanly, then check everything once more with the whole store re-hashed.
    gate.close();
    stopped = true;
    await sleep(500);
    for (const d of devices) d.stop();
    const stopAt = now();
    const code = await proc.stop();
    log(code === null ? 'the server did not stop within 10 s of SIGTERM: killed' : `clean stop in ${secs(now() - stopAt)} s, exit code ${code}`);
    void loops; // the staff loops wait at the closed gate for ever; the process exits after the report
    await verify('at the end', { full: true, tmp: false });
  } finally {
    stopped = true;
    for (const d of devices) d.stop();
    await proc.kill();
  }

  const maxResume = s.resume.length ? Math.max(...s.resume) : 0;
  const result: CrashResult = {
    bench: 'crash',
    kills: s.kills,
    acked_writes: ledger.ackedTotal,
    lost: ledger.lost.size,
    integrity_failures: s.integrity.length,
    max_resume_s: Math.round(maxResume * 100) / 100,
  };
  summarise(s, ledger, cfg, { elapsedMs: now() - started, serverErrorLines: proc.errorLines });
  return { result, dataDir };
}

type Stats = ReturnType<typeof newStats>;

function newStats() {
  return {
    kills: 0,
    loadKills: 0,
    startupKills: 0,
    midUpload: 0,
    integrity: [] as string[],
    /** Seconds from the restarted server's first /healthz 200 to each device's first message. */
    resume: [] as number[],
    /** The server's part of it: from opening that connection to its first message (ms). */
    served: [] as number[],
    notResumed: 0,
    restartMs: [] as number[],
    deadMs: [] as number[],
    checkMs: [] as number[],
    startMs: [] as number[],
  };
}

/** Waits until every device that was connected at the kill got a message on a new connection. */
async function waitResumed(live: { d: DeviceClient; seq: number }[], readyAt: number, timeoutMs: number, s: Stats): Promise<number> {
  const deadline = readyAt + timeoutMs;
  let worst = 0;
  for (const { d, seq } of live) {
    let at = d.resumedAt(seq);
    while (at === null && now() < deadline) {
      await sleep(20);
      at = d.resumedAt(seq);
    }
    const r = Math.max(0, (at ?? deadline) - readyAt) / 1000;
    if (at === null) s.notResumed++;
    else s.served.push(d.servedWithin(seq)!);
    s.resume.push(r);
    worst = Math.max(worst, r);
  }
  return worst;
}

const sortedCopy = (xs: number[]) => [...xs].sort((a, b) => a - b);
const median = (xs: number[]) => sortedCopy(xs)[xs.length >> 1] ?? 0;

/** The details behind the JSON line, on stderr. */
function summarise(s: Stats, ledger: Ledger, cfg: CrashConfig, run: { elapsedMs: number; serverErrorLines: number }) {
  const resume = sortedCopy(s.resume);
  const pct = (p: number) => (resume.length ? resume[Math.min(resume.length - 1, Math.ceil((p / 100) * resume.length) - 1)]!.toFixed(2) : '-');
  log(`--- ${s.kills} kills (${s.loadKills} under load, ${s.startupKills} during startup), ${s.midUpload} with an upload in flight, in ${secs(run.elapsedMs)} s`);
  log(`acknowledged writes: ${[...ledger.acked].map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(
    `restart (kill → /healthz 200): median ${secs(median(s.restartMs))} s, max ${secs(Math.max(0, ...s.restartMs))} s; ` +
      `of which process gone ${secs(median(s.deadMs))} s, read-only check ${secs(median(s.checkMs))} s, start → ready ${secs(median(s.startMs))} s (medians)`,
  );
  log(
    `device resume after ready (${resume.length} reconnections): p50 ${pct(50)} s, p95 ${pct(95)} s, max ${pct(100)} s; ` +
      `not resumed ${s.notResumed}; backoff ${cfg.backoff.baseMs} ms → ${cfg.backoff.capMs} ms`,
  );
  log(
    `of which the server's part (connection opened → first message): median ${secs(median(s.served))} s, max ${secs(Math.max(0, ...s.served))} s; ` +
      `the rest is the devices' backoff`,
  );
  if (ledger.httpErrors.size) log(`unexpected answers: ${[...ledger.httpErrors].map(([k, v]) => `${k} ×${v}`).join(', ')}`);
  if (run.serverErrorLines) log(`server error log lines: ${run.serverErrorLines}`);
}

async function main() {
  const cfg = readConfig(process.env);
  const { result, dataDir } = await runCrash(cfg);
  process.stdout.write(JSON.stringify(result) + '\n');
  const failed = result.lost > 0 || result.integrity_failures > 0 || result.max_resume_s > cfg.resumeLimitS;
  if (cfg.keepData || failed) log(`data directory kept: ${dataDir}`);
  else rmSync(dataDir, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err: unknown) => {
    log(`crash test failed to run: ${err instanceof Error ? err.stack : String(err)}`);
    process.exit(2);
  });
}
