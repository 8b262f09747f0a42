// Checks a schedule entry before it is saved: the one validator of schedules, used by the schedule service
// and by tests. Every reason in Vietnamese first, then English, with the facts a caller needs to say it in
// its own words (`params`).
//
// Reasons come in a fixed order, so the first one is the one worth reporting:
//   1. the form of the entry itself (dates and windows that end before they start, zero-length windows, an
//      RRULE without DTSTART, malformed, that never produces anything, or over 10,000 occurrences a day);
//   2. the target and the ad settings, then, given `store`, what the entry names (playlist, content,
//      groups, devices) and whether ads stay on LED screens;
//   3. dates, days and times that do not exist, an RRULE with nothing in the coming days, the ad share;
//   4. the devices it reaches: advertising on loudspeakers, and whether a loudspeaker can play it at all.
import type { RRule, RRuleSet } from 'rrule';
import { MAX_OCCURRENCES_PER_DAY, parseRrule, rruleFeasible } from './occurrences';
import { DEFAULT_BROADCAST_SLOTS } from './program';
import { targetsDevice } from './targeting';
import type { CalendarWhen, ClockWindow, ContentVersionInput, DeviceInput, PlaylistInput, RruleWhen, ScheduleInput } from './types';
import { DAY_MS, MINUTE_MS, formatClock, parseClock, parseDate } from './zone';

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
  | 'target_empty'
  | 'ad_fields_not_ads'
  | 'unknown_playlist'
  | 'unknown_group'
  | 'unknown_device'
  | 'ad_class_mismatch'
  | 'ad_not_led'
  | 'quiz_not_kiosk'
  | 'quiz_in_playlist'
  | 'ad_on_speaker'
  | 'speaker_overfull'
  | 'speaker_outside_slots'
  | 'speaker_window_outside_slot'
  | 'speaker_window_too_short'
  | 'unknown_content'
  | 'no_target'
  | 'bad_ad_share';

export interface ScheduleIssue {
  code: ScheduleIssueCode;
  vi: string;
  en: string;
  /** The facts behind the reason (dates, window, device, ids…), for a caller that words it itself. */
  params?: Record<string, string | number>;
}

/** What the store knows of the things an entry names; given, unknown ids are refused by name. */
export interface ScheduleStore {
  /** Kinds of the named content items that exist, in any state (not only the approved, playable ones). */
  contentKinds: ReadonlyMap<string, 'message' | 'clip' | 'ad' | 'quiz'>;
  /** The named groups that exist and are not deleted. */
  liveGroupIds: ReadonlySet<string>;
}

export interface ValidateOptions {
  playlists?: PlaylistInput[];
  /** Check that an RRULE produces something from this instant on (default: from its DTSTART). */
  now?: number;
  /** How far ahead an RRULE must produce an occurrence; default 366 days. */
  horizonDays?: number;
  /** Added before the entry in each speaker slot. */
  jingleDurationMs?: number;
  /**
   * Validate against the store: `devices` are then every device there is and `contents` the playable
   * versions as speakers hear them. A target that reaches no device yet is allowed (the conflicts report
   * shows it), and content not yet approved may be scheduled.
   */
  store?: ScheduleStore;
}

const issue = (code: ScheduleIssueCode, vi: string, en: string, params?: ScheduleIssue['params']): ScheduleIssue =>
  params ? { code, vi, en, params } : { code, vi, en };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Searching further for a first occurrence costs seconds for sub-daily rules that never match. */
const SEARCH_YEARS = 20;
const label = (w: ClockWindow) => `${w.start}–${w.end}`;
/** Length of a daily window in minutes; one that ends before it starts crosses midnight. */
const clockLen = (w: ClockWindow) => {
  const s = parseClock(w.start) ?? 0;
  const e = parseClock(w.end) ?? 0;
  return e > s ? e - s : e + 1440 - s;
};
const idList = (ids: readonly string[]) => ids.map((i) => `#${i}`).join(', ');

