// `npm start` as a real process, in a temporary copy of the repository (its own dist/ folders) with its own
// data directory and a free port: it builds the missing server, runs it as one Node process, starts again
// without building when nothing changed, and rebuilds the server alone after a server source changed.
// The front ends' outputs are placeholders newer than their sources, so the slow vite builds stay out of
// this test (build-state.test.ts covers when they run).
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT, ServerProcess } from '../bench/crash/server-proc';
import { processTree, treeRssMb } from '../bench/proc-tree';

const COPIED = ['package.json', 'package-lock.json', 'server', 'protocol', 'player', 'dashboard', 'scripts', 'media'];
const SKIPPED = new Set(['node_modules', 'dist', 'test-results']);

/** A copy of the repository's sources that shares its node_modules. */
function copyRepository(): string {
  const copy = mkdtempSync(join(tmpdir(), 'bantin-start-'));
  for (const entry of COPIED) {
    cpSync(join(REPO_ROOT, entry), join(copy, entry), { recursive: true, filter: (src) => !SKIPPED.has(src.split('/').pop()!) });
  }
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

const mtime = (file: string) => statSync(file).mtimeMs;

describe('npm start (scripts/start.mjs)', () => {
  let copy: string;
  let server: ServerProcess;
  const mainJs = () => join(copy, 'server', 'dist', 'main.js');
  const playerHtml = () => join(copy, 'player', 'dist', 'index.html');

  beforeAll(async () => {
    copy = copyRepository();
    for (const app of ['player', 'dashboard']) {
      mkdirSync(join(copy, app, 'dist'), { recursive: true });
      writeFileSync(join(copy, app, 'dist', 'index.html'), `<!doctype html><title>${app}</title>`);
    }
    const dataDir = join(copy, 'data');
    server = new ServerProcess({ dataDir, port: await freePort(), adminPassword: 'start-test-password', args: ['scripts/start.mjs'], cwd: copy });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(copy, { recursive: true, force: true });
  });

  it('builds the missing server, answers /healthz and runs as one Node process', async () => {
    server.start();
    await server.waitReady(180_000);
    expect(statSync(mainJs()).isFile()).toBe(true);
    expect(processTree(server.pid!).map((p) => p.comm)).toEqual(['node']);
  }, 240_000);

  it('holds at most 150 MB once idle after seeding the starter pack', async () => {
    // The first start rendered the pack's speech; the renderer's worker ends after 10 s without a job.
    await new Promise((r) => setTimeout(r, 15_000));
    expect(treeRssMb(server.pid!)).toBeLessThanOrEqual(150);
    expect(await server.stop()).toBe(0);
  }, 60_000);

  it('starts again without building when nothing changed', async () => {
    const [server0, player0] = [mtime(mainJs()), mtime(playerHtml())];
    server.start();
    await server.waitReady(60_000);
    expect(await server.stop()).toBe(0);
    expect([mtime(mainJs()), mtime(playerHtml())]).toEqual([server0, player0]);
  }, 120_000);

  it('rebuilds only the server after a server source changed', async () => {
    const [server0, player0] = [mtime(mainJs()), mtime(playerHtml())];
    const later = new Date(Date.now() + 2000);
    utimesSync(join(copy, 'server', 'src', 'paths.ts'), later, later);
    server.start();
    await server.waitReady(60_000);
    expect(await server.stop()).toBe(0);
    expect(mtime(mainJs())).toBeGreaterThan(server0);
    expect(mtime(playerHtml())).toBe(player0);
  }, 120_000);
});
