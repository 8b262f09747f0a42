// The player's brain without the DOM: connects scheduler, alerts, proof of play, feedback, quiz answers, media sync,
// commands and heartbeat to the socket's messages, and exposes one small state for the UI. Everything it
// holds is bounded (current play, ≤20 alerts, ≤20 errors, one batch in flight per queue) and every timer is
// single and re-armed, so 24 h of play does not grow it (core/player-core.test.ts runs such a day).
import type { TimerHandle } from '../lib/clock';
import { isAwakeAt, mainTrack, MAX_QUIZ_ANSWERS_PER_BATCH, nextAwakeChange, serverReadingAt, withoutAlertItems, type AlertMessage, type DeviceTimeline, type Heartbeat, type MediaRef, type PlayRecord, type QuizAnswer, type TimelineItem } from '@bantin/protocol/core';
import type { Inbound } from '../net/inbound';
import { createOutbox } from '../queue/outbox';
import { createScheduler, type NowPlaying } from '../schedule/scheduler';
import { createAlertBook } from './alerts';
import { runCommand } from './commands';
import { createPlaysRecorder } from './plays-recorder';
import type { CoreDeps, CoreState, DeviceKind, KioskMessage, PlayerCore } from './types';

export type { CitizenReportMessage, CoreDeps, CoreState, DeviceKind, FeedbackMessage, KioskMessage, PlayerCore } from './types';

const MAX_ERRORS = 20;
const MEDIA_RETRY_MS = 60_000;
/** A change the dashboard shows (playing item, cached files) is reported this soon; bursts share one beat. */
const SOON_MS = 300;

export function isForKind(kind: DeviceKind, item: TimelineItem): boolean {
  return kind !== 'speaker' || item.kind === 'audio' || item.kind === 'speech';
}

function alertMedia(alerts: AlertMessage[]): MediaRef[] {
  return alerts
    .flatMap((a) => [a.speech, a.audio])
    .flatMap((l) => (l ? [{ sha256: l.sha256, url: l.url, size: -1, mime: 'audio/wav' }] : []));
}

