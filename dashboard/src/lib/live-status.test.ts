import { describe, expect, it } from 'vitest';
import { EMPTY_LIVE, acksOf, applyFrame, cacheHealth } from './live-status';

const status = (over: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'device.status.v1',
    deviceId: '3',
    online: true,
    lastSeenAt: 1767225600000,
    nowPlaying: { itemId: 'x', contentId: '7', versionId: '12', sha256: 'a'.repeat(64), class: 'normal', startedAt: 1767225601000 },
    cache: { files: 14, missing: 0, bytes: 1000, timelineVersion: 'fnv1a64:1' },
    freeBytes: 2048,
    errors: [],
    playerVersion: '0.1.0',
    ...over,
  });

describe('applyFrame', () => {
  it('keeps the latest status per device', () => {
    let s = applyFrame(EMPTY_LIVE, status());
    s = applyFrame(s, status({ online: false, nowPlaying: null }));
    expect(Object.keys(s.devices)).toEqual(['3']);
    expect(s.devices['3']).toMatchObject({ online: false, nowPlaying: null, lastSeenAt: 1767225600000 });
  });

  it('records each device acknowledgement of an alert once', () => {
    const ack = JSON.stringify({ type: 'alert.ack.v1', alertId: '42', deviceId: '3', at: 5 });
    let s = applyFrame(EMPTY_LIVE, ack);
    s = applyFrame(s, ack);
    s = applyFrame(s, JSON.stringify({ type: 'alert.ack.v1', alertId: '42', deviceId: '4', at: 6 }));
    expect([...acksOf(s, 42).entries()]).toEqual([
      ['3', 5],
      ['4', 6],
    ]);
    expect(acksOf(s, 41).size).toBe(0);
  });

  it('ignores frames that are not JSON, of unknown type or missing fields', () => {
    expect(applyFrame(EMPTY_LIVE, 'not json')).toBe(EMPTY_LIVE);
    expect(applyFrame(EMPTY_LIVE, JSON.stringify({ type: 'other.v1' }))).toBe(EMPTY_LIVE);
    expect(applyFrame(EMPTY_LIVE, status({ online: 'yes' }))).toBe(EMPTY_LIVE);
    expect(applyFrame(EMPTY_LIVE, JSON.stringify({ type: 'alert.ack.v1', alertId: 42 }))).toBe(EMPTY_LIVE);
  });

  it('drops a malformed cache report instead of trusting it', () => {
    expect(applyFrame(EMPTY_LIVE, status({ cache: { files: 'many' } })).devices['3']!.cache).toBeNull();
  });
});

describe('cacheHealth', () => {
  it('is ok with nothing missing, syncing with files missing, unknown without a report', () => {
    const s = applyFrame(EMPTY_LIVE, status());
    expect(cacheHealth(s.devices['3'])).toBe('ok');
    expect(
      cacheHealth(applyFrame(EMPTY_LIVE, status({ cache: { files: 2, missing: 3, bytes: 1, timelineVersion: null } })).devices['3']),
    ).toBe('syncing');
    expect(cacheHealth(undefined)).toBe('unknown');
  });
});
