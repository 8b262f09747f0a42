// Turning schedule entries into playable timeline items: playlist expansion, the defensive approval and
// validity checks, equal-class merging and ad interleaving.
import type { TimelineItem } from './protocol';
import type { CompileInput, ContentVersionInput, DeviceKind, ScheduleInput } from './types';
import { HOUR_MS } from './zone';

/** One planned play: a content and the duration it should get (playlist override or its own). */
export interface PlannedPlay {
  contentId: string;
  durationMs?: number;
}

const SCREEN_KINDS = new Set(['image', 'video', 'text']);
const SPEAKER_KINDS = new Set(['audio', 'speech']);

export function playableOn(kind: DeviceKind, v: ContentVersionInput): boolean {
  return kind === 'speaker' ? SPEAKER_KINDS.has(v.kind) : SCREEN_KINDS.has(v.kind);
}

/** Approved and valid over the whole of [start, end). */
export function isPlayable(v: ContentVersionInput, start: number, end: number): boolean {
  return (
    v.state === 'approved' && (v.validFrom === null || v.validFrom <= start) && (v.validTo === null || end <= v.validTo) && v.durationMs > 0
  );
}

/** Contents and playlists by id, plus interned timeline items so equal plays share one object. */
export class Catalog {
  readonly versions = new Map<string, ContentVersionInput[]>();
  private readonly playlists = new Map<string, PlannedPlay[]>();
  private readonly items = new Map<string, TimelineItem>();
  private readonly plans = new WeakMap<ScheduleInput, PlannedPlay[]>();
  private readonly resolved = new WeakMap<
    readonly PlannedPlay[],
    Map<string, { picked: (ContentVersionInput | null)[]; items: TimelineItem[] }>
  >();

  constructor(input: Pick<CompileInput, 'contents' | 'playlists'>) {
    for (const c of input.contents) {
      const list = this.versions.get(c.contentId);
      if (list) list.push(c);
      else this.versions.set(c.contentId, [c]);
    }
    for (const p of input.playlists) this.playlists.set(p.id, p.items);
  }

  /** The version of a content to play over [start, end): the last approved, valid one in input order. */
  version(contentId: string, start: number, end: number): ContentVersionInput | null {
    const list = this.versions.get(contentId);
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) if (isPlayable(list[i]!, start, end)) return list[i]!;
    return null;
  }

  plan(s: ScheduleInput): PlannedPlay[] {
    let p = this.plans.get(s);
    if (!p) {
      p = 'contentId' in s.what ? [{ contentId: s.what.contentId }] : (this.playlists.get(s.what.playlistId) ?? []);
      this.plans.set(s, p);
    }
    return p;
  }

  /** Validity bounds of every version a plan may use: candidate cut points of the timeline. */
  validityBounds(plan: readonly PlannedPlay[]): number[] {
    const out: number[] = [];
    for (const p of plan) {
      for (const v of this.versions.get(p.contentId) ?? []) {
        if (v.validFrom !== null) out.push(v.validFrom);
        if (v.validTo !== null) out.push(v.validTo);
      }
    }
    return out;
  }

  item(id: string, v: ContentVersionInput, durationMs: number, muted: boolean, reason: TimelineItem['reason']): TimelineItem {
    const key = `${id}\u0001${durationMs}\u0001${muted ? 1 : 0}\u0001${reason.rule}`;
    let it = this.items.get(key);
    if (!it) {
      it = { id, contentId: v.contentId, versionId: v.versionId, sha256: v.sha256, kind: v.kind, durationMs, reason };
      if (muted) it.muted = true;
      if (v.text) it.text = v.text;
      if (v.live) it.live = v.live;
      this.items.set(key, it);
    }
    return it;
  }

  /**
   * The items of one entry playable on `kind` over [start, end). Ad contents only in the ads class, only on
   * LED. The same versions give back the same array, so equal pieces compare by reference.
   */
  resolve(
    plan: readonly PlannedPlay[],
    kind: DeviceKind,
    start: number,
    end: number,
    source: { scheduleId: string | null; rule: string; ads: boolean },
  ): TimelineItem[] {
    const picked = plan.map((p) => this.version(p.contentId, start, end));
    let byKey = this.resolved.get(plan);
    if (!byKey) this.resolved.set(plan, (byKey = new Map()));
    const key = `${kind}\u0001${source.ads}\u0001${source.scheduleId}\u0001${source.rule}`;
    const hit = byKey.get(key);
    if (hit && hit.picked.every((v, i) => v === picked[i])) return hit.items;
    const out: TimelineItem[] = [];
    plan.forEach((p, i) => {
      const v = picked[i];
      if (!v || !playableOn(kind, v) || v.isAd !== source.ads) return;
      if (source.ads && kind !== 'led') return;
      const dur = p.durationMs && p.durationMs > 0 ? p.durationMs : v.durationMs;
      const id = `${source.scheduleId ?? 'fallback'}:${i}:${v.versionId}`;
      out.push(this.item(id, v, dur, source.ads, { scheduleId: source.scheduleId, rule: source.rule }));
    });
    byKey.set(key, { picked, items: out });
    return out;
  }
}

/** Interleave the item lists of merged equal-class entries round-robin; shorter lists wrap around. */
export function interleave(lists: readonly TimelineItem[][]): TimelineItem[] {
  const nonEmpty = lists.filter((l) => l.length > 0);
  if (nonEmpty.length === 1) return nonEmpty[0]!;
  const n = Math.max(0, ...nonEmpty.map((l) => l.length));
  const out: TimelineItem[] = [];
  for (let i = 0; i < n; i++) for (const l of nonEmpty) out.push(l[i % l.length]!);
  return out;
}

/**
 * One loop cycle of `base` with `ads` inserted greedily after base items, whenever the ad airtime so far
 * stays within `share` of the elapsed time. That holds for every prefix of the loop, so any stretch that
 * starts at the loop's start (in particular each hour cell) carries at most `share` of ads. The cycle
 * repeats base passes until every ad has played once, or it reaches an hour.
 */
export function interleaveAds(base: readonly TimelineItem[], ads: readonly TimelineItem[], share: number): TimelineItem[] {
  if (ads.length === 0 || share <= 0 || base.length === 0) return [...base];
  const out: TimelineItem[] = [];
  let total = 0;
  let adTime = 0;
  let next = 0;
  for (let pass = 0; pass < 10_000; pass++) {
    for (const b of base) {
      out.push(b);
      total += b.durationMs;
      for (let k = 0; k < ads.length; k++) {
        const ad = ads[next % ads.length]!;
        if (adTime + ad.durationMs > share * (total + ad.durationMs) + 1e-6) break;
        out.push(ad);
        adTime += ad.durationMs;
        total += ad.durationMs;
        next++;
      }
    }
    if (next >= ads.length || total >= HOUR_MS) break;
  }
  return out;
}

/** The share to apply for a set of active ad schedules: the strictest share and plays-per-hour cap. */
export function effectiveAdShare(schedules: readonly ScheduleInput[], ads: readonly TimelineItem[], defaultShare: number): number {
  let share = 1;
  let plays = Infinity;
  for (const s of schedules) {
    share = Math.min(share, s.adShare ?? defaultShare);
    if (s.adPlaysPerHour !== undefined) plays = Math.min(plays, s.adPlaysPerHour);
  }
  if (plays !== Infinity && ads.length > 0) {
    const shortest = Math.min(...ads.map((a) => a.durationMs));
    share = Math.min(share, (plays * shortest) / HOUR_MS);
  }
  return Math.max(0, Math.min(1, share));
}
