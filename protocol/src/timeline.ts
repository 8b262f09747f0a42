// Zod schemas of the device timeline format (the plain types and the operations on them are in
// core/timeline.ts). The server validates with them; the player does not import them (it must not bundle zod).
import { z } from 'zod';
import { isAwakeList, unpackTimeline, type PackedTimeline } from './core/packed';
import { MEDIA_KINDS, PRIORITY_CLASSES, SEGMENT_MODES, TEXT_STYLES } from './core/timeline';
import type { DeviceLayout, DeviceTimeline, MediaKind, MediaRef, PriorityClass, Segment, TextBody, TimelineItem } from './core/timeline';
import type { Expect, Same } from './same-shape';
import { QUIZ_MAX_ANSWERS, QUIZ_MIN_ANSWERS, type QuizQuestion } from './core/quiz';
import { LAYOUT_ORIENTATIONS, layoutProblems, REGION_KINDS, type LayoutBody, type Region, type RegionStyle } from './core/layout';

export const PriorityClassSchema = z.enum(PRIORITY_CLASSES);
export const MediaKindSchema = z.enum(MEDIA_KINDS);

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const epochMs = z.number().int();

export const MediaRefSchema = z.object({
  sha256: sha256Hex,
  size: z.number().int().nonnegative(),
  mime: z.string().min(1),
  url: z.string().min(1),
});

export const TextBodySchema = z.object({
  title: z.string(),
  body: z.string(),
  style: z.enum(TEXT_STYLES),
});

export const TimelineItemSchema = z.object({
  /** Stable across recompiles while the schedule and content version stay the same. */
  id: z.string().min(1),
  contentId: z.string().min(1),
  versionId: z.string().min(1),
  /** sha256 of the main media file, or of the rendered text / speech. */
  sha256: sha256Hex,
  kind: MediaKindSchema,
  durationMs: z.number().int().positive(),
  muted: z.boolean().optional(),
  text: TextBodySchema.optional(),
  /** Why this item is here, for previews and audits (lý do phát). */
  reason: z.object({ scheduleId: z.string().nullable(), rule: z.string() }),
  /** A live feed from the server (core/timeline.ts LiveRef): heard over the live socket, never a file. */
  live: z.object({ id: z.string().min(1).max(64), title: z.string().max(200) }).optional(),
});

/** A quiz question a kiosk may offer (core/quiz.ts): carried beside the segments, never played as a slide. */
export const QuizQuestionSchema = z
  .object({
    contentId: z.string().min(1),
    versionId: z.string().min(1),
    title: z.string(),
    question: z.string(),
    answers: z.array(z.string()).min(QUIZ_MIN_ANSWERS).max(QUIZ_MAX_ANSWERS),
    correctIndex: z.number().int().nonnegative(),
    explanation: z.string(),
    articleUrl: z.string(),
    windows: z.array(z.object({ start: epochMs, end: epochMs })),
  })
  .refine((q) => q.correctIndex < q.answers.length, { message: 'correctIndex must name one of the answers' });

export const SegmentSchema = z
  .object({
    start: epochMs,
    /** Exclusive. */
    end: epochMs,
    class: PriorityClassSchema,
    /** loop: items repeat cyclically (screens); once: played in order once, then silence (speaker slots). */
    mode: z.enum(SEGMENT_MODES),
    items: z.array(TimelineItemSchema),
    /**
     * How far (ms) into the item sequence playback already is at `start`; absent = 0. Non-zero only where a
     * segment was cut by the requested range, so that [a,b] + [b,c] plays exactly like [a,c].
     */
    phaseMs: z.number().int().positive().optional(),
  })
  .refine((s) => s.end > s.start, { message: 'segment end must be after start' });

