// Every WebSocket message between the bantin server and a player (and the dashboard's live feed) as plain
// types, with the names and limits of the protocol. Zod-free: the player imports it. The zod schemas that
// validate these shapes are in ../messages.ts and are checked against these types at compile time. Object
// types (not interfaces), like the zod-inferred types they replace, so a record of unknowns narrows to them.
import type { PackedTimeline } from './packed';
import type { ReportCategory, ReportPlatform } from './citizen-report';
import type { RegionKind } from './layout';
import type { PriorityClass } from './timeline';

/** The WebSocket subprotocol of this message set; the token travels as a second one (`bantin.token.<t>`). */
export const PROTOCOL_NAME = 'bantin.v1' as const;
export const TOKEN_PROTOCOL_PREFIX = 'bantin.token.' as const;
/**
 * Offered next to PROTOCOL_NAME by a device that can inflate: the server may then send any message as a
 * binary frame holding the raw DEFLATE (RFC 1951) of its UTF-8 JSON text. Text frames stay possible.
 */
export const DEFLATE_PROTOCOL = 'bantin.deflate' as const;
/**
 * Offered by a player that draws layouts (it also lists `layout` in hello.v1's capabilities): the server then
 * sends `timeline.v3` from the first timeline on. Without it the first timeline is `timeline.v2`, and a hello
 * with the capability switches the connection to v3.
 */
export const LAYOUT_PROTOCOL = 'bantin.layout' as const;
/** Largest device → server frame the server reads (bytes). 500 play records fit with room to spare. */
export const MAX_DEVICE_MESSAGE_BYTES = 256 * 1024;
export const MAX_PLAYS_PER_BATCH = 500;
/** Quiz answers in one `quiz-answer.v1` (a kiosk round has 5; a backlog goes out in batches). */
export const MAX_QUIZ_ANSWERS_PER_BATCH = 50;

export const PLAY_RESULTS = ['completed', 'interrupted', 'failed'] as const;
export const ALERT_SEVERITIES = ['extreme', 'severe', 'moderate', 'minor'] as const;
export const ALERT_ACTIONS = ['start', 'update', 'cancel'] as const;
export const ERROR_CODES = ['bad_json', 'too_large', 'invalid', 'unknown_type', 'rate_limited', 'not_allowed', 'internal'] as const;

export type PlayResult = (typeof PLAY_RESULTS)[number];
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];
export type AlertAction = (typeof ALERT_ACTIONS)[number];
export type ErrorCode = (typeof ERROR_CODES)[number];

// ---------------------------------------------------------------- device → server

export type Hello = {
  type: 'hello.v1';
  playerVersion: string;
  /** e.g. 'video', 'audio', 'speech', 'cache-api', 'touch' */
  capabilities: string[];
  /** The device's own clock (epoch ms) when it sent this; the server echoes it in time.v1. */
  deviceClock: number;
};

export type NowPlaying = {
  itemId: string;
  contentId: string;
  versionId: string;
  sha256: string;
  class: PriorityClass;
  startedAt: number;
};

export type CacheState = {
  /** Files of the manifest present and verified. */
  files: number;
  /** Files of the manifest still missing. */
  missing: number;
  bytes: number;
  timelineVersion: string | null;
};

export type Heartbeat = {
  type: 'heartbeat.v1';
  nowPlaying: NowPlaying | null;
  cache: CacheState;
  /** Free storage in bytes (navigator.storage.estimate), null when unknown. */
  freeBytes: number | null;
  /** The last few errors, newest last. */
  errors: string[];
  uptimeMs: number;
  volume?: number;
  /**
   * Screens: black now, outside their operating hours or put to sleep from the dashboard (no emergency
   * showing). Absent = not sleeping (players before this field, speakers).
   */
  sleeping?: boolean;
};

export type PlayRecord = {
  eventId: string;
  contentId: string;
  versionId: string;
  sha256: string;
  start: number;
  end: number;
  result: PlayResult;
  class: PriorityClass;
  /**
   * The layout region it was shown in: `main` (the programme) or `ticker` (the scrolling line); one of
   * REGION_KINDS. Absent = `main` (players before layouts, and screens without one).
   */
  region?: RegionKind;
};

export type Plays = {
  type: 'plays.v1';
  records: PlayRecord[];
};

export type Consent = {
  given: true;
  at: number;
  retentionDays: number;
};

export type Feedback = {
  type: 'feedback.v1';
  eventId: string;
  rating: number;
  topic: string;
  comment?: string;
  /** Only with consent (Nghị định/Luật bảo vệ dữ liệu cá nhân 91/2025): never sent without it. */
  phone?: string;
  consent?: Consent;
  createdAt: number;
};

/** One answer to a quiz question on a kiosk ("Tìm hiểu Bộ Quy tắc"); no personal data. */
export type QuizAnswer = {
  /** A UUID made once when the answer is given, stored with it. */
  eventId: string;
  /** A UUID shared by the answers of one round. */
  roundId: string;
  contentId: string;
  versionId: string;
  /** 0-based index of the answer chosen. */
  answerIndex: number;
  correct: boolean;
  /** 1-based place of the question in its round, and how many questions the round has: a round with an
   * answer at every place is finished. */
  position: number;
  roundSize: number;
  answeredAt: number;
};

