// A length of time as staff read it in the reports: whole minutes under an hour ("12 phút"), hours and
// minutes above ("1 giờ 5 phút"), so minutes of play never read as "0 giờ". Pure: the language is a parameter.
import type { Lang } from './i18n';

const UNITS: Record<Lang, { h: string; m: string; locale: string }> = {
  vi: { h: 'giờ', m: 'phút', locale: 'vi-VN' },
  en: { h: 'h', m: 'min', locale: 'en-GB' },
};

/** Seconds → "12 phút", "1 giờ 5 phút", "3 giờ" (en: "12 min", "1 h 5 min", "3 h"), rounded to the minute. */
export function formatDuration(seconds: number, lang: Lang): string {
  const u = UNITS[lang];
  const total = Math.max(0, Math.round(seconds / 60));
  const h = Math.floor(total / 60);
  const m = total % 60;
  if (h === 0) return `${m} ${u.m}`;
  const hours = `${new Intl.NumberFormat(u.locale).format(h)} ${u.h}`;
  return m === 0 ? hours : `${hours} ${m} ${u.m}`;
}
