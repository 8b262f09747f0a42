import { webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { uuidV4 } from './uuid';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidV4', () => {
  it('builds RFC 4122 version-4 ids without randomUUID (non-secure context)', () => {
    const insecure = {
      getRandomValues: <T extends ArrayBufferView | null>(a: T) => webcrypto.getRandomValues(a as Uint8Array) as unknown as T,
    };
    const ids = new Set(Array.from({ length: 500 }, () => uuidV4(insecure)));
    expect(ids.size).toBe(500);
    for (const id of ids) expect(id).toMatch(V4);
  });

  it('uses randomUUID where the browser has it', () => {
    expect(uuidV4(webcrypto as unknown as Crypto)).toMatch(V4);
  });
});
