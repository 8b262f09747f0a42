import { describe, expect, it } from 'vitest';
import type { PlayRecord } from '@bantin/protocol/core';
import { answerAt } from '../schedule/scheduler';
import { createFakeClock } from '../test-support/fake-clock';
import { item, segment, timeline } from '../test-support/timelines';
import { createPlaysRecorder, isSendablePlay } from './plays-recorder';

const T0 = 1_700_000_000_000;
const a = item('a', 10_000);
const b = item('bb', 5_000);
const tl = timeline(T0, T0 + 60_000, [segment(T0, T0 + 60_000, [a, b], { class: 'priority' })]);

function setup(start = T0) {
  const clock = createFakeClock(start);
  const records: PlayRecord[] = [];
  let n = 0;
  const rec = createPlaysRecorder({
    clock,
    uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
    record: (r) => records.push(r),
  });
  const step = (shown = true) => rec.begin(answerAt(tl, clock.now()), shown);
  return { clock, records, rec, step };
}

describe('createPlaysRecorder', () => {
  it('records a completed play with its version, sha256, times and class', () => {
    const { clock, records, step } = setup();
    step();
    clock.advance(10_000);
    step();
    expect(records).toEqual([
      {
        eventId: expect.any(String),
        contentId: 'c-a',
        versionId: 'v-a',
        sha256: a.sha256,
        start: T0,
        end: T0 + 10_000,
        result: 'completed',
        class: 'priority',
      },
    ]);
  });

  it('marks a play cut short as interrupted and one joined mid-way from when it was shown', () => {
    const { clock, records, step, rec } = setup(T0 + 4_000);
    step();
    clock.advance(2_000);
    rec.close();
    expect(records[0]).toMatchObject({ start: T0 + 4_000, end: T0 + 6_000, result: 'interrupted' });
  });

  it('marks a play whose media failed as failed', () => {
    const { clock, records, step, rec } = setup();
    step();
    rec.fail(rec.current()!.key);
    clock.advance(10_000);
    step();
    expect(records[0]!.result).toBe('failed');
  });

  it('does not record what was not shown, nor the same play twice', () => {
    const { clock, records, step } = setup();
    step(false);
    clock.advance(10_000);
    step();
    step();
    clock.advance(5_000);
    step();
    expect(records.map((r) => r.contentId)).toEqual(['c-bb']);
    expect(new Set(records.map((r) => r.eventId)).size).toBe(records.length);
  });

  it('keeps back a record the server would refuse, so it cannot block the queue', () => {
    const good: PlayRecord = {
      eventId: '3b241101-e2bb-4255-8caf-4136c566a962',
      contentId: '7',
      versionId: '12',
      sha256: 'a'.repeat(64),
      start: 1,
      end: 2,
      result: 'completed',
      class: 'normal',
    };
    expect(isSendablePlay(good)).toBe(true);
    expect(isSendablePlay({ ...good, eventId: 'nope' })).toBe(false);
    expect(isSendablePlay({ ...good, contentId: 'x'.repeat(65) })).toBe(false);
    expect(isSendablePlay({ ...good, end: 0 })).toBe(false);
    expect(isSendablePlay({ ...good, start: 1.5 })).toBe(false);
  });

  it('writes its region on every record when it has one, and keeps back a record of an unknown region', () => {
    const clock = createFakeClock(T0);
    const records: PlayRecord[] = [];
    const rec = createPlaysRecorder({ clock, uuid: () => '3b241101-e2bb-4255-8caf-4136c566a962', record: (r) => records.push(r), region: 'ticker' });
    rec.begin(answerAt(tl, clock.now()), true);
    clock.advance(10_000);
    rec.close();
    expect(records).toEqual([expect.objectContaining({ contentId: 'c-a', region: 'ticker', result: 'completed' })]);
    expect(isSendablePlay(records[0]!)).toBe(true);
    expect(isSendablePlay({ ...records[0]!, region: 'sidebar' as never })).toBe(false);
  });
});
