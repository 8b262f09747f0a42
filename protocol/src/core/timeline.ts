// The device timeline format as plain types, and the pure operations on it: what one device plays over a
// horizon, computed ahead by the server's compiler and played offline by the player. Zod-free (the player
// imports it); the schemas that validate this shape are in ../timeline.ts and are checked against these types.
//
// Version hash: FNV-1a 64 over the UTF-8 bytes of a canonical JSON of the segments (keys sorted, undefined
// dropped). Chosen over SHA-256 because protocol must not import node:crypto (the player runs it in the
// browser, where WebCrypto is async) and the hash only detects change; it is not a security boundary —
// media integrity is checked with each file's sha256.

import type { LayoutBody } from './layout';
import type { QuizQuestion } from './quiz';

/** The message that carries a timeline to a device (in its packed form, see packed.ts). */
export const TIMELINE_FORMAT = 'timeline.v2' as const;
/** The same with the screen's layout and ticker track, sent to players that announce LAYOUT_CAPABILITY. */
export const TIMELINE_FORMAT_V3 = 'timeline.v3' as const;
/** The `hello.v1` capability of a player that draws layouts (and so receives timeline.v3). */
export const LAYOUT_CAPABILITY = 'layout' as const;

/** emergency > priority > normal > ads > fallback (after TT 39/2020/TT-BTTTT). */
export const PRIORITY_CLASSES = ['emergency', 'priority', 'normal', 'ads', 'fallback'] as const;
export type PriorityClass = (typeof PRIORITY_CLASSES)[number];

/** Rank of a class: higher number wins. */
export function classRank(c: PriorityClass): number {
  return PRIORITY_CLASSES.length - PRIORITY_CLASSES.indexOf(c);
}

