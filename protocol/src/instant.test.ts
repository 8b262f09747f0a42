import { describe, expect, it } from 'vitest';
import { DeviceToServerSchema } from './messages';

describe('instants in device messages', () => {
  it('accepts a fractional heartbeat nowPlaying.startedAt and rounds it', () => {
    const sha = 'a'.repeat(64);
    const r = DeviceToServerSchema.safeParse({
      type: 'heartbeat.v1',
      nowPlaying: { itemId: 'i', contentId: 'c', versionId: 'v', sha256: sha, class: 'normal', startedAt: 1_700_000_000_000.4 },
      cache: { files: 0, missing: 0, bytes: 0, timelineVersion: null },
      freeBytes: null,
      errors: [],
      uptimeMs: 5,
    });
    expect(r.success).toBe(true);
    if (r.success && r.data.type === 'heartbeat.v1') expect(r.data.nowPlaying?.startedAt).toBe(1_700_000_000_000);
  });
  it('accepts a fractional hello deviceClock and refuses a non-finite one', () => {
    const hello = { type: 'hello.v1', playerVersion: '1', capabilities: [] };
    const ok = DeviceToServerSchema.safeParse({ ...hello, deviceClock: 12.6 });
    expect(ok.success && ok.data.type === 'hello.v1' && ok.data.deviceClock).toBe(13);
    expect(DeviceToServerSchema.safeParse({ ...hello, deviceClock: Infinity }).success).toBe(false);
  });
});
