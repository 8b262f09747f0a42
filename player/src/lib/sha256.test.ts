import { createHash, webcrypto } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Js } from './sha256';

const enc = new TextEncoder();

describe('sha256Js (fallback for non-secure contexts)', () => {
  it('matches the FIPS 180-4 / NIST known vectors', () => {
    expect(sha256Js(enc.encode(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Js(enc.encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Js(enc.encode('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('hashes one million "a" like the NIST long vector', () => {
    expect(sha256Js(new Uint8Array(1_000_000).fill(0x61))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('agrees with node:crypto on every length around the padding boundaries', () => {
    for (let len = 0; len < 200; len++) {
      const data = new Uint8Array(len).map((_, i) => (i * 31 + len) & 0xff);
      expect(sha256Js(data)).toBe(createHash('sha256').update(data).digest('hex'));
    }
  });

  it('hashes a view into a larger buffer by its own bytes only', () => {
    const big = enc.encode('xxabcxx');
    expect(sha256Js(big.subarray(2, 5))).toBe(sha256Js(enc.encode('abc')));
  });
});

describe('sha256Hex', () => {
  it('gives the same answer through WebCrypto and through the fallback', async () => {
    const data = enc.encode('Bản tin phường — Góp ý');
    const viaSubtle = await sha256Hex(data, webcrypto.subtle as SubtleCrypto);
    const viaJs = await sha256Hex(data, undefined);
    expect(viaSubtle).toBe(viaJs);
    expect(viaJs).toBe(createHash('sha256').update(data).digest('hex'));
  });
});
