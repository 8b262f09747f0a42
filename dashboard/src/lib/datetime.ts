// Dates between the API (ISO 8601 with an offset), <input type="datetime-local"> (local wall time, no
// offset) and people (dd/mm/yyyy hh:mm in Vietnamese). The offset is a parameter so the conversions are
// pure and testable; the browser passes its own (Vietnam is +07:00 all year).

/** Minutes east of UTC that the browser uses at that local wall time. */
export function browserOffsetMinutes(localValue?: string): number {
  const d = localValue ? new Date(localValue) : new Date();
  return Number.isNaN(d.getTime()) ? -new Date().getTimezoneOffset() : -d.getTimezoneOffset();
}

function offsetText(minutes: number): string {
  const sign = minutes >= 0 ? '+' : '-';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** "2025-03-01T08:00" + 420 → "2025-03-01T08:00:00+07:00"; empty or malformed → null. */
export function localInputToIso(value: string, offsetMinutes: number): string | null {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  return `${m[1]}T${m[2]}:${m[3] ?? '00'}${offsetText(offsetMinutes)}`;
}

/** An ISO instant as the value of a datetime-local input at that offset; null/invalid → "". */
export function isoToLocalInput(iso: string | null | undefined, offsetMinutes: number): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  return new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** A short date and time for people in the UI language. */
export function formatDateTime(iso: string | null | undefined, lang: 'vi' | 'en'): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Intl.DateTimeFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }).format(ms);
}

export type Validity = 'always' | 'upcoming' | 'current' | 'ended';

/** Where `now` falls in a validity window; open ends are unbounded. */
export function validityAt(validFrom: string | null, validTo: string | null, now: number): Validity {
  if (!validFrom && !validTo) return 'always';
  if (validFrom && Date.parse(validFrom) > now) return 'upcoming';
  if (validTo && Date.parse(validTo) <= now) return 'ended';
  return 'current';
}

/** Bytes for people: 1,5 MB in Vietnamese, 1.5 MB in English. */
export function formatBytes(bytes: number, lang: 'vi' | 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u += 1;
  }
  const n = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: u === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[u]}`;
}

/** Milliseconds as m:ss. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || ms < 0) return '';
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
