import { describe, expect, it } from 'vitest';
import { liveSha256, type Segment, type TimelineItem } from '@bantin/protocol';
import { LIVE_SKEW_MS, liveAllowedUntil } from './live-socket';

const liveItem = (id: string): TimelineItem => ({
  id: `i-${id}`,
  contentId: id,
  versionId: `${id}:1`,
  sha256: liveSha256(id),
  kind: 'audio',
  durationMs: 86_400_000,
  reason: { scheduleId: '1', rule: 'test' },
  live: { id, title: 'VOV1' },
});
const clip: TimelineItem = {
  id: 'clip',
  contentId: '9',
  versionId: '9',
  sha256: 'a'.repeat(64),
  kind: 'audio',
  durationMs: 10_000,
  reason: { scheduleId: null, rule: 'test' },
};
const seg = (start: number, end: number, items: TimelineItem[]): Segment => ({ start, end, class: 'normal', mode: 'once', items });
const tl = (segments: Segment[], to = 1_000_000) => ({ segments, to });

describe('liveAllowedUntil', () => {
  const relay = liveItem('relay:1');
  it('allows a feed whose segment holds now, until the segment ends', () => {
    expect(liveAllowedUntil(tl([seg(0, 100, [clip]), seg(100, 5000, [relay]), seg(5000, 6000, [clip])]), 'relay:1', 2000)).toBe(5000);
    expect(liveAllowedUntil(tl([seg(100, 5000, [relay])]), 'relay:1', 5000)).toBeNull();
    expect(liveAllowedUntil(tl([seg(100, 5000, [relay])]), 'relay:2', 2000)).toBeNull();
    expect(liveAllowedUntil(tl([seg(100, 5000, [clip])]), 'relay:1', 2000)).toBeNull();
  });

  it(`allows a segment starting up to ${LIVE_SKEW_MS} ms after now, not later`, () => {
    const t = tl([seg(0, 100, [clip]), seg(10_000, 20_000, [relay])]);
    expect(liveAllowedUntil(t, 'relay:1', 10_000 - LIVE_SKEW_MS)).toBe(20_000);
    expect(liveAllowedUntil(t, 'relay:1', 10_000 - LIVE_SKEW_MS - 1)).toBeNull();
  });

  it('extends over following segments of the same feed without a gap, and stops at the timeline’s end', () => {
    const t = tl([seg(0, 100, [relay]), seg(100, 200, [relay, clip]), seg(200, 300, [relay]), seg(350, 400, [relay])], 250);
    expect(liveAllowedUntil(t, 'relay:1', 50)).toBe(250);
    expect(liveAllowedUntil(tl([seg(0, 100, [relay]), seg(100, 200, [clip]), seg(200, 300, [relay])]), 'relay:1', 50)).toBe(100);
  });
});
