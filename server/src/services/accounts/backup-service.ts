// Online backups through SQLite's backup API: safe while the server keeps writing.
import fs from 'node:fs';
import path from 'node:path';
import { openDb, type Db } from '../../db/sqlite';

export async function backupDatabase(db: Db, dest: string): Promise<{ file: string; bytes: number }> {
  const file = path.resolve(dest);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.partial-${process.pid}`;
  fs.rmSync(tmp, { force: true });
  try {
    await db.backup(tmp);
    const copy = await openDb(tmp);
    try {
      const r = await copy.get<{ integrity_check: string }>('PRAGMA integrity_check');
      if (r?.integrity_check !== 'ok') throw new Error(`backup integrity check failed: ${r?.integrity_check}`);
      // Fold the WAL into the file so the backup is one self-contained file.
      await copy.exec('PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;');
    } finally {
      await copy.close();
    }
    fs.renameSync(tmp, file);
    return { file, bytes: fs.statSync(file).size };
  } finally {
    for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`]) fs.rmSync(f, { force: true });
  }
}

/** Keeps the newest `keep` files named bantin-*.db in dir. */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!fs.existsSync(dir)) return [];
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^bantin-.*\.db$/.test(f))
    .sort()
    .reverse();
  const removed = files.slice(keep);
  for (const f of removed) fs.rmSync(path.join(dir, f), { force: true });
  return removed;
}
