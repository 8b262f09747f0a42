// Reconnect bench, server process: the real bantin server, started by main.ts's own start() (compose, seed,
// recompile every timeline, jobs, listen, attach the realtime hub) on the data dir and port run.ts gives it.
// With `--init N` it first creates the data on an empty dir: admin, starter pack, N paired devices with
// tokens (written to tokens.json). Without it, it starts on the existing data, as after a crash.
// Tells run.ts over IPC when it listens; logs (BANTIN_LOG_LEVEL from run.ts) go to stdout as usual.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { loadConfig } from '../../server/src/config';
import { compose, start } from '../../server/src/main';
import { createLogger } from '../../server/src/log';
import { deviceRepo } from '../../server/src/repos/device-repo';

const now = () => performance.timeOrigin + performance.now();
const send = (m: unknown) => process.send!(m);
/** Device kinds, cycled (BENCH_KINDS, e.g. "speaker" or "led,led,led,kiosk,speaker"). */
const KINDS = (process.env.BENCH_KINDS ?? 'led,led,led,kiosk,speaker').split(',') as ('led' | 'kiosk' | 'speaker')[];

/** First run: admin, starter pack and `n` paired devices; returns the tokens file. */
async function createData(n: number): Promise<string> {
  const config = loadConfig(process.env);
  const ctx = await compose(config, { log: createLogger(config.logLevel) });
  await ctx.seedAdmin();
  await ctx.seedStarterPack();
  const tokens: string[] = [];
  const t = Date.now();
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const id = await deviceRepo.insert(
        tx,
        {
          kind,
          name: `bench-${i}`,
          residential_group: null,
          address: null,
          lat: null,
          lon: null,
          orientation: kind === 'kiosk' ? 'portrait' : 'landscape',
          resolution: null,
          volume: null,
          operating_hours: null,
          quiet_hours: null,
          broadcast_slots: null,
        },
        t,
      );
      const token = randomBytes(24).toString('base64url');
      await deviceRepo.setToken(tx, id, createHash('sha256').update(token).digest('hex'), t);
      tokens.push(token);
    }
  });
  await ctx.close();
  const file = path.join(config.dataDir, 'tokens.json');
  fs.writeFileSync(file, JSON.stringify(tokens));
  return file;
}

async function main() {
  const init = process.argv[2] === '--init';
  const spawned = now();
  const tokenFile = init ? await createData(Number(process.argv[3] ?? 10_000)) : null;
  const startedAt = now();
  const { server } = await start(process.env);
  const http = server as Server;
  await new Promise<void>((res) => (http.listening ? res() : http.once('listening', () => res())));
  send({ type: 'ready', t: now(), startMs: now() - startedAt, initMs: startedAt - spawned, tokenFile });
}

// run.ts gone (failed or interrupted): do not linger as an orphan on the port.
process.on('disconnect', () => process.exit(0));

main().catch((err: unknown) => {
  process.stderr.write(`bench server failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