export const RegionStyleSchema = z.object({
  color: z.string().optional(),
  background: z.string().optional(),
  fontPx: z.number().int().optional(),
  speed: z.number().int().optional(),
});
export const RegionSchema = z.object({
  id: z.string(),
  kind: z.enum(REGION_KINDS),
  x: z.number().int(),
  y: z.number().int(),
  w: z.number().int(),
  h: z.number().int(),
  z: z.number().int(),
  style: RegionStyleSchema.optional(),
  contentId: z.number().int().optional(),
});
/** A layout body; the rules it must keep are layoutProblems' (core/layout.ts). */
export const LayoutBodySchema = z
  .object({ orientation: z.enum(LAYOUT_ORIENTATIONS), width: z.number().int(), height: z.number().int(), regions: z.array(RegionSchema) })
  .refine((b) => layoutProblems(b).length === 0, { message: 'layout breaks its rules (layoutProblems)' });
export const DeviceLayoutSchema = z.object({
  id: z.string().min(1),
  versionId: z.string().min(1),
  tz: z.string().min(1),
  body: LayoutBodySchema,
  content: z.record(z.string(), TimelineItemSchema),
});

/** When a screen is on (core/timeline.ts DeviceTimeline.awake): [start, end) pairs, sorted and not touching. */
export const AwakeSchema = z
  .array(z.tuple([epochMs, epochMs]))
  .refine(isAwakeList, { message: 'awake intervals must be [start, end) with start < end, sorted and not touching' });

export const DeviceTimelineSchema = z
  .object({
    deviceId: z.string().min(1),
    from: epochMs,
    to: epochMs,
    version: z.string().min(1),
    segments: z.array(SegmentSchema),
    media: z.array(MediaRefSchema),
    quiz: z.array(QuizQuestionSchema).optional(),
    ticker: z.array(SegmentSchema).optional(),
    layout: DeviceLayoutSchema.optional(),
    awake: AwakeSchema.optional(),
  })
  .refine((t) => t.to >= t.from, { message: 'timeline to must not be before from' })
  .refine((t) => t.segments.every((s, i, a) => i === 0 || a[i - 1]!.end <= s.start), {
    message: 'segments must be sorted and must not overlap',
  });

/** The wire form (`timeline.v2`, see packed.ts): items once, sequences of item indexes, segments naming one. */
export const PackedSegmentSchema = z.object({
  start: epochMs,
  end: epochMs,
  class: PriorityClassSchema,
  mode: z.enum(SEGMENT_MODES),
  seq: z.number().int().nonnegative(),
  phaseMs: z.number().int().positive().optional(),
});
export const PackedTimelineSchema = z
  .object({
    from: epochMs,
    to: epochMs,
    version: z.string().min(1),
    items: z.array(TimelineItemSchema),
    sequences: z.array(z.array(z.number().int().nonnegative())),
    segments: z.array(PackedSegmentSchema),
    media: z.array(MediaRefSchema),
    quiz: z.array(QuizQuestionSchema).optional(),
    ticker: z.array(PackedSegmentSchema).optional(),
    layout: DeviceLayoutSchema.optional(),
    awake: AwakeSchema.optional(),
  })
  .refine((p) => unpackTimeline(p, '-') !== null, {
    message: 'packed timeline: an index is out of range, or segments are unsorted or overlap',
  });

type _SchemasMatchTypes = [
  Expect<Same<z.infer<typeof PriorityClassSchema>, PriorityClass>>,
  Expect<Same<z.infer<typeof MediaKindSchema>, MediaKind>>,
  Expect<Same<z.infer<typeof MediaRefSchema>, MediaRef>>,
  Expect<Same<z.infer<typeof TextBodySchema>, TextBody>>,
  Expect<Same<z.infer<typeof TimelineItemSchema>, TimelineItem>>,
  Expect<Same<z.infer<typeof SegmentSchema>, Segment>>,
  Expect<Same<z.infer<typeof QuizQuestionSchema>, QuizQuestion>>,
  Expect<Same<z.infer<typeof DeviceTimelineSchema>, DeviceTimeline>>,
  Expect<Same<z.infer<typeof PackedTimelineSchema>, PackedTimeline>>,
  Expect<Same<z.infer<typeof RegionStyleSchema>, RegionStyle>>,
  Expect<Same<z.infer<typeof RegionSchema>, Region>>,
  Expect<Same<z.infer<typeof LayoutBodySchema>, LayoutBody>>,
  Expect<Same<z.infer<typeof DeviceLayoutSchema>, DeviceLayout>>,
];
