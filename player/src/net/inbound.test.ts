import { describe, expect, it } from 'vitest';
import { parseInbound } from './inbound';

describe('parseInbound', () => {
  it('accepts the server messages the player acts on', () => {
    expect(parseInbound('{"type":"time.v1","serverTime":1700000000000}')?.type).toBe('time.v1');
    expect(parseInbound('{"type":"plays.ack.v1","eventIds":["a","b"]}')?.type).toBe('plays.ack.v1');
    expect(parseInbound('{"type":"command.v1","id":"c1","command":{"name":"identify"}}')?.type).toBe('command.v1');
    const timeline = { deviceId: 'd', from: 0, to: 1, version: 'v', segments: [], media: [] };
    expect(parseInbound(JSON.stringify({ type: 'timeline.v1', timeline }))?.type).toBe('timeline.v1');
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
