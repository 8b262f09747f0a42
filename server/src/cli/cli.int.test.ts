// The administration command line, run as a real process against a real data directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/support/context';
import { useContextFactory } from '../../test/support/hooks';
import { runCli } from '../../test/support/cli';

const run = (dataDir: string, ...args: string[]) => runCli('user.ts', args, dataDir);

const newContext = useContextFactory();

describe('npm run user', () => {
  it('adds a user with roles, changes the roles and the password, and lists them', async () => {
    const t = await newContext();
    await t.close();
    const add = run(t.dataDir, 'add', 'thu.ha', 'editor,viewer', '--name', 'Trần Thu Hà', '--password', 'mat-khau-moi-1');
    expect(add.status).toBe(0);
    expect(add.stdout).toMatch(/thu\.ha/);
    expect(run(t.dataDir, 'roles', 'thu.ha', 'reviewer').stdout).toContain('thu.ha: reviewer');
    const pw = run(t.dataDir, 'passwd', 'thu.ha');
    expect(pw.status).toBe(0);
    const generated = /: (\S+)\n$/.exec(pw.stdout)![1]!;
    const list = run(t.dataDir, 'list').stdout;
    expect(list).toMatch(/thu\.ha\treviewer\tactive\tTrần Thu Hà/);

    const again = await createTestContext({ env: { BANTIN_DATA_DIR: t.dataDir } });
    try {
      await expect(again.login('thu.ha', 'mat-khau-moi-1')).rejects.toThrow();
      const s = await again.login('thu.ha', generated);
      const me = await (await again.request('/api/session', { cookie: s.cookie })).json();
      expect(me.user.roles).toEqual(['reviewer']);
      const actions = (await again.audit.page(undefined, 50)).map((r) => `${r.actor} ${r.action}`);
      expect(actions).toContain('cli:' + (process.env.USER ?? 'root') + ' user.create');
    } finally {
      await again.close();
    }
  });

  it('refuses unknown roles and unknown users with a non-zero exit', async () => {
    const t = await newContext();
    await t.close();
    const bad = run(t.dataDir, 'add', 'x.y', 'superuser');
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/invalid roles/);
    expect(run(t.dataDir, 'roles', 'nobody', 'viewer').status).not.toBe(0);
    expect(run(t.dataDir).status).not.toBe(0);
  });

  it('says where it looked when there is no database', () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-empty-'));
    const r = run(empty, 'list');
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(empty);
  });
});
