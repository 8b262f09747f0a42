// Checks a schedule entry before it is saved; every reason in Vietnamese first, then English.
import type { RRule, RRuleSet } from 'rrule';
import { MAX_OCCURRENCES_PER_DAY, parseRrule, rruleFeasible } from './occurrences';
import { DEFAULT_BROADCAST_SLOTS } from './program';
import { targetsDevice } from './targeting';
import type { ContentVersionInput, DeviceInput, PlaylistInput, RruleWhen, ScheduleInput } from './types';
import { DAY_MS, MINUTE_MS, parseClock, parseDate } from './zone';

export type ScheduleIssueCode =
  | 'bad_date'
  | 'bad_time'
  | 'end_before_start'
  | 'zero_length_window'
  | 'no_days'
  | 'no_windows'
  | 'rrule_invalid'
  | 'rrule_no_dtstart'
  | 'rrule_empty'
  | 'too_many_occurrences'
  | 'ad_on_speaker'
  | 'speaker_overfull'
  | 'unknown_content'
  | 'no_target'
  | 'bad_ad_share';

export interface ScheduleIssue {
  code: ScheduleIssueCode;
  vi: string;
  en: string;
}

export interface ValidateOptions {
  playlists?: PlaylistInput[];
  /** Check that an RRULE produces something from this instant on (default: from its DTSTART). */
  now?: number;
  /** How far ahead an RRULE must produce an occurrence; default 366 days. */
  horizonDays?: number;
  /** Added before the entry in each speaker slot. */
  jingleDurationMs?: number;
}

const issue = (code: ScheduleIssueCode, vi: string, en: string): ScheduleIssue => ({ code, vi, en });

function checkCalendar(w: Extract<ScheduleInput['when'], { windows: unknown }>): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const from = parseDate(w.dateFrom);
  const to = parseDate(w.dateTo);
  if (from === null || to === null) out.push(issue('bad_date', 'Ngày không hợp lệ (YYYY-MM-DD).', 'Invalid date (YYYY-MM-DD).'));
  else if (to < from) out.push(issue('end_before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end date is before the start date.'));
  if (w.daysOfWeek.length === 0 || w.daysOfWeek.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    out.push(
      issue('no_days', 'Chưa chọn thứ trong tuần hợp lệ (1 = Thứ Hai … 7 = Chủ nhật).', 'No valid day of week (1 = Monday … 7 = Sunday).'),
    );
  }
  if (w.windows.length === 0) out.push(issue('no_windows', 'Chưa có khung giờ phát nào.', 'No time window given.'));
  if (w.windows.length > MAX_OCCURRENCES_PER_DAY) {
    out.push(
      issue(
        'too_many_occurrences',
        `Quá ${MAX_OCCURRENCES_PER_DAY} lần phát một ngày.`,
        `More than ${MAX_OCCURRENCES_PER_DAY} occurrences a day.`,
      ),
    );
  }
  for (const win of w.windows) {
    const s = parseClock(win.start);
    const e = parseClock(win.end);
    const label = `${win.start}–${win.end}`;
    if (s === null || e === null) out.push(issue('bad_time', `Giờ không hợp lệ: ${label} (HH:MM).`, `Invalid time: ${label} (HH:MM).`));
    else if (e < s) out.push(issue('end_before_start', `Giờ kết thúc trước giờ bắt đầu: ${label}.`, `End before start: ${label}.`));
    else if (e === s) out.push(issue('zero_length_window', `Khung giờ dài 0 phút: ${label}.`, `Zero-length window: ${label}.`));
  }
  return out;
}

function firstDay(rule: RRule | RRuleSet, from: Date, horizonDays: number): Date[] {
  const first = rule.after(from, true);
  if (!first || first.getTime() > from.getTime() + horizonDays * DAY_MS) return [];
  return rule.between(first, new Date(first.getTime() + DAY_MS), false, (_d, i) => i <= MAX_OCCURRENCES_PER_DAY).concat(first);
}

