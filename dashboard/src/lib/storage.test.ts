import { describe, expect, it } from 'vitest';
import { readItem, writeItem, type KeyValueStore } from '@bantin/protocol/core';

const throwing: KeyValueStore = {
  getItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('full', 'QuotaExceededError');
  },
  removeItem: () => {
    throw new DOMException('denied', 'SecurityError');
  },
};

describe('storage helpers', () => {
  it('round-trips a value through a working store', () => {
    const data = new Map<string, string>();
    const store: KeyValueStore = {
      getItem: (k) => data.get(k) ?? null,
      setItem: (k, v) => void data.set(k, v),
      removeItem: (k) => void data.delete(k),
    };
    expect(writeItem('k', 'v', store)).toBe(true);
    expect(readItem('k', store)).toBe('v');
  });

  it('reads null and reports a failed write when the browser throws', () => {
    expect(readItem('k', throwing)).toBeNull();
    expect(writeItem('k', 'v', throwing)).toBe(false);
  });

  it('degrades to no storage when there is none', () => {
    expect(readItem('k', null)).toBeNull();
    expect(writeItem('k', 'v', null)).toBe(false);
  });
});
