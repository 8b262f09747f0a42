// SQL for the key/value settings table.
import type { Queryable } from '../db/sqlite';

export const settingsRepo = {
  get: async (q: Queryable, key: string) => (await q.get<{ value: string }>('SELECT value FROM settings WHERE key = ?', [key]))?.value,
  /** Inserts only when absent, so concurrent first uses agree on one value. */
  insertIfAbsent: (q: Queryable, key: string, value: string) => q.run('INSERT OR IGNORE INTO settings (key, value) VALUES (?, ?)', [key, value]),
};
