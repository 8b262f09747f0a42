// Every WebSocket message between the bantin server and a player (and the dashboard's live feed), as zod
// schemas with versioned type names. A new payload shape is a new version (`*.v2`); the old one stays until
// every player has moved. Pure: no I/O, no clock. The plain types, names and limits are in core/messages.ts
// (zod-free, for the player); the schemas are checked against them below. See protocol/README.md.
import { z } from 'zod';
import { ALERT_ACTIONS, ALERT_SEVERITIES, ERROR_CODES, MAX_DEVICE_MESSAGE_BYTES, MAX_PLAYS_PER_BATCH, MAX_QUIZ_ANSWERS_PER_BATCH, PLAY_RESULTS } from './core/messages';
import { QUIZ_MAX_ANSWERS } from './core/quiz';
import { REGION_KINDS } from './core/layout';
import { REPORT_CATEGORIES, REPORT_DESCRIPTION_MAX, REPORT_LINK_MAX, REPORT_LINK_PATTERN, REPORT_PLATFORMS } from './core/citizen-report';
import type * as M from './core/messages';
import type { Expect, Same } from './same-shape';
import { PackedTimelineSchema, PriorityClassSchema } from './timeline';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
/** An instant (epoch ms): any finite non-negative number, rounded to whole ms (offset clocks give fractions). */
const epochMs = z
  .number()
  .finite()
  .nonnegative()
  .transform((n) => Math.round(n));
/**
 * A size or duration the browser measures (storage estimate quotas, performance-clock uptime): any finite
 * non-negative number, rounded to a whole one, so a fraction never costs the device its heartbeat.
 */
const measured = z
  .number()
  .finite()
  .nonnegative()
  .transform((n) => Math.round(n));
const str = (max: number) => z.string().max(max);
const id = z.string().min(1).max(64);
const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'eventId must be a UUID');

// ---------------------------------------------------------------- device → server

export const HelloSchema = z
  .object({
    type: z.literal('hello.v1'),
    playerVersion: str(40),
    /** e.g. 'video', 'audio', 'speech', 'cache-api', 'touch' */
    capabilities: z.array(str(40)).max(32),
    /** The device's own clock (epoch ms) when it sent this; the server echoes it in time.v1. */
    deviceClock: epochMs,
  })
  .strict();

export const NowPlayingSchema = z
  .object({ itemId: str(200), contentId: str(64), versionId: str(64), sha256: sha256Hex, class: PriorityClassSchema, startedAt: epochMs })
  .strict();

export const HeartbeatSchema = z
  .object({
    type: z.literal('heartbeat.v1'),
    nowPlaying: NowPlayingSchema.nullable(),
    cache: z
      .object({
        /** Files of the manifest present and verified. */
        files: z.number().int().nonnegative(),
        /** Files of the manifest still missing. */
        missing: z.number().int().nonnegative(),
        bytes: measured,
        timelineVersion: str(100).nullable(),
      })
      .strict(),
    /** Free storage in bytes (navigator.storage.estimate), null when unknown. */
    freeBytes: measured.nullable(),
    /** The last few errors, newest last. */
    errors: z.array(str(300)).max(20),
    uptimeMs: measured,
    volume: z.number().int().min(0).max(100).optional(),
    /** Screens: black now (outside operating hours, or put to sleep), no emergency showing. */
    sleeping: z.boolean().optional(),
  })
  .strict();

export const PlayRecordSchema = z
  .object({
    eventId: uuid,
    contentId: id,
    versionId: id,
    sha256: sha256Hex,
    start: epochMs,
    end: epochMs,
    result: z.enum(PLAY_RESULTS),
    class: PriorityClassSchema,
    /** The layout region it was shown in; absent = main. */
    region: z.enum(REGION_KINDS).optional(),
  })
  .strict()
  .refine((r) => r.end >= r.start, { message: 'end must not be before start' });

export const PlaysSchema = z
  .object({ type: z.literal('plays.v1'), records: z.array(PlayRecordSchema).min(1).max(MAX_PLAYS_PER_BATCH) })
  .strict();