export type QuizAnswers = {
  type: 'quiz-answer.v1';
  records: QuizAnswer[];
};

/** A citizen's report (phản ánh) of a Code violation or false news, filed on a kiosk. */
export type CitizenReport = {
  type: 'citizen-report.v1';
  eventId: string;
  category: ReportCategory;
  /** Where it was seen: a platform from the list, a link typed in (text, never followed), or both. */
  platform?: ReportPlatform;
  link?: string;
  description: string;
  /** Only with consent, under the same rules as feedback.v1. */
  phone?: string;
  consent?: Consent;
  createdAt: number;
};

export type Ack = {
  type: 'ack.v1';
  of: 'alert' | 'command';
  id: string;
  action?: AlertAction;
};

export type DeviceToServer = Hello | Heartbeat | Plays | Feedback | QuizAnswers | CitizenReport | Ack;

// ---------------------------------------------------------------- server → device

export type TimelineMessage = {
  type: 'timeline.v2';
  timeline: PackedTimeline;
};

/** To players that announce the `layout` capability: the same, with the layout and the ticker track. */
export type TimelineV3Message = {
  type: 'timeline.v3';
  timeline: PackedTimeline;
};

export type MediaLink = {
  url: string;
  sha256: string;
};

export type AlertMessage = {
  type: 'alert.v1';
  action: AlertAction;
  id: string;
  text: string;
  severity: AlertSeverity;
  /** Optional recorded audio; screens may ignore it, speakers play it after the attention tone. */
  audio: MediaLink | null;
  /** The text rendered as Vietnamese speech (WAV) for speakers; null until rendered (an update follows). */
  speech: MediaLink | null;
  /** Play again every so often until cancel or expiry; 0 = once. */
  repeatEveryMs: number;
  startsAt: number;
  expiresAt: number;
};

export type Command =
  | { name: 'reload' }
  | { name: 'identify'; durationMs?: number }
  | { name: 'set_volume'; volume: number }
  | { name: 'screenshot' };

export type CommandMessage = {
  type: 'command.v1';
  id: string;
  command: Command;
};

export type TimeMessage = {
  type: 'time.v1';
  serverTime: number;
  /** The deviceClock of the hello.v1 this answers, so the player can measure the round trip; absent on connect. */
  deviceClock?: number;
};

export type ErrorMessage = {
  type: 'error.v1';
  code: ErrorCode;
  message: string;
  /** The `type` of the offending message, when it could be read. */
  ref?: string;
  /** The event id concerned (feedback.v1 or citizen-report.v1 that was refused), so the player can keep or drop it. */
  eventId?: string;
};

/** Sent only after the records are committed: the player may delete exactly these from its queue. */
export type PlaysAck = {
  type: 'plays.ack.v1';
  eventIds: string[];
};

/** Sent only after the feedback is committed. */
export type FeedbackAck = {
  type: 'feedback.ack.v1';
  eventId: string;
};

/**
 * Sent only after the answers are committed: every eventId the server is done with — stored now, stored
 * before, or refused for good (listed again in `refused`, with why). The player deletes exactly these.
 */
export type QuizAnswerAck = {
  type: 'quiz-answer.ack.v1';
  eventIds: string[];
  refused?: { eventId: string; code: 'not_allowed' | 'invalid' }[];
};


/** Sent only after the citizen's report is committed. */
export type CitizenReportAck = {
  type: 'citizen-report.ack.v1';
  eventId: string;
};

export type ServerToDevice =
  | TimelineMessage
  | TimelineV3Message
  | AlertMessage
  | CommandMessage
  | TimeMessage
  | ErrorMessage
  | PlaysAck
  | FeedbackAck
  | QuizAnswerAck
  | CitizenReportAck;

// ---------------------------------------------------------------- server → dashboard (/ws/dashboard)

/** One open stream connection of an IP receiver (bộ thu IP): from where, which client, since when. */
export type StreamConnection = { address: string | null; userAgent: string | null; since: number };

export type DeviceStatusMessage = {
  type: 'device.status.v1';
  deviceId: string;
  online: boolean;
  lastSeenAt: number | null;
  nowPlaying: NowPlaying | null;
  cache: CacheState | null;
  freeBytes: number | null;
  errors: string[];
  playerVersion: string | null;
  /** IP receivers only: their open stream connections (online while there is one). */
  stream?: StreamConnection[];
  /** Screens: online and black by their last heartbeat (đang nghỉ), not offline; absent = not sleeping. */
  sleeping?: boolean;
};

export type AlertAckMessage = {
  type: 'alert.ack.v1';
  alertId: string;
  deviceId: string;
  at: number;
};

export type ServerToDashboard = DeviceStatusMessage | AlertAckMessage;
