// Schedule conflicts over the stored horizon (xung đột lịch phát): overfull speaker slots, ads asking for
// more than their share, content that expires while a schedule still uses it, devices left with nothing but
// fallback, and entries that never play. Read-only; computed from the DB and the stored timelines.
import type { Db } from '../../db/sqlite';
import { targetsDevice, type CompileOptions, type DeviceInput, type ScheduleInput } from '../../domain/schedule/index';
import type { DeviceTimeline } from '../../domain/schedule/protocol';
import { parseRrule, scheduleOccurrences } from '../../domain/schedule/occurrences';
import { DAY_MS, HOUR_MS, ZoneCalendar, parseDate } from '../../domain/schedule/zone';
import { timelineRepo } from '../../repos/timeline-repo';
import { loadCompileInputs, type LoadedInputs } from './timeline-input';

export type ConflictType = 'speaker_slot_overfull' | 'ads_over_share' | 'content_expires' | 'fallback_only' | 'never_plays';
export type Conflict = {
  type: ConflictType;
  scheduleIds: number[];
  deviceId: number | null;
  contentId: number | null;
  at: string | null;
  message: { vi: string; en: string };
};

const iso = (ms: number) => new Date(ms).toISOString();
const conflict = (type: ConflictType, c: Partial<Omit<Conflict, 'type' | 'message'>>, vi: string, en: string): Conflict => ({
  type,
  scheduleIds: c.scheduleIds ?? [],
  deviceId: c.deviceId ?? null,
  contentId: c.contentId ?? null,
  at: c.at ?? null,
  message: { vi, en },
});

function planOf(s: ScheduleInput, inputs: LoadedInputs): { contentId: string; durationMs?: number }[] {
  if ('contentId' in s.what) return [{ contentId: s.what.contentId }];
  const id = s.what.playlistId;
  return inputs.base.playlists.find((p) => p.id === id)?.items ?? [];
}

function speakerSlots(d: DeviceInput, tl: DeviceTimeline, inputs: LoadedInputs, occ: (s: ScheduleInput) => { start: number; end: number }[]): Conflict | null {
  const audio = new Map(inputs.byAudience.speaker.contents.filter((c) => c.kind === 'audio' || c.kind === 'speech').map((c) => [c.contentId, c]));
  const jingle = inputs.base.jingleContentId ? (audio.get(inputs.base.jingleContentId)?.durationMs ?? 0) : 0;
  const entries = inputs.base.schedules.filter((s) => (s.class === 'priority' || s.class === 'normal') && targetsDevice(s.target, d));
  for (const seg of tl.segments) {
    if (seg.mode !== 'once' || seg.phaseMs) continue;
    const active = entries.filter((s) => occ(s).some((o) => o.start < seg.end && o.end > seg.start));
    let demand = jingle;
    for (const s of active) for (const p of planOf(s, inputs)) demand += audio.has(p.contentId) ? (p.durationMs ?? audio.get(p.contentId)!.durationMs) : 0;
    if (active.length > 0 && demand > seg.end - seg.start) {
      const need = Math.ceil(demand / 1000);
      const have = Math.round((seg.end - seg.start) / 1000);
      return conflict('speaker_slot_overfull', { deviceId: Number(d.id), scheduleIds: active.map((s) => Number(s.id)), at: iso(seg.start) },
        `Khung phát thanh của loa "${d.name}" lúc ${iso(seg.start)} cần ${need} giây nhưng chỉ có ${have} giây; phần cuối sẽ không được phát.`,
        `The broadcast slot of speaker "${d.name}" at ${iso(seg.start)} needs ${need} s but has ${have} s; the end will not play.`);
    }
  }
  return null;
}

function adsOverShare(d: DeviceInput, inputs: LoadedInputs, inHorizon: (s: ScheduleInput) => boolean): Conflict | null {
  const durations = new Map(inputs.base.contents.map((c) => [c.contentId, c.durationMs]));
  const ads = inputs.base.schedules.filter((s) => s.class === 'ads' && targetsDevice(s.target, d) && inHorizon(s));
  if (ads.length === 0) return null;
  const share = Math.min(...ads.map((s) => s.adShare ?? 0.2));
  let asked = 0;
  for (const s of ads) {
    const loop = planOf(s, inputs).reduce((sum, p) => sum + (p.durationMs ?? durations.get(p.contentId) ?? 0), 0);
    asked += s.adPlaysPerHour !== undefined ? (s.adPlaysPerHour * loop) / HOUR_MS : (s.adShare ?? 0.2);
  }
  if (asked <= share + 1e-9) return null;
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  return conflict('ads_over_share', { deviceId: Number(d.id), scheduleIds: ads.map((s) => Number(s.id)) },
    `Quảng cáo trên màn hình "${d.name}" cần ${pct(asked)} thời lượng nhưng chỉ được ${pct(share)}; một số lượt sẽ không phát.`,
    `Ads on screen "${d.name}" ask for ${pct(asked)} of airtime but may use ${pct(share)}; some plays will be dropped.`);
}

