// The player core's contract: the state the UI reads, the dependencies the runtime injects, and the
// operations it offers. Kept apart from player-core.ts so components and the runtime depend on types only.
import type { Clock } from '../lib/clock';
import type { AlertMessage, DeviceLayout, DeviceTimeline, DeviceToServer, Heartbeat, PlayRecord, QuizAnswer, QuizQuestion, Segment, TimelineItem } from '@bantin/protocol/core';
import type { Inbound } from '../net/inbound';
import type { MediaSync } from '../media/sync';
import type { QueueStore } from '../queue/outbox';
import type { NowPlaying } from '../schedule/scheduler';

export type DeviceKind = 'led' | 'kiosk' | 'speaker'; // màn hình LED, kiosk, loa truyền thanh
export type FeedbackMessage = Extract<DeviceToServer, { type: 'feedback.v1' }>;
export type CitizenReportMessage = Extract<DeviceToServer, { type: 'citizen-report.v1' }>;
/** What a kiosk's form outbox holds: feedback (Góp ý) and citizens' reports (Phản ánh), in one queue. */
export type KioskMessage = FeedbackMessage | CitizenReportMessage;

export interface CoreState {
  now: NowPlaying | null;
  alert: AlertMessage | null;
  identifyUntil: number;
  volume: number;
  /** Bumped whenever a media file becomes ready, so the UI re-renders waiting items. */
  mediaTick: number;
  /** The socket is up (never shown to the public; a data attribute for staff tools and tests). */
  online: boolean;
  /** Kiosks: the quiz questions of the timeline, each with the windows it may be asked in. */
  quiz: QuizQuestion[];
  /** Screens: the approved layout the timeline carries (null = full screen, as before layouts). */
  layout: DeviceLayout | null;
  /** The ticker track's segment playing now (its texts scroll in the ticker region); null = nothing to scroll. */
  ticker: Segment | null;
  /**
   * Screens: black now (màn hình nghỉ) — the timeline has awake intervals, none holds now, and no emergency
   * shows. Outside operating hours, or put to sleep from the dashboard.
   */
  sleeping: boolean;
}

export interface CoreDeps {
  kind: DeviceKind;
  clock: Clock;
  /** The device's own, uncorrected clock (for hello.v1 and the offset measurement). */
  localNow(): number;
  /** Adopt server time `serverTime` measured at local instant `localAt`; returns the offset change (ms). */
  syncClock(serverTime: number, localAt: number): number;
  send(message: DeviceToServer): boolean;
  playsStore: QueueStore<PlayRecord>;
  /** Kiosk quiz answers waiting for the server's quiz-answer.ack.v1. */
  quizStore: QueueStore<QuizAnswer>;
  feedbackStore: QueueStore<KioskMessage>;
  media: MediaSync;
  uuid(): string;
  reload(): void;
  freeBytes(): Promise<number | null>;
  saveTimeline(timeline: DeviceTimeline): void;
  saveAlerts(alerts: AlertMessage[]): void;
  saveVolume(volume: number): void;
  playerVersion: string;
  capabilities: string[];
  initialVolume?: number;
  heartbeatMs?: number;
}

export interface PlayerCore {
  start(timeline: DeviceTimeline | null, alerts?: AlertMessage[]): void;
  handle(message: Inbound): void;
  connected(): void;
  disconnected(): void;
  state(): CoreState;
  subscribe(listener: () => void): () => void;
  /** May the device show this item (kind fits, media verified)? */
  canShow(item: TimelineItem): boolean;
  mediaFailed(playKey: string): void;
  /** A media file was verified and stored: items waiting for it may show now. */
  mediaReady(): void;
  submitFeedback(feedback: Omit<FeedbackMessage, 'type' | 'eventId' | 'createdAt'>): Promise<void>;
  /** Records one quiz answer in the offline-first outbox (event id and time added here). */
  answerQuiz(answer: Omit<QuizAnswer, 'eventId' | 'answeredAt'>): Promise<void>;
  /** Queues a citizen's report; it goes out like feedback, and stays until the server acknowledges it. */
  submitCitizenReport(report: Omit<CitizenReportMessage, 'type' | 'eventId' | 'createdAt'>): Promise<void>;
  heartbeat(): Promise<Heartbeat>;
  error(message: string): void;
  stop(): void;
  /** Sizes of internal collections, for the bounded-memory test. */
  sizes(): Record<string, number>;
}
