// Runs a script of server/src/cli as a real process (through tsx) against a data directory.
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const REPO = path.resolve(__dirname, '..', '..', '..');
const TSX = path.join(REPO, 'node_modules', '.bin', 'tsx');

export const runCli = (script: string, args: string[], dataDir: string) =>
  spawnSync(TSX, [path.join(REPO, 'server/src/cli', script), ...args], {
    env: { ...process.env, BANTIN_DATA_DIR: dataDir },
    encoding: 'utf8',
  });
