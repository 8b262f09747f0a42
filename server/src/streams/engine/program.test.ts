// What a zone sends out while an alert is on: the alert round, unless a live announcement is on — a person
// speaking now goes over the recorded alert, which comes back when the announcement ends.
import { describe, expect, it } from 'vitest';
import { liveSha256, type DeviceTimeline, type TimelineItem } from '@bantin/protocol/core';
import { slotAt, type ProgramInputs } from './program';

const T0 = Date.parse('2026-03-02T10:00:00+07:00');
const live: TimelineItem = {
  id: 'live:7:announce:7',
  contentId: 'announce:7',
  versionId: 'announce:7',
  sha256: liveSha256('announce:7'),
  kind: 'audio',
  durationMs: 3_600_000,
  reason: { scheduleId: null, rule: 'emergency: phát trực tiếp #7' },
  live: { id: 'announce:7', title: 'Phát trực tiếp: Chị Mai' },
};
const timeline = (segments: DeviceTimeline['segments']): DeviceTimeline => ({ deviceId: 'zone:1', from: T0 - 3_600_000, to: T0 + 3_600_000, version: 'v', segments, media: [] });
const inputs = (tl: DeviceTimeline): ProgramInputs => ({
  timeline: tl,
  alert: { id: 'a1', title: 'Bão số 3', startedAt: T0 - 60_000, repeatEveryMs: 60_000, expiresAt: T0 + 3_600_000, sha: 'f'.repeat(64) },
  tone: { sha: 'e'.repeat(64), durationMs: 2000 },
  durationOf: () => 30_000,
  titleOf: () => undefined,
  inQuietHours: () => false,
});

describe('slotAt with an alert on', () => {
  it('plays the live announcement while it is on, the alert round otherwise', () => {
    const tl = timeline([{ start: T0, end: T0 + 120_000, class: 'emergency', mode: 'once', items: [live] }]);
    const during = slotAt(inputs(tl), T0 + 10_000);
    expect(during).toMatchObject({ live: 'announce:7', sha: null, reason: 'emergency', title: 'Phát trực tiếp: Chị Mai' });
    const before = slotAt(inputs(tl), T0 - 50_000);
    expect(before.key).toMatch(/^alert:a1:/);
    const after = slotAt(inputs(tl), T0 + 130_000);
    expect(after.live).toBeUndefined();
  });

  it('keeps the alert over a relay (a recording of a station is no person speaking now)', () => {
    const relay = { ...live, id: 'relay', contentId: 'relay:3', live: { id: 'relay:3', title: 'VOV1' } };
    const tl = timeline([{ start: T0, end: T0 + 120_000, class: 'normal', mode: 'once', items: [relay] }]);
    expect(slotAt(inputs(tl), T0 + 10_000).key).toMatch(/^alert:a1:/);
  });
});