function checkRrule(w: RruleWhen, opts: ValidateOptions): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  if (!(w.durationMin > 0))
    out.push(issue('zero_length_window', 'Thời lượng mỗi lần phát phải lớn hơn 0 phút.', 'Each occurrence must last more than 0 minutes.'));
  if (!/DTSTART/.test(w.rrule)) {
    out.push(issue('rrule_no_dtstart', 'RRULE thiếu DTSTART (ngày giờ bắt đầu).', 'The RRULE has no DTSTART.'));
    return out;
  }
  let rule: RRule | RRuleSet;
  try {
    rule = parseRrule(w.rrule);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return [...out, issue('rrule_invalid', `RRULE không hợp lệ: ${msg}`, `Invalid RRULE: ${msg}`)];
  }
  // rrule works in floating wall time; `now` is compared as if it were wall time, close enough for "ever".
  const start = opts.now !== undefined ? new Date(opts.now) : (rule.options.dtstart ?? new Date(0));
  const horizon = opts.horizonDays ?? 366;
  const day = rruleFeasible(rule) ? firstDay(rule, start, horizon) : [];
  if (day.length === 0) {
    out.push(
      issue(
        'rrule_empty',
        `RRULE không tạo ra lần phát nào trong ${horizon} ngày tới.`,
        `The RRULE produces no occurrence in the next ${horizon} days.`,
      ),
    );
  } else if (day.length > MAX_OCCURRENCES_PER_DAY) {
    out.push(
      issue(
        'too_many_occurrences',
        `RRULE tạo quá ${MAX_OCCURRENCES_PER_DAY} lần phát một ngày.`,
        `The RRULE produces more than ${MAX_OCCURRENCES_PER_DAY} occurrences a day.`,
      ),
    );
  }
  return out;
}

function entryDurationMs(s: ScheduleInput, contents: ContentVersionInput[], playlists: PlaylistInput[]): number | null {
  const plays =
    'contentId' in s.what
      ? [{ contentId: s.what.contentId }]
      : playlists.find((p) => p.id === (s.what as { playlistId: string }).playlistId)?.items;
  if (!plays) return null;
  let total = 0;
  for (const p of plays) {
    const v = contents.find((c) => c.contentId === p.contentId);
    if (!v) return null;
    total += p.durationMs ?? v.durationMs;
  }
  return total;
}

function checkTargets(s: ScheduleInput, devices: DeviceInput[], contents: ContentVersionInput[], opts: ValidateOptions): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const targeted = devices.filter((d) => targetsDevice(s.target, d));
  if (targeted.length === 0) out.push(issue('no_target', 'Lịch không nhắm tới thiết bị nào.', 'The schedule targets no device.'));
  const speakers = targeted.filter((d) => d.kind === 'speaker');
  if (s.class === 'ads' && speakers.length > 0) {
    out.push(issue('ad_on_speaker', 'Quảng cáo không được phát trên loa truyền thanh.', 'Advertising may not play on loudspeakers.'));
  }
  const total = entryDurationMs(s, contents, opts.playlists ?? []);
  if (total === null) out.push(issue('unknown_content', 'Không tìm thấy nội dung hoặc danh sách phát.', 'Content or playlist not found.'));
  else if (s.class !== 'ads') {
    const need = total + (opts.jingleDurationMs ?? 0);
    for (const d of speakers) {
      const longest = Math.max(
        0,
        ...(d.broadcastSlots ?? DEFAULT_BROADCAST_SLOTS).map((w) => {
          const a = parseClock(w.start) ?? 0;
          const b = parseClock(w.end) ?? 0;
          return ((b - a + 1440) % 1440) * MINUTE_MS;
        }),
      );
      if (need > longest) {
        const min = Math.ceil(need / MINUTE_MS);
        out.push(
          issue(
            'speaker_overfull',
            `Nội dung dài ${min} phút, không vừa khung phát thanh của loa ${d.name}.`,
            `The entry lasts ${min} min and does not fit the broadcast slots of speaker ${d.name}.`,
          ),
        );
        break;
      }
    }
  }
  return out;
}

/** Reasons the schedule cannot be saved as is; empty when it is fine. */
export function validateSchedule(
  schedule: ScheduleInput,
  devices: DeviceInput[],
  contents: ContentVersionInput[],
  opts: ValidateOptions = {},
): ScheduleIssue[] {
  const out = 'rrule' in schedule.when ? checkRrule(schedule.when, opts) : checkCalendar(schedule.when);
  if (schedule.adShare !== undefined && !(schedule.adShare > 0 && schedule.adShare <= 1)) {
    out.push(issue('bad_ad_share', 'Tỉ lệ quảng cáo phải trong khoảng (0, 1].', 'The ad share must be within (0, 1].'));
  }
  return [...out, ...checkTargets(schedule, devices, contents, opts)];
}