export const ConsentSchema = z
  .object({ given: z.literal(true), at: epochMs, retentionDays: z.number().int().min(1).max(3650) })
  .strict();

/** Only with consent (Nghị định/Luật bảo vệ dữ liệu cá nhân 91/2025): never sent without it. */
const phone = z.string().regex(/^\+?[0-9 .-]{8,20}$/, 'phone must be 8–20 digits');
const phoneNeedsConsent = (f: { phone?: string; consent?: unknown }) => f.phone === undefined || f.consent !== undefined;

export const FeedbackSchema = z
  .object({
    type: z.literal('feedback.v1'),
    eventId: uuid,
    rating: z.number().int().min(1).max(5),
    topic: z.string().min(1).max(100),
    comment: str(1000).optional(),
    phone: phone.optional(),
    consent: ConsentSchema.optional(),
    createdAt: epochMs,
  })
  .strict()
  .refine(phoneNeedsConsent, { message: 'phone requires consent', path: ['phone'] });

export const CitizenReportSchema = z
  .object({
    type: z.literal('citizen-report.v1'),
    eventId: uuid,
    category: z.enum(REPORT_CATEGORIES),
    platform: z.enum(REPORT_PLATFORMS).optional(),
    link: z.string().max(REPORT_LINK_MAX).regex(REPORT_LINK_PATTERN, 'link must be an http(s) address without spaces').optional(),
    description: z.string().min(1).max(REPORT_DESCRIPTION_MAX),
    phone: phone.optional(),
    consent: ConsentSchema.optional(),
    createdAt: epochMs,
  })
  .strict()
  .refine((r) => r.platform !== undefined || r.link !== undefined, { message: 'say where it was seen (platform or link)', path: ['platform'] })
  .refine(phoneNeedsConsent, { message: 'phone requires consent', path: ['phone'] });

export const QuizAnswerSchema = z
  .object({
    eventId: uuid,
    roundId: uuid,
    contentId: id,
    versionId: id,
    answerIndex: z.number().int().min(0).max(QUIZ_MAX_ANSWERS - 1),
    correct: z.boolean(),
    position: z.number().int().min(1).max(20),
    roundSize: z.number().int().min(1).max(20),
    answeredAt: epochMs,
  })
  .strict()
  .refine((a) => a.position <= a.roundSize, { message: 'position must not pass roundSize', path: ['position'] });

export const QuizAnswersSchema = z
  .object({ type: z.literal('quiz-answer.v1'), records: z.array(QuizAnswerSchema).min(1).max(MAX_QUIZ_ANSWERS_PER_BATCH) })
  .strict();

export const AckSchema = z
  .object({ type: z.literal('ack.v1'), of: z.enum(['alert', 'command']), id, action: z.enum(ALERT_ACTIONS).optional() })
  .strict();

export const DeviceToServerSchema = z.discriminatedUnion('type', [
  HelloSchema,
  HeartbeatSchema,
  PlaysSchema,
  FeedbackSchema,
  QuizAnswersSchema,
  CitizenReportSchema,
  AckSchema,
]);

// ---------------------------------------------------------------- server → device

export const TimelineMessageSchema = z.object({ type: z.literal('timeline.v2'), timeline: PackedTimelineSchema });
export const TimelineV3MessageSchema = z.object({ type: z.literal('timeline.v3'), timeline: PackedTimelineSchema });

export const AlertSeveritySchema = z.enum(ALERT_SEVERITIES);
const MediaLinkSchema = z.object({ url: z.string().min(1), sha256: sha256Hex });

export const AlertMessageSchema = z.object({
  type: z.literal('alert.v1'),
  action: z.enum(ALERT_ACTIONS),
  id,
  text: z.string().max(4000),
  severity: AlertSeveritySchema,
  /** Optional recorded audio; screens may ignore it, speakers play it after the attention tone. */
  audio: MediaLinkSchema.nullable(),
  /** The text rendered as Vietnamese speech (WAV) for speakers; null until rendered (an update follows). */
  speech: MediaLinkSchema.nullable(),
  /** Play again every so often until cancel or expiry; 0 = once. */
  repeatEveryMs: z.number().int().nonnegative(),
  startsAt: epochMs,
  expiresAt: epochMs,
});