// --- 1. The form of the entry ---

function calendarForm(w: CalendarWhen): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  if (DATE.test(w.dateFrom) && DATE.test(w.dateTo) && w.dateTo < w.dateFrom) {
    out.push(
      issue('end_before_start', 'Ngày kết thúc trước ngày bắt đầu.', 'The end date is before the start date.', {
        start: w.dateFrom,
        end: w.dateTo,
      }),
    );
  }
  for (const win of w.windows) {
    const s = parseClock(win.start);
    const e = parseClock(win.end);
    if (s === null || e === null) continue;
    // Schedule windows stay inside one day (24:00 for midnight); the compiler would drop the rest.
    if (e < s)
      out.push(
        issue('end_before_start', `Giờ kết thúc trước giờ bắt đầu: ${label(win)}.`, `End before start: ${label(win)}.`, {
          start: win.start,
          end: win.end,
        }),
      );
    else if (e === s)
      out.push(
        issue('zero_length_window', `Khung giờ dài 0 phút: ${label(win)}.`, `Zero-length window: ${label(win)}.`, { window: label(win) }),
      );
  }
  return out;
}

/** The parsed rule and the form issues; the rule is null when it cannot be read. */
function rruleForm(w: RruleWhen): { rule: RRule | RRuleSet | null; issues: ScheduleIssue[] } {
  const out: ScheduleIssue[] = [];
  const zero = () =>
    w.durationMin > 0
      ? []
      : [
          issue('zero_length_window', 'Thời lượng mỗi lần phát phải lớn hơn 0 phút.', 'Each occurrence must last more than 0 minutes.', {
            window: `RRULE ${w.durationMin} phút/min`,
          }),
        ];
  if (!/DTSTART/.test(w.rrule)) {
    const details = 'thiếu DTSTART / DTSTART missing';
    return {
      rule: null,
      issues: [issue('rrule_no_dtstart', 'RRULE thiếu DTSTART (ngày giờ bắt đầu).', 'The RRULE has no DTSTART.', { details }), ...zero()],
    };
  }
  out.push(...zero());
  let rule: RRule | RRuleSet;
  try {
    rule = parseRrule(w.rrule);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return {
      rule: null,
      issues: [...out, issue('rrule_invalid', `RRULE không hợp lệ: ${msg}`, `Invalid RRULE: ${msg}`, { details: msg })],
    };
  }
  const dtstart = ('options' in rule ? rule.options.dtstart : null) ?? new Date(0);
  const until = new Date(dtstart.getTime() + SEARCH_YEARS * 365 * DAY_MS);
  const first = rruleFeasible(rule) ? rule.between(new Date(dtstart.getTime() - 1), until, true, (_d, i) => i < 1)[0] : undefined;
  if (!first) {
    out.push(issue('rrule_empty', 'RRULE không bao giờ tạo ra lần phát nào.', 'The RRULE never produces an occurrence.'));
    return { rule: null, issues: out };
  }
  const inDay = rule.between(first, new Date(first.getTime() + DAY_MS - 1), true, (_d, i) => i <= MAX_OCCURRENCES_PER_DAY).length;
  if (inDay > MAX_OCCURRENCES_PER_DAY) {
    const count = `> ${MAX_OCCURRENCES_PER_DAY}`;
    out.push(
      issue(
        'too_many_occurrences',
        `RRULE tạo quá ${MAX_OCCURRENCES_PER_DAY} lần phát một ngày.`,
        `The RRULE produces more than ${MAX_OCCURRENCES_PER_DAY} occurrences a day.`,
        { count },
      ),
    );
  }
  return { rule, issues: out };
}

// --- 2. Target, ad settings and what the entry names ---

function playsOf(s: ScheduleInput, playlists: PlaylistInput[]): PlaylistInput['items'] | null {
  if ('contentId' in s.what) return [{ contentId: s.what.contentId }];
  const id = s.what.playlistId;
  return playlists.find((p) => p.id === id)?.items ?? null;
}

