import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUILD_TARGETS, newestSource, staleTargets } from './build-state.mjs';

let root: string;
const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1) + seconds * 1000);
const write = (rel: string, seconds: number) => {
  const file = join(root, rel);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, rel);
  utimesSync(file, at(seconds), at(seconds));
};
const stale = () => staleTargets(root).map(({ target, reason }) => `${target.name}: ${reason}`);

/** A repository where every part was built (second 100) after its sources were written (second 10). */
function builtTree() {
  for (const rel of ['server/src/main.ts', 'server/package.json', 'protocol/src/index.ts', 'player/src/main.tsx', 'player/vite.config.ts', 'dashboard/src/app.tsx', 'package-lock.json']) write(rel, 10);
  for (const t of BUILD_TARGETS) write(t.output, 100);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bantin-build-state-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('staleTargets', () => {
  it('builds every part of a fresh clone, in order server, player, dashboard', () => {
    write('server/src/main.ts', 10);
    expect(stale()).toEqual(['server: missing', 'player: missing', 'dashboard: missing']);
  });

  it('builds nothing when every output is newer than its sources', () => {
    builtTree();
    expect(stale()).toEqual([]);
  });

  it('rebuilds only the server when a server source changes', () => {
    builtTree();
    write('server/src/db/migrate.ts', 200);
    expect(stale()).toEqual(['server: server/src/db/migrate.ts is newer']);
  });

  it('rebuilds only the player when its vite config changes', () => {
    builtTree();
    write('player/vite.config.ts', 200);
    expect(stale()).toEqual(['player: player/vite.config.ts is newer']);
  });

  it('rebuilds the server and both front ends when the protocol changes', () => {
    builtTree();
    write('protocol/src/core/timeline.ts', 200);
    expect(stale().map((s) => s.split(':')[0])).toEqual(['server', 'player', 'dashboard']);
  });

  it('rebuilds a front end whose output was removed', () => {
    builtTree();
    rmSync(join(root, 'dashboard/dist/index.html'));
    expect(stale()).toEqual(['dashboard: missing']);
  });

  it('ignores test files, built output and node_modules inside the sources', () => {
    builtTree();
    write('server/src/db/migrate.test.ts', 200);
    write('dashboard/src/lib/api.int.test.ts', 200);
    write('player/src/node_modules/x/index.js', 200);
    expect(stale()).toEqual([]);
  });
});

describe('newestSource', () => {
  it('answers null when none of the paths exists', () => {
    expect(newestSource(root, ['nowhere', 'nothing.json'])).toBeNull();
  });
});
