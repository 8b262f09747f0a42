// "Nothing changes": a fingerprint of the whole database (a hash of every row of every table) and of the
// data directory (media store, tmp, backups, reports), taken before and after a request the server must refuse.
// Files only: an empty directory holds no data. (A refused upload leaves the store's empty fan-out folders
// media/ab/cd/ behind: the file is committed, checked, then removed; removing the folders too would race with
// a concurrent upload committing into them.)
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../../src/db/sqlite';

/** Columns a refused request may legitimately change, by table ('*' = the whole table). */
export type Ignored = Record<string, readonly string[]>;

/**
 * sessions.last_seen_at: the session middleware touches it (at most once a minute) on every request of a
 * logged-in user, refused or not: it is the idle timer, not data the request changed. Nothing else is
 * exempt: a refused login writes nothing (its throttle lives in memory) and no refusal is audited.
 */
export const HTTP_IGNORED: Ignored = { sessions: ['last_seen_at'] };

/**
 * The WebSocket hub also writes devices.last_seen_at when a device answers the server's ping (at most once
 * a minute): liveness, not something a frame changed.
 */
export const WS_IGNORED: Ignored = { ...HTTP_IGNORED, devices: ['last_seen_at'] };

/**
 * After a frame that ends the connection (invalid UTF-8, too large, a broken frame) the device reconnects:
 * presence records the interval (device_sessions) and the online flag (devices.status). Only then.
 */
export const WS_RECONNECT_IGNORED: Ignored = { ...HTTP_IGNORED, devices: ['last_seen_at', 'status'], device_sessions: ['*'] };

export type Snapshot = { tables: Map<string, string>; files: Map<string, string> };

const cell = (v: unknown) => (Buffer.isBuffer(v) ? `x'${v.toString('hex')}'` : v);

async function tableHashes(db: Db, ignored: Ignored): Promise<Map<string, string>> {
  const names = await db.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out = new Map<string, string>();
  for (const { name } of names) {
    const skip = new Set(ignored[name] ?? []);
    if (skip.has('*')) continue;
    const rows = await db.all<Record<string, unknown>>(`SELECT * FROM "${name}"`);
    const h = createHash('sha256');
    // Row order is not data: hash each row, then the sorted row hashes.
    const rowHashes = rows.map((r) =>
      createHash('sha256')
        .update(JSON.stringify(Object.entries(r).filter(([k]) => !skip.has(k)).map(([k, v]) => [k, cell(v)])))
        .digest('hex'),
    );
    for (const rh of rowHashes.sort()) h.update(rh);
    out.set(name, `${rows.length}:${h.digest('hex').slice(0, 16)}`);
  }
  return out;
}

const DB_FILE = /^bantin\.db(-wal|-shm|-journal)?$/;

function fileList(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) walk(p);
      else if (!DB_FILE.test(rel)) {
        const st = fs.statSync(p);
        out.set(rel, `${st.size}:${st.mtimeMs}`);
      }
    }
  };
  walk(root);
  return out;
}

export async function takeSnapshot(db: Db, dataDir: string, ignored: Ignored = HTTP_IGNORED): Promise<Snapshot> {
  return { tables: await tableHashes(db, ignored), files: fileList(dataDir) };
}

/** What differs between two snapshots, as short lines ("table plays: 3:ab… → 4:cd…"); empty when equal. */
export function diffSnapshots(a: Snapshot, b: Snapshot): string[] {
  const lines: string[] = [];
  const cmp = (what: string, x: Map<string, string>, y: Map<string, string>) => {
    for (const k of new Set([...x.keys(), ...y.keys()])) {
      if (x.get(k) !== y.get(k)) lines.push(`${what} ${k}: ${x.get(k) ?? '(none)'} → ${y.get(k) ?? '(none)'}`);
    }
  };
  cmp('table', a.tables, b.tables);
  cmp('file', a.files, b.files);
  return lines;
}
