// deploy/bantin.service against the code: the keys a ward server needs are there, the variables it sets are
// the ones the server reads, systemd itself accepts the file (when systemd-analyze is installed), and its
// ExecStart, run with the paths mapped into this repository and a temporary data directory, serves
// /healthz, stops on SIGTERM with exit code 0 within TimeoutStopSec, leaves no write-ahead log behind and
// finds its data again at the next start.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, REPO_ROOT, ServerProcess } from '../bench/crash/server-proc';
import { checkDatabase, openReadOnly } from '../bench/crash/verify';
import { loadConfig } from '../server/src/config';
import { BUILD_TARGETS, staleReason } from '../scripts/build-state.mjs';
import { readUnitFile, unitEnvironment } from './unit-file';

const UNIT = join(REPO_ROOT, 'deploy', 'bantin.service');
const unit = readUnitFile(UNIT);
const service = unit.Service ?? {};
const one = (key: string) => {
  const values = service[key] ?? [];
  expect(values, `[Service] ${key}=`).toHaveLength(1);
  return values[0]!;
};
const env = unitEnvironment(unit);
const installDir = one('WorkingDirectory');

describe('deploy/bantin.service', () => {
  it('runs the built server as the bantin user with its data under /var/lib/bantin', () => {
    expect([one('User'), one('Group')]).toEqual(['bantin', 'bantin']);
    expect(installDir).toBe('/opt/bantin');
    expect(env.BANTIN_DATA_DIR).toBe('/var/lib/bantin');
    expect(one('StateDirectory')).toBe('bantin');
    const [node, main, ...rest] = one('ExecStart').split(/\s+/);
    expect([node, main, rest]).toEqual(['/usr/bin/node', `${installDir}/server/dist/main.js`, []]);
    expect(unit.Install?.WantedBy).toEqual(['multi-user.target']);
    expect(unit.Unit?.After?.join(' ')).toContain('network-online.target');
    expect(unit.Unit?.Wants?.join(' ')).toContain('network-online.target');
  });

  it('restarts by itself and stops gracefully on SIGTERM', () => {
    expect(['always', 'on-failure']).toContain(one('Restart'));
    expect(Number(one('RestartSec'))).toBeGreaterThan(0);
    expect(unit.Unit?.StartLimitIntervalSec).toEqual(['0']);
    expect(one('KillSignal')).toBe('SIGTERM');
    expect(Number(one('TimeoutStopSec'))).toBeGreaterThanOrEqual(10);
  });

  it('is hardened and may write only its data directory', () => {
    expect(one('NoNewPrivileges')).toBe('yes');
    expect(one('ProtectSystem')).toBe('strict');
    expect(one('ReadWritePaths').split(/\s+/)).toEqual([env.BANTIN_DATA_DIR]);
  });

  it('sets only variables the server reads, with values it accepts', () => {
    const configSource = readFileSync(join(REPO_ROOT, 'server', 'src', 'config.ts'), 'utf8');
    const serverVars = Object.keys(env).filter((name) => name.startsWith('BANTIN_') || name === 'PORT' || name === 'HOST');
    for (const name of serverVars) expect(configSource, `${name} in server/src/config.ts`).toContain(`  ${name}: z`);
    const config = loadConfig(env);
    expect(config.dataDir).toBe('/var/lib/bantin');
    expect(config.port).toBe(Number(env.PORT));
  });

  it('passes systemd-analyze verify', (ctx) => {
    const probe = spawnSync('systemd-analyze', ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      console.warn(`systemd-analyze verify skipped: systemd-analyze is not available here (${probe.error?.message ?? probe.stderr})`);
      ctx.skip();
    }
    const verify = spawnSync('systemd-analyze', ['verify', UNIT], { encoding: 'utf8' });
    expect(verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });
});

describe('the unit’s ExecStart, run here', () => {
  let dataDir: string;
  let server: ServerProcess;
  const stopWithinTimeout = async () => {
    const t0 = Date.now();
    const code = await server.stop();
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(Number(one('TimeoutStopSec')) * 1000);
    expect(existsSync(join(dataDir, 'bantin.db-wal'))).toBe(false);
  };
  const contentCount = async () => {
    const db = await openReadOnly(join(dataDir, 'bantin.db'));
    try {
      expect(await checkDatabase(db)).toEqual([]);
      return (await db.all<{ n: number }>('SELECT COUNT(*) AS n FROM content'))[0]!.n;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    const target = BUILD_TARGETS.find((t) => t.name === 'server')!;
    if (staleReason(REPO_ROOT, target)) expect(spawnSync(process.execPath, target.build.slice(1), { cwd: REPO_ROOT, stdio: 'inherit' }).status).toBe(0);
    dataDir = mkdtempSync(join(tmpdir(), 'bantin-unit-'));
    const [node, main] = one('ExecStart').split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    const port = await freePort();
    server = new ServerProcess({
      dataDir,
      port,
      adminPassword: 'unit-test-password',
      // /usr/bin/node is this Node; /opt/bantin is this repository.
      args: [main!.replace(installDir, REPO_ROOT)],
      cwd: REPO_ROOT,
      env: { ...env, BANTIN_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves /healthz, exits 0 on SIGTERM and leaves no -wal file', async () => {
    server.start();
    await server.waitReady(180_000);
    await stopWithinTimeout();
  }, 240_000);

  it('finds the same data at the next start', async () => {
    const before = await contentCount();
    expect(before).toBeGreaterThan(0);
    server.start();
    await server.waitReady(60_000);
    await stopWithinTimeout();
    expect(await contentCount()).toBe(before);
  }, 120_000);
});
