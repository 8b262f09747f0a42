// Screens (LED, kiosk): loop segments per clock-hour cell. Inside a cell the timeline is cut wherever any
// input changes (a window, operating hours, an alert, a content's validity), and each piece takes the
// highest class active over all of it. Cutting on the hour grid keeps every piece independent of the
// requested range and lets the ad share hold within each hour.
import type { Segment, TimelineItem } from './protocol';
import { alertItemId, isTickerItem } from './protocol';
import type { Catalog, PlannedPlay } from './items';
import { effectiveAdShare, interleave, interleaveAds, isPlayable, playableOn } from './items';
import type { DeviceProgram, Entry } from './program';
import { occurrenceAt, occurrencesIn } from './program';
import type { AlertInput, DeviceKind, Interval, ScheduleClass } from './types';
import { HOUR_MS } from './zone';

export interface BuildContext {
  catalog: Catalog;
  fallback: Partial<Record<DeviceKind, PlannedPlay[]>>;
  jingle: PlannedPlay[];
  defaultAdShare: number;
}

export const FALLBACK_RULE = 'fallback: vòng lặp mặc định';

/** The emergency items active over [a, b) on a device kind, by alert id. */
export function alertItems(alerts: readonly AlertInput[], kind: DeviceKind, a: number, b: number, cat: Catalog): TimelineItem[] {
  const out: TimelineItem[] = [];
  for (const al of alerts) {
    if (!(al.from <= a && a < al.to)) continue;
    const v = kind === 'speaker' ? (al.speechItem ?? al.item) : al.item;
    if (!isPlayable(v, a, b) || !playableOn(kind, v)) continue;
    out.push(
      cat.item(alertItemId(al.id, v.versionId), v, v.durationMs, false, { scheduleId: null, rule: `emergency: cảnh báo #${al.id}` }),
    );
  }
  return out;
}

export function alertBounds(alerts: readonly AlertInput[]): number[] {
  const out: number[] = [];
  for (const al of alerts) {
    out.push(al.from, al.to);
    for (const v of [al.item, al.speechItem]) {
      if (v?.validFrom != null) out.push(v.validFrom);
      if (v?.validTo != null) out.push(v.validTo);
    }
  }
  return out;
}

