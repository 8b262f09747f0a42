import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_DEVICE_MESSAGE_BYTES, type PlayRecord } from './core/messages';
import { REGION_KINDS } from './core/layout';
import { ServerToDeviceSchema, parseDeviceMessage, parseServerMessage } from './messages';

const sha = 'b'.repeat(64);
const record = (i: number): PlayRecord => ({
  eventId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  contentId: '7',
  versionId: '12',
  sha256: sha,
  start: 1_000,
  end: 2_000,
  result: 'completed',
  class: 'normal',
});
const feedback = { type: 'feedback.v1', eventId: record(1).eventId, rating: 4, topic: 'Thủ tục hành chính', createdAt: 5 };

describe('parseDeviceMessage', () => {
  it('accepts every device message kind with its example payload', () => {
    const msgs = [
      { type: 'hello.v1', playerVersion: '0.1.0', capabilities: ['video', 'speech'], deviceClock: 1 },
      {
        type: 'heartbeat.v1',
        nowPlaying: { itemId: 'i', contentId: '7', versionId: '12', sha256: sha, class: 'normal', startedAt: 3 },
        cache: { files: 3, missing: 0, bytes: 1024, timelineVersion: 'fnv1a64:0' },
        freeBytes: null,
        errors: [],
        uptimeMs: 10,
      },
      { type: 'plays.v1', records: [record(1), record(2)] },
      feedback,
      { type: 'ack.v1', of: 'alert', id: '3', action: 'start' },
    ];
    for (const m of msgs) expect(parseDeviceMessage(JSON.stringify(m))).toMatchObject({ ok: true, message: { type: m.type } });
  });

  it('answers bad JSON, unknown types and invalid payloads with a code, never by throwing', () => {
    expect(parseDeviceMessage('{nope')).toMatchObject({ ok: false, code: 'bad_json' });
    expect(parseDeviceMessage('[1]')).toMatchObject({ ok: false, code: 'unknown_type' });
    expect(parseDeviceMessage('{"type":"hello.v9"}')).toMatchObject({ ok: false, code: 'unknown_type' });
    expect(parseDeviceMessage('{"type":"timeline.v1"}')).toMatchObject({ ok: false, code: 'unknown_type' });
    expect(parseDeviceMessage('{"type":"ack.v1","of":"alert"}')).toMatchObject({ ok: false, code: 'invalid', ref: 'ack.v1' });
  });

  it('never throws on arbitrary input', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json()), (s) => typeof parseDeviceMessage(s).ok === 'boolean'));
  });

  it('refuses a batch of more than 500 play records, and accepts exactly 500', () => {
    const big = (n: number) => JSON.stringify({ type: 'plays.v1', records: Array.from({ length: n }, (_, i) => record(i)) });
    expect(parseDeviceMessage(big(500)).ok).toBe(true);
    expect(parseDeviceMessage(big(501))).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses an oversized frame before parsing it', () => {
    const raw = JSON.stringify({ type: 'hello.v1', playerVersion: 'x'.repeat(MAX_DEVICE_MESSAGE_BYTES), capabilities: [], deviceClock: 1 });
    expect(parseDeviceMessage(raw)).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('refuses a play record that ends before it starts or has no UUID', () => {
    expect(parseDeviceMessage(JSON.stringify({ type: 'plays.v1', records: [{ ...record(1), end: 0 }] })).ok).toBe(false);
    expect(parseDeviceMessage(JSON.stringify({ type: 'plays.v1', records: [{ ...record(1), eventId: 'x' }] })).ok).toBe(false);
  });

  it('takes a play record with a layout region kind or none, and refuses any other region', () => {
    const plays = (extra: Record<string, unknown>) => parseDeviceMessage(JSON.stringify({ type: 'plays.v1', records: [{ ...record(1), ...extra }] }));
    expect(plays({}).ok).toBe(true);
    for (const region of REGION_KINDS) expect(plays({ region })).toMatchObject({ ok: true, message: { records: [{ region }] } });
    for (const region of ['sidebar', 'MAIN', '', null, 1]) expect(plays({ region })).toMatchObject({ ok: false, code: 'invalid' });
  });

  it('refuses a phone number without consent, and accepts it with consent and a retention period', () => {
    expect(parseDeviceMessage(JSON.stringify({ ...feedback, phone: '0912345678' }))).toMatchObject({ ok: false, code: 'invalid' });
    const consent = { given: true, at: 5, retentionDays: 90 };
    expect(parseDeviceMessage(JSON.stringify({ ...feedback, phone: '0912345678', consent })).ok).toBe(true);
    expect(parseDeviceMessage(JSON.stringify({ ...feedback, phone: '0912345678', consent: { ...consent, given: false } })).ok).toBe(false);
    expect(parseDeviceMessage(JSON.stringify({ ...feedback, rating: 6 })).ok).toBe(false);
  });

  it('refuses unknown fields (strict objects)', () => {
    expect(parseDeviceMessage(JSON.stringify({ type: 'ack.v1', of: 'alert', id: '1', extra: true })).ok).toBe(false);
  });
});

describe('parseServerMessage', () => {
  it('reads every server message kind', () => {
    const msgs = [
      { type: 'time.v1', serverTime: 10, deviceClock: 4 },
      { type: 'timeline.v2', timeline: { from: 0, to: 10, version: 'v', items: [], sequences: [], segments: [], media: [] } },
      {
        type: 'alert.v1', action: 'start', id: '1', text: 'Bão số 3', severity: 'extreme', audio: null,
        speech: { url: '/api/device/media/' + sha, sha256: sha }, repeatEveryMs: 300_000, startsAt: 0, expiresAt: 9,
      },
      { type: 'command.v1', id: 'c1', command: { name: 'set_volume', volume: 40 } },
      { type: 'error.v1', code: 'invalid', message: 'x' },
      { type: 'plays.ack.v1', eventIds: [record(1).eventId] },
      { type: 'feedback.ack.v1', eventId: record(1).eventId },
    ];
    for (const m of msgs) {
      expect(parseServerMessage(JSON.stringify(m))).toMatchObject({ ok: true });
      expect(ServerToDeviceSchema.safeParse(m).success).toBe(true);
    }
    expect(parseServerMessage(JSON.stringify({ type: 'command.v1', id: 'c', command: { name: 'set_volume', volume: 101 } })).ok).toBe(false);
  });
});
