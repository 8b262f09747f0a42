// The timeline compiler (pure): schedules, contents and alerts in, one timeline per device out.
// Pieces are computed from the inputs alone, then clipped to [from, to) keeping their playback position,
// then chains of continuations are merged (normalizeSegments). Hence compiling [a,c] equals joining the
// compiles of [a,b] and [b,c] (joinTimelines). Devices with the same program share one compiled result.
import type { AwakeInterval, DeviceTimeline, MediaRef, Segment, TimelineItem } from './protocol';
import { awakeWithin, clipSegment, computeTimelineVersion, normalizeSegments, versionWithAwake, versionWithLayout } from './protocol';
import { Catalog } from './items';
import { OccurrenceCache, dayRange } from './occurrences';
import type { DeviceProgram, ProgramContext } from './program';
import { buildProgram, programInputs } from './program';
import type { BuildContext } from './screen';
import { screenPieces, tickerPieces } from './screen';
import { speakerPieces } from './speaker';
import { TargetIndex } from './targeting';
import type { AlertInput, AnnouncementInput, CompileInput, CompileOptions, ContentVersionInput, DeviceInput, ScheduleInput } from './types';
import { DEFAULT_TZ, HOUR_MS, ZoneCalendar } from './zone';

/** Caches that outlive one compile: occurrence expansions (per schedule object) and prepared inputs. */
export interface CompileCache {
  occurrences: OccurrenceCache;
  prepared: WeakMap<CompileInput, Map<string, Prepared>>;
}

export function createCompileCache(): CompileCache {
  return { occurrences: new OccurrenceCache(), prepared: new WeakMap() };
}

interface Prepared {
  program: ProgramContext;
  build: BuildContext;
  devices: Map<string, DeviceInput> | null;
  versions: Map<string, ContentVersionInput>;
  /** Compiled programs by program key: devices with the same inputs share one result. */
  compiled: Map<string, CompiledProgram>;
  /** Item hashes shared by every timeline of this compile (items are interned and never mutated). */
  itemHashes: Map<TimelineItem, string>;
  from: number;
  to: number;
}

export interface CompiledProgram {
  segments: Segment[];
  /** Screens with a ticker region: the ticker track. */
  ticker?: Segment[];
  /** Screens with operating hours or a power override: when they are on, unless that is all the time. */
  awake?: AwakeInterval[];
  media: MediaRef[];
  version: string;
}

function prepare(input: CompileInput, opts: CompileOptions, cache: CompileCache): Prepared {
  const tz = opts.tz ?? DEFAULT_TZ;
  const key = `${tz}|${opts.from}|${opts.to}|${opts.defaultAdShare ?? 0.2}`;
  let byKey = cache.prepared.get(input);
  if (!byKey) cache.prepared.set(input, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const cal = new ZoneCalendar(tz);
  // Pieces of the hour cells touching [from, to) may reach an hour beyond either end.
  const { fromDay, toDay } = dayRange(cal, opts.from - HOUR_MS, opts.to + HOUR_MS);
  const catalog = new Catalog(input);
  const versions = new Map<string, ContentVersionInput>();
  for (const c of input.contents) versions.set(c.versionId, c);
  for (const a of input.alerts) for (const v of [a.item, a.speechItem]) if (v) versions.set(v.versionId, v);
  for (const a of input.announcements ?? []) versions.set(a.item.versionId, a.item);
  const plan = (ids: string[] | undefined) => (ids ?? []).map((contentId) => ({ contentId }));
  const prepared: Prepared = {
    program: {
      cal,
      fromDay,
      toDay,
      catalog,
      occurrences: cache.occurrences,
      schedules: new TargetIndex<ScheduleInput>(input.schedules),
      alerts: new TargetIndex<AlertInput>(input.alerts),
      announcements: new TargetIndex<AnnouncementInput>(input.announcements ?? []),
      entryCache: new Map(),
    },
    build: {
      catalog,
      fallback: { led: plan(input.fallback.led), kiosk: plan(input.fallback.kiosk), speaker: plan(input.fallback.speaker) },
      jingle: input.jingleContentId ? [{ contentId: input.jingleContentId }] : [],
      defaultAdShare: opts.defaultAdShare ?? 0.2,
    },
    devices: null,
    versions,
    compiled: new Map(),
    itemHashes: new Map(),
    from: opts.from,
    to: opts.to,
  };
  byKey.set(key, prepared);
  return prepared;
}

function mediaOf(segments: readonly Segment[], versions: Map<string, ContentVersionInput>): MediaRef[] {
  const bySha = new Map<string, MediaRef>();
  const seen = new Set<string>();
  for (const s of segments) {
    for (const it of s.items) {
      if (seen.has(it.versionId)) continue;
      seen.add(it.versionId);
      for (const m of versions.get(it.versionId)?.media ?? []) if (!bySha.has(m.sha256)) bySha.set(m.sha256, m);
    }
  }
  return [...bySha.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0));
}

