// Forward-only numbered migrations (NNNN_snake_name.sql), each applied in its own transaction.
// The runner refuses a database whose applied migrations are not a prefix of the files.
// A migration that rebuilds a table other tables reference (to widen a CHECK) starts with the line
// `-- bantin:foreign-keys-off`: it runs with foreign keys off (SQLite cannot switch them inside a
// transaction), must leave `PRAGMA foreign_key_check` empty to commit, and foreign keys are on again after it.
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths';
import type { Db } from './sqlite';

export { MIGRATIONS_DIR };

export class MigrationError extends Error {}

const FOREIGN_KEYS_OFF = '-- bantin:foreign-keys-off';

export function listMigrations(dir = MIGRATIONS_DIR): { name: string; sql: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => ({ name, sql: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<string[]> {
  await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const applied = (await db.all<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map((r) => r.name);
  const files = listMigrations(dir);
  applied.forEach((name, i) => {
    if (files[i]?.name !== name) {
      throw new MigrationError(
        `Cơ sở dữ liệu có migration "${name}" không khớp với mã nguồn (vị trí ${i + 1}: "${files[i]?.name ?? 'không có'}"). ` +
          `Database migrations are not a prefix of the migration files; refusing to start.`,
      );
    }
  });
  const done: string[] = [];
  for (const m of files.slice(applied.length)) {
    const rebuild = m.sql.startsWith(FOREIGN_KEYS_OFF);
    if (rebuild) await db.exec('PRAGMA foreign_keys = OFF');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(m.sql);
        if (rebuild) {
          const broken = await tx.all<{ table: string }>('PRAGMA foreign_key_check');
          if (broken.length > 0) {
            throw new MigrationError(
              `Migration "${m.name}" để lại ${broken.length} khoá ngoại hỏng (bảng ${broken[0]!.table}). ` +
                `Migration "${m.name}" leaves ${broken.length} broken foreign keys; rolled back.`,
            );
          }
        }
        await tx.run('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)', [m.name, new Date().toISOString()]);
      });
    } finally {
      if (rebuild) await db.exec('PRAGMA foreign_keys = ON');
    }
    done.push(m.name);
  }
  return done;
}
