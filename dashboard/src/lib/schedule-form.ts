// The schedule editor's form state, its conversion to and from the API shape, and its checks — kept out
// of the component so the component stays a view.
import { ALL_DAYS, BROADCAST_WINDOWS, clockMinutes, detectPreset, presetWhen, type RecurrencePreset } from './recurrence';
import type { Device, DeviceGroup, DeviceKind } from './devices-api';
import { targetsDevice } from '@bantin/protocol/core';
import type { ClockWindow, CreateScheduleInput, Schedule, ScheduleClass, ScheduleWhen } from './schedules-api';
import type { SchedulesKey } from './messages/schedules';

export interface FormState {
  name: string;
  whatKind: 'content' | 'playlist' | 'relay';
  contentId: number | null;
  playlistId: number | null;
  relaySourceId: number | null;
  cls: ScheduleClass;
  groupIds: number[];
  kinds: DeviceKind[];
  deviceIds: number[];
  preset: RecurrencePreset;
  dateFrom: string;
  dateTo: string;
  days: number[];
  windows: ClockWindow[];
  rrule: string;
  durationMin: number;
  adSharePct: number;
}

export function emptyForm(today: string, yearEnd: string): FormState {
  return {
    name: '',
    whatKind: 'content',
    contentId: null,
    playlistId: null,
    relaySourceId: null,
    cls: 'normal',
    groupIds: [],
    kinds: [],
    deviceIds: [],
    preset: 'daily',
    dateFrom: today,
    dateTo: yearEnd,
    days: [...ALL_DAYS],
    windows: [{ start: '06:00', end: '06:30' }],
    rrule: '',
    durationMin: 30,
    adSharePct: 20,
  };
}

export function formFromSchedule(s: Schedule, fallback: FormState): FormState {
  const when = s.when;
  const cal = 'rrule' in when ? null : when;
  return {
    ...fallback,
    name: s.name,
    whatKind: s.relaySourceId !== null ? 'relay' : s.playlistId !== null ? 'playlist' : 'content',
    contentId: s.contentId,
    playlistId: s.playlistId,
    relaySourceId: s.relaySourceId,
    cls: s.class,
    groupIds: [...s.target.groupIds],
    kinds: [...s.target.kinds],
    deviceIds: [...s.target.deviceIds],
    preset: detectPreset(when),
    dateFrom: cal?.dateFrom ?? fallback.dateFrom,
    dateTo: cal?.dateTo ?? fallback.dateTo,
    days: cal ? [...cal.daysOfWeek] : fallback.days,
    windows: cal ? cal.windows.map((w) => ({ ...w })) : fallback.windows,
    rrule: 'rrule' in when ? when.rrule : '',
    durationMin: 'rrule' in when ? when.durationMin : fallback.durationMin,
    adSharePct: s.adShare !== null ? Math.round(s.adShare * 100) : fallback.adSharePct,
  };
}

/** The `when` the form describes. */
export function whenOf(f: FormState): ScheduleWhen {
  switch (f.preset) {
    case 'daily':
    case 'weekdays':
    case 'broadcast':
      return presetWhen(f.preset, f.dateFrom, f.dateTo, f.windows);
    case 'custom':
      return { dateFrom: f.dateFrom, dateTo: f.dateTo, daysOfWeek: [...f.days].sort(), windows: f.windows.map((w) => ({ ...w })) };
    case 'rrule':
      return { rrule: f.rrule.trim(), durationMin: f.durationMin };
  }
}

