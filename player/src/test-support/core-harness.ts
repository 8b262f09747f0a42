// The player core under test: a fake clock, memory queues, media already verified, and a link to the server
// that the test turns on and off. Shared by the core's tests (player-core, player-power).
import type { AlertMessage, DeviceTimeline, DeviceToServer, MediaRef, PlayRecord, QuizAnswer } from '@bantin/protocol/core';
import type { MediaSync } from '../media/sync';
import { createMemoryQueueStore } from '../queue/outbox';
import { createFakeClock } from './fake-clock';
import { createPlayerCore, type DeviceKind, type FeedbackMessage } from '../core/player-core';

export const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
export const HOUR = 3_600_000;

/** Media already verified: the sync itself is tested in media/sync.test.ts. */
export function readyMedia(): MediaSync {
  let ready = new Set<string>();
  return {
    async sync(manifest: readonly MediaRef[], keep: readonly MediaRef[] = []) {
      ready = new Set([...manifest, ...keep].map((m) => m.sha256));
      return { ready, missing: [], bytes: 0 };
    },
    ready: () => ready,
  };
}

/**
 * A core on a fake clock at T0. `sendsAlways`: every send succeeds whether or not the core was told it is
 * connected (for tests that look only at what it sends); otherwise sends succeed between goOnline and goOffline.
 */
export function setupCore(
  kind: DeviceKind = 'led',
  media: MediaSync = readyMedia(),
  freeBytes: () => Promise<number | null> = async () => 123,
  opts: { sendsAlways?: boolean } = {},
) {
  const clock = createFakeClock(T0);
  let offset = 0;
  const sent: DeviceToServer[] = [];
  let online = opts.sendsAlways === true;
  const playsStore = createMemoryQueueStore<PlayRecord>();
  const feedbackStore = createMemoryQueueStore<FeedbackMessage>();
  const quizStore = createMemoryQueueStore<QuizAnswer>();
  let n = 0;
  const stored: { timeline: DeviceTimeline | null; alerts: AlertMessage[] } = { timeline: null, alerts: [] };
  const core = createPlayerCore({
    kind,
    clock,
    localNow: () => clock.now() - offset,
    syncClock(serverTime, localAt) {
      const change = serverTime - localAt - offset;
      offset += change;
      clock.set(clock.now() + change);
      return change;
    },
    send: (m) => {
      if (!online) return false;
      sent.push(m);
      return true;
    },
    playsStore,
    feedbackStore,
    quizStore,
    media,
    uuid: () => `00000000-0000-4000-8000-${(++n).toString(16).padStart(12, '0')}`,
    reload: () => undefined,
    freeBytes,
    saveTimeline: (t) => void (stored.timeline = t),
    saveAlerts: (a) => void (stored.alerts = a),
    saveVolume: () => undefined,
    playerVersion: 'test',
    capabilities: [],
    heartbeatMs: 30_000,
  });
  const goOnline = () => {
    online = true;
    core.connected();
  };
  const goOffline = () => {
    online = false;
    core.disconnected();
  };
  /** Acknowledge every plays batch sent so far, like the server after its commit. */
  const serverAcks = () => {
    for (const m of sent.splice(0)) {
      if (m.type === 'plays.v1') core.handle({ type: 'plays.ack.v1', eventIds: m.records.map((r) => r.eventId) });
      if (m.type === 'feedback.v1') core.handle({ type: 'feedback.ack.v1', eventId: m.eventId });
      if (m.type === 'quiz-answer.v1') core.handle({ type: 'quiz-answer.ack.v1', eventIds: m.records.map((r) => r.eventId) });
    }
  };
  return { clock, core, sent, playsStore, feedbackStore, quizStore, goOnline, goOffline, serverAcks, stored };
}
