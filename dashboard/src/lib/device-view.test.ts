import { describe, expect, it } from 'vitest';
import { deviceView, liveCounts } from './device-view';
import type { Device } from './devices-api';
import { EMPTY_LIVE, applyFrame } from './live-status';

const device = (id: number, lastSeenAt: string | null = null): Device => ({
  id,
  name: `Thiết bị ${id}`,
  kind: 'speaker',
  location: { residentialGroup: 'Tổ dân phố 3', address: null, lat: null, lon: null },
  orientation: 'landscape',
  resolution: null,
  volume: 70,
  operatingHours: null,
  quietHours: null,
  broadcastSlots: null,
  groupIds: [],
  powerOverride: null,
  paired: true,
  tokenIssuedAt: null,
  lastSeenAt,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const frame = (deviceId: string, online: boolean, lastSeenAt: number, playing = true) =>
  JSON.stringify({
    type: 'device.status.v1',
    deviceId,
    online,
    lastSeenAt,
    nowPlaying: playing
      ? { itemId: 'i', contentId: '7', versionId: '1', sha256: 'a'.repeat(64), class: 'normal', startedAt: lastSeenAt }
      : null,
    cache: { files: 3, missing: 1, bytes: 10, timelineVersion: null },
    freeBytes: null,
    errors: [],
    playerVersion: null,
  });

describe('deviceView', () => {
  it('is offline with the stored last-seen time when the feed has not mentioned the device', () => {
    const v = deviceView(device(1, '2026-03-01T00:00:00Z'), EMPTY_LIVE);
    expect(v).toMatchObject({ online: false, lastSeenAt: Date.parse('2026-03-01T00:00:00Z'), nowPlaying: null, cache: 'unknown' });
  });

  it('takes online, now playing and cache from the feed, and the later of the two last-seen times', () => {
    const live = applyFrame(EMPTY_LIVE, frame('1', true, Date.parse('2026-03-02T00:00:00Z')));
    const v = deviceView(device(1, '2026-03-01T00:00:00Z'), live);
    expect(v).toMatchObject({ online: true, lastSeenAt: Date.parse('2026-03-02T00:00:00Z'), cache: 'syncing', cacheMissing: 1 });
    expect(v.nowPlaying?.contentId).toBe('7');
  });

  it('never says an offline device is playing', () => {
    const live = applyFrame(EMPTY_LIVE, frame('1', false, 5));
    expect(deviceView(device(1), live).nowPlaying).toBeNull();
  });
});

describe('liveCounts', () => {
  it('counts online, offline and playing devices', () => {
    let live = applyFrame(EMPTY_LIVE, frame('1', true, 5));
    live = applyFrame(live, frame('2', true, 5, false));
    const views = [1, 2, 3].map((id) => deviceView(device(id), live));
    expect(liveCounts(views)).toEqual({ online: 2, offline: 1, playing: 1 });
  });
});