function targetAndStore(s: ScheduleInput, devices: DeviceInput[], opts: ValidateOptions): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const t = s.target;
  if (t.deviceIds.length + t.groupIds.length + t.kinds.length === 0) {
    out.push(
      issue(
        'target_empty',
        'Lịch phát cần chọn thiết bị, nhóm hoặc loại thiết bị.',
        'A schedule needs devices, groups or kinds to target.',
      ),
    );
  }
  if (s.class !== 'ads' && (s.adShare !== undefined || s.adPlaysPerHour !== undefined)) {
    out.push(
      issue(
        'ad_fields_not_ads',
        'Tỷ lệ quảng cáo và số lần phát mỗi giờ chỉ dùng cho lớp "ads".',
        'Ad share and plays per hour apply to the "ads" class only.',
      ),
    );
  }
  const store = opts.store;
  if (!store) return out;
  const plays = playsOf(s, opts.playlists ?? []);
  if (!plays) {
    const id = 'playlistId' in s.what ? s.what.playlistId : '';
    return [...out, issue('unknown_playlist', `Không tìm thấy danh sách phát #${id}.`, `Playlist #${id} not found.`, { id })];
  }
  const ids = [...new Set(plays.map((p) => p.contentId))];
  const missing = ids.filter((id) => !store.contentKinds.has(id));
  if (missing.length) {
    out.push(
      issue('unknown_content', `Không có nội dung ${idList(missing)}.`, `There is no content ${idList(missing)}.`, {
        ids: idList(missing),
      }),
    );
  }
  const kinds = ids.flatMap((id) => store.contentKinds.get(id) ?? []);
  const isAd = kinds.includes('ad');
  if (isAd !== (s.class === 'ads') || (isAd && kinds.some((k) => k !== 'ad'))) {
    out.push(
      issue(
        'ad_class_mismatch',
        'Quảng cáo chỉ thuộc lớp "ads", và lớp "ads" chỉ chứa quảng cáo.',
        'Ads belong in the "ads" class only, which holds only ads.',
      ),
    );
  }
  const unknownGroups = t.groupIds.filter((g) => !store.liveGroupIds.has(g));
  if (unknownGroups.length) {
    out.push(
      issue('unknown_group', `Nhóm ${idList(unknownGroups)} không tồn tại.`, `Group(s) ${idList(unknownGroups)} do not exist.`, {
        ids: idList(unknownGroups),
      }),
    );
  }
  const byId = new Map(devices.map((d) => [d.id, d]));
  const unknownDevices = t.deviceIds.filter((d) => !byId.has(d));
  if (unknownDevices.length) {
    out.push(
      issue('unknown_device', `Thiết bị ${idList(unknownDevices)} không tồn tại.`, `Device(s) ${idList(unknownDevices)} do not exist.`, {
        ids: idList(unknownDevices),
      }),
    );
  }
  if (kinds.includes('quiz')) out.push(...quizTarget(s, devices, byId));
  if (s.class === 'ads') {
    // Named kinds first, then listed devices, then (when no kind narrows the groups) the groups' members.
    const kind = t.kinds.find((k) => k !== 'led');
    const listed = t.deviceIds.flatMap((id) => byId.get(id) ?? []).find((d) => d.kind !== 'led');
    const member =
      t.kinds.length === 0 ? devices.find((d) => d.kind !== 'led' && d.groupIds.some((g) => t.groupIds.includes(g))) : undefined;
    const hit = kind ? { target: kind, kind } : (listed ?? member) && { target: (listed ?? member)!.name, kind: (listed ?? member)!.kind };
    if (hit) {
      out.push(
        issue(
          'ad_not_led',
          `Quảng cáo chỉ được phát trên màn hình LED, không trên ${hit.target}.`,
          `Advertising may only reach LED screens, not ${hit.target}.`,
          hit,
        ),
      );
    }
  }
  return out;
}