export const MEDIA_KINDS = ['image', 'video', 'audio', 'text', 'speech'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

export const TEXT_STYLES = ['led', 'kiosk', 'ticker'] as const;
/** loop: items repeat cyclically (screens); once: played in order once, then silence (speaker slots). */
export const SEGMENT_MODES = ['loop', 'once'] as const;
export type SegmentMode = (typeof SEGMENT_MODES)[number];

export type MediaRef = {
  sha256: string;
  size: number;
  mime: string;
  url: string;
};

export type TextBody = {
  title: string;
  body: string;
  style: (typeof TEXT_STYLES)[number];
};

export type TimelineItem = {
  /** Stable across recompiles while the schedule and content version stay the same. */
  id: string;
  contentId: string;
  versionId: string;
  /** sha256 of the main media file, or of the rendered text / speech. */
  sha256: string;
  kind: MediaKind;
  durationMs: number;
  muted?: boolean;
  text?: TextBody;
  /** Why this item is here, for previews and audits (lý do phát). */
  reason: { scheduleId: string | null; rule: string };
  /**
   * A live feed from the server instead of a file: a relay of an external station (tiếp âm), or later a live
   * announcement. Its `kind` is 'audio', its sha256 names the feed (liveSha256), it is never in the media
   * manifest, and the player hears it over the live socket (LIVE_SOCKET_PATH) while its segment is on.
   */
  live?: LiveRef;
};

/** What a live item plays: the feed's id on the server ('relay:<scheduleId>') and its title. */
export type LiveRef = { id: string; title: string };

/** The WebSocket path on which a player hears a live feed: `?id=<feed id>`, the device token as a subprotocol. */
export const LIVE_SOCKET_PATH = '/ws/live' as const;
/** The subprotocol of the live socket, offered with the device token (`bantin.token.<t>`). */
export const LIVE_PROTOCOL = 'bantin.live.v1' as const;

/** The WebSocket path on which an announcer speaks live from the dashboard (staff session cookie). */
export const ANNOUNCE_SOCKET_PATH = '/ws/announce' as const;
/** The subprotocol of the announce socket. */
export const ANNOUNCE_PROTOCOL = 'bantin.announce.v1' as const;

/**
 * The sha256 field of a live item: 48 zeros and a hash of the feed id. It names the feed (items of one feed are
 * equal) and is no file's digest, so no media lookup ever finds it.
 */
export function liveSha256(id: string): string {
  return '0'.repeat(48) + fnv1a64('live:' + id);
}

/** Whether an item is a live feed (heard over the live socket, no file). */
export const isLiveItem = (it: TimelineItem): boolean => it.live !== undefined;

export type Segment = {
  start: number;
  /** Exclusive. */
  end: number;
  class: PriorityClass;
  mode: SegmentMode;
  items: TimelineItem[];
  /**
   * How far (ms) into the item sequence playback already is at `start`; absent = 0. Non-zero only where a
   * segment was cut by the requested range, so that [a,b] + [b,c] plays exactly like [a,c].
   */
  phaseMs?: number;
};

export type DeviceTimeline = {
  deviceId: string;
  from: number;
  to: number;
  version: string;
  /** Sorted, not overlapping. */
  segments: Segment[];
  media: MediaRef[];
  /** Kiosks only: the quiz questions it may offer (see quiz.ts); absent = none. Never played as slides. */
  quiz?: QuizQuestion[];
  /**
   * Screens whose layout has a ticker region: the ticker track, text items of style `ticker` scheduled like any
   * content (classes, recurrence, validity). `segments` keeps them too, for players that draw no layout; a
   * layout player takes them out of its main region (mainTrack).
   */
  ticker?: Segment[];
  /** Screens with an approved layout: what the player draws (timeline.v3 only); absent = full screen. */
  layout?: DeviceLayout;
  /**
   * Screens with operating hours or a power override (bật/tắt màn hình): the intervals [start, end) within
   * [from, to) in which the screen is on, sorted, disjoint and not touching. Outside them the screen is black
   * (emergency segments still play). Absent = on all the time, also when the intervals would cover the whole range.
   */
  awake?: AwakeInterval[];
};

/** An interval [start, end) of epoch ms in which a screen is on. */
export type AwakeInterval = [number, number];

/** A screen's approved layout as it reaches the player, with the approved item each banner/image region shows. */
export type DeviceLayout = {
  /** The layout's id and the approved version's id. */
  id: string;
  versionId: string;
  /** The zone of the clock region (BANTIN_TZ). */
  tz: string;
  body: LayoutBody;
  /** Region id → the item it shows (a banner's text or image, an image region's picture); absent = empty. */
  content: Record<string, TimelineItem>;
};

/** Whether an item belongs to a ticker: a text of style `ticker`. */
export function isTickerItem(it: TimelineItem): boolean {
  return it.kind === 'text' && it.text?.style === 'ticker';
}

/**
 * The segments a layout's main region plays: with a ticker region and a ticker track, the ticker items are
 * taken out (they scroll in the ticker instead) and segments left empty are dropped; otherwise `segments`.
 * A segment that loses items restarts its loop at its start (its phase counted the removed items too).
 */
export function mainTrack(tl: Pick<DeviceTimeline, 'segments' | 'ticker' | 'layout'>): Segment[] {
  if (!tl.ticker || !tl.layout || !tl.layout.body.regions.some((r) => r.kind === 'ticker')) return tl.segments;
  const out: Segment[] = [];
  const bySeq = new Map<readonly TimelineItem[], TimelineItem[]>();
  for (const s of tl.segments) {
    if (!s.items.some(isTickerItem)) {
      out.push(s);
      continue;
    }
    let items = bySeq.get(s.items);
    if (!items) bySeq.set(s.items, (items = s.items.filter((it) => !isTickerItem(it))));
    if (items.length > 0) out.push({ start: s.start, end: s.end, class: s.class, mode: s.mode, items });
  }
  return out;
}

/** The version of a timeline with its ticker track and layout (unchanged when it has neither). */
export function versionWithLayout(version: string, ticker: readonly Segment[] | undefined, layout: DeviceLayout | undefined): string {
  if (!ticker && !layout) return version;
  const t = ticker ? computeTimelineVersion(ticker) : '-';
  return `${version}+layout:${fnv1a64(t + '|' + (layout ? canonicalJson(layout) : '-'))}`;
}

/**
 * The version of a timeline with its awake intervals: another hash of the same length (the versions travel in
 * bounded heartbeat fields), unchanged when there are none.
 */
export function versionWithAwake(version: string, awake: readonly AwakeInterval[] | undefined): string {
  if (!awake) return version;
  return 'fnv1a64:' + fnv1a64(version + '|awake:' + awake.map((iv) => iv[0] + '-' + iv[1]).join(','));
}

/**
 * The awake intervals of a track over [from, to): `on` (sorted, disjoint, any bounds) clipped to the range and
 * merged where they touch; undefined when they cover the whole range (the canonical form, so that compiling
 * [a,c] equals joining [a,b] and [b,c]).
 */
export function awakeWithin(on: readonly { start: number; end: number }[], from: number, to: number): AwakeInterval[] | undefined {
  const out: AwakeInterval[] = [];
  for (const iv of on) {
    const a = Math.max(iv.start, from);
    const b = Math.min(iv.end, to);
    if (b <= a) continue;
    const last = out[out.length - 1];
    if (last && last[1] >= a) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out.length === 1 && out[0]![0] === from && out[0]![1] === to ? undefined : out;
}

/** Whether a screen is on at t: true without awake intervals, else whether one of them holds t. */
export function isAwakeAt(awake: readonly AwakeInterval[] | undefined, t: number): boolean {
  if (!awake) return true;
  let lo = 0;
  let hi = awake.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const iv = awake[mid]!;
    if (t < iv[0]) hi = mid - 1;
    else if (t >= iv[1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** The first boundary of the awake intervals after t (a screen turns on or off then), or null. */
export function nextAwakeChange(awake: readonly AwakeInterval[] | undefined, t: number): number | null {
  for (const iv of awake ?? []) {
    if (iv[0] > t) return iv[0];
    if (iv[1] > t) return iv[1];
  }
  return null;
}

/** The id of an emergency alert's item in a timeline (one per alert and content version). */
export function alertItemId(alertId: string | number, versionId: string | number): string {
  return `alert:${alertId}:${versionId}`;
}

/**
 * The timeline without the items of the given alerts, and without the segments left empty: a cancelled alert
 * must not play from a timeline compiled while it was active. Returns the same object when nothing changes.
 */
export function withoutAlertItems(timeline: DeviceTimeline, alertIds: ReadonlySet<string>): DeviceTimeline {
  if (alertIds.size === 0) return timeline;
  const ofCancelled = (it: TimelineItem) => {
    const m = /^alert:([^:]+):/.exec(it.id);
    return !!m && alertIds.has(m[1]!);
  };
  if (!timeline.segments.some((s) => s.items.some(ofCancelled))) return timeline;
  const segments: Segment[] = [];
  for (const s of timeline.segments) {
    const items = s.items.filter((it) => !ofCancelled(it));
    if (items.length === s.items.length) segments.push(s);
    // The phase counted the dropped items too: what is left starts from its beginning.
    else if (items.length > 0) segments.push({ start: s.start, end: s.end, class: s.class, mode: s.mode, items });
  }
  return { ...timeline, segments };
}

/** JSON with object keys sorted and undefined members dropped: equal values give equal strings. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',') + ']';
  const obj = value as Record<string, unknown>;
  const parts: string[] = [];
  for (const k of Object.keys(obj).sort()) {
    if (obj[k] !== undefined) parts.push(JSON.stringify(k) + ':' + canonicalJson(obj[k]));
  }
  return '{' + parts.join(',') + '}';
}

const utf8 = new TextEncoder();

/** FNV-1a 64-bit of the UTF-8 bytes of `text`, as 16 hex digits (two 32-bit halves, no BigInt). */
export function fnv1a64(text: string): string {
  const bytes = utf8.encode(text);
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < bytes.length; i++) {
    lo ^= bytes[i]!;
    // prime = 2^40 + 0x1b3, so hash * prime = hash * 0x1b3 + (hash << 40)
    const t = (lo >>> 0) * 0x1b3;
    const carry = Math.floor(t / 0x100000000);
    hi = (Math.imul(hi, 0x1b3) + (lo << 8) + carry) >>> 0;
    lo = t >>> 0;
  }
  return hi.toString(16).padStart(8, '0') + (lo >>> 0).toString(16).padStart(8, '0');
}

/**
 * The `version` of a timeline: a hash of its segments only, so two devices playing the same share it.
 * Merkle-style: each distinct item is hashed once (FNV-1a 64 of its canonical JSON), then the segments are
 * hashed as canonical JSON with each item replaced by its hash. Pass `itemHashes` to share item hashes
 * across many timelines (items must then not be mutated).
 */
export function computeTimelineVersion(segments: readonly Segment[], itemHashes: Map<TimelineItem, string> = new Map()): string {
  const itemHash = (it: TimelineItem) => {
    let h = itemHashes.get(it);
    if (h === undefined) itemHashes.set(it, (h = fnv1a64(canonicalJson(it))));
    return h;
  };
  const parts = segments.map(
    (s) =>
      `{"class":${JSON.stringify(s.class)},"end":${s.end},"items":["${s.items.map(itemHash).join('","')}"],` +
      `"mode":${JSON.stringify(s.mode)},${s.phaseMs !== undefined ? `"phaseMs":${s.phaseMs},` : ''}"start":${s.start}}`,
  );
  return 'fnv1a64:' + fnv1a64('[' + parts.join(',') + ']');
}

/** Total duration of one pass over the items. */
export function sequenceMs(items: readonly TimelineItem[]): number {
  let sum = 0;
  for (const it of items) sum += it.durationMs;
  return sum;
}

function sameItem(x: TimelineItem, y: TimelineItem): boolean {
  if (x === y) return true;
  if (x.id !== y.id || x.durationMs !== y.durationMs || x.sha256 !== y.sha256 || x.reason.rule !== y.reason.rule) {
    return false;
  }
  return canonicalJson(x) === canonicalJson(y);
}

function sameItems(a: readonly TimelineItem[], b: readonly TimelineItem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameItem(a[i]!, b[i]!)) return false;
  return true;
}

/** True when `b` plays exactly what `a` would have played had `a` simply gone on past its end. */
export function isContinuation(a: Segment, b: Segment): boolean {
  if (a.end !== b.start || a.class !== b.class || a.mode !== b.mode) return false;
  if (!sameItems(a.items, b.items)) return false;
  const total = sequenceMs(a.items);
  const next = (a.phaseMs ?? 0) + (a.end - a.start);
  if (a.mode === 'loop') return total === 0 || next % total === (b.phaseMs ?? 0) % total;
  return next === (b.phaseMs ?? 0);
}

/** Merge every chain of continuations into one segment. Canonical: the result does not depend on cuts. */
export function normalizeSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out[out.length - 1];
    if (last && isContinuation(last, s)) out[out.length - 1] = { ...last, end: s.end };
    else out.push(s);
  }
  return out;
}

/** Cut a segment to [from, to), keeping its playback position. Returns null when nothing is left. */
export function clipSegment(s: Segment, from: number, to: number): Segment | null {
  const start = Math.max(s.start, from);
  const end = Math.min(s.end, to);
  if (end <= start) return null;
  if (start === s.start && end === s.end) return s;
  let phase = (s.phaseMs ?? 0) + (start - s.start);
  if (s.mode === 'loop') {
    const total = sequenceMs(s.items);
    phase = total === 0 ? 0 : phase % total;
  }
  const { phaseMs: _drop, ...rest } = s;
  return phase > 0 ? { ...rest, start, end, phaseMs: phase } : { ...rest, start, end };
}

function unionMedia(a: readonly MediaRef[], b: readonly MediaRef[]): MediaRef[] {
  const bySha = new Map<string, MediaRef>();
  for (const m of a) bySha.set(m.sha256, m);
  for (const m of b) if (!bySha.has(m.sha256)) bySha.set(m.sha256, m);
  return [...bySha.values()].sort((x, y) => (x.sha256 < y.sha256 ? -1 : x.sha256 > y.sha256 ? 1 : 0));
}

/**
 * Join two consecutive timelines of one device (a.to === b.from) into one over [a.from, b.to): segments
 * concatenated and continuations merged, media united (sorted by sha256), version recomputed. Compiling
 * [a,c] equals joining the compiles of [a,b] and [b,c].
 */
export function joinTimelines(a: DeviceTimeline, b: DeviceTimeline): DeviceTimeline {
  if (a.deviceId !== b.deviceId) throw new Error(`cannot join timelines of ${a.deviceId} and ${b.deviceId}`);
  if (a.to !== b.from) throw new Error(`timelines are not consecutive: ${a.to} ≠ ${b.from}`);
  const segments = normalizeSegments([...a.segments, ...b.segments]);
  // Without awake intervals a part is on all through its range.
  const on = (t: DeviceTimeline) => (t.awake ?? [[t.from, t.to]]).map(([start, end]) => ({ start, end }));
  const awake = a.awake || b.awake ? awakeWithin([...on(a), ...on(b)], a.from, b.to) : undefined;
  const out: DeviceTimeline = {
    deviceId: a.deviceId,
    from: a.from,
    to: b.to,
    version: versionWithAwake(computeTimelineVersion(segments), awake),
    segments,
    media: unionMedia(a.media, b.media),
  };
  if (awake) out.awake = awake;
  return out;
}
