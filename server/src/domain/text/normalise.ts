// normaliseForSpeech: turns a written Vietnamese message into the words a loudspeaker should say,
// before espeak-ng reads it. Pure: no I/O, no clock.
// Order matters: abbreviations first (so "NĐ-CP" is not a range), then phone numbers (so their
// groups are not read as quantities), dates, clock times, and finally quantities and plain numbers.
// Punctuation that espeak turns into pauses (. , ; : ! ? …) is kept; line breaks become pauses.
import { expandAbbreviations } from './abbreviations';
import { DATE_RULES, TIME_RULES } from './date-time';
import type { NumberReadingOptions } from './number-words';
import { PHONE_RULES } from './phone';
import { QUANTITY_RULES } from './quantities';
import { applyRule } from './rewrite';

export type SpeechNormaliseOptions = NumberReadingOptions;

const RULES = [...PHONE_RULES, ...DATE_RULES, ...TIME_RULES, ...QUANTITY_RULES];

/** Symbols espeak would spell out or that carry no sound; emoji and pictographs go too. */
const SILENT_SYMBOLS = /[*#_~|^`<>{}[\]\\•●▪■□◆◇►▶★☆✓✔✗✘“”„"«»]|\p{Extended_Pictographic}|\uFE0F|\u200D/gu;

function tidy(text: string): string {
  return text
    .replace(/[\u200B\u200C\u2060\uFEFF]/g, '')
    .replace(/\r\n?/g, '\n')
    .replace(/&/g, ' và ')
    .replace(SILENT_SYMBOLS, ' ')
    .replace(/\//g, ' ')
    // List bullets say nothing; a spaced dash is a pause; a hyphen inside a name
    // ("Bà Rịa-Vũng Tàu", "COVID-19") is a space.
    .replace(/^[ \t]*[-–—]+[ \t]*/gm, '')
    .replace(/[ \t]+[-–—]+[ \t]+/g, ', ')
    .replace(/[-–—]/g, ' ')
    // A line break is a pause: end the line with a full stop unless it already ends in punctuation.
    .replace(/([^\s.,;:!?…])[ \t]*\n+/g, '$1.\n')
    .replace(/\s+/g, ' ')
    .replace(/\s+([.,;:!?…)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .trim();
}

/**
 * Rewrites text so espeak-ng reads it as a Vietnamese speaker would:
 * "UBND phường thông báo: từ 06:30 ngày 20/10/2026 …" →
 * "Ủy ban nhân dân phường thông báo: từ sáu giờ ba mươi phút ngày hai mươi tháng mười năm …".
 */
export function normaliseForSpeech(text: string, options: SpeechNormaliseOptions = {}): string {
  let out = expandAbbreviations(text.normalize('NFC'));
  for (const rule of RULES) out = applyRule(out, rule, options);
  return tidy(out);
}