/**
 * A quiz question (câu hỏi) is answered on kiosks only, scheduled on its own (never in a playlist, which
 * plays as slides): named kinds first, then listed devices, then (when no kind narrows the groups) members.
 */
function quizTarget(s: ScheduleInput, devices: readonly DeviceInput[], byId: ReadonlyMap<string, DeviceInput>): ScheduleIssue[] {
  if ('playlistId' in s.what) {
    return [issue('quiz_in_playlist', 'Câu hỏi được lên lịch riêng, không nằm trong danh sách phát.', 'A quiz question is scheduled on its own, never in a playlist.')];
  }
  const t = s.target;
  const kind = t.kinds.find((k) => k !== 'kiosk');
  const listed = t.deviceIds.flatMap((id) => byId.get(id) ?? []).find((d) => d.kind !== 'kiosk');
  const member = t.kinds.length === 0 ? devices.find((d) => d.kind !== 'kiosk' && d.groupIds.some((g) => t.groupIds.includes(g))) : undefined;
  const hit = kind ? { target: kind, kind } : (listed ?? member) && { target: (listed ?? member)!.name, kind: (listed ?? member)!.kind };
  if (!hit) return [];
  return [
    issue(
      'quiz_not_kiosk',
      `Câu hỏi tìm hiểu Bộ Quy tắc chỉ hiện trên kiosk, không trên ${hit.target}.`,
      `Quiz questions appear on kiosks only, not on ${hit.target}.`,
      hit,
    ),
  ];
}

// --- 3. Dates, days and times that exist; an RRULE that plays in the coming days ---

function calendarRules(w: CalendarWhen): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  if (parseDate(w.dateFrom) === null || parseDate(w.dateTo) === null)
    out.push(issue('bad_date', 'Ngày không hợp lệ (YYYY-MM-DD).', 'Invalid date (YYYY-MM-DD).'));
  if (w.daysOfWeek.length === 0 || w.daysOfWeek.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    out.push(
      issue('no_days', 'Chưa chọn thứ trong tuần hợp lệ (1 = Thứ Hai … 7 = Chủ nhật).', 'No valid day of week (1 = Monday … 7 = Sunday).'),
    );
  }
  if (w.windows.length === 0) out.push(issue('no_windows', 'Chưa có khung giờ phát nào.', 'No time window given.'));
  if (w.windows.length > MAX_OCCURRENCES_PER_DAY) {
    const count = w.windows.length;
    out.push(
      issue(
        'too_many_occurrences',
        `Quá ${MAX_OCCURRENCES_PER_DAY} lần phát một ngày.`,
        `More than ${MAX_OCCURRENCES_PER_DAY} occurrences a day.`,
        { count },
      ),
    );
  }
  for (const win of w.windows) {
    if (parseClock(win.start) === null || parseClock(win.end) === null) {
      out.push(issue('bad_time', `Giờ không hợp lệ: ${label(win)} (HH:MM).`, `Invalid time: ${label(win)} (HH:MM).`));
    }
  }
  return out;
}

function rruleAhead(rule: RRule | RRuleSet, opts: ValidateOptions): ScheduleIssue[] {
  // rrule works in floating wall time; `now` is compared as if it were wall time, close enough for "ever".
  const start = opts.now !== undefined ? new Date(opts.now) : (('options' in rule ? rule.options.dtstart : null) ?? new Date(0));
  const days = opts.horizonDays ?? 366;
  const first = rule.after(start, true);
  if (first && first.getTime() <= start.getTime() + days * DAY_MS) return [];
  return [
    issue(
      'rrule_empty',
      `RRULE không tạo ra lần phát nào trong ${days} ngày tới.`,
      `The RRULE produces no occurrence in the next ${days} days.`,
      { days },
    ),
  ];
}

// --- 4. The devices it reaches ---

