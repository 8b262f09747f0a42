// The checks after each kill, on the data directory itself: the SQLite file opened read-only with the
// `sqlite3` package (integrity_check, foreign_key_check, the audit hash chain), every acknowledged write
// by id with its acknowledged state, every file of the content-addressed media store hashed against its
// name (no partial file visible), and <dataDir>/tmp empty once the server is up again.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';
import { verifyChain } from '../../server/src/domain/audit-chain';
import { toRecord, type AuditRow } from '../../server/src/repos/audit-repo';
import type { Ledger, VState } from './ledger';

export type ReadOnlyDb = { all<T>(sql: string, params?: unknown[]): Promise<T[]>; close(): Promise<void> };

export async function openReadOnly(file: string): Promise<ReadOnlyDb> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const d = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (err) => (err ? reject(err) : resolve(d)));
  });
  db.configure('busyTimeout', 10_000);
  return {
    all: <T>(sql: string, params: unknown[] = []) =>
      new Promise<T[]>((resolve, reject) => db.all(sql, params, (err: Error | null, rows: T[]) => (err ? reject(err) : resolve(rows)))),
    close: () => new Promise<void>((resolve, reject) => db.close((err) => (err ? reject(err) : resolve()))),
  };
}

/** Problems of the database file itself; empty when it is sound. */
export async function checkDatabase(db: ReadOnlyDb): Promise<string[]> {
  try {
    return await checkDatabaseOrThrow(db);
  } catch (err) {
    return [`the database cannot be read: ${err instanceof Error ? err.message : String(err)}`];
  }
}

