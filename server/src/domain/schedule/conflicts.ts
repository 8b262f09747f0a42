// Conflicts (xung đột lịch) over a range, for the dashboard: overfull speaker slots, ads asking for more
// than their share, content expiring while still scheduled, devices left with only the fallback, and
// entries that can never play. Pure: it compiles the range and reads the result.
import type { CompileCache, ProgramView } from './compile';
import { createCompileCache, inspectPrograms } from './compile';
import { effectiveAdShare } from './items';
import type { ProgramContext } from './program';
import { occurrencesIn } from './program';
import type { BuildContext } from './screen';
import { slotDemandMs } from './speaker';
import type { CompileInput, CompileOptions } from './types';
import { HOUR_MS, MINUTE_MS } from './zone';

export type ConflictCode = 'speaker_slot_overfull' | 'ads_over_share' | 'content_expiring' | 'fallback_only' | 'never_plays';

export interface Conflict {
  code: ConflictCode;
  vi: string;
  en: string;
  deviceIds?: string[];
  scheduleIds?: string[];
  contentId?: string;
  /** Epoch ms the conflict starts at, when it has one. */
  at?: number;
}

const minutes = (ms: number) => Math.ceil(ms / MINUTE_MS);

function speakerConflicts(v: ProgramView, build: BuildContext, from: number, to: number): Conflict[] {
  const out: Conflict[] = [];
  for (const slot of v.program.available ?? []) {
    if (slot.end <= from || slot.start >= to) continue;
    const need = slotDemandMs(v.program, slot, build);
    const has = slot.end - slot.start;
    if (need <= has) continue;
    out.push({
      code: 'speaker_slot_overfull',
      deviceIds: v.devices.map((d) => d.id),
      at: slot.start,
      vi: `Khung phát thanh quá tải: cần ${minutes(need)} phút, khung chỉ có ${minutes(has)} phút.`,
      en: `Overfull broadcast slot: needs ${minutes(need)} min, the slot has ${minutes(has)} min.`,
    });
  }
  return out;
}

/** Per hour: the airtime the active ad entries ask for (plays per hour × their items) against the share. */
function adConflicts(v: ProgramView, build: BuildContext, from: number, to: number): Conflict[] {
  const out: Conflict[] = [];
  const ads = v.program.entries.filter((e) => e.schedule.class === 'ads');
  const seen = new Set<string>();
  for (let h = Math.floor(from / HOUR_MS) * HOUR_MS; h < to && ads.length > 0; h += HOUR_MS) {
    const active = ads.filter((e) => occurrencesIn(e, h, h + HOUR_MS).length > 0);
    const key = active.map((e) => e.schedule.id).join(',');
    if (active.length === 0 || seen.has(key)) continue;
    let demand = 0;
    const items = active.flatMap((e) => {
      const its = build.catalog.resolve(e.plan, 'led', h, h + 1, { scheduleId: e.schedule.id, rule: 'ads', ads: true });
      demand += (e.schedule.adPlaysPerHour ?? 1) * its.reduce((sum, i) => sum + i.durationMs, 0);
      return its;
    });
    const allowed =
      effectiveAdShare(
        active.map((e) => e.schedule),
        items,
        build.defaultAdShare,
      ) * HOUR_MS;
    if (demand <= allowed) continue;
    seen.add(key);
    out.push({
      code: 'ads_over_share',
      deviceIds: v.devices.map((d) => d.id),
      scheduleIds: active.map((e) => e.schedule.id),
      at: h,
      vi: `Quảng cáo cần ${minutes(demand)} phút/giờ, vượt tỉ lệ cho phép (${minutes(allowed)} phút/giờ).`,
      en: `Ads ask for ${minutes(demand)} min/hour, over their share (${minutes(allowed)} min/hour).`,
    });
  }
  return out;
}

function scheduleConflicts(input: CompileInput, pctx: ProgramContext, played: Set<string>, from: number, to: number): Conflict[] {
  const out: Conflict[] = [];
  for (const s of input.schedules) {
    if (!played.has(s.id)) {
      out.push({
        code: 'never_plays',
        scheduleIds: [s.id],
        vi: `Lịch #${s.id} không bao giờ được phát trong khoảng này.`,
        en: `Schedule #${s.id} never plays in this range.`,
      });
    }
    const occ = pctx.occurrences.get(s, pctx.cal, pctx.fromDay, pctx.toDay).filter((o) => o.end > from && o.start < to);
    for (const p of pctx.catalog.plan(s)) {
      const approved = (pctx.catalog.versions.get(p.contentId) ?? []).filter((v) => v.state === 'approved');
      const validTo = approved.length > 0 ? Math.max(...approved.map((v) => v.validTo ?? Infinity)) : Infinity;
      if (validTo === Infinity || !occ.some((o) => o.end > validTo)) continue;
      out.push({
        code: 'content_expiring',
        scheduleIds: [s.id],
        contentId: p.contentId,
        at: validTo,
        vi: `Nội dung ${p.contentId} hết hạn trong khi lịch #${s.id} vẫn dùng.`,
        en: `Content ${p.contentId} expires while schedule #${s.id} still uses it.`,
      });
    }
  }
  return out;
}

/** Every conflict over [from, to). Pass the compile cache of a recent compile to reuse its expansions. */
export function findConflicts(
  input: CompileInput,
  from: number,
  to: number,
  opts: Omit<CompileOptions, 'from' | 'to'> = {},
  cache: CompileCache = createCompileCache(),
): Conflict[] {
  const { views, build, program } = inspectPrograms(input, { ...opts, from, to }, cache);
  const out: Conflict[] = [];
  const played = new Set<string>();
  for (const v of views) {
    let onlyFallback = v.compiled.segments.length > 0;
    for (const s of v.compiled.segments) {
      if (s.class !== 'fallback' && s.class !== 'emergency') onlyFallback = false;
      for (const it of s.items) if (it.reason.scheduleId) played.add(it.reason.scheduleId);
    }
    if (onlyFallback) {
      out.push({
        code: 'fallback_only',
        deviceIds: v.devices.map((d) => d.id),
        vi: 'Thiết bị chỉ phát nội dung mặc định.',
        en: 'The device plays nothing but the fallback loop.',
      });
    }
    if (v.program.kind === 'speaker') out.push(...speakerConflicts(v, build, from, to));
    if (v.program.kind === 'led') out.push(...adConflicts(v, build, from, to));
  }
  return [...out, ...scheduleConflicts(input, program, played, from, to)];
}
