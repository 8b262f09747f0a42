// The wire form of a device timeline (`timeline.v2`): the same timeline as `DeviceTimeline`, with every
// distinct item written once in `items`, every distinct item sequence once in `sequences` (indexes into
// `items`), and each segment naming its sequence by index. A screen's horizon repeats the same loop in every
// hourly segment, so this is ~35× smaller than writing the items out in every segment (685 KB → 20 KB for an
// LED screen over two days with the starter pack), and the player keeps one object per item.
//
// The device id is not on the wire: the socket already belongs to one device, and leaving it out makes the
// frame the same bytes for every device on one version, so the server encodes (and compresses) it once and
// sends one buffer to thousands of sockets. The player adds its own id when it unpacks.
//
// Pure and zod-free: the player imports it (its bundle must not pull zod). `unpackTimeline` never throws on
// bad input: it checks every index and returns null.
import { layoutProblems, type LayoutBody } from './layout';
import { isQuizQuestion, type QuizQuestion } from './quiz';
import { MEDIA_KINDS, PRIORITY_CLASSES, type AwakeInterval, type DeviceLayout, type DeviceTimeline, type MediaRef, type PriorityClass, type Segment, type SegmentMode, type TimelineItem } from './timeline';

export interface PackedSegment {
  start: number;
  end: number;
  class: PriorityClass;
  mode: SegmentMode;
  /** Index into `sequences`. */
  seq: number;
  phaseMs?: number;
}

export interface PackedTimeline {
  from: number;
  to: number;
  version: string;
  items: TimelineItem[];
  /** Each sequence lists indexes into `items`, in play order. */
  sequences: number[][];
  segments: PackedSegment[];
  media: MediaRef[];
  /** Kiosks only: the quiz questions it may offer (quiz.ts), carried as they are; absent = none. */
  quiz?: QuizQuestion[];
  /** timeline.v3: the ticker track, its segments naming sequences like `segments`. */
  ticker?: PackedSegment[];
  /** timeline.v3: the layout, its region items written out (a handful). */
  layout?: DeviceLayout;
  /** Screens with operating hours or a power override: when the screen is on (DeviceTimeline.awake), as they are. */
  awake?: AwakeInterval[];
}

/** The shared part of a packed timeline (what devices on one version have in common). */
export type PackedBody = Pick<PackedTimeline, 'items' | 'sequences' | 'segments' | 'media' | 'quiz' | 'ticker' | 'layout' | 'awake'>;

/**
 * Pack the segments and media of a timeline. Items are recognised by identity first (the compiler shares
 * item objects), then by their JSON, so equal items written out twice still take one slot.
 */
export function packBody(tl: Pick<DeviceTimeline, 'segments' | 'media' | 'quiz' | 'ticker' | 'layout' | 'awake'>): PackedBody {
  const items: TimelineItem[] = [];
  const byRef = new Map<TimelineItem, number>();
  const byJson = new Map<string, number>();
  const sequences: number[][] = [];
  const seqByKey = new Map<string, number>();
  const seqByRef = new Map<readonly TimelineItem[], number>();
  const itemIndex = (it: TimelineItem) => {
    let i = byRef.get(it);
    if (i !== undefined) return i;
    const json = JSON.stringify(it);
    i = byJson.get(json);
    if (i === undefined) {
      i = items.length;
      items.push(it);
      byJson.set(json, i);
    }
    byRef.set(it, i);
    return i;
  };
  const pack = (s: Segment): PackedSegment => {
    let seq = seqByRef.get(s.items);
    if (seq === undefined) {
      const idx = s.items.map(itemIndex);
      const key = idx.join(',');
      seq = seqByKey.get(key);
      if (seq === undefined) {
        seq = sequences.length;
        sequences.push(idx);
        seqByKey.set(key, seq);
      }
      seqByRef.set(s.items, seq);
    }
    const out: PackedSegment = { start: s.start, end: s.end, class: s.class, mode: s.mode, seq };
    if (s.phaseMs !== undefined) out.phaseMs = s.phaseMs;
    return out;
  };
  const segments = tl.segments.map(pack);
  const ticker = tl.ticker?.map(pack);
  const body: PackedBody = { items, sequences, segments, media: tl.media };
  if (tl.quiz && tl.quiz.length > 0) body.quiz = tl.quiz;
  if (ticker) body.ticker = ticker;
  if (tl.layout) body.layout = tl.layout;
  if (tl.awake) body.awake = tl.awake;
  return body;
}

/**
 * The wire form. `timeline.v2` (the default) leaves the ticker track and the layout out, so a player that
 * draws no layout gets exactly what it always got (its ticker texts stay in `segments`); `timeline.v3` carries them.
 * Both carry the awake intervals: every player blacks its screen out outside them.
 */
