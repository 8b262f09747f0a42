// Where verified media bytes live. The Cache API when the page is a secure context (the service worker
// serves the same entries at /player/media/<sha256>), IndexedDB blobs otherwise (plain-http LAN, where
// `caches` does not exist). Only media/sync.ts writes here, and only after the sha256 matched.
import { kvDelete, kvGet, kvKeys, kvSet } from '../lib/idb';

export const MEDIA_CACHE = 'bantin-media-v1';
export const MEDIA_PATH = '/player/media/';

export interface MediaStore {
  readonly kind: 'cache' | 'idb' | 'memory';
  list(): Promise<string[]>;
  put(sha256: string, bytes: ArrayBuffer, mime: string): Promise<boolean>;
  blob(sha256: string): Promise<Blob | null>;
  remove(sha256: string): Promise<void>;
}

export function cacheMediaStore(caches: CacheStorage): MediaStore {
  const open = () => caches.open(MEDIA_CACHE);
  return {
    kind: 'cache',
    async list() {
      const keys = await (await open()).keys();
      return keys
        .map((r) => new URL(r.url).pathname)
        .filter((p) => p.startsWith(MEDIA_PATH))
        .map((p) => p.slice(MEDIA_PATH.length));
    },
    async put(sha, bytes, mime) {
      try {
        const headers = { 'Content-Type': mime, 'Content-Length': String(bytes.byteLength) };
        await (await open()).put(MEDIA_PATH + sha, new Response(bytes, { headers }));
        return true;
      } catch {
        return false; // quota
      }
    },
    async blob(sha) {
      const hit = await (await open()).match(MEDIA_PATH + sha);
      return hit ? hit.blob() : null;
    },
    async remove(sha) {
      await (await open()).delete(MEDIA_PATH + sha);
    },
  };
}

/** How a file is kept where IndexedDB cannot store a Blob (older Android WebViews refuse to clone one). */
type StoredBytes = { mime: string; bytes: ArrayBuffer };
const isStoredBytes = (v: unknown): v is StoredBytes =>
  typeof v === 'object' && v !== null && (v as StoredBytes).bytes instanceof ArrayBuffer && typeof (v as StoredBytes).mime === 'string';

export function idbMediaStore(db: IDBDatabase): MediaStore {
  return {
    kind: 'idb',
    list: () => kvKeys(db, 'blobs'),
    // A Blob first (the browser keeps it on disk, outside the heap); where that is refused, the plain bytes.
    put: async (sha, bytes, mime) =>
      (await kvSet(db, sha, new Blob([bytes], { type: mime }), 'blobs')) || kvSet(db, sha, { mime, bytes } satisfies StoredBytes, 'blobs'),
    async blob(sha) {
      const kept = await kvGet<unknown>(db, sha, 'blobs');
      if (kept instanceof Blob) return kept;
      return isStoredBytes(kept) ? new Blob([kept.bytes], { type: kept.mime }) : null;
    },
    remove: (sha) => kvDelete(db, sha, 'blobs'),
  };
}

/** Last resort when the browser refuses both: plays from memory until the next reload. Also for tests. */
export function memoryMediaStore(): MediaStore & { size(): number } {
  const files = new Map<string, Blob>();
  return {
    kind: 'memory',
    list: async () => [...files.keys()],
    async put(sha, bytes, mime) {
      files.set(sha, new Blob([bytes], { type: mime }));
      return true;
    },
    blob: async (sha) => files.get(sha) ?? null,
    async remove(sha) {
      files.delete(sha);
    },
    size: () => files.size,
  };
}

/** Picks the best store this browser allows. */
export function pickMediaStore(db: IDBDatabase | null): MediaStore {
  try {
    if (typeof caches !== 'undefined' && isSecureContext) return cacheMediaStore(caches);
  } catch {
    // fall through
  }
  return db ? idbMediaStore(db) : memoryMediaStore();
}