async function checkDatabaseOrThrow(db: ReadOnlyDb): Promise<string[]> {
  const problems: string[] = [];
  const integrity = await db.all<{ integrity_check: string }>('PRAGMA integrity_check');
  if (integrity.length !== 1 || integrity[0]!.integrity_check !== 'ok') {
    problems.push(`integrity_check: ${integrity.map((r) => r.integrity_check).join('; ').slice(0, 500)}`);
  }
  const fk = await db.all<{ table: string; rowid: number; parent: string }>('PRAGMA foreign_key_check');
  if (fk.length) problems.push(`foreign_key_check: ${fk.length} rows, e.g. ${JSON.stringify(fk.slice(0, 3))}`);
  const rows = await db.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq');
  const head = (await db.all<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1'))[0] ?? null;
  const chain = verifyChain(rows.map(toRecord), head);
  if (chain.length) problems.push(`audit chain: ${chain.length} problems, e.g. ${JSON.stringify(chain.slice(0, 3))}`);
  return problems;
}

const SHA = /^[0-9a-f]{64}$/;

/** Hashes of store files already checked, keyed by path, valid while size, mtime and inode stay the same. */
export class StoreScanner {
  private readonly seen = new Map<string, string>();

  constructor(private readonly dataDir: string) {}

  /**
   * Every file under media/ must be named by the sha256 of its bytes, at media/ab/cd/<sha>. Returns the
   * files (sha → size) and the problems. `full` re-hashes everything, ignoring what was checked before.
   */
  async scan(full = false): Promise<{ files: Map<string, number>; problems: string[]; hashed: number }> {
    const root = path.join(this.dataDir, 'media');
    const files = new Map<string, number>();
    const problems: string[] = [];
    let hashed = 0;
    const list = async (dir: string) => {
      try {
        return await readdir(dir, { withFileTypes: true });
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw err;
      }
    };
    for (const a of await list(root)) {
      for (const b of a.isDirectory() ? await list(path.join(root, a.name)) : [a]) {
        const dirB = path.join(root, a.name, b.name);
        for (const f of b.isDirectory() ? await list(dirB) : [b]) {
          const full_ = path.join(dirB, f.name);
          const rel = path.relative(root, full_);
          if (!f.isFile() || !SHA.test(f.name) || f.name.slice(0, 2) !== a.name || f.name.slice(2, 4) !== b.name) {
            problems.push(`unexpected entry in the media store: media/${rel}`);
            continue;
          }
          const st = await stat(full_);
          const key = `${st.size}:${st.mtimeMs}:${st.ino}`;
          if (full || this.seen.get(full_) !== key) {
            const hash = createHash('sha256');
            for await (const chunk of createReadStream(full_)) hash.update(chunk as Buffer);
            hashed++;
            const sha = hash.digest('hex');
            if (sha !== f.name) {
              this.seen.delete(full_);
              problems.push(`media/${rel} holds bytes hashing to ${sha} (${st.size} bytes): a partial or wrong file is visible`);
              continue;
            }
            this.seen.set(full_, key);
          }
          files.set(f.name, st.size);
        }
      }
    }
    return { files, problems, hashed };
  }
}

/** Leftovers in <dataDir>/tmp (interrupted uploads, derived files, detached deletions). */
export async function tmpLeftovers(dataDir: string): Promise<string[]> {
  try {
    return await readdir(path.join(dataDir, 'tmp'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

type VersionRow = { id: number; content_id: number; number: number; state: VState; version_sha256: string };

/**
 * Compares every acknowledged fact with the database and the store; records losses in the ledger. Then
 * adopts what it saw for facts left open by unanswered writes (unless a client is working on them), so each
 * unanswered write is judged once. Returns consistency problems that are not a lost write.
 */
export async function checkFacts(db: ReadOnlyDb, ledger: Ledger, store: Map<string, number>): Promise<string[]> {
  const problems: string[] = [];
  // Devices keep sending while this runs: only acks received before the reads below can be judged by them.
  const acked = [...ledger.plays];

  const media = new Map((await db.all<{ sha256: string; size: number }>('SELECT sha256, size FROM media_files')).map((r) => [r.sha256, r.size]));
  for (const [sha, size] of media) {
    if (store.get(sha) !== size) problems.push(`media_files row ${sha} (${size} bytes) has ${store.has(sha) ? `a ${store.get(sha)}-byte file` : 'no file'} in the store`);
  }
  for (const f of ledger.media.values()) {
    if (media.get(f.sha256) !== f.size) ledger.lose(`media:${f.sha256}`, `acknowledged upload (${f.size} bytes): row ${media.has(f.sha256) ? `says ${media.get(f.sha256)} bytes` : 'missing'}`);
    else if (store.get(f.sha256) !== f.size) ledger.lose(`media-file:${f.sha256}`, `acknowledged upload (${f.size} bytes): file ${store.has(f.sha256) ? `has ${store.get(f.sha256)} bytes` : 'missing'}`);
  }

  const users = new Set((await db.all<{ username: string }>('SELECT username FROM users WHERE disabled = 0')).map((r) => r.username));
  for (const u of ledger.users.keys()) if (!users.has(u)) ledger.lose(`user:${u}`, 'acknowledged user missing');

  const versions = new Map((await db.all<VersionRow>('SELECT id, content_id, number, state, version_sha256 FROM content_versions')).map((r) => [r.id, r]));
  const contents = new Map((await db.all<{ id: number; approved_version_id: number | null }>('SELECT id, approved_version_id FROM content')).map((r) => [r.id, r]));
  for (const c of ledger.contents.values()) {
    const row = contents.get(c.id);
    if (!row) {
      ledger.lose(`content:${c.id}`, 'acknowledged content item missing');
      continue;
    }
    if (c.approvedNumber !== null) {
      const playing = row.approved_version_id === null ? undefined : versions.get(row.approved_version_id);
      if (!playing || playing.number < c.approvedNumber) {
        ledger.lose(`approved:${c.id}`, `version ${c.approvedNumber} was approved; the playing version is ${playing ? `version ${playing.number}` : 'none'}`);
      }
    }
  }
  for (const v of ledger.versions.values()) {
    const row = versions.get(v.id);
    if (!row || row.content_id !== v.contentId || row.number !== v.number || row.version_sha256 !== v.sha) {
      ledger.lose(`version:${v.id}`, `acknowledged version ${v.contentId}/${v.number}: ${row ? `row is ${row.content_id}/${row.number} ${row.version_sha256.slice(0, 12)}` : 'missing'}`);
      continue;
    }
    if (row.state !== v.state && !v.maybe.has(row.state)) {
      ledger.lose(`version-state:${v.id}:${v.state}`, `version ${v.contentId}/${v.number} acknowledged as ${v.state}${v.maybe.size ? ` (or ${[...v.maybe].join('/')})` : ''}, found ${row.state}`);
    }
    if (!ledger.contents.get(v.contentId)?.busy) {
      v.state = row.state;
      v.maybe.clear();
    }
  }
  // Edits that got no answer may have made versions: learn them, so the editors go on from what is there.
  for (const c of ledger.contents.values()) {
    if (!c.unknownVersions || c.busy) continue;
    for (const row of versions.values()) {
      if (row.content_id === c.id && !ledger.versions.has(row.id)) {
        ledger.addVersion({ id: row.id, contentId: c.id, number: row.number, sha: row.version_sha256, state: row.state });
      }
    }
    c.unknownVersions = false;
  }

  const schedules = new Map((await db.all<{ id: number; name: string; content_id: number | null }>('SELECT id, name, content_id FROM schedules')).map((r) => [r.id, r]));
  for (const s of ledger.schedules.values()) {
    const row = schedules.get(s.id);
    if (!row || row.content_id !== s.contentId) {
      ledger.lose(`schedule:${s.id}`, row ? `content ${row.content_id}, acknowledged ${s.contentId}` : 'acknowledged schedule missing');
      continue;
    }
    if (row.name !== s.name && !s.maybe.has(row.name)) ledger.lose(`schedule-name:${s.id}:${s.name}`, `acknowledged name "${s.name}", found "${row.name}"`);
    if (!s.busy) {
      s.name = row.name;
      s.maybe.clear();
    }
  }

  const devices = new Map(
    (await db.all<{ id: number; name: string; token_hash: string | null; deleted_at: number | null }>('SELECT id, name, token_hash, deleted_at FROM devices')).map((r) => [r.id, r]),
  );
  for (const d of ledger.devices.values()) {
    const row = devices.get(d.id);
    if (!row || row.deleted_at !== null) {
      ledger.lose(`device:${d.id}`, 'acknowledged device missing');
      continue;
    }
    if (d.tokenHash && row.token_hash !== d.tokenHash) ledger.lose(`device-token:${d.id}`, 'the token delivered to the device is not the stored one');
    if (row.name !== d.name && !d.maybe.has(row.name)) ledger.lose(`device-name:${d.id}:${d.name}`, `acknowledged name "${d.name}", found "${row.name}"`);
    if (!d.busy) {
      d.name = row.name;
      d.maybe.clear();
    }
  }

  if (acked.length) {
    const plays = new Map((await db.all<{ event_id: string; device_id: number }>('SELECT event_id, device_id FROM plays')).map((r) => [r.event_id, r.device_id]));
    for (const [eventId, deviceId] of acked) {
      const found = plays.get(eventId);
      if (found !== deviceId) ledger.lose(`play:${eventId}`, `acknowledged play of device ${deviceId}: ${found === undefined ? 'missing' : `stored for device ${found}`}`);
    }
  }

  return problems;
}