export function packTimeline(tl: DeviceTimeline, format: 'v2' | 'v3' = 'v2'): PackedTimeline {
  const body = format === 'v3' ? tl : { segments: tl.segments, media: tl.media, quiz: tl.quiz, awake: tl.awake };
  return { from: tl.from, to: tl.to, version: tl.version, ...packBody(body) };
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
const CLASSES: readonly string[] = PRIORITY_CLASSES;
const KINDS: readonly string[] = MEDIA_KINDS;

function isItem(v: unknown): v is TimelineItem {
  return (
    isObj(v) &&
    typeof v.id === 'string' &&
    typeof v.contentId === 'string' &&
    typeof v.versionId === 'string' &&
    typeof v.sha256 === 'string' &&
    KINDS.includes(v.kind as string) &&
    isInt(v.durationMs) &&
    (v.durationMs as number) > 0 &&
    isObj(v.reason)
  );
}

/**
 * The segments and media of a packed body, with the items shared: segments on one sequence share one items
 * array. Null when anything is out of shape (an index out of range, unsorted or overlapping segments, …).
 */
export function unpackBody(p: unknown): Pick<DeviceTimeline, 'segments' | 'media' | 'quiz' | 'ticker' | 'layout' | 'awake'> | null {
  if (!isObj(p) || !Array.isArray(p.items) || !Array.isArray(p.sequences) || !Array.isArray(p.segments) || !Array.isArray(p.media)) {
    return null;
  }
  const items = p.items as unknown[];
  if (!items.every(isItem)) return null;
  const sequences: TimelineItem[][] = [];
  for (const seq of p.sequences as unknown[]) {
    if (!Array.isArray(seq)) return null;
    const list: TimelineItem[] = [];
    for (const i of seq) {
      if (!isInt(i) || i < 0 || i >= items.length) return null;
      list.push(items[i] as TimelineItem);
    }
    sequences.push(list);
  }
  const track = (list: unknown[]): Segment[] | null => {
    const segments: Segment[] = [];
    let lastEnd = -Infinity;
    for (const s of list) {
      if (!isObj(s) || !isInt(s.start) || !isInt(s.end) || s.end <= s.start || s.start < lastEnd) return null;
      if (!CLASSES.includes(s.class as string) || (s.mode !== 'loop' && s.mode !== 'once')) return null;
      if (!isInt(s.seq) || s.seq < 0 || s.seq >= sequences.length) return null;
      if (s.phaseMs !== undefined && (!isInt(s.phaseMs) || s.phaseMs <= 0)) return null;
      const seg: Segment = { start: s.start, end: s.end, class: s.class as PriorityClass, mode: s.mode, items: sequences[s.seq]! };
      if (s.phaseMs !== undefined) seg.phaseMs = s.phaseMs;
      segments.push(seg);
      lastEnd = s.end;
    }
    return segments;
  };
  const segments = track(p.segments as unknown[]);
  if (!segments) return null;
  let ticker: Segment[] | undefined;
  if (p.ticker !== undefined) {
    if (!Array.isArray(p.ticker)) return null;
    const t = track(p.ticker as unknown[]);
    if (!t) return null;
    ticker = t;
  }
  let layout: DeviceLayout | undefined;
  if (p.layout !== undefined) {
    if (!isLayout(p.layout)) return null;
    layout = p.layout;
  }
  let awake: AwakeInterval[] | undefined;
  if (p.awake !== undefined) {
    if (!isAwakeList(p.awake)) return null;
    awake = p.awake;
  }
  const media = p.media as unknown[];
  if (!media.every((m) => isObj(m) && typeof m.sha256 === 'string' && typeof m.url === 'string' && isInt(m.size))) return null;
  // Quiz questions never stop a timeline from playing: one out of shape is dropped, not the whole timeline.
  const quiz = Array.isArray(p.quiz) ? (p.quiz as unknown[]).filter(isQuizQuestion) : [];
  const out: Pick<DeviceTimeline, 'segments' | 'media' | 'quiz' | 'ticker' | 'layout' | 'awake'> = { segments, media: media as MediaRef[] };
  if (quiz.length > 0) out.quiz = quiz;
  if (ticker) out.ticker = ticker;
  if (layout) out.layout = layout;
  if (awake) out.awake = awake;
  return out;
}

/** Awake intervals: pairs [start, end) of whole ms, start < end, sorted and not touching. */
export function isAwakeList(v: unknown): v is AwakeInterval[] {
  if (!Array.isArray(v)) return false;
  let lastEnd = -Infinity;
  for (const iv of v as unknown[]) {
    if (!Array.isArray(iv) || iv.length !== 2 || !isInt(iv[0]) || !isInt(iv[1])) return false;
    if (iv[1] <= iv[0] || iv[0] <= lastEnd) return false;
    lastEnd = iv[1];
  }
  return true;
}

function isLayout(v: unknown): v is DeviceLayout {
  if (!isObj(v) || typeof v.id !== 'string' || typeof v.versionId !== 'string' || typeof v.tz !== 'string' || !isObj(v.content)) return false;
  const body = v.body;
  if (!isObj(body) || !Array.isArray(body.regions) || !body.regions.every(isObj)) return false;
  if (layoutProblems(body as LayoutBody).length > 0) return false;
  return Object.values(v.content).every(isItem);
}

/** The timeline of device `deviceId` from its packed form, or null when the packed form is out of shape. */
export function unpackTimeline(p: unknown, deviceId: string): DeviceTimeline | null {
  if (!isObj(p) || !isInt(p.from) || !isInt(p.to) || p.to < p.from || typeof p.version !== 'string') return null;
  const body = unpackBody(p);
  return body && { deviceId, from: p.from, to: p.to, version: p.version, ...body };
}
