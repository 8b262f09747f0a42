// Safe localStorage access: kiosks and locked-down browsers throw on mere access to `localStorage`
// (SecurityError) or on write (quota, private mode), so every call is wrapped and degrades to "no storage".

/** The subset of the Web Storage API we use; tests pass their own implementation. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readItem(key: string, store: KeyValueStore | null = defaultStore()): string | null {
  if (!store) return null;
  try {
    return store.getItem(key);
  } catch {
    return null;
  }
}

/** Returns whether the value was stored. */
export function writeItem(key: string, value: string, store: KeyValueStore | null = defaultStore()): boolean {
  if (!store) return false;
  try {
    store.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
