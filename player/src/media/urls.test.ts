import { describe, expect, it } from 'vitest';
import { memoryMediaStore } from './store';
import { createMediaUrls } from './urls';

function setup(swServes = false) {
  const store = memoryMediaStore();
  const revoked: string[] = [];
  let n = 0;
  const urls = createMediaUrls({
    store,
    swServes: () => swServes,
    createObjectURL: () => `blob:${++n}`,
    revokeObjectURL: (u) => revoked.push(u),
  });
  return { store, urls, revoked };
}

describe('createMediaUrls', () => {
  it('shares one object URL per file and revokes it when the last holder releases', async () => {
    const { store, urls, revoked } = setup();
    await store.put('aa', new ArrayBuffer(3), 'image/png');
    const [u1, u2] = await Promise.all([urls.acquire('aa'), urls.acquire('aa')]);
    expect(u1).toBe(u2);
    urls.release('aa');
    expect(revoked).toEqual([]);
    urls.release('aa');
    expect(revoked).toEqual([u1]);
    expect(urls.live()).toBe(0);
  });

  it('gives nothing for a file that is not stored (never verified)', async () => {
    const { urls } = setup();
    expect(await urls.acquire('missing')).toBeNull();
    expect(urls.live()).toBe(0);
  });

  it('stays bounded over many plays', async () => {
    const { store, urls } = setup();
    for (const s of ['a', 'b', 'c']) await store.put(s, new ArrayBuffer(1), 'image/png');
    for (let i = 0; i < 10_000; i++) {
      const sha = ['a', 'b', 'c'][i % 3]!;
      await urls.acquire(sha);
      urls.release(sha);
    }
    expect(urls.live()).toBe(0);
  });
});