function compileProgram(p: DeviceProgram, prep: Prepared): CompiledProgram {
  const { from, to } = prep;
  const clip = (pieces: Segment[]) => {
    const clipped: Segment[] = [];
    for (const s of pieces) {
      const c = clipSegment(s, from, to);
      if (c) clipped.push(c);
    }
    return normalizeSegments(clipped);
  };
  const segments = clip(p.kind === 'speaker' ? speakerPieces(p, from, to, prep.build) : screenPieces(p, from, to, prep.build));
  // A screen is black outside `available` (emergencies aside): the player is told when it is on.
  const awake = p.kind !== 'speaker' && p.available ? awakeWithin(p.available, from, to) : undefined;
  const version = versionWithAwake(computeTimelineVersion(segments, prep.itemHashes), awake);
  const on = awake ? { awake } : {};
  if (!p.ticker) return { segments, ...on, media: mediaOf(segments, prep.versions), version };
  // The ticker's items are texts already in `segments` (for players without layouts): no media of their own.
  const ticker = clip(tickerPieces(p, from, to, prep.build));
  return { segments, ticker, ...on, media: mediaOf([...segments, ...ticker], prep.versions), version: versionWithLayout(version, ticker, undefined) };
}

function compiledFor(d: DeviceInput, prep: Prepared): CompiledProgram {
  const inputs = programInputs(d, prep.program);
  let compiled = prep.compiled.get(inputs.key);
  if (!compiled) {
    compiled = compileProgram(buildProgram(d, prep.program, inputs), prep);
    prep.compiled.set(inputs.key, compiled);
  }
  return compiled;
}

function toTimeline(deviceId: string, c: CompiledProgram, prep: Prepared): DeviceTimeline {
  // Devices sharing a program share its arrays; treat timelines as immutable.
  const tl: DeviceTimeline = { deviceId, from: prep.from, to: prep.to, version: c.version, segments: c.segments, media: c.media };
  if (c.ticker) tl.ticker = c.ticker;
  if (c.awake) tl.awake = c.awake;
  return tl;
}

/** Compile every device's timeline over [opts.from, opts.to). */
export function compileTimelines(
  input: CompileInput,
  opts: CompileOptions,
  cache: CompileCache = createCompileCache(),
): Map<string, DeviceTimeline> {
  const prep = prepare(input, opts, cache);
  const out = new Map<string, DeviceTimeline>();
  for (const d of input.devices) out.set(d.id, toTimeline(d.id, compiledFor(d, prep), prep));
  return out;
}

/** Compile one device (incremental recompiles); pass the same cache to reuse expansions. Null if unknown. */
export function compileDevice(
  input: CompileInput,
  deviceId: string,
  opts: CompileOptions,
  cache: CompileCache = createCompileCache(),
): DeviceTimeline | null {
  const prep = prepare(input, opts, cache);
  if (!prep.devices) prep.devices = new Map(input.devices.map((d) => [d.id, d]));
  const d = prep.devices.get(deviceId);
  if (!d) return null;
  return toTimeline(d.id, compiledFor(d, prep), prep);
}

/** One distinct device program, the devices that share it and its compiled timeline (for conflict checks). */
export interface ProgramView {
  devices: DeviceInput[];
  program: DeviceProgram;
  compiled: CompiledProgram;
}

/** Compile and expose the distinct programs with their build context, for findConflicts. */
export function inspectPrograms(
  input: CompileInput,
  opts: CompileOptions,
  cache: CompileCache = createCompileCache(),
): { views: ProgramView[]; build: BuildContext; program: ProgramContext } {
  const prep = prepare(input, opts, cache);
  const views = new Map<string, ProgramView>();
  for (const d of input.devices) {
    const inputs = programInputs(d, prep.program);
    const view = views.get(inputs.key);
    if (view) view.devices.push(d);
    else {
      const program = buildProgram(d, prep.program, inputs);
      views.set(inputs.key, { devices: [d], program, compiled: compiledFor(d, prep) });
    }
  }
  return { views: [...views.values()], build: prep.build, program: prep.program };
}
