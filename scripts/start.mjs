#!/usr/bin/env node
// `npm start`: builds what is missing or older than its sources (server, player, dashboard: see
// build-state.mjs), each build in a child process that ends before the server starts, then runs the built
// server (server/dist/main.js) in this very process. What stays running is one Node process, with no npm,
// tsx or shell wrapper of its own. Nothing stale: the server starts at once.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { staleTargets } from './build-state.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `node` is this Node; `npm` is the npm that runs this script, or the one on PATH. */
function commandLine([cmd, ...args]) {
  if (cmd === 'node') return [process.execPath, args];
  if (cmd === 'npm' && process.env.npm_execpath) return [process.execPath, [process.env.npm_execpath, ...args]];
  return [cmd, args];
}

for (const { target, reason } of staleTargets(root)) {
  process.stderr.write(`Đang dựng / Building ${target.name} (${reason})\n`);
  const [cmd, args] = commandLine(target.build);
  const run = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    // A half-finished output must not pass for a fresh one at the next start.
    rmSync(join(root, target.output), { force: true });
    process.stderr.write(`Dựng ${target.name} thất bại / Building ${target.name} failed (${run.error?.message ?? `exit code ${run.status}`})\n`);
    process.exit(1);
  }
}

const { runServer } = await import(pathToFileURL(join(root, 'server', 'dist', 'main.js')).href);
runServer();
