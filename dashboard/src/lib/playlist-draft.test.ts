import { describe, expect, it } from 'vitest';
import type { Content } from './content-api';
import { checkDraft, draftOf, durationFromSeconds, inputOf, moveItem, newItem, totalMs } from './playlist-draft';

const content = (id: number, durationMs: number | null) =>
  ({ id, playing: durationMs === null ? null : { durationMs } }) as unknown as Content;

describe('moveItem', () => {
  it('moves an item down, up and to the ends, clamping past either end', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, 9)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 5, 0)).toEqual(['a', 'b', 'c']);
  });
});

describe('durations', () => {
  const contents = new Map([
    [1, content(1, 12_000)],
    [2, content(2, 8_000)],
    [3, content(3, null)],
  ]);

  it('totals own durations, natural lengths, and nothing for content no longer approved', () => {
    expect(totalMs([newItem(1), newItem(2, 5000), newItem(3, 9000)], contents)).toBe(17_000);
  });

  it('reads seconds, keeping the natural length as no own duration', () => {
    expect(durationFromSeconds('12', 12_000)).toBeNull();
    expect(durationFromSeconds('7,5', 12_000)).toBe(7500);
    expect(durationFromSeconds('', 12_000)).toBeNaN();
    expect(durationFromSeconds('abc', null)).toBeNaN();
  });
});

describe('checkDraft / inputOf', () => {
  it('needs a name, one item and durations within 1 s – 60 min', () => {
    expect(checkDraft({ name: ' ', items: [newItem(1)] })).toBe('editor.needName');
    expect(checkDraft({ name: 'Sáng', items: [] })).toBe('editor.needItems');
    expect(checkDraft({ name: 'Sáng', items: [newItem(1, 500)] })).toBe('editor.badDuration');
    expect(checkDraft({ name: 'Sáng', items: [newItem(1, Number.NaN)] })).toBe('editor.badDuration');
    expect(checkDraft({ name: 'Sáng', items: [newItem(1, 3_600_000), newItem(2)] })).toBeNull();
  });

  it('sends a duration only for an item that has its own, and round-trips a stored playlist', () => {
    const stored = { id: 4, name: 'Sáng', items: [{ contentId: 2 }, { contentId: 1, durationMs: 5000 }], createdAt: '', updatedAt: '' };
    expect(inputOf({ ...draftOf(stored), name: ' Sáng ' })).toEqual({ name: 'Sáng', items: stored.items });
    expect(draftOf(null)).toEqual({ name: '', items: [] });
  });
});
