// A message must be readable in the time it is on screen: words ÷ reading speed (words per minute,
// setting readingWordsPerMinute, default 180) must not exceed the display time. Title and body are
// read together, as a passer-by reads the whole slide.
import { textFieldsOf, type PrecheckRule } from '../types';
import { wordsOf } from '../vietnamese-words';

/** Seconds needed to read a number of words at a speed in words per minute, rounded up. */
export function secondsToRead(words: number, wordsPerMinute: number): number {
  return Math.ceil((words / wordsPerMinute) * 60);
}

const RULE_ID = 'message.reading_time';

export const readingTimeRule: PrecheckRule = {
  id: RULE_ID,
  appliesTo: ['message'],
  check(input, ctx) {
    const shown = input.displaySeconds;
    if (shown === undefined || shown <= 0) return [];
    const words = textFieldsOf(input).reduce((n, [, text]) => n + wordsOf(text).length, 0);
    const wpm = ctx.settings.readingWordsPerMinute;
    const needed = (words / wpm) * 60;
    if (needed <= shown) return [];
    const seconds = secondsToRead(words, wpm);
    return [
      {
        ruleId: RULE_ID,
        severity: 'warning',
        span: null,
        field: 'displaySeconds',
        message: {
          vi: `Nội dung dài ${words} từ cần khoảng ${seconds} giây để đọc (${wpm} từ/phút) nhưng chỉ hiển thị ${shown} giây.`,
          en: `${words} words need about ${seconds} s to read (${wpm} words/min) but are shown for ${shown} s.`,
        },
      },
    ];
  },
};
