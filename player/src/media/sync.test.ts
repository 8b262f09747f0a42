import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MediaRef } from '@bantin/protocol/core';
import { sha256Hex } from '../lib/sha256';
import { memoryMediaStore } from './store';
import { createMediaSync } from './sync';

const enc = new TextEncoder();
function file(text: string): { ref: MediaRef; bytes: ArrayBuffer } {
  const bytes = enc.encode(text);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { ref: { sha256, size: bytes.length, mime: 'image/png', url: `/api/device/media/${sha256}` }, bytes: bytes.buffer as ArrayBuffer };
}

function setup(served: Map<string, ArrayBuffer>) {
  const store = memoryMediaStore();
  const fetched: string[] = [];
  const errors: string[] = [];
  const sync = createMediaSync({
    store,
    hash: (b) => sha256Hex(b),
    onError: (m) => errors.push(m),
    fetchBytes: async (ref) => {
      fetched.push(ref.sha256);
      const b = served.get(ref.url);
      if (!b) throw new Error('offline');
      return b;
    },
  });
  return { store, fetched, errors, sync };
}

describe('createMediaSync', () => {
  const a = file('image A');
  const b = file('video B');

  it('downloads the manifest and marks each verified file ready', async () => {
    const { sync, store } = setup(
      new Map([
        [a.ref.url, a.bytes],
        [b.ref.url, b.bytes],
      ]),
    );
    const report = await sync.sync([a.ref, b.ref]);
    expect([...report.ready].sort()).toEqual([a.ref.sha256, b.ref.sha256].sort());
    expect(report.missing).toEqual([]);
    expect(report.bytes).toBe(a.ref.size + b.ref.size);
    expect(await (await store.blob(a.ref.sha256))!.text()).toBe('image A');
  });

  it('refuses and never stores a file whose bytes do not match its sha256', async () => {
    const { sync, store, errors } = setup(new Map([[a.ref.url, enc.encode('tampered').buffer as ArrayBuffer]]));
    const report = await sync.sync([a.ref]);
    expect(report.ready.size).toBe(0);
    expect(report.missing).toEqual([a.ref.sha256]);
    expect(store.size()).toBe(0);
    expect(errors[0]).toMatch(/mismatch/);
  });

  it('does not download again what is already stored', async () => {
    const { sync, fetched } = setup(new Map([[a.ref.url, a.bytes]]));
    await sync.sync([a.ref]);
    await sync.sync([a.ref]);
    expect(fetched).toEqual([a.ref.sha256]);
  });

  it('evicts files no longer in the timeline but keeps pinned alert media', async () => {
    const { sync, store } = setup(
      new Map([
        [a.ref.url, a.bytes],
        [b.ref.url, b.bytes],
      ]),
    );
    await sync.sync([a.ref, b.ref]);
    await sync.sync([a.ref]);
    expect(await store.list()).toEqual([a.ref.sha256]);
    await sync.sync([], [a.ref]);
    expect(await store.list()).toEqual([a.ref.sha256]);
    expect(sync.ready().has(a.ref.sha256)).toBe(true);
  });

  it('keeps playing from the store when the server is unreachable, and reports what is missing', async () => {
    const served = new Map([[a.ref.url, a.bytes]]);
    const { sync } = setup(served);
    await sync.sync([a.ref]);
    served.clear();
    const report = await sync.sync([a.ref, b.ref]);
    expect([...report.ready]).toEqual([a.ref.sha256]);
    expect(report.missing).toEqual([b.ref.sha256]);
  });
});