export const CommandSchema = z.discriminatedUnion('name', [
  z.object({ name: z.literal('reload') }),
  z.object({ name: z.literal('identify'), durationMs: z.number().int().positive().max(600_000).optional() }),
  z.object({ name: z.literal('set_volume'), volume: z.number().int().min(0).max(100) }),
  z.object({ name: z.literal('screenshot') }),
]);
export const CommandMessageSchema = z.object({ type: z.literal('command.v1'), id, command: CommandSchema });

export const TimeMessageSchema = z.object({
  type: z.literal('time.v1'),
  serverTime: epochMs,
  /** The deviceClock of the hello.v1 this answers, so the player can measure the round trip; absent on connect. */
  deviceClock: epochMs.optional(),
});

export const ErrorMessageSchema = z.object({
  type: z.literal('error.v1'),
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** The `type` of the offending message, when it could be read. */
  ref: z.string().max(64).optional(),
  /** The event id concerned (feedback.v1 that was refused), so the player can keep or drop it. */
  eventId: z.string().max(64).optional(),
});

/** Sent only after the records are committed: the player may delete exactly these from its queue. */
export const PlaysAckSchema = z.object({ type: z.literal('plays.ack.v1'), eventIds: z.array(z.string()).max(MAX_PLAYS_PER_BATCH) });
/** Sent only after the feedback is committed. */
export const FeedbackAckSchema = z.object({ type: z.literal('feedback.ack.v1'), eventId: z.string() });
/** Sent only after the answers are committed: every eventId the server is done with (stored, known, or refused). */
export const QuizAnswerAckSchema = z.object({
  type: z.literal('quiz-answer.ack.v1'),
  eventIds: z.array(z.string()).max(MAX_QUIZ_ANSWERS_PER_BATCH),
  refused: z.array(z.object({ eventId: z.string(), code: z.enum(['not_allowed', 'invalid']) })).optional(),
});
/** Sent only after the citizen's report is committed. */
export const CitizenReportAckSchema = z.object({ type: z.literal('citizen-report.ack.v1'), eventId: z.string() });

export const ServerToDeviceSchema = z.discriminatedUnion('type', [
  TimelineMessageSchema,
  TimelineV3MessageSchema,
  AlertMessageSchema,
  CommandMessageSchema,
  TimeMessageSchema,
  ErrorMessageSchema,
  PlaysAckSchema,
  FeedbackAckSchema,
  QuizAnswerAckSchema,
  CitizenReportAckSchema,
]);

// ---------------------------------------------------------------- server → dashboard (/ws/dashboard)

export const DeviceStatusMessageSchema = z.object({
  type: z.literal('device.status.v1'),
  deviceId: z.string(),
  online: z.boolean(),
  lastSeenAt: epochMs.nullable(),
  nowPlaying: NowPlayingSchema.nullable(),
  cache: HeartbeatSchema.shape.cache.nullable(),
  freeBytes: z.number().int().nullable(),
  errors: z.array(z.string()),
  playerVersion: z.string().nullable(),
  stream: z.array(z.object({ address: z.string().nullable(), userAgent: z.string().nullable(), since: epochMs })).optional(),
  sleeping: z.boolean().optional(),
});
export const AlertAckMessageSchema = z.object({ type: z.literal('alert.ack.v1'), alertId: z.string(), deviceId: z.string(), at: epochMs });
export const ServerToDashboardSchema = z.discriminatedUnion('type', [DeviceStatusMessageSchema, AlertAckMessageSchema]);

// ---------------------------------------------------------------- parsing

export type ParseResult<T> =
  | { ok: true; message: T }
  | { ok: false; code: 'bad_json' | 'too_large' | 'invalid' | 'unknown_type'; error: string; ref?: string };

const DEVICE_TYPES = new Set<string>(DeviceToServerSchema.options.map((o) => o.shape.type.value));
const SERVER_TYPES = new Set<string>(ServerToDeviceSchema.options.map((o) => o.shape.type.value));

