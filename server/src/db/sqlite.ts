// One small promise wrapper over sqlite3: get/all/run/exec, serialised transactions, online backup.
import sqlite3 from 'sqlite3';

export type Params = ReadonlyArray<string | number | bigint | null | Buffer | Uint8Array>;
export type RunResult = { changes: number; lastID: number };

export interface Queryable {
  get<T>(sql: string, params?: Params): Promise<T | undefined>;
  all<T>(sql: string, params?: Params): Promise<T[]>;
  run(sql: string, params?: Params): Promise<RunResult>;
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  /** Runs fn inside BEGIN IMMEDIATE … COMMIT; other statements wait until it ends. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  backup(destFile: string): Promise<void>;
  close(): Promise<void>;
  readonly file: string;
}

// sqlite3's typings do not describe the Backup object.
type Backup = {
  step(pages: number, cb: (err: Error | null) => void): void;
  finish(cb?: (err: Error | null) => void): void;
  completed: boolean;
  failed: boolean;
};
type WithBackup = { backup(file: string, cb: (err: Error | null) => void): Backup };

function wrap(raw: sqlite3.Database): Queryable {
  return {
    get: <T>(sql: string, params: Params = []) =>
      new Promise<T | undefined>((res, rej) => raw.get(sql, params, (e: Error | null, row: T) => (e ? rej(e) : res(row)))),
    all: <T>(sql: string, params: Params = []) =>
      new Promise<T[]>((res, rej) => raw.all(sql, params, (e: Error | null, rows: T[]) => (e ? rej(e) : res(rows)))),
    run: (sql: string, params: Params = []) =>
      new Promise<RunResult>((res, rej) =>
        raw.run(sql, params, function (this: sqlite3.RunResult, e: Error | null) {
          if (e) rej(e);
          else res({ changes: this.changes, lastID: this.lastID });
        }),
      ),
    exec: (sql: string) => new Promise<void>((res, rej) => raw.exec(sql, (e) => (e ? rej(e) : res()))),
  };
}

export async function openDb(file: string, opts: { busyTimeoutMs?: number } = {}): Promise<Db> {
  const raw = await new Promise<sqlite3.Database>((res, rej) => {
    const d = new sqlite3.Database(file, (e) => (e ? rej(e) : res(d)));
  });
  raw.configure('busyTimeout', opts.busyTimeoutMs ?? 5000);
  const q = wrap(raw);
  await q.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;');

  // A promise chain acts as a mutex so that a transaction's statements never interleave with others.
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn, fn);
    tail = next.catch(() => undefined);
    return next;
  };

  return {
    file,
    get: (sql, params) => serial(() => q.get(sql, params)),
    all: (sql, params) => serial(() => q.all(sql, params)),
    run: (sql, params) => serial(() => q.run(sql, params)),
    exec: (sql) => serial(() => q.exec(sql)),
    transaction: (fn) =>
      serial(async () => {
        await q.exec('BEGIN IMMEDIATE');
        try {
          const out = await fn(q);
          await q.exec('COMMIT');
          return out;
        } catch (e) {
          await q.exec('ROLLBACK').catch(() => undefined);
          throw e;
        }
      }),
    backup: (destFile) =>
      serial(
        () =>
          new Promise<void>((res, rej) => {
            const b = (raw as unknown as WithBackup).backup(destFile, (err) => {
              if (err) return rej(err);
              b.step(-1, (e) => {
                if (e) return b.finish(() => rej(e));
                b.finish((fe) => (fe ? rej(fe) : res()));
              });
            });
          }),
      ),
    close: () => serial(() => new Promise<void>((res, rej) => raw.close((e) => (e ? rej(e) : res())))),
  };
}
