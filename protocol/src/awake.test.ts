// Awake intervals (screen on and off): their canonical form, lookups, version, joining, packing and the
// heartbeat's `sleeping` flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packTimeline, unpackTimeline } from './core/packed';
import {
  awakeWithin,
  clipSegment,
  computeTimelineVersion,
  isAwakeAt,
  joinTimelines,
  nextAwakeChange,
  versionWithAwake,
  type AwakeInterval,
  type DeviceTimeline,
  type Segment,
  type TimelineItem,
} from './core/timeline';
import { DeviceStatusMessageSchema, parseDeviceMessage } from './messages';
import { DeviceTimelineSchema, PackedTimelineSchema } from './timeline';

const H = 3_600_000;
const A: TimelineItem = {
  id: 'a',
  contentId: '1',
  versionId: '1',
  sha256: 'a'.repeat(64),
  kind: 'image',
  durationMs: 10_000,
  reason: { scheduleId: null, rule: 'r' },
};

describe('awakeWithin', () => {
  it('clips to the range, merges touching intervals, and is absent when on all through', () => {
    const on = [
      { start: -5, end: 10 },
      { start: 10, end: 20 },
      { start: 30, end: 200 },
    ];
    expect(awakeWithin(on, 0, 100)).toEqual([
      [0, 20],
      [30, 100],
    ]);
    expect(awakeWithin([{ start: -Infinity, end: Infinity }], 0, 100)).toBeUndefined();
    expect(awakeWithin([], 0, 100)).toEqual([]);
  });
});

describe('isAwakeAt / nextAwakeChange', () => {
  const awake: AwakeInterval[] = [
    [10, 20],
    [30, 40],
  ];
  it('answers on at the start, off at the end of each interval, on everywhere without intervals', () => {
    expect([5, 10, 19, 20, 25, 30, 40].map((t) => isAwakeAt(awake, t))).toEqual([false, true, true, false, false, true, false]);
    expect(isAwakeAt(undefined, 5)).toBe(true);
    expect(isAwakeAt([], 5)).toBe(false);
  });
  it('names the next boundary after t', () => {
    expect([0, 10, 15, 20, 35, 40].map((t) => nextAwakeChange(awake, t))).toEqual([10, 20, 20, 30, 40, null]);
    expect(nextAwakeChange(undefined, 0)).toBeNull();
  });
});

describe('versionWithAwake', () => {
  it('keeps the version without intervals, and gives another hash of the same length with them', () => {
    const v = computeTimelineVersion([]);
    expect(versionWithAwake(v, undefined)).toBe(v);
    const a = versionWithAwake(v, [[0, 10]]);
    const b = versionWithAwake(v, [[0, 11]]);
    expect(a).not.toBe(v);
    expect(a).not.toBe(b);
    expect(versionWithAwake(v, [])).not.toBe(v);
    expect(a).toHaveLength(v.length);
  });
});

/** A screen's day: on 06:00–22:00 (hours from 0), its one loop segment inside. */
function screenDay(from: number, to: number): DeviceTimeline {
  const seg: Segment = { start: 6 * H, end: 22 * H, class: 'fallback', mode: 'loop', items: [A] };
  const segments = [clipSegment(seg, from, to)].filter((s): s is Segment => s !== null);
  const awake = awakeWithin([{ start: 6 * H, end: 22 * H }], from, to);
  const tl: DeviceTimeline = {
    deviceId: 'd',
    from,
    to,
    version: versionWithAwake(computeTimelineVersion(segments), awake),
    segments,
    media: [],
  };
  if (awake) tl.awake = awake;
  return tl;
}

describe('joinTimelines with awake intervals', () => {
  it('joins the awake intervals of any cut back into the whole', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 * H - 1 }), (b) => {
        const whole = screenDay(0, 24 * H);
        const joined = joinTimelines(screenDay(0, b), screenDay(b, 24 * H));
        expect(joined).toEqual(whole);
      }),
    );
  });
  it('is absent again when the joined parts are on all through', () => {
    const joined = joinTimelines(screenDay(7 * H, 10 * H), screenDay(10 * H, 20 * H));
    expect(joined.awake).toBeUndefined();
  });
});

describe('packing the awake intervals', () => {
  it('carries them in timeline.v2 and v3 and unpacks them exactly', () => {
    const tl = screenDay(0, 24 * H);
    for (const format of ['v2', 'v3'] as const) {
      const packed = JSON.parse(JSON.stringify(packTimeline(tl, format)));
      expect(packed.awake).toEqual([[6 * H, 22 * H]]);
      expect(PackedTimelineSchema.safeParse(packed).success).toBe(true);
      expect(unpackTimeline(packed, 'd')).toEqual(tl);
    }
    expect(DeviceTimelineSchema.safeParse(tl).success).toBe(true);
    expect(packTimeline(screenDay(7 * H, 8 * H))).not.toHaveProperty('awake');
  });

  it('refuses intervals out of shape (reversed, unsorted, touching, not whole ms)', () => {
    const base = packTimeline(screenDay(0, 24 * H));
    for (const awake of [
      [[5, 5]],
      [[5, 1]],
      [
        [10, 20],
        [0, 5],
      ],
      [
        [0, 10],
        [10, 20],
      ],
      [[0.5, 10]],
      [[0, 10, 20]],
      'x',
      [null],
    ]) {
      const p = { ...base, awake };
      expect(unpackTimeline(p, 'd'), JSON.stringify(awake)).toBeNull();
      expect(PackedTimelineSchema.safeParse(p).success).toBe(false);
    }
  });
});

describe('sleeping in heartbeat.v1 and device.status.v1', () => {
  const beat = {
    type: 'heartbeat.v1',
    nowPlaying: null,
    cache: { files: 0, missing: 0, bytes: 0, timelineVersion: null },
    freeBytes: null,
    errors: [],
    uptimeMs: 1,
  };
  it('takes a boolean, and is optional', () => {
    expect(parseDeviceMessage(JSON.stringify({ ...beat, sleeping: true }))).toMatchObject({ ok: true, message: { sleeping: true } });
    expect(parseDeviceMessage(JSON.stringify(beat)).ok).toBe(true);
    expect(parseDeviceMessage(JSON.stringify({ ...beat, sleeping: 'yes' }))).toMatchObject({ ok: false, code: 'invalid' });
    const status = {
      type: 'device.status.v1',
      deviceId: '1',
      online: true,
      lastSeenAt: 1,
      nowPlaying: null,
      cache: null,
      freeBytes: null,
      errors: [],
      playerVersion: null,
    };
    expect(DeviceStatusMessageSchema.safeParse({ ...status, sleeping: true }).success).toBe(true);
    expect(DeviceStatusMessageSchema.safeParse(status).success).toBe(true);
  });
});