/** The first problem a person must fix before saving, or null. */
export function checkForm(f: FormState): SchedulesKey | null {
  const what = f.whatKind === 'content' ? f.contentId : f.whatKind === 'playlist' ? f.playlistId : f.relaySourceId;
  if (what === null) return 'editor.needWhat';
  if (f.groupIds.length + f.kinds.length + f.deviceIds.length === 0) return 'editor.needTarget';
  if (f.preset === 'rrule') return /DTSTART/.test(f.rrule) && /FREQ=/.test(f.rrule) ? null : 'editor.needRrule';
  if (!f.dateFrom || !f.dateTo || f.dateTo < f.dateFrom) return 'editor.needDates';
  if (f.preset === 'custom' && f.days.length === 0) return 'editor.needDays';
  const windows = f.preset === 'broadcast' ? BROADCAST_WINDOWS : f.windows;
  if (windows.length === 0 || windows.some((w) => !w.start || !w.end || w.end <= w.start)) return 'editor.needWindow';
  return null;
}

/** The request body for POST /api/schedules (and PATCH, which takes the same fields). */
export function inputOf(f: FormState): CreateScheduleInput {
  return {
    name: f.name.trim(),
    class: f.cls,
    ...(f.whatKind === 'content'
      ? { contentId: f.contentId! }
      : f.whatKind === 'playlist'
        ? { playlistId: f.playlistId! }
        : { relaySourceId: f.relaySourceId! }),
    target: { groupIds: f.groupIds, kinds: f.kinds, deviceIds: f.deviceIds },
    when: whenOf(f),
    ...(f.cls === 'ads' ? { adShare: Math.min(100, Math.max(1, f.adSharePct)) / 100 } : {}),
  };
}

/** A speaker's broadcast slots as the server compiles them: its own, else its first group's (by id), else the defaults. */
export function speakerSlots(d: Device, groups: readonly DeviceGroup[]): readonly ClockWindow[] {
  if (d.broadcastSlots && d.broadcastSlots.length > 0) return d.broadcastSlots;
  const inherited = [...groups]
    .sort((a, b) => a.id - b.id)
    .find((g) => d.groupIds.includes(g.id) && g.broadcastSlots && g.broadcastSlots.length > 0);
  return inherited?.broadcastSlots ?? BROADCAST_WINDOWS;
}

/**
 * True when the window cuts across an edge of the slot: it overlaps the slot but neither lies inside it nor
 * covers it whole (an all-day window covers every slot, and the speaker plays it in each). Compared on a
 * two-day line so slots that cross midnight count.
 */
const cutsSlot = (w: ClockWindow, slot: ClockWindow) => {
  const [s, e0, a, b] = [w.start, w.end, slot.start, slot.end].map(clockMinutes);
  if (s == null || e0 == null || a == null || b == null) return true;
  const e = e0 > s ? e0 : e0 + 1440;
  const len = (b > a ? b : b + 1440) - a;
  return [a - 1440, a, a + 1440].some((x) => s < x + len && x < e && !(x <= s && e <= x + len) && !(s <= x && x + len <= e));
};

/**
 * The first window of a calendar rule that a targeted loudspeaker could not play as written (it must lie
 * within one of the speaker's broadcast slots, or cover whole slots), with the words to say so; the server
 * refuses it too.
 */
export function speakerWindowProblem(
  f: FormState,
  devices: readonly Device[],
  groups: readonly DeviceGroup[],
): { key: SchedulesKey; params: { window: string; device: string; slots: string } } | null {
  if (f.preset === 'rrule' || f.cls === 'ads' || f.whatKind === 'relay') return null;
  const when = whenOf(f);
  if ('rrule' in when) return null;
  const target = { deviceIds: f.deviceIds, groupIds: f.groupIds, kinds: f.kinds };
  for (const d of devices) {
    if (d.kind !== 'speaker' || !targetsDevice(target, d)) continue;
    const slots = speakerSlots(d, groups);
    const loose = when.windows.find((w) => slots.some((slot) => cutsSlot(w, slot)));
    if (loose) {
      const list = slots.map((x) => `${x.start}–${x.end}`).join(', ');
      return { key: 'editor.speakerWindow', params: { window: `${loose.start}–${loose.end}`, device: d.name, slots: list } };
    }
  }
  return null;
}
