import { describe, expect, it } from 'vitest';
import { parseInbound } from './inbound';

describe('parseInbound', () => {
  it('accepts the server messages the player acts on', () => {
    expect(parseInbound('{"type":"time.v1","serverTime":1700000000000}')?.type).toBe('time.v1');
    expect(parseInbound('{"type":"plays.ack.v1","eventIds":["a","b"]}')?.type).toBe('plays.ack.v1');
    expect(parseInbound('{"type":"command.v1","id":"c1","command":{"name":"identify"}}')?.type).toBe('command.v1');
    const timeline = { from: 0, to: 1, version: 'v', items: [], sequences: [], segments: [], media: [] };
    expect(parseInbound(JSON.stringify({ type: 'timeline.v2', timeline }), 'd')).toEqual({
      type: 'timeline.v2',
      timeline: { deviceId: 'd', from: 0, to: 1, version: 'v', segments: [], media: [] },
    });
  });

  it('refuses a packed timeline whose indexes or segments are out of shape', () => {
    const item = { id: 'i', contentId: '1', versionId: '1', sha256: 'a'.repeat(64), kind: 'image', durationMs: 1000, reason: { scheduleId: null, rule: 'r' } };
    const seg = { start: 0, end: 10, class: 'normal', mode: 'loop', seq: 0 };
    const base = { from: 0, to: 20, version: 'v', items: [item], sequences: [[0]], segments: [seg], media: [] };
    const ok = parseInbound(JSON.stringify({ type: 'timeline.v2', timeline: base }));
    expect(ok?.type === 'timeline.v2' && ok.timeline.segments[0]!.items).toEqual([item]);
    for (const bad of [
      { ...base, sequences: [[1]] }, // item index out of range
      { ...base, sequences: [[-1]] },
      { ...base, segments: [{ ...seg, seq: 1 }] }, // sequence index out of range
      { ...base, segments: [seg, { ...seg, start: 5, end: 15 }] }, // overlap
      { ...base, segments: [{ ...seg, end: 0 }] },
      { ...base, segments: [{ ...seg, class: 'vip' }] },
      { ...base, items: [{ ...item, durationMs: 0 }] },
      { ...base, items: [{ ...item, kind: 'html' }] },
      { ...base, to: -1 },
      { ...base, sequences: undefined },
      { ...base, segments: [{ start: 0, end: 10, class: 'normal', mode: 'loop', items: [item] }] }, // v1 shape
    ]) {
      expect(parseInbound(JSON.stringify({ type: 'timeline.v2', timeline: bad }))).toBeNull();
    }
    expect(parseInbound(JSON.stringify({ type: 'timeline.v1', timeline: { ...base, segments: [] } }))).toBeNull();
  });

  it('drops garbage, unknown types and malformed members without throwing', () => {
    for (const raw of [
      '',
      'not json',
      '[]',
      'null',
      '{"type":"nope.v1"}',
      '{"type":"toString"}',
      '{"type":"time.v1","serverTime":"x"}',
      '{"type":"plays.ack.v1","eventIds":[1]}',
      '{"type":"alert.v1","id":"a","text":"t","action":"explode","expiresAt":1}',
    ]) {
      expect(parseInbound(raw)).toBeNull();
    }
    expect(parseInbound(new ArrayBuffer(2))).toBeNull();
  });
});