function parseWith<T>(raw: string, maxChars: number, types: Set<string>, schema: z.ZodType<T>): ParseResult<T> {
  // The socket's maxPayload bounds bytes; this bound protects callers that read frames some other way.
  if (raw.length > maxChars) return { ok: false, code: 'too_large', error: `message longer than ${maxChars} characters` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad_json', error: 'message is not JSON' };
  }
  const type = data && typeof data === 'object' && !Array.isArray(data) ? (data as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !types.has(type)) {
    // A string is quoted, cut short; anything else is named by its kind: JSON.stringify of a deeply nested
    // value would overflow the stack, and this function must never throw.
    const shown = typeof type === 'string' ? JSON.stringify(type.slice(0, 62)) : Array.isArray(type) ? 'array' : type == null ? 'null' : typeof type;
    return { ok: false, code: 'unknown_type', error: `unknown message type ${shown}` };
  }
  const r = schema.safeParse(data);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    return { ok: false, code: 'invalid', error: issues.join('; '), ref: type };
  }
  return { ok: true, message: r.data };
}

/** Parses one device → server frame. Never throws. */
export function parseDeviceMessage(raw: string): ParseResult<M.DeviceToServer> {
  return parseWith(raw, MAX_DEVICE_MESSAGE_BYTES, DEVICE_TYPES, DeviceToServerSchema);
}

/** Parses one server → device frame (for players). Never throws. Timelines can be large: no size bound. */
export function parseServerMessage(raw: string): ParseResult<M.ServerToDevice> {
  return parseWith(raw, Number.MAX_SAFE_INTEGER, SERVER_TYPES, ServerToDeviceSchema);
}

type _SchemasMatchTypes = [
  Expect<Same<z.infer<typeof HelloSchema>, M.Hello>>,
  Expect<Same<z.infer<typeof HeartbeatSchema>, M.Heartbeat>>,
  Expect<Same<z.infer<typeof PlayRecordSchema>, M.PlayRecord>>,
  Expect<Same<z.infer<typeof PlaysSchema>, M.Plays>>,
  Expect<Same<z.infer<typeof FeedbackSchema>, M.Feedback>>,
  Expect<Same<z.infer<typeof QuizAnswerSchema>, M.QuizAnswer>>,
  Expect<Same<z.infer<typeof QuizAnswersSchema>, M.QuizAnswers>>,
  Expect<Same<z.infer<typeof QuizAnswerAckSchema>, M.QuizAnswerAck>>,
  Expect<Same<z.infer<typeof CitizenReportSchema>, M.CitizenReport>>,
  Expect<Same<z.infer<typeof AckSchema>, M.Ack>>,
  Expect<Same<z.infer<typeof DeviceToServerSchema>, M.DeviceToServer>>,
  Expect<Same<z.infer<typeof TimelineMessageSchema>, M.TimelineMessage>>,
  Expect<Same<z.infer<typeof TimelineV3MessageSchema>, M.TimelineV3Message>>,
  Expect<Same<z.infer<typeof AlertSeveritySchema>, M.AlertSeverity>>,
  Expect<Same<z.infer<typeof AlertMessageSchema>, M.AlertMessage>>,
  Expect<Same<z.infer<typeof CommandSchema>, M.Command>>,
  Expect<Same<z.infer<typeof CommandMessageSchema>, M.CommandMessage>>,
  Expect<Same<z.infer<typeof TimeMessageSchema>, M.TimeMessage>>,
  Expect<Same<z.infer<typeof ErrorMessageSchema>, M.ErrorMessage>>,
  Expect<Same<z.infer<typeof PlaysAckSchema>, M.PlaysAck>>,
  Expect<Same<z.infer<typeof FeedbackAckSchema>, M.FeedbackAck>>,
  Expect<Same<z.infer<typeof CitizenReportAckSchema>, M.CitizenReportAck>>,
  Expect<Same<z.infer<typeof ServerToDeviceSchema>, M.ServerToDevice>>,
  Expect<Same<z.infer<typeof DeviceStatusMessageSchema>, M.DeviceStatusMessage>>,
  Expect<Same<z.infer<typeof AlertAckMessageSchema>, M.AlertAckMessage>>,
  Expect<Same<z.infer<typeof ServerToDashboardSchema>, M.ServerToDashboard>>,
];