export function createPlayerCore(deps: CoreDeps): PlayerCore {
  const { clock } = deps;
  const startedAt = deps.localNow();
  const listeners = new Set<() => void>();
  const errors: string[] = [];
  const alerts = createAlertBook();
  let timeline: DeviceTimeline | null = null;
  /** The timeline as it arrived (its version is what the server knows this device holds). */
  let received: DeviceTimeline | null = null;
  let alertTimer: TimerHandle | null = null;
  let beatTimer: TimerHandle | null = null;
  let beatAt = 0;
  let mediaTimer: TimerHandle | null = null;
  let powerTimer: TimerHandle | null = null;
  let cache = { files: 0, missing: 0, bytes: 0 };
  let state: CoreState = {
    now: null,
    alert: null,
    identifyUntil: 0,
    volume: deps.initialVolume ?? 100,
    mediaTick: 0,
    online: false,
    quiz: [],
    layout: null,
    ticker: null,
    sleeping: false,
  };

  const set = (patch: Partial<CoreState>) => {
    state = { ...state, ...patch };
    for (const l of listeners) l();
  };
  const error = (message: string) => {
    errors.push(message.slice(0, 300));
    if (errors.length > MAX_ERRORS) errors.shift();
  };

  const plays = createOutbox<PlayRecord>({
    store: deps.playsStore,
    clock,
    batchSize: 100,
    send: (records) => deps.send({ type: 'plays.v1', records }),
  });
  const feedback = createOutbox<KioskMessage>({ store: deps.feedbackStore, clock, batchSize: 1, send: ([f]) => deps.send(f!) });
  const quiz = createOutbox<QuizAnswer>({
    store: deps.quizStore,
    clock,
    batchSize: MAX_QUIZ_ANSWERS_PER_BATCH,
    send: (records) => deps.send({ type: 'quiz-answer.v1', records }),
  });
  const outboxes = [plays, feedback, quiz];
  // One recorder per region that plays a track, both into the same queue: the main programme, and the ticker.
  const recorderFor = (region: 'main' | 'ticker') =>
    createPlaysRecorder({
      clock,
      uuid: deps.uuid,
      region,
      record: (r) => void plays.add(r).catch(() => error('plays store refused a record')),
      reject: (r) => error(`play record of content ${r.contentId.slice(0, 64)} is not sendable; dropped`),
    });
  const recorder = recorderFor('main');
  const tickerRecorder = recorderFor('ticker');

  // A live feed has no file: a speaker hears it over the live socket (screens never do).
  const canShow = (item: TimelineItem) =>
    isForKind(deps.kind, item) &&
    (item.live ? deps.kind === 'speaker' : (item.kind === 'text' && !!item.text) || deps.media.ready().has(item.sha256));

  function follow(now: NowPlaying) {
    if (state.alert) return; // an alert owns the device; the timeline resumes after it
    recorder.begin(now, !!now.item && isForKind(deps.kind, now.item));
    if (now.item && isForKind(deps.kind, now.item) && !canShow(now.item)) recorder.fail(now.playKey);
    beatSoon();
  }

  const scheduler = createScheduler({
    clock,
    onChange(now) {
      set({ now });
      evaluatePower();
      follow(now);
    },
  });

  /** Proof of play of the ticker: one record per scheduled ticker item while its text scrolls. */
  function followTicker(now: NowPlaying) {
    if (!state.alert) tickerRecorder.begin(now, !!now.item && canShow(now.item));
  }

  // The ticker track plays beside the main one: only its current segment matters (the ticker scrolls all of
  // its texts), so a change of item inside the same segment does not disturb the scroll.
  const tickerScheduler = createScheduler({
    clock,
    onChange(now) {
      followTicker(now);
      const seg = now.segment && now.segment.items.length > 0 ? now.segment : null;
      const was = state.ticker;
      if (seg === was || (seg && was && seg.start === was.start && seg.end === was.end && seg.items === was.items)) return;
      set({ ticker: seg });
    },
  });

  function evaluateAlerts() {
    if (alertTimer !== null) clock.clearTimeout(alertTimer);
    alertTimer = null;
    const t = clock.now();
    if (alerts.expire(t)) deps.saveAlerts(alerts.saved());
    const active = alerts.active(t);
    const was = state.alert;
    if (active && !was) {
      recorder.close();
      tickerRecorder.close();
    }
    set({ alert: active });
    evaluatePower();
    if (!active && was) {
      const now = scheduler.current();
      if (now) follow(now);
      const tick = tickerScheduler.current();
      if (tick) followTicker(tick);
    }
    const next = alerts.nextChangeAt(t);
    if (next !== null) alertTimer = clock.setTimeout(evaluateAlerts, next - t);
  }

  /**
   * Screen on and off: a screen whose timeline has awake intervals is black (sleeping) outside them, unless an
   * emergency shows (an alert, or an emergency segment of the timeline). One timer, for the next boundary.
   */
  function evaluatePower() {
    if (powerTimer !== null) clock.clearTimeout(powerTimer);
    powerTimer = null;
    const awake = deps.kind === 'speaker' ? undefined : timeline?.awake;
    if (!awake) {
      if (state.sleeping) set({ sleeping: false });
      return;
    }
    const t = clock.now();
    const sleeping = !isAwakeAt(awake, t) && !state.alert && state.now?.segment?.class !== 'emergency';
    if (sleeping !== state.sleeping) {
      set({ sleeping });
      beatSoon();
    }
    const next = nextAwakeChange(awake, t);
    if (next !== null) powerTimer = clock.setTimeout(evaluatePower, next - t);
  }

  function syncMedia() {
    if (!timeline) return;
    void deps.media.sync(timeline.media, alertMedia(alerts.all())).then(
      (r) => {
        cache = { files: r.ready.size, missing: r.missing.length, bytes: r.bytes };
        set({ mediaTick: state.mediaTick + 1 });
        beatSoon();
        // A file that failed (network, or bytes that did not match) is fetched again later.
        if (mediaTimer !== null) clock.clearTimeout(mediaTimer);
        mediaTimer = r.missing.length > 0 ? clock.setTimeout(syncMedia, MEDIA_RETRY_MS) : null;
      },
      () => error('media sync failed'),
    );
  }

  function setTimeline(next: DeviceTimeline, persist: boolean) {
    if (received && received.version === next.version && received.from === next.from && received.to === next.to) return;
    received = next;
    // A timeline compiled before a cancel still holds the alert's items: they never play once it is cancelled.
    timeline = withoutAlertItems(next, alerts.cancelledIds());
    if (persist || timeline !== next) deps.saveTimeline(timeline);
    play(timeline);
    set({ quiz: timeline.quiz ?? [], layout: timeline.layout ?? null });
    evaluatePower();
    syncMedia();
  }

  /** Hands the timeline to the schedulers: with a layout, main plays the main track and the ticker its own. */
  function play(tl: DeviceTimeline) {
    const layout = deps.kind === 'speaker' ? undefined : tl.layout;
    scheduler.setTimeline(layout ? { ...tl, segments: mainTrack(tl) } : tl);
    const ticker = layout && layout.body.regions.some((r) => r.kind === 'ticker') ? tl.ticker : undefined;
    tickerScheduler.setTimeline(ticker ? { ...tl, segments: ticker } : null);
    if (!ticker) tickerRecorder.close();
    if (!ticker && state.ticker) set({ ticker: null });
  }

  /** Drops the items of cancelled alerts from the held and the stored timeline at once. */
  function dropCancelledItems() {
    if (!timeline) return;
    const next = withoutAlertItems(timeline, alerts.cancelledIds());
    if (next === timeline) return;
    timeline = next;
    deps.saveTimeline(next);
    play(next);
  }

  async function heartbeat(): Promise<Heartbeat> {
    const cur = recorder.current();
    return {
      type: 'heartbeat.v1',
      nowPlaying: cur
        ? {
            itemId: cur.item.id,
            contentId: cur.item.contentId,
            versionId: cur.item.versionId,
            sha256: cur.item.sha256,
            class: cur.cls,
            startedAt: Math.round(cur.start),
          }
        : null,
      // Every number is whole: browsers measure storage and time with fractions, the server takes integers.
      cache: { ...cache, bytes: Math.round(cache.bytes), timelineVersion: received?.version ?? null },
      freeBytes: await deps.freeBytes().then(
        (b) => (b === null ? null : Math.max(0, Math.floor(b))),
        () => null,
      ),
      errors: errors.slice(),
      uptimeMs: Math.max(0, Math.round(deps.localNow() - startedAt)),
      volume: state.volume,
      ...(state.sleeping ? { sleeping: true } : {}),
    };
  }

  function beat() {
    const every = deps.heartbeatMs ?? 30_000;
    beatAt = clock.now() + every;
    beatTimer = clock.setTimeout(beat, every);
    void heartbeat().then((h) => deps.send(h));
  }

  /** Brings the next heartbeat forward (while connected), so the live view does not wait for the period. */
  function beatSoon() {
    if (beatTimer === null || beatAt <= clock.now() + SOON_MS) return;
    clock.clearTimeout(beatTimer);
    beatAt = clock.now() + SOON_MS;
    beatTimer = clock.setTimeout(beat, SOON_MS);
  }

  const commandContext = {
    reload: deps.reload,
    identify: (ms: number) => set({ identifyUntil: clock.now() + ms }),
    setVolume: (volume: number) => {
      deps.saveVolume(volume);
      set({ volume });
    },
  };

  function handle(m: Inbound) {
    switch (m.type) {
      case 'time.v1': {
        const localAt = deps.localNow();
        const measuredAt = serverReadingAt(m.deviceClock, localAt);
        if (Math.abs(deps.syncClock(m.serverTime, measuredAt)) > 250) {
          scheduler.resync();
          tickerScheduler.resync();
          evaluateAlerts();
          evaluatePower();
        }
        return;
      }
      case 'timeline.v2':
      case 'timeline.v3':
        return setTimeline(m.timeline, true);
      case 'alert.v1':
        if (alerts.apply(m)) deps.saveAlerts(alerts.saved());
        deps.send({ type: 'ack.v1', of: 'alert', id: m.id, action: m.action });
        if (m.action === 'cancel') dropCancelledItems();
        evaluateAlerts();
        if (m.action !== 'cancel') syncMedia();
        return;
      case 'command.v1': {
        const failed = runCommand(m.command, commandContext);
        if (failed) error(failed);
        deps.send({ type: 'ack.v1', of: 'command', id: m.id });
        return;
      }
      case 'plays.ack.v1':
        void plays.ack(m.eventIds);
        return;
      case 'feedback.ack.v1':
      case 'citizen-report.ack.v1':
        void feedback.ack([m.eventId]);
        return;
      case 'quiz-answer.ack.v1':
        // Stored, known already, or refused for good: either way the server is done with them.
        void quiz.ack(m.eventIds);
        return;
      case 'error.v1':
        error(`server: ${m.code} ${m.message}`);
        // A feedback or report the server will never take must not block the queue behind it.
        if (m.eventId && (m.code === 'invalid' || m.code === 'not_allowed')) void feedback.ack([m.eventId]);
        return;
    }
  }

  return {
    start(saved, savedAlerts = []) {
      for (const a of savedAlerts) alerts.apply(a);
      evaluateAlerts();
      if (saved) setTimeline(saved, false);
    },
    handle(m) {
      try {
        handle(m);
      } catch (err) {
        error(`handling ${m.type}: ${err instanceof Error ? err.message : String(err)}`);
      }
    },
    connected() {
      deps.send({
        type: 'hello.v1',
        playerVersion: deps.playerVersion,
        capabilities: deps.capabilities,
        deviceClock: Math.round(deps.localNow()),
      });
      for (const o of outboxes) o.setOnline(true);
      if (beatTimer !== null) clock.clearTimeout(beatTimer);
      beat();
      syncMedia();
      set({ online: true });
    },
    disconnected() {
      for (const o of outboxes) o.setOnline(false);
      if (beatTimer !== null) clock.clearTimeout(beatTimer);
      beatTimer = null;
      set({ online: false });
    },
    state: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    canShow,
    mediaFailed(key) {
      recorder.fail(key);
      error(`media failed to render (${key.slice(0, 80)})`);
    },
    mediaReady: () => set({ mediaTick: state.mediaTick + 1 }),
    async submitFeedback(f) {
      await feedback.add({ ...f, type: 'feedback.v1', eventId: deps.uuid(), createdAt: Math.round(clock.now()) });
    },
    async answerQuiz(a) {
      await quiz.add({ ...a, eventId: deps.uuid(), answeredAt: Math.round(clock.now()) });
    },
    async submitCitizenReport(r) {
      await feedback.add({ ...r, type: 'citizen-report.v1', eventId: deps.uuid(), createdAt: Math.round(clock.now()) });
    },
    heartbeat,
    error,
    stop() {
      scheduler.stop();
      tickerScheduler.stop();
      recorder.close();
      tickerRecorder.close();
      for (const t of [alertTimer, beatTimer, mediaTimer, powerTimer]) if (t !== null) clock.clearTimeout(t);
      alertTimer = beatTimer = mediaTimer = powerTimer = null;
      listeners.clear();
    },
    sizes: () => ({
      listeners: listeners.size,
      errors: errors.length,
      alerts: alerts.size(),
      playsInFlight: plays.inFlight(),
      feedbackInFlight: feedback.inFlight(),
      quizInFlight: quiz.inFlight(),
    }),
  };
}
