// How the live announcement parts write times: an elapsed or total length as mm:ss, and the clock time of an
// instant in the UI language (the browser's time zone, as lib/datetime does).
import type { Lang } from '../../lib/i18n';

/** A length of time as mm:ss (past an hour the minutes go on: 75:00). */
export function clockOf(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** The clock time of an ISO instant ("09:05"); the text itself when it does not parse. */
export function timeOf(iso: string, lang: Lang): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { timeStyle: 'short' }).format(ms);
}
