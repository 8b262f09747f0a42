// A small promise wrapper over IndexedDB for the player's durable state: the latest timeline and settings
// (kv), the proof-of-play, feedback and quiz-answer queues, and verified media bytes when the Cache API is unavailable
// (plain-http LAN). Every entry point resolves to null/undefined instead of throwing: locked-down kiosk
// browsers may refuse IndexedDB, and the player must still play.
import type { QueueRecord, QueueStore } from '../queue/outbox';

const DB_NAME = 'bantin-player';
/** 2 added the `quiz` queue; an upgrade creates only the stores a database does not have yet. */
const DB_VERSION = 2;
export type StoreName = 'kv' | 'plays' | 'feedback' | 'quiz' | 'blobs';
export type QueueName = 'plays' | 'feedback' | 'quiz';

export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export async function openDb(factory: IDBFactory | undefined = typeof indexedDB === 'undefined' ? undefined : indexedDB): Promise<IDBDatabase | null> {
  if (!factory) return null;
  try {
    const open = factory.open(DB_NAME, DB_VERSION);
    open.onupgradeneeded = () => {
      const db = open.result;
      const missing = (name: string) => !db.objectStoreNames.contains(name);
      for (const name of ['kv', 'blobs']) if (missing(name)) db.createObjectStore(name);
      for (const name of ['plays', 'feedback', 'quiz']) if (missing(name)) db.createObjectStore(name, { keyPath: 'eventId' }).createIndex('seq', 'seq');
    };
    return await request(open);
  } catch {
    return null;
  }
}

function store(db: IDBDatabase, name: StoreName, mode: IDBTransactionMode): IDBObjectStore {
  return db.transaction(name, mode).objectStore(name);
}

export async function kvGet<T>(db: IDBDatabase | null, key: string, name: StoreName = 'kv'): Promise<T | undefined> {
  if (!db) return undefined;
  try {
    return (await request(store(db, name, 'readonly').get(key))) as T | undefined;
  } catch {
    return undefined;
  }
}

/** Returns whether the value was stored. */
export async function kvSet(db: IDBDatabase | null, key: string, value: unknown, name: StoreName = 'kv'): Promise<boolean> {
  if (!db) return false;
  try {
    await request(store(db, name, 'readwrite').put(value, key));
    return true;
  } catch {
    return false;
  }
}

export async function kvDelete(db: IDBDatabase | null, key: string, name: StoreName = 'kv'): Promise<void> {
  if (!db) return;
  try {
    await request(store(db, name, 'readwrite').delete(key));
  } catch {
    // Nothing to do: a key we cannot delete is evicted again next time.
  }
}

export async function kvKeys(db: IDBDatabase | null, name: StoreName = 'kv'): Promise<string[]> {
  if (!db) return [];
  try {
    return (await request(store(db, name, 'readonly').getAllKeys())).map(String);
  } catch {
    return [];
  }
}

interface Row<T> {
  eventId: string;
  seq: number;
  record: T;
}

/** A QueueStore over one IndexedDB object store, oldest first by insertion sequence. */
export function idbQueueStore<T extends QueueRecord>(db: IDBDatabase, name: QueueName): QueueStore<T> {
  let counter = 0;
  const walkOldest = (n: number, mode: IDBTransactionMode, visit: (c: IDBCursorWithValue) => void): Promise<void> =>
    new Promise((resolve, reject) => {
      if (n <= 0) return resolve();
      const cursorReq = store(db, name, mode).index('seq').openCursor();
      let seen = 0;
      cursorReq.onerror = () => reject(cursorReq.error);
      cursorReq.onsuccess = () => {
        const c = cursorReq.result;
        if (!c || seen >= n) return resolve();
        seen++;
        visit(c);
        c.continue();
      };
    });
  return {
    async add(record) {
      const row: Row<T> = { eventId: record.eventId, seq: Date.now() * 1000 + (counter++ % 1000), record };
      await request(store(db, name, 'readwrite').put(row));
    },
    async oldest(n) {
      const out: T[] = [];
      await walkOldest(n, 'readonly', (c) => out.push((c.value as Row<T>).record));
      return out;
    },
    async remove(ids) {
      const s = store(db, name, 'readwrite');
      await Promise.all(ids.map((id) => request(s.delete(id))));
    },
    count: () => request(store(db, name, 'readonly').count()),
    async dropOldest(n) {
      await walkOldest(n, 'readwrite', (c) => void c.delete());
    },
  };
}
