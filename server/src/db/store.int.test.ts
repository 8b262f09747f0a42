// The store: migrations, the audit chain against a tampered file, and online backup + restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './sqlite';
import { migrate, MigrationError, listMigrations } from './migrate';
import { createTestContext } from '../../test/support/context';
import { useContextFactory } from '../../test/support/hooks';
import { runCli as cli } from '../../test/support/cli';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-store-'));

const newContext = useContextFactory();

describe('migrations', () => {
  it('applies every migration once, in a transaction, with WAL and foreign keys on', async () => {
    const db = await openDb(path.join(tmp(), 'a.db'));
    expect(await migrate(db)).toEqual(listMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
    expect((await db.get<{ journal_mode: string }>('PRAGMA journal_mode'))!.journal_mode).toBe('wal');
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys).toBe(1);
    await db.close();
  });

  it('refuses a database whose applied migrations are not a prefix of the files', async () => {
    const db = await openDb(path.join(tmp(), 'b.db'));
    await migrate(db);
    await db.run("INSERT INTO schema_migrations (name, applied_at) VALUES ('0000_foreign_branch.sql', 'x')");
    await expect(migrate(db)).rejects.toThrow(MigrationError);
    await db.close();
  });

  it('rolls back a failing migration completely', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '0001_ok.sql'), 'CREATE TABLE a (x INTEGER);');
    fs.writeFileSync(path.join(dir, '0002_bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = await openDb(path.join(dir, 'c.db'));
    await expect(migrate(db, dir)).rejects.toThrow();
    const tables = (await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type='table'")).map((r) => r.name);
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    expect((await db.all('SELECT * FROM schema_migrations')).length).toBe(1);
    await db.close();
  });
});

describe('audit chain', () => {
  const seed = async () => {
    const t = await newContext();
    for (const n of ['a', 'b', 'c']) await t.createUser(`user-${n}`, ['viewer']);
    // login rows + create rows
    const { rows, problems } = await t.audit.verify();
    expect(problems).toEqual([]);
    expect(rows).toBeGreaterThanOrEqual(7);
    return t;
  };

  it('refuses UPDATE and DELETE through SQL triggers', async () => {
    const c = await seed();
    await expect(c.db.run("UPDATE audit_log SET actor = 'x' WHERE seq = 2")).rejects.toThrow(/append-only/);
    await expect(c.db.run('DELETE FROM audit_log WHERE seq = 2')).rejects.toThrow(/append-only/);
  });

  for (const [name, sql, problem] of [
    ['an edited row', "UPDATE audit_log SET summary = '{\"username\":\"mallory\"}' WHERE seq = 3", 'edited'],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 3', 'gap'],
    ['a deleted newest row', 'DELETE FROM audit_log WHERE seq = (SELECT MAX(seq) FROM audit_log)', 'head_mismatch'],
    [
      'an inserted row',
      "UPDATE audit_log SET seq = seq + 100 WHERE seq >= 4; INSERT INTO audit_log VALUES (4, 0, NULL, 'x', 'x', 'x', '{}', 'aa', 'bb')",
      'broken_link',
    ],
  ] as const) {
    it(`npm run audit:verify reports ${name} in the database file`, async () => {
      const c = await seed();
      const file = path.join(c.dataDir, 'bantin.db');
      await c.close();
      expect(cli('audit-verify.ts', [], c.dataDir).status).toBe(0);
      // Tamper with the file directly, as an attacker with file access would.
      const raw = await openDb(file);
      await raw.exec(`DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; ${sql};`);
      await raw.close();
      const r = cli('audit-verify.ts', [], c.dataDir);
      expect(r.status).toBe(2);
      expect(r.stdout).toMatch(/TAMPERED/);
      expect(r.stdout).toContain(problem);
    });
  }
});

describe('backup and restore', () => {
  it('backs up online while the server writes, and the restored copy serves the same users and audit log', async () => {
    const t = await newContext();
    const writes = (async () => {
      for (let i = 0; i < 15; i++) await t!.createUser(`busy-${i}`, ['editor']);
    })();
    const dest = path.join(tmp(), 'backup.db');
    const r = cli('backup.ts', [dest], t.dataDir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    await writes;
    const copy = await openDb(dest);
    expect((await copy.get<{ integrity_check: string }>('PRAGMA integrity_check'))!.integrity_check).toBe('ok');
    const n = (await copy.get<{ n: number }>('SELECT COUNT(*) AS n FROM users'))!.n;
    expect(n).toBeGreaterThanOrEqual(1);
    await copy.close();

    // Restore as the README says: stop the server, put the backup in place of bantin.db, start again.
    const restoredDir = tmp();
    fs.copyFileSync(dest, path.join(restoredDir, 'bantin.db'));
    const restored = await createTestContext({ env: { BANTIN_DATA_DIR: restoredDir } });
    try {
      expect((await restored.users.list()).length).toBe(n);
      expect((await restored.audit.verify()).problems).toEqual([]);
      const s = await restored.login('admin', 'admin-password-1');
      expect((await restored.request('/api/session', { cookie: s.cookie })).status).toBe(200);
    } finally {
      await restored.cleanup();
    }
  });

  it('refuses to run without a destination', () => {
    const dir = tmp();
    expect(cli('backup.ts', [], dir).status).not.toBe(0);
  });
});
