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

  const sha = 'a'.repeat(64);
  const beat = (extra: Record<string, unknown>) => ({
    type: 'heartbeat.v1',
    nowPlaying: null,
    cache: { files: 1, missing: 0, bytes: 10, timelineVersion: null },
    freeBytes: null,
    errors: [],
    uptimeMs: 5,
    ...extra,
  });

  it('accepts fractional heartbeat sizes and uptime (browser measurements) and rounds them', () => {
    const r = DeviceToServerSchema.safeParse(
      beat({ cache: { files: 1, missing: 0, bytes: 10.5, timelineVersion: null }, freeBytes: 299_977_904_947.2, uptimeMs: 61_000.7 }),
    );
    expect(r.success && r.data.type === 'heartbeat.v1' && [r.data.cache.bytes, r.data.freeBytes, r.data.uptimeMs]).toEqual([
      11, 299_977_904_947, 61_001,
    ]);
    for (const bad of [{ uptimeMs: NaN }, { freeBytes: Infinity }, { uptimeMs: -1 }])
      expect(DeviceToServerSchema.safeParse(beat(bad)).success).toBe(false);
  });

  it('accepts fractional play start and end and rounds them, refusing non-finite ones', () => {
    const rec = {
      eventId: '00000000-0000-4000-8000-000000000001',
      contentId: '1',
      versionId: '1',
      sha256: sha,
      result: 'completed',
      class: 'normal',
    };
    const r = DeviceToServerSchema.safeParse({ type: 'plays.v1', records: [{ ...rec, start: 1_000.4, end: 2_000.6 }] });
    expect(r.success && r.data.type === 'plays.v1' && [r.data.records[0]!.start, r.data.records[0]!.end]).toEqual([1_000, 2_001]);
    expect(DeviceToServerSchema.safeParse({ type: 'plays.v1', records: [{ ...rec, start: 1_000, end: Infinity }] }).success).toBe(false);
    expect(DeviceToServerSchema.safeParse({ type: 'plays.v1', records: [{ ...rec, start: NaN, end: 2_000 }] }).success).toBe(false);
  });

  it('accepts fractional feedback createdAt and consent time and rounds them, refusing non-finite ones', () => {
    const fb = { type: 'feedback.v1', eventId: '00000000-0000-4000-8000-000000000002', rating: 5, topic: 'Thủ tục', phone: '0912345678' };
    const r = DeviceToServerSchema.safeParse({ ...fb, createdAt: 5_000.5, consent: { given: true, at: 4_999.4, retentionDays: 30 } });
    expect(r.success && r.data.type === 'feedback.v1' && [r.data.createdAt, r.data.consent?.at]).toEqual([5_001, 4_999]);
    expect(DeviceToServerSchema.safeParse({ ...fb, createdAt: Infinity, consent: { given: true, at: 1, retentionDays: 30 } }).success).toBe(
      false,
    );
    expect(DeviceToServerSchema.safeParse({ ...fb, createdAt: 1, consent: { given: true, at: NaN, retentionDays: 30 } }).success).toBe(
      false,
    );
  });

  it('ack.v1 carries no instant', () => {
    expect(DeviceToServerSchema.safeParse({ type: 'ack.v1', of: 'alert', id: '7', action: 'cancel' }).success).toBe(true);
  });
});