/** Daily minute ranges [start, end) the entry is active in (RRULE: from its first occurrences). */
function activeMinutes(when: CalendarWhen | RruleWhen, rule: RRule | RRuleSet | null): [number, number][] {
  if (!('rrule' in when)) return when.windows.map((x) => [parseClock(x.start) ?? 0, parseClock(x.end) ?? 0]);
  if (!rule) return [];
  const first = rule.between(new Date(-8.64e15), new Date(8.64e15), true, (_d, i) => i < 1)[0];
  if (!first) return [];
  return rule
    .between(first, new Date(first.getTime() + 366 * DAY_MS), true, (_d, i) => i < 500)
    .map((d) => {
      const m = Math.round((d.getTime() % DAY_MS) / MINUTE_MS);
      return [m, m + Math.round(when.durationMin)];
    });
}

/** Compared on a two-day line, so slots that cross midnight still count. */
const overlapsDaily = (a: [number, number], w: ClockWindow) => {
  const s = parseClock(w.start) ?? 0;
  const len = clockLen(w);
  return [s - 1440, s, s + 1440].some((x) => a[0] < x + len && x < a[1]);
};

/** True when the daily range [a0, a1) lies inside the window (compared on a two-day line). */
const insideDaily = (a: [number, number], w: ClockWindow) => {
  const s = parseClock(w.start) ?? 0;
  const len = clockLen(w);
  return [s - 1440, s, s + 1440].some((x) => x <= a[0] && a[1] <= x + len);
};

/** True when the window lies inside the daily range [a0, a1) (compared on a two-day line). */
const coversDaily = (a: [number, number], w: ClockWindow) => {
  const s = parseClock(w.start) ?? 0;
  const len = clockLen(w);
  return [s - 1440, s, s + 1440].some((x) => a[0] <= x && x + len <= a[1]);
};

/**
 * A speaker plays an entry once, inside a broadcast slot, after the jingle. Refuse an entry that no targeted
 * speaker could ever play: longer than its longest slot, or with windows overlapping none of its slots.
 * Only audio and speech count; an entry with neither is checked only when it reaches speakers alone.
 */
function speakerFit(
  s: ScheduleInput,
  speakers: DeviceInput[],
  reached: number,
  contents: ContentVersionInput[],
  rule: RRule | RRuleSet | null,
  opts: ValidateOptions,
): ScheduleIssue[] {
  const audible = new Map(contents.filter((c) => c.kind === 'audio' || c.kind === 'speech').map((c) => [c.contentId, c]));
  let needed = 0;
  for (const p of playsOf(s, opts.playlists ?? []) ?? []) {
    const v = audible.get(p.contentId);
    if (v) needed += p.durationMs ?? v.durationMs;
  }
  if (needed > 0) needed += opts.jingleDurationMs ?? 0;
  if (needed === 0 && speakers.length < reached) return [];
  const active = activeMinutes(s.when, rule);
  for (const d of speakers) {
    const slots = d.broadcastSlots ?? DEFAULT_BROADCAST_SLOTS;
    const longest = Math.max(0, ...slots.map(clockLen)) * MINUTE_MS;
    if (needed > longest) {
      const min = Math.ceil(needed / MINUTE_MS);
      return [
        issue(
          'speaker_overfull',
          `Nội dung dài ${min} phút, không vừa khung phát thanh của loa ${d.name}.`,
          `The entry lasts ${min} min and does not fit the broadcast slots of speaker ${d.name}.`,
          {
            device: d.name,
            needed: Math.ceil(needed / 1000),
            available: longest / 1000,
          },
        ),
      ];
    }
    if (!active.some((a) => slots.some((w) => overlapsDaily(a, w)))) {
      const list = slots.map(label).join(', ');
      return [
        issue(
          'speaker_outside_slots',
          `Loa ${d.name} chỉ phát trong khung ${list}; lịch không trùng khung nào.`,
          `Speaker ${d.name} plays only in ${list}; the schedule overlaps none.`,
          { device: d.name, slots: list },
        ),
      ];
    }
    // A speaker plays an entry inside one slot, from the entry's own start (or the slot's, for a window that
    // covers whole slots, such as all day). A window cutting across a slot's edge would be cut without a
    // word, so it is refused and the slots are named.
    const cuts = (a: [number, number], w: ClockWindow) => overlapsDaily(a, w) && !insideDaily(a, w) && !coversDaily(a, w);
    const loose = active.find((a) => slots.some((w) => cuts(a, w)));
    if (loose) {
      const list = slots.map(label).join(', ');
      const window = `${formatClock(loose[0])}–${formatClock(Math.min(1440, loose[1]))}`;
      return [
        issue(
          'speaker_window_outside_slot',
          `Khung ${window} không nằm trọn trong khung phát thanh nào của loa ${d.name} (${list}).`,
          `The window ${window} does not lie within one broadcast slot of speaker ${d.name} (${list}).`,
          { device: d.name, window, slots: list },
        ),
      ];
    }
    const inside = active.filter((a) => slots.some((w) => insideDaily(a, w)));
    const shortest = Math.min(...inside.map((a) => a[1] - a[0])) * MINUTE_MS;
    if (inside.length > 0 && needed > shortest) {
      const min = Math.ceil(needed / MINUTE_MS);
      return [
        issue(
          'speaker_window_too_short',
          `Nội dung dài ${min} phút, không vừa khung giờ của lịch trên loa ${d.name}.`,
          `The entry lasts ${min} min and does not fit its own window on speaker ${d.name}.`,
          { device: d.name, needed: Math.ceil(needed / 1000), available: shortest / 1000 },
        ),
      ];
    }
  }
  return [];
}

