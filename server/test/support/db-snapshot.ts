// Test support for the injection tests: a fingerprint of the whole database (schema and every row of every
// table), so a test can show that a refused request changed nothing at all.
import { createHash } from 'node:crypto';
import type { Queryable } from '../../src/db/sqlite';

export interface DbSnapshot {
  /** sha256 over the schema and every row of every table. */
  hash: string;
  /** Row count per table. */
  counts: Record<string, number>;
}

const json = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? x.toString() : x));

export async function snapshotDb(db: Queryable): Promise<DbSnapshot> {
  const schema = await db.all<{ type: string; name: string; sql: string | null }>(
    "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name",
  );
  const hash = createHash('sha256').update(json(schema));
  const counts: Record<string, number> = {};
  for (const { name } of schema.filter((s) => s.type === 'table')) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM ${quoted} ORDER BY rowid`).catch(() => db.all<Record<string, unknown>>(`SELECT * FROM ${quoted}`));
    counts[name] = rows.length;
    hash.update(`\u0000${name}\u0000`).update(json(rows));
  }
  return { hash: hash.digest('hex'), counts };
}
