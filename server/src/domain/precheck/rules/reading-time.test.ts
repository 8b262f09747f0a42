import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS, type PrecheckInput } from '../types';
import { readingTimeRule, secondsToRead } from './reading-time';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };
const words = (n: number) => Array.from({ length: n }, () => 'từ').join(' ');
const msg = (body: string, displaySeconds?: number, title?: string): PrecheckInput => ({
  kind: 'message',
  fields: { body, ...(title === undefined ? {} : { title }) },
  ...(displaySeconds === undefined ? {} : { displaySeconds }),
});

describe('message.reading_time', () => {
  it('warns when the words need longer than the display time at 180 words per minute', () => {
    const [f] = readingTimeRule.check(msg(words(31), 10), ctx);
    expect(f).toMatchObject({ severity: 'warning', field: 'displaySeconds', span: null });
    expect(f?.message.vi).toContain('31 từ');
    expect(f?.message.vi).toContain('11 giây');
  });

  it('accepts exactly as many words as fit', () => {
    expect(readingTimeRule.check(msg(words(30), 10), ctx)).toEqual([]);
  });

  it('counts the title with the body', () => {
    expect(readingTimeRule.check(msg(words(28), 10, 'Thông báo khẩn'), ctx)).toHaveLength(1);
  });

  it('uses the reading speed from the settings', () => {
    const slow = { now: 0, settings: { ...DEFAULT_PRECHECK_SETTINGS, readingWordsPerMinute: 60 } };
    expect(readingTimeRule.check(msg(words(11), 10), slow)).toHaveLength(1);
    expect(readingTimeRule.check(msg(words(10), 10), slow)).toEqual([]);
  });

  it('says nothing without a display time', () => {
    expect(readingTimeRule.check(msg(words(500)), ctx)).toEqual([]);
  });

  it('does not count numbers and punctuation on their own as words', () => {
    expect(readingTimeRule.check(msg(`${words(30)} 06:30 – 20/10/2026 !!!`, 10), ctx)).toEqual([]);
  });
});

describe('secondsToRead', () => {
  it('rounds up to whole seconds', () => {
    expect(secondsToRead(31, 180)).toBe(11);
    expect(secondsToRead(30, 180)).toBe(10);
  });
});
