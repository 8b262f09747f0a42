// What a zone sends out at instant t: an alert round (attention tone, then the alert's recorded audio or speech)
// while an alert is on, else its compiled timeline at the wall-clock position, else silence. Pure: the clock,
// the timeline, the alert and the decoded durations are parameters.
import { whatPlaysAt, withoutAlertItems, type DeviceTimeline } from '@bantin/protocol/core';
import type { AsRunSpan } from '../source';

export type Slot = {
  /** Same key = same span of as-run (one item from one start). */
  key: string;
  /** The decoded file to play, or null for silence (or for a live feed). */
  sha: string | null;
  /** A live feed (relay) to play instead of a file: its id, read from the relay engine. */
  live?: string;
  offsetMs: number;
  /** When this answer changes at the latest (absolute ms). */
  untilMs: number;
  title: string;
  contentId: number | null;
  reason: AsRunSpan['reason'];
};

export type ZoneAlert = {
  id: string;
  title: string;
  /** The first round starts here; later ones every `repeatEveryMs` (0 = once). */
  startedAt: number;
  repeatEveryMs: number;
  expiresAt: number;
  /** The recorded audio, else the rendered speech; null until there is one. */
  sha: string | null;
};

export type ProgramInputs = {
  timeline: DeviceTimeline | null;
  alert: ZoneAlert | null;
  tone: { sha: string; durationMs: number } | null;
  /** Decoded length of a file, null when not decoded (yet). */
  durationOf: (sha: string) => number | null;
  titleOf: (contentId: number) => string | undefined;
  inQuietHours: (t: number) => boolean;
};

const FAR = 60_000;
const alertIdsOf = new WeakMap<DeviceTimeline, DeviceTimeline>();

/** The timeline without the alert items the compiler put in: the engine plays alerts itself, from their start. */
function scheduleOnly(tl: DeviceTimeline): DeviceTimeline {
  let out = alertIdsOf.get(tl);
  if (!out) {
    const ids = new Set<string>();
    for (const s of tl.segments) for (const it of s.items) {
      const m = /^alert:([^:]+):/.exec(it.id);
      if (m) ids.add(m[1]!);
    }
    out = withoutAlertItems(tl, ids);
    alertIdsOf.set(tl, out);
  }
  return out;
}

function alertSlot(a: ZoneAlert, p: ProgramInputs, t: number): Slot | null {
  if (t < a.startedAt || t >= a.expiresAt) return null;
  const toneMs = p.tone?.durationMs ?? 0;
  const msgMs = a.sha ? (p.durationOf(a.sha) ?? 0) : 0;
  const roundMs = toneMs + msgMs;
  const period = a.repeatEveryMs > 0 ? Math.max(a.repeatEveryMs, Math.ceil(roundMs / a.repeatEveryMs) * a.repeatEveryMs) : Infinity;
  const since = t - a.startedAt;
  const round = Number.isFinite(period) ? Math.floor(since / period) : 0;
  const pos = since - round * period;
  const roundStart = a.startedAt + round * period;
  const base = { title: a.title, contentId: null };
  if (p.tone && pos < toneMs) {
    return { ...base, key: `alert:${a.id}:${round}:tone`, sha: p.tone.sha, offsetMs: pos, untilMs: roundStart + toneMs, reason: 'alert-tone' };
  }
  if (a.sha && pos < roundMs) {
    return { ...base, key: `alert:${a.id}:${round}:msg`, sha: a.sha, offsetMs: pos - toneMs, untilMs: roundStart + roundMs, reason: 'emergency' };
  }
  // Not decoded yet: wait in silence a little, the round goes on when it is.
  if (a.sha && msgMs === 0 && pos < toneMs + FAR) {
    return { ...base, key: `alert:${a.id}:${round}:wait`, sha: null, offsetMs: 0, untilMs: t + 20, reason: 'emergency' };
  }
  return null;
}

/** Whether a live announcement (phát trực tiếp) is on at t: a person speaking now goes over an alert round. */
function announcementAt(p: ProgramInputs, t: number): boolean {
  if (!p.timeline) return false;
  return whatPlaysAt(scheduleOnly(p.timeline), t).item?.live?.id.startsWith('announce:') ?? false;
}

export function slotAt(p: ProgramInputs, t: number): Slot {
  if (p.alert && !announcementAt(p, t)) {
    const s = alertSlot(p.alert, p, t);
    if (s) return s;
  }
  const silence = (until: number): Slot => {
    const quiet = p.inQuietHours(t);
    return { key: quiet ? 'quiet' : 'silence', sha: null, offsetMs: 0, untilMs: Math.min(until, t + 1000), title: '', contentId: null, reason: quiet ? 'quiet-hours' : 'silence' };
  };
  const nextAlertRound = (until: number) => (p.alert && p.alert.repeatEveryMs > 0 ? Math.min(until, t + 1000) : until);
  if (!p.timeline) return silence(t + 1000);
  const now = whatPlaysAt(scheduleOnly(p.timeline), t);
  const until = nextAlertRound(now.nextChangeAt ?? t + FAR);
  const item = now.item;
  if (!item || !now.segment || (item.kind !== 'audio' && item.kind !== 'speech' && item.kind !== 'video')) return silence(until);
  if (item.live) {
    // A relay: one span from its start, under the source's name; the relay engine has its audio.
    return {
      key: `live:${item.live.id}:${Math.round(t - now.offsetMs)}`,
      sha: null,
      live: item.live.id,
      offsetMs: now.offsetMs,
      untilMs: Math.min(until, t + 1000),
      title: item.live.title,
      contentId: null,
      reason: now.segment.class === 'ads' ? 'normal' : now.segment.class,
    };
  }
  const id = Number(item.contentId);
  const contentId = Number.isInteger(id) ? id : null;
  return {
    key: `item:${item.id}:${Math.round(t - now.offsetMs)}`,
    sha: item.sha256,
    offsetMs: now.offsetMs,
    untilMs: until,
    title: (contentId !== null ? p.titleOf(contentId) : undefined) ?? item.text?.title ?? '',
    contentId,
    reason: now.segment.class === 'ads' ? 'normal' : now.segment.class,
  };
}
