// The store: migrations, the audit chain against a tampered file, and online backup + restore.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './sqlite';
import { migrate, MigrationError, listMigrations, MIGRATIONS_DIR } from './migrate';
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

describe('table rebuilds (foreign keys off)', () => {
  const copyUpTo = (last: string) => {
    const dir = tmp();
    for (const m of listMigrations().filter((x) => x.name <= last)) fs.writeFileSync(path.join(dir, m.name), m.sql);
    return dir;
  };

  it('widens the content and device kinds and keeps every row, reference and id high-water mark', async () => {
    const dir = copyUpTo('0009_media_name_warnings.sql');
    const db = await openDb(path.join(dir, 'r.db'));
    await migrate(db, dir);
    await db.run("INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'u', 'U', 'x', 1, 1)");
    await db.run("INSERT INTO content (id, kind, owner_id, created_at, updated_at) VALUES (7, 'message', 1, 1, 1), (9, 'clip', 1, 1, 1)");
    await db.run('DELETE FROM content WHERE id = 9');
    await db.run(
      "INSERT INTO content_versions (content_id, number, state, title, duration_ms, version_sha256, created_by, created_at) VALUES (7, 1, 'draft', 'T', 1000, 'h', 1, 1)",
    );
    await db.run("INSERT INTO devices (id, kind, name, created_at, updated_at) VALUES (3, 'speaker', 'Loa', 1, 1)");
    await db.run("INSERT INTO device_groups (id, name, created_at) VALUES (1, 'Tổ 1', 1)");
    await db.run('INSERT INTO device_group_members (group_id, device_id) VALUES (1, 3)');
    await expect(db.run("INSERT INTO content (kind, owner_id, created_at, updated_at) VALUES ('quiz', 1, 1, 1)")).rejects.toThrow(/CHECK/);

    fs.copyFileSync(path.join(MIGRATIONS_DIR, '0010_quiz_and_receiver_kinds.sql'), path.join(dir, '0010_quiz_and_receiver_kinds.sql'));
    expect(await migrate(db, dir)).toEqual(['0010_quiz_and_receiver_kinds.sql']);
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys).toBe(1);
    expect(await db.all('PRAGMA foreign_key_check')).toEqual([]);
    expect(await db.get('SELECT id, kind FROM content')).toEqual({ id: 7, kind: 'message' });
    expect(await db.get('SELECT content_id FROM content_versions')).toEqual({ content_id: 7 });
    expect(await db.get('SELECT device_id FROM device_group_members')).toEqual({ device_id: 3 });
    const quiz = await db.run("INSERT INTO content (kind, owner_id, created_at, updated_at) VALUES ('quiz', 1, 1, 1)");
    expect(quiz.lastID).toBe(10);
    await db.run("INSERT INTO devices (kind, name, created_at, updated_at) VALUES ('receiver', 'Bộ thu', 1, 1)");
    await expect(db.run("INSERT INTO content (kind, owner_id, created_at, updated_at) VALUES ('poster', 1, 1, 1)")).rejects.toThrow(/CHECK/);
    await expect(
      db.run("INSERT INTO content_versions (content_id, number, state, title, duration_ms, version_sha256, created_by, created_at) VALUES (99, 1, 'draft', 'T', 1, 'h', 1, 1)"),
    ).rejects.toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('rolls back a rebuild that leaves a broken reference, with foreign keys on again', async () => {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'CREATE TABLE p (id INTEGER PRIMARY KEY); CREATE TABLE c (p INTEGER REFERENCES p(id)); INSERT INTO p VALUES (1); INSERT INTO c VALUES (1);');
    fs.writeFileSync(path.join(dir, '0002_b.sql'), '-- bantin:foreign-keys-off\nCREATE TABLE p_next (id INTEGER PRIMARY KEY); DROP TABLE p; ALTER TABLE p_next RENAME TO p;');
    const db = await openDb(path.join(dir, 'k.db'));
    await expect(migrate(db, dir)).rejects.toThrow(/broken foreign keys/);
    expect(await db.get('SELECT count(*) AS n FROM p')).toEqual({ n: 1 });
    expect((await db.all('SELECT name FROM schema_migrations')).length).toBe(1);
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys).toBe(1);
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
