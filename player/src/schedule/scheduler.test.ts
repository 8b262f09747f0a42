import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../test-support/fake-clock';
import { item, segment, timeline } from '../test-support/timelines';
import { createScheduler, type NowPlaying } from './scheduler';

const T0 = Date.UTC(2026, 0, 5, 0, 0, 0);
const a = item('a', 10_000);
const b = item('bb', 5_000);

function run(tl = timeline(T0, T0 + 60_000, [segment(T0, T0 + 60_000, [a, b])])) {
  const clock = createFakeClock(T0);
  const seen: NowPlaying[] = [];
  const scheduler = createScheduler({ clock, onChange: (n) => seen.push(n) });
  scheduler.setTimeline(tl);
  return { clock, seen, scheduler };
}

describe('createScheduler', () => {
  it('reports the item playing now and the one to preload next', () => {
    const { seen } = run();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.item?.id).toBe('a');
    expect(seen[0]!.next?.id).toBe('bb');
    expect(seen[0]!.nextChangeAt).toBe(T0 + 10_000);
  });

  it('switches exactly at each boundary through a single armed timer', () => {
    const { clock, seen } = run();
    expect(clock.pending()).toBe(1);
    clock.advance(9_999);
    expect(seen).toHaveLength(1);
    clock.advance(1);
    expect(seen.map((s) => s.item?.id)).toEqual(['a', 'bb']);
    expect(seen[1]!.itemStartAt).toBe(T0 + 10_000);
    expect(clock.pending()).toBe(1);
    clock.advance(5_000);
    expect(seen.map((s) => s.item?.id)).toEqual(['a', 'bb', 'a']);
  });

  it('starts mid-item with the right offset when set up late', () => {
    const clock = createFakeClock(T0 + 12_000);
    const seen: NowPlaying[] = [];
    createScheduler({ clock, onChange: (n) => seen.push(n) }).setTimeline(timeline(T0, T0 + 60_000, [segment(T0, T0 + 60_000, [a, b])]));
    expect(seen[0]!.item?.id).toBe('bb');
    expect(seen[0]!.offsetMs).toBe(2_000);
    expect(seen[0]!.itemStartAt).toBe(T0 + 10_000);
  });

  it('gives each loop of a lone item its own play key', () => {
    const { clock, seen } = run(timeline(T0, T0 + 30_000, [segment(T0, T0 + 30_000, [a])]));
    clock.advance(20_000);
    expect(seen.map((s) => s.playKey)).toEqual([`a@${T0}`, `a@${T0 + 10_000}`, `a@${T0 + 20_000}`]);
  });

  it('does not report again when a resync or an identical timeline gives the same play', () => {
    const { clock, seen, scheduler } = run();
    clock.advance(3_000);
    scheduler.resync();
    scheduler.setTimeline(timeline(T0, T0 + 60_000, [segment(T0, T0 + 60_000, [a, b])]));
    expect(seen).toHaveLength(1);
    expect(clock.pending()).toBe(1);
  });

  it('plays a once-through speaker slot in order, then silence until the next slot', () => {
    const slot1 = segment(T0, T0 + 30_000, [a, b], { mode: 'once' });
    const slot2 = segment(T0 + 40_000, T0 + 50_000, [b], { mode: 'once' });
    const { clock, seen } = run(timeline(T0, T0 + 60_000, [slot1, slot2]));
    clock.advance(60_000);
    expect(seen.map((s) => s.item?.id ?? null)).toEqual(['a', 'bb', null, null, 'bb', null, null]);
    expect(clock.pending()).toBe(0);
  });

  it('stops at the end of the horizon and arms nothing afterwards', () => {
    const { clock, seen } = run(timeline(T0, T0 + 15_000, [segment(T0, T0 + 15_000, [a, b])]));
    clock.advance(100_000);
    expect(seen.at(-1)!.item).toBeNull();
    expect(seen.at(-1)!.nextChangeAt).toBeNull();
    expect(clock.pending()).toBe(0);
  });

  it('follows a clock correction on resync', () => {
    const { clock, seen, scheduler } = run();
    clock.set(T0 + 11_000); // the offset to the server jumped forward
    scheduler.resync();
    expect(seen.at(-1)!.item?.id).toBe('bb');
    expect(seen.at(-1)!.offsetMs).toBe(1_000);
  });
});
