// Safe localStorage access for the player and the dashboard: on locked-down kiosk and LED-controller
// browsers touching `localStorage` may throw (SecurityError) and writes may fail (quota, private mode), so
// every call is wrapped and degrades to "no storage". Outside a browser there is no store.

/** The subset of the Web Storage API we use; tests pass their own implementation. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

// The browser's store, when there is one (the protocol is built without the DOM types).
declare const localStorage: KeyValueStore | undefined;

function defaultStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
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

/** Returns whether the key is gone afterwards. */
export function removeItem(key: string, store: KeyValueStore | null = defaultStore()): boolean {
  if (!store) return false;
  try {
    store.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