export function covers(list: readonly Interval[], t: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const iv = list[mid]!;
    if (t < iv.start) hi = mid - 1;
    else if (t >= iv.end) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Items of the active entries of one class over [a, b), merged in program order. */
function classItems(
  p: DeviceProgram,
  active: readonly Entry[],
  cls: ScheduleClass,
  a: number,
  b: number,
  cat: Catalog,
  used?: Entry[],
): TimelineItem[] {
  const lists: TimelineItem[][] = [];
  for (const e of active) {
    if (e.schedule.class !== cls) continue;
    const o = occurrenceAt(e, a);
    if (!o) continue;
    const rule = `${cls}: lịch #${e.schedule.id} ${o.label}`;
    const items = cat.resolve(e.plan, p.kind, a, b, { scheduleId: e.schedule.id, rule, ads: cls === 'ads' });
    if (items.length > 0) {
      lists.push(items);
      used?.push(e);
    }
  }
  return interleave(lists);
}

function pieceFor(p: DeviceProgram, active: readonly Entry[], a: number, b: number, ctx: BuildContext): Segment | null {
  const cat = ctx.catalog;
  const emergency = alertItems(p.alerts, p.kind, a, b, cat);
  if (emergency.length > 0) return { start: a, end: b, class: 'emergency', mode: 'loop', items: emergency };
  if (p.available && !covers(p.available, a)) return null;
  const priority = classItems(p, active, 'priority', a, b, cat);
  if (priority.length > 0) return { start: a, end: b, class: 'priority', mode: 'loop', items: priority };
  let base = classItems(p, active, 'normal', a, b, cat);
  let cls: Segment['class'] = 'normal';
  if (base.length === 0) {
    cls = 'fallback';
    base = classItems(p, active, 'fallback', a, b, cat);
    if (base.length === 0) {
      const plan = ctx.fallback[p.kind] ?? [];
      base = cat.resolve(plan, p.kind, a, b, { scheduleId: null, rule: FALLBACK_RULE, ads: false });
    }
  }
  if (base.length === 0) return null;
  if (p.kind === 'led') {
    const adEntries: Entry[] = [];
    const ads = classItems(p, active, 'ads', a, b, cat, adEntries);
    const share = effectiveAdShare(
      adEntries.map((e) => e.schedule),
      ads,
      ctx.defaultAdShare,
    );
    const items = interleaveAds(base, ads, share);
    if (items.length > base.length) return { start: a, end: b, class: cls === 'fallback' ? 'ads' : cls, mode: 'loop', items };
  }
  return { start: a, end: b, class: cls, mode: 'loop', items: base };
}

function sameRefs(a: readonly TimelineItem[], b: readonly TimelineItem[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Cut points of a program inside [h, end) (plus h and end, sorted, unique) and the entries active there. */
function cutsIn(p: DeviceProgram, h: number, end: number, extra: readonly number[]): { cuts: number[]; active: Entry[] } {
  const active: Entry[] = [];
  const cuts = [h, end];
  const add = (t: number) => {
    if (t > h && t < end) cuts.push(t);
  };
  for (const iv of p.available ?? []) {
    add(iv.start);
    add(iv.end);
  }
  for (const e of p.entries) {
    const occ = occurrencesIn(e, h, end);
    if (occ.length === 0) continue;
    active.push(e);
    for (const o of occ) {
      add(o.start);
      add(o.end);
    }
    for (const t of e.bounds) add(t);
  }
  for (const t of alertBounds(p.alerts)) add(t);
  for (const t of extra) add(t);
  cuts.sort((x, y) => x - y);
  return { cuts: cuts.filter((t, i) => i === 0 || t !== cuts[i - 1]), active };
}

/** Ticker items of a list, the same array for the same list (so unchanged pieces join, and the text never jumps). */
const tickerOnly = new WeakMap<readonly TimelineItem[], TimelineItem[]>();
function tickerItemsOf(items: readonly TimelineItem[]): TimelineItem[] {
  let out = tickerOnly.get(items);
  if (!out) tickerOnly.set(items, (out = items.filter(isTickerItem)));
  return out;
}

/**
 * A piece of the ticker track: the ticker texts of the highest class that has any (priority, normal, then the
 * fallback entries, then the default fallback loop), within operating hours. Alerts take the whole screen and
 * ads are never text, so neither reaches the ticker.
 */
function tickerPieceFor(p: DeviceProgram, active: readonly Entry[], a: number, b: number, ctx: BuildContext): Segment | null {
  if (p.available && !covers(p.available, a)) return null;
  const cat = ctx.catalog;
  for (const cls of ['priority', 'normal', 'fallback'] as const) {
    const items = tickerItemsOf(classItems(p, active, cls, a, b, cat));
    if (items.length > 0) return { start: a, end: b, class: cls, mode: 'loop', items };
  }
  const plan = ctx.fallback[p.kind] ?? [];
  const items = tickerItemsOf(cat.resolve(plan, p.kind, a, b, { scheduleId: null, rule: FALLBACK_RULE, ads: false }));
  return items.length > 0 ? { start: a, end: b, class: 'fallback', mode: 'loop', items } : null;
}

/** Unclipped loop pieces of the ticker track of every hour cell touching [from, to). */
export function tickerPieces(p: DeviceProgram, from: number, to: number, ctx: BuildContext): Segment[] {
  return screenPieces(p, from, to, ctx, tickerPieceFor);
}

/** Unclipped loop pieces of every hour cell touching [from, to). */
export function screenPieces(p: DeviceProgram, from: number, to: number, ctx: BuildContext, piece = pieceFor): Segment[] {
  const out: Segment[] = [];
  const fallbackBounds = ctx.catalog.validityBounds(ctx.fallback[p.kind] ?? []);
  for (let h = Math.floor(from / HOUR_MS) * HOUR_MS; h < to; h += HOUR_MS) {
    const { cuts, active } = cutsIn(p, h, h + HOUR_MS, fallbackBounds);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const seg = piece(p, active, cuts[i]!, cuts[i + 1]!, ctx);
      if (!seg) continue;
      const last = out[out.length - 1];
      // A cut that changed nothing (e.g. an unused content's validity) must not restart the loop.
      if (last && last.start >= h && last.end === seg.start && last.class === seg.class && sameRefs(last.items, seg.items)) {
        last.end = seg.end;
      } else out.push(seg);
    }
  }
  return out;
}
