// timeline.v2 frames encoded once per version: byte-identical to JSON.stringify, the same bytes for every device
// on the version (no device id on the wire); the deflated ones inflate to the same text.
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { packTimeline, parseServerMessage, unpackTimeline, type DeviceTimeline } from '@bantin/protocol';
import { createTimelineFrames } from './device-hub';

const sha = (c: string) => c.repeat(64);
const segments: DeviceTimeline['segments'] = [
  {
    start: 1_000,
    end: 61_000,
    class: 'priority',
    mode: 'once',
    items: [
      {
        id: 's1:0', contentId: '7', versionId: '12', sha256: sha('a'), kind: 'speech', durationMs: 30_000,
        text: { title: 'Thông báo', body: 'Người dân ở trong nhà, tránh xa cây lớn và cột điện "ngay".', style: 'led' },
        reason: { scheduleId: '3', rule: 'schedule' },
      },
    ],
  },
];
const media: DeviceTimeline['media'] = [{ sha256: sha('a'), size: 1234, mime: 'audio/wav', url: `/api/device/media/${sha('a')}` }];
const timeline = (deviceId: string, s = segments, m = media): DeviceTimeline => ({ deviceId, from: 0, to: 86_400_000, version: 'fnv1a64:0123456789abcdef', segments: s, media: m });

describe('createTimelineFrames', () => {
  it('gives exactly the bytes of JSON.stringify of the timeline.v2 message, Vietnamese text included', () => {
    const frame = createTimelineFrames();
    const tl = timeline('42');
    expect(frame(tl).toString('utf8')).toBe(JSON.stringify({ type: 'timeline.v2', timeline: packTimeline(tl) }));
  });

  it('deflated frames inflate to the same text, and every device on the version gets the same buffer', () => {
    const frame = createTimelineFrames();
    const text = JSON.stringify({ type: 'timeline.v2', timeline: packTimeline(timeline('1')) });
    const first = frame(timeline('1'), true);
    expect(inflateRawSync(first).toString('utf8')).toBe(text);
    expect(first.length).toBeLessThan(Buffer.byteLength(text));
    for (const id of ['2', 'thiết-bị-42']) {
      expect(frame(timeline(id), true)).toBe(first);
      expect(frame(timeline(id)).toString('utf8')).toBe(text);
    }
    // Another horizon on the same segments is another frame.
    const later = { ...timeline('1'), from: 86_400_000, to: 172_800_000 };
    expect(JSON.parse(inflateRawSync(frame(later, true)).toString('utf8')).timeline.from).toBe(86_400_000);
  });

  it('frames parse as timeline.v2 and unpack, for the device that unpacks them, to the timeline', () => {
    const frame = createTimelineFrames();
    for (const id of ['1', '2', '10000']) {
      const parsed = parseServerMessage(frame(timeline(id)).toString('utf8'));
      expect(parsed.ok).toBe(true);
      if (!parsed.ok || parsed.message.type !== 'timeline.v2') throw new Error('not a timeline.v2');
      expect(unpackTimeline(parsed.message.timeline, id)).toEqual(timeline(id));
    }
  });

  it('encodes again when the same segments come with other media', () => {
    const frame = createTimelineFrames();
    frame(timeline('1'));
    const other = [{ ...media[0]!, size: 99 }];
    const tl = timeline('1', segments, other);
    expect(frame(tl).toString('utf8')).toBe(JSON.stringify({ type: 'timeline.v2', timeline: packTimeline(tl) }));
    expect(inflateRawSync(frame(tl, true)).toString('utf8')).toBe(JSON.stringify({ type: 'timeline.v2', timeline: packTimeline(tl) }));
  });
});