export async function findConflicts(deps: { db: Db; now: number; horizon: CompileOptions; tz: string }): Promise<Conflict[]> {
  const inputs = await loadCompileInputs(deps.db, deps.now);
  const timelines = new Map((await timelineRepo.listTimelines(deps.db)).map((r) => [String(r.deviceId), r.timeline]));
  const cal = new ZoneCalendar(deps.tz);
  const fromDay = cal.dayOf(deps.horizon.from);
  const toDay = cal.dayOf(deps.horizon.to);
  const occCache = new Map<ScheduleInput, { start: number; end: number }[]>();
  const occ = (s: ScheduleInput) => {
    let o = occCache.get(s);
    if (!o) occCache.set(s, (o = scheduleOccurrences(s, cal, fromDay, toDay).filter((x) => x.end > deps.horizon.from && x.start < deps.horizon.to)));
    return o;
  };
  const inHorizon = (s: ScheduleInput) => occ(s).length > 0;
  const out: Conflict[] = [];

  for (const d of inputs.base.devices) {
    const tl = timelines.get(d.id);
    if (d.kind === 'speaker' && tl) {
      const c = speakerSlots(d, tl, inputs, occ);
      if (c) out.push(c);
    }
    if (d.kind === 'led') {
      const c = adsOverShare(d, inputs, inHorizon);
      if (c) out.push(c);
    }
    // An emergency alert passing through does not give a device a programme: it still plays only the fallback.
    if (tl && tl.segments.every((s) => s.class === 'fallback' || s.class === 'emergency')) {
      out.push(conflict('fallback_only', { deviceId: Number(d.id) },
        `Thiết bị "${d.name}" chỉ phát vòng lặp mặc định trong ${Math.round((tl.to - tl.from) / DAY_MS)} ngày tới.`,
        `Device "${d.name}" plays nothing but the default loop over the next ${Math.round((tl.to - tl.from) / DAY_MS)} days.`));
    }
  }

  const validTo = new Map(inputs.versions.filter((v) => v.valid_to !== null).map((v) => [String(v.content_id), v.valid_to!]));
  const playing = new Set<string>();
  for (const tl of timelines.values()) for (const seg of tl.segments) for (const it of seg.items) if (it.reason.scheduleId) playing.add(it.reason.scheduleId);
  const approved = new Set(inputs.versions.filter((v) => v.valid_to === null || v.valid_to > deps.now).map((v) => String(v.content_id)));

  for (const s of inputs.base.schedules) {
    const sid = Number(s.id);
    for (const p of planOf(s, inputs)) {
      const end = validTo.get(p.contentId);
      if (end === undefined || !usedAfter(s, end, cal)) continue;
      out.push(conflict('content_expires', { scheduleIds: [sid], contentId: Number(p.contentId), at: iso(end) },
        `Nội dung #${p.contentId} hết hiệu lực lúc ${iso(end)} nhưng lịch #${sid} vẫn dùng sau thời điểm đó.`,
        `Content #${p.contentId} expires at ${iso(end)} but schedule #${sid} still uses it after that.`));
    }
    if (playing.has(s.id)) continue;
    const reached = inputs.base.devices.some((d) => targetsDevice(s.target, d));
    const [vi, en] = !reached
      ? ['không nhắm tới thiết bị nào', 'it reaches no device']
      : !planOf(s, inputs).some((p) => approved.has(p.contentId))
        ? ['nội dung chưa được duyệt hoặc đã hết hiệu lực', 'its content is not approved or has expired']
        : !inHorizon(s)
          ? ['không có lần phát nào trong khoảng thời gian đã tính', 'it has no occurrence within the compiled horizon']
          : ['bị lịch ưu tiên cao hơn che, hoặc nội dung không phát được trên loại thiết bị này', 'it is outranked, or its content cannot play on the targeted kinds'];
    out.push(conflict('never_plays', { scheduleIds: [sid] }, `Lịch #${sid} không được phát: ${vi}.`, `Schedule #${sid} never plays: ${en}.`));
  }
  return out;
}

/** True when the schedule still has an occurrence at or after `t`. */
function usedAfter(s: ScheduleInput, t: number, cal: ZoneCalendar): boolean {
  if ('windows' in s.when) {
    const last = parseDate(s.when.dateTo);
    return last !== null && cal.toEpoch(last, 1440) > t;
  }
  try {
    const wall = new Date(t + cal.offsetAt(t));
    return parseRrule(s.when.rrule).after(wall, true) !== null;
  } catch {
    return false;
  }
}
