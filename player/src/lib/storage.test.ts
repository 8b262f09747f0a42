import { describe, expect, it } from 'vitest';
import { readItem, removeItem, writeItem, type KeyValueStore } from '@bantin/protocol/core';

function memoryStore(): KeyValueStore {
  const data = new Map<string, string>();
  return {
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const denied = (): never => {
  throw new DOMException('denied', 'SecurityError');
};
const throwing: KeyValueStore = { getItem: denied, setItem: denied, removeItem: denied };

describe('player storage helpers', () => {
  it('writes, reads and removes through a working store', () => {
    const store = memoryStore();
    expect(writeItem('token', 'abc', store)).toBe(true);
    expect(readItem('token', store)).toBe('abc');
    expect(removeItem('token', store)).toBe(true);
    expect(readItem('token', store)).toBeNull();
  });

  it('never throws when a locked-down browser refuses storage', () => {
    expect(readItem('token', throwing)).toBeNull();
    expect(writeItem('token', 'abc', throwing)).toBe(false);
    expect(removeItem('token', throwing)).toBe(false);
    expect(readItem('token', null)).toBeNull();
  });
});
