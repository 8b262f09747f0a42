// Migration 0022: user_roles rebuilt to allow the announcer role (phát thanh viên), keeping every grant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './sqlite';
import { MIGRATIONS_DIR, listMigrations, migrate } from './migrate';

const copyUpTo = (last: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-0022-'));
  for (const m of listMigrations().filter((x) => x.name <= last)) fs.writeFileSync(path.join(dir, m.name), m.sql);
  return dir;
};

describe('migration 0022_announcer_role', () => {
  it('keeps every role grant and its cascade, allows announcer and still refuses an unknown role', async () => {
    const dir = copyUpTo('0021_relay_schedules.sql');
    const db = await openDb(path.join(dir, 'a.db'));
    await migrate(db, dir);
    await db.run(
      "INSERT INTO users (id, username, display_name, password_hash, created_at, updated_at) VALUES (1, 'lan', 'Lan', 'x', 1, 1), (2, 'minh', 'Minh', 'x', 1, 1)",
    );
    await db.run("INSERT INTO user_roles (user_id, role) VALUES (1, 'editor'), (1, 'reviewer'), (2, 'viewer')");
    await expect(db.run("INSERT INTO user_roles (user_id, role) VALUES (1, 'announcer')")).rejects.toThrow(/CHECK/);

    fs.copyFileSync(path.join(MIGRATIONS_DIR, '0022_announcer_role.sql'), path.join(dir, '0022_announcer_role.sql'));
    expect(await migrate(db, dir)).toEqual(['0022_announcer_role.sql']);
    const rows = async () => db.all<{ user_id: number; role: string }>('SELECT user_id, role FROM user_roles ORDER BY user_id, role');
    expect(await rows()).toEqual([
      { user_id: 1, role: 'editor' },
      { user_id: 1, role: 'reviewer' },
      { user_id: 2, role: 'viewer' },
    ]);
    await db.run("INSERT INTO user_roles (user_id, role) VALUES (1, 'announcer')");
    await expect(db.run("INSERT INTO user_roles (user_id, role) VALUES (2, 'root')")).rejects.toThrow(/CHECK/);
    await expect(db.run("INSERT INTO user_roles (user_id, role) VALUES (1, 'announcer')")).rejects.toThrow(/UNIQUE|PRIMARY/);
    await expect(db.run("INSERT INTO user_roles (user_id, role) VALUES (99, 'viewer')")).rejects.toThrow(/FOREIGN KEY/);
    await db.run('DELETE FROM users WHERE id = 2');
    expect((await rows()).map((r) => `${r.user_id}:${r.role}`)).toEqual(['1:announcer', '1:editor', '1:reviewer']);
    expect((await db.get<{ foreign_keys: number }>('PRAGMA foreign_keys'))!.foreign_keys).toBe(1);
    await db.close();
  });
});