function reach(
  s: ScheduleInput,
  devices: DeviceInput[],
  contents: ContentVersionInput[],
  rule: RRule | RRuleSet | null,
  opts: ValidateOptions,
): ScheduleIssue[] {
  const out: ScheduleIssue[] = [];
  const targeted = devices.filter((d) => targetsDevice(s.target, d));
  if (targeted.length === 0 && !opts.store)
    out.push(issue('no_target', 'Lịch không nhắm tới thiết bị nào.', 'The schedule targets no device.'));
  const speakers = targeted.filter((d) => d.kind === 'speaker');
  if (s.class === 'ads' && speakers.length > 0) {
    out.push(issue('ad_on_speaker', 'Quảng cáo không được phát trên loa truyền thanh.', 'Advertising may not play on loudspeakers.'));
  }
  const plays = playsOf(s, opts.playlists ?? []);
  if (!opts.store && (!plays || plays.some((p) => !contents.some((c) => c.contentId === p.contentId)))) {
    out.push(issue('unknown_content', 'Không tìm thấy nội dung hoặc danh sách phát.', 'Content or playlist not found.'));
  } else if (s.class !== 'ads' && speakers.length > 0) out.push(...speakerFit(s, speakers, targeted.length, contents, rule, opts));
  return out;
}

/** Reasons the schedule cannot be saved as is, most fundamental first; empty when it is fine. */
export function validateSchedule(
  schedule: ScheduleInput,
  devices: DeviceInput[],
  contents: ContentVersionInput[],
  opts: ValidateOptions = {},
): ScheduleIssue[] {
  const w = schedule.when;
  const form = 'rrule' in w ? rruleForm(w) : { rule: null, issues: calendarForm(w) };
  const rules = 'rrule' in w ? (form.rule ? rruleAhead(form.rule, opts) : []) : calendarRules(w);
  if (schedule.adShare !== undefined && !(schedule.adShare > 0 && schedule.adShare <= 1)) {
    rules.push(issue('bad_ad_share', 'Tỉ lệ quảng cáo phải trong khoảng (0, 1].', 'The ad share must be within (0, 1].'));
  }
  return [...form.issues, ...targetAndStore(schedule, devices, opts), ...rules, ...reach(schedule, devices, contents, form.rule, opts)];
}
