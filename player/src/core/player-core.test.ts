import { describe, expect, it } from 'vitest';
import {
  STARTER_LAYOUTS,
  type AlertMessage,
  type DeviceTimeline,
  type DeviceToServer,
  type PlayRecord,
  type TimelineItem,
} from '@bantin/protocol/core';
import type { MediaSync } from '../media/sync';
import { HOUR, readyMedia, setupCore as setup, T0 } from '../test-support/core-harness';
import { item, segment, timeline } from '../test-support/timelines';
import type { FeedbackMessage } from './player-core';

const tick = () => new Promise((r) => setImmediate(r));

const img = item('img', 10_000, 'image');
const vid = item('video', 20_000, 'video');
const speech = item('speech', 15_000, 'speech');
const day = timeline(T0, T0 + 24 * HOUR, [
  segment(T0, T0 + 6 * HOUR, [speech], { mode: 'once' }),
  segment(T0 + 6 * HOUR, T0 + 24 * HOUR, [img, vid, speech]),
]);

function alert(id: string, action: AlertMessage['action'], at: number): AlertMessage {
  return {
    type: 'alert.v1',
    action,
    id,
    text: 'Bão số 3 đổ bộ',
    severity: 'extreme',
    audio: null,
    speech: null,
    repeatEveryMs: 600_000,
    startsAt: at,
    expiresAt: at + HOUR,
  };
}

describe('createPlayerCore', () => {
  it('plays 24 h with network cuts and alerts while every internal collection stays bounded', async () => {
    const { clock, core, sent, playsStore, goOnline, goOffline, serverAcks } = setup();
    const received: PlayRecord[] = [];
    core.start(day);
    goOnline();
    const peaks = { pending: 0, stored: 0, listeners: 0, errors: 0, alerts: 0, inFlight: 0 };
    for (let minute = 0; minute < 24 * 60; minute++) {
      if (minute % 180 === 60) goOffline(); // an hour without network every three hours
      if (minute % 180 === 120) goOnline();
      if (minute % 240 === 30) core.handle(alert(`a${minute}`, 'start', clock.now()));
      if (minute % 240 === 40) core.handle(alert(`a${minute - 10}`, 'cancel', clock.now()));
      const unsubscribe = core.subscribe(() => undefined); // a component mounting and unmounting
      for (let step = 0; step < 6; step++) {
        clock.advance(10_000);
        for (let i = 0; i < 3; i++) await tick();
        for (const m of sent) if (m.type === 'plays.v1') received.push(...m.records);
        serverAcks(); // the server answers within seconds, well before the 30 s resend
        await tick();
      }
      unsubscribe();
      const s = core.sizes();
      peaks.pending = Math.max(peaks.pending, clock.pending());
      peaks.stored = Math.max(peaks.stored, await playsStore.count());
      peaks.listeners = Math.max(peaks.listeners, s.listeners!);
      peaks.errors = Math.max(peaks.errors, s.errors!);
      peaks.alerts = Math.max(peaks.alerts, s.alerts!);
      peaks.inFlight = Math.max(peaks.inFlight, s.playsInFlight!);
    }
    goOnline();
    for (let i = 0; i < 50 && (await playsStore.count()) > 0; i++) {
      await tick();
      for (const m of sent) if (m.type === 'plays.v1') received.push(...m.records);
      serverAcks();
    }
    // Timers: scheduler + alert expiry + heartbeat (+ an outbox ack timeout per queue) at most.
    expect(peaks.pending).toBeLessThanOrEqual(5);
    expect(peaks.listeners).toBeLessThanOrEqual(1);
    expect(peaks.errors).toBeLessThanOrEqual(20);
    expect(peaks.alerts).toBeLessThanOrEqual(1);
    expect(peaks.inFlight).toBeLessThanOrEqual(100);
    // At most an hour of plays waited while offline (~3 plays/45 s), then it drained.
    expect(peaks.stored).toBeLessThan(400);
    expect(await playsStore.count()).toBe(0);
    // Every play arrived exactly once, in order, and covers the day.
    const ids = received.map((r) => r.eventId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(received.length).toBeGreaterThan(2000);
    const interrupted = received.filter((r) => r.result === 'interrupted');
    expect(interrupted.length).toBeGreaterThanOrEqual(4); // each alert after 06:00 cut a play (before: silence)
    expect(received.every((r) => r.end >= r.start)).toBe(true);
  });

  it('keeps every proof of play through days offline and sends each once on reconnect', async () => {
    const { clock, core, sent, playsStore, goOnline, serverAcks } = setup();
    core.start(day);
    clock.advance(24 * HOUR);
    await tick();
    const stored = await playsStore.count();
    expect(stored).toBeGreaterThan(2000);
    goOnline();
    const got = new Set<string>();
    let batches = 0;
    for (let i = 0; i < 100 && (await playsStore.count()) > 0; i++) {
      await tick();
      for (const m of sent) {
        if (m.type !== 'plays.v1') continue;
        batches++;
        for (const r of m.records) got.add(r.eventId);
      }
      serverAcks();
    }
    expect(got.size).toBe(stored);
    expect(batches).toBe(Math.ceil(stored / 100));
  });

  it('interrupts at once on an alert, acknowledges it, and returns to the timeline on cancel', async () => {
    const { clock, core, sent, goOnline, playsStore } = setup();
    core.start(day);
    clock.advance(6 * HOUR + 3_000);
    goOnline();
    core.handle(alert('storm', 'start', clock.now()));
    expect(core.state().alert?.id).toBe('storm');
    expect(sent).toContainEqual({ type: 'ack.v1', of: 'alert', id: 'storm', action: 'start' });
    await tick();
    const [cut] = (await playsStore.oldest(1000)).slice(-1);
    expect(cut).toMatchObject({ contentId: 'c-img', result: 'interrupted' });
    clock.advance(10_000);
    core.handle(alert('storm', 'cancel', clock.now()));
    expect(core.state().alert).toBeNull();
    expect(core.state().now?.item?.id).toBe('video');
  });

  it('drops a cancelled alert from the held and the stored timeline at once, and after a restart too', () => {
    const storm: typeof img = { ...item('alert:storm:7', 30_000, 'text'), text: { title: '', body: 'Bão số 3 đổ bộ', style: 'led' } };
    const withAlert = timeline(T0, T0 + 24 * HOUR, [
      segment(T0, T0 + 6 * HOUR, [img, vid]),
      segment(T0 + 6 * HOUR, T0 + 7 * HOUR, [storm], { class: 'emergency' }),
      segment(T0 + 7 * HOUR, T0 + 24 * HOUR, [img, vid]),
    ]);
    const playsAlert = (c: { state(): { now: { item: { id: string } | null } | null } }) =>
      c.state().now?.item?.id.startsWith('alert:') ?? false;
    const first = setup();
    first.core.start(withAlert);
    first.clock.advance(6 * HOUR + 1_000);
    first.core.handle(alert('storm', 'start', first.clock.now()));
    expect(playsAlert(first.core)).toBe(true);
    first.core.handle(alert('storm', 'cancel', first.clock.now()));
    expect(first.core.state().alert).toBeNull();
    expect(playsAlert(first.core)).toBe(false);
    expect(JSON.stringify(first.stored.timeline)).not.toContain('alert:storm:');
    // A start that arrives after the cancel (late, or replayed) does not bring it back.
    first.core.handle(alert('storm', 'start', first.clock.now()));
    expect(first.core.state().alert).toBeNull();

    // Restarted with an older stored timeline that still holds the alert, and the stored alerts.
    const second = setup();
    second.clock.set(first.clock.now());
    second.core.start(withAlert, first.stored.alerts);
    expect(second.core.state().alert).toBeNull();
    expect(playsAlert(second.core)).toBe(false);
    second.core.handle({ type: 'timeline.v2', timeline: withAlert });
    expect(playsAlert(second.core)).toBe(false);
  });

  it('sends a heartbeat of whole numbers when the browser measures with fractions', async () => {
    const { clock, core } = setup('led', readyMedia(), async () => 299_977_904_947.2);
    clock.set(T0 + 0.6);
    core.start(day);
    clock.advance(6 * HOUR + 1_000.3);
    const h = await core.heartbeat();
    expect(h.freeBytes).toBe(299_977_904_947);
    expect(Number.isInteger(h.nowPlaying!.startedAt)).toBe(true);
    expect(Number.isInteger(h.uptimeMs)).toBe(true);
  });

  it('ends an alert by itself at its expiry', () => {
    const { clock, core } = setup();
    core.start(day);
    core.handle(alert('x', 'start', clock.now()));
    clock.advance(HOUR);
    expect(core.state().alert).toBeNull();
  });

  it('speaks only audio and speech in speaker mode, once through the slot, then silence', async () => {
    const { clock, core, playsStore } = setup('speaker');
    core.start(day);
    clock.advance(7 * HOUR);
    await tick();
    const records = await playsStore.oldest(10_000);
    expect(records.length).toBeGreaterThan(0);
    expect(records.every((r) => r.contentId === 'c-speech')).toBe(true);
    expect(records.filter((r) => r.start < T0 + 6 * HOUR)).toHaveLength(1);
    expect(core.canShow(img)).toBe(false);
    expect(core.canShow(speech)).toBe(true);
  });

  it('corrects its clock from time.v1 and moves playback to the server time', () => {
    const { clock, core } = setup();
    core.start(day);
    clock.advance(6 * HOUR);
    const local = clock.now();
    core.handle({ type: 'time.v1', serverTime: local + 12_000 });
    expect(core.state().now?.item?.id).toBe('video');
  });

  it('dispatches commands, applies the volume and acknowledges each', () => {
    const { core, sent, goOnline, clock } = setup();
    core.start(day);
    goOnline();
    core.handle({ type: 'command.v1', id: 'c1', command: { name: 'set_volume', volume: 35 } });
    core.handle({ type: 'command.v1', id: 'c2', command: { name: 'identify', durationMs: 5_000 } });
    core.handle({ type: 'command.v1', id: 'c3', command: { name: 'screenshot' } });
    expect(core.state().volume).toBe(35);
    expect(core.state().identifyUntil).toBe(clock.now() + 5_000);
    expect(sent.filter((m) => m.type === 'ack.v1').map((m) => (m as { id: string }).id)).toEqual(['c1', 'c2', 'c3']);
  });

  it('queues kiosk feedback offline and deletes it only after feedback.ack.v1', async () => {
    const { core, sent, feedbackStore, goOnline, serverAcks } = setup('kiosk');
    core.start(day);
    await core.submitFeedback({ rating: 5, topic: 'thái độ phục vụ', comment: 'Tốt' });
    expect(await feedbackStore.count()).toBe(1);
    goOnline();
    await tick();
    const fb = sent.find((m) => m.type === 'feedback.v1') as FeedbackMessage;
    expect(fb).toMatchObject({ rating: 5, topic: 'thái độ phục vụ', comment: 'Tốt' });
    expect(fb.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await feedbackStore.count()).toBe(1);
    serverAcks();
    await tick();
    expect(await feedbackStore.count()).toBe(0);
  });

  it('queues quiz answers offline, sends them in one batch on connect and deletes them only after quiz-answer.ack.v1', async () => {
    const { core, sent, quizStore, goOnline, goOffline, serverAcks } = setup('kiosk');
    core.start(day);
    const round = '00000000-0000-4000-8000-00000000abcd';
    await core.answerQuiz({ roundId: round, contentId: '7', versionId: '12', answerIndex: 1, correct: true, position: 1, roundSize: 2 });
    await core.answerQuiz({ roundId: round, contentId: '8', versionId: '13', answerIndex: 0, correct: false, position: 2, roundSize: 2 });
    expect(await quizStore.count()).toBe(2);
    goOnline();
    await tick();
    const batch = sent.find((m) => m.type === 'quiz-answer.v1') as Extract<DeviceToServer, { type: 'quiz-answer.v1' }>;
    expect(batch.records.map((r) => [r.contentId, r.correct, r.position])).toEqual([
      ['7', true, 1],
      ['8', false, 2],
    ]);
    expect(new Set(batch.records.map((r) => r.eventId)).size).toBe(2);
    // The socket drops before the ack: the same records go out again on the next connection.
    goOffline();
    sent.splice(0);
    goOnline();
    await tick();
    const again = sent.find((m) => m.type === 'quiz-answer.v1') as typeof batch;
    expect(again.records.map((r) => r.eventId)).toEqual(batch.records.map((r) => r.eventId));
    serverAcks();
    await tick();
    expect(await quizStore.count()).toBe(0);
  });

  it('offers the quiz questions of its timeline', () => {
    const { core } = setup('kiosk');
    const quiz = [
      {
        contentId: '7',
        versionId: '12',
        title: 'T',
        question: 'Q?',
        answers: ['a', 'b'],
        correctIndex: 0,
        explanation: 'E',
        articleUrl: 'https://x.vn',
        windows: [{ start: T0, end: T0 + HOUR }],
      },
    ];
    core.start({ ...day, quiz });
    expect(core.state().quiz).toEqual(quiz);
  });

  it('queues a citizen report offline behind feedback, resends it after a reconnect, deletes it only on its ack', async () => {
    const { core, sent, feedbackStore, goOnline, goOffline } = setup('kiosk');
    core.start(day);
    await core.submitCitizenReport({ category: 'false_news', platform: 'zalo', description: 'Tin giả về dịch bệnh' });
    expect(await feedbackStore.count()).toBe(1);
    goOnline();
    await tick();
    const first = sent.find((m) => m.type === 'citizen-report.v1');
    expect(first).toMatchObject({ category: 'false_news', platform: 'zalo', description: 'Tin giả về dịch bệnh' });
    // The socket drops before the ack: the same event id goes out again on the next connection.
    goOffline();
    sent.splice(0);
    goOnline();
    await tick();
    const again = sent.find((m) => m.type === 'citizen-report.v1');
    expect(again?.type === 'citizen-report.v1' && first?.type === 'citizen-report.v1' && again.eventId === first.eventId).toBe(true);
    core.handle({ type: 'feedback.ack.v1', eventId: 'someone-else' });
    await tick();
    expect(await feedbackStore.count()).toBe(1);
    core.handle({ type: 'citizen-report.ack.v1', eventId: (again as { eventId: string }).eventId });
    await tick();
    expect(await feedbackStore.count()).toBe(0);
  });

  it('sends a heartbeat with now playing, cache state, free storage and uptime', async () => {
    const { core, clock } = setup();
    core.start(day);
    clock.advance(6 * HOUR + 1_000);
    await tick();
    const hb = await core.heartbeat();
    expect(hb.nowPlaying).toMatchObject({ itemId: 'img', class: 'normal' });
    expect(hb.freeBytes).toBe(123);
    expect(hb.cache.timelineVersion).toBe(day.version);
    expect(hb.uptimeMs).toBe(6 * HOUR + 1_000);
  });

  it('sends a heartbeat within a second when the playing item changes, not only every 30 s', async () => {
    const { core, clock, sent, goOnline } = setup();
    core.start(day);
    clock.advance(6 * HOUR + 1_000);
    goOnline();
    await tick();
    sent.splice(0);
    clock.advance(9_000 + 1_000); // img (10 s) ends, the video starts
    await tick();
    const beats = sent.filter((m) => m.type === 'heartbeat.v1');
    expect(beats.at(-1)).toMatchObject({ nowPlaying: { itemId: 'video' } });
  });

  it('sends a heartbeat within a second when a media sync ends, with the cached file count', async () => {
    let finish: (files: number) => void = () => undefined;
    const slow: MediaSync = {
      sync: () =>
        new Promise((resolve) => {
          finish = (files) => resolve({ ready: new Set(Array.from({ length: files }, (_, i) => `f${i}`)), missing: [], bytes: 0 });
        }),
      ready: () => new Set(),
    };
    const { core, clock, sent, goOnline } = setup('led', slow);
    core.start(day);
    goOnline();
    await tick();
    sent.splice(0);
    finish(3);
    await tick();
    clock.advance(1_000);
    await tick();
    const beats = sent.filter((m) => m.type === 'heartbeat.v1');
    expect(beats.at(-1)).toMatchObject({ cache: { files: 3, missing: 0 } });
  });
});

describe('proof of play per layout region', () => {
  const tickerText = (id: string, ms: number, body: string): TimelineItem => ({
    ...item(id, ms, 'text'),
    text: { title: '', body, style: 'ticker' },
  });
  const news = tickerText('news', 20_000, 'Lịch tiêm chủng tháng 3 tại trạm y tế phường');
  const road = tickerText('road', 10_000, 'Đường Trần Hưng Đạo cấm xe từ 20 giờ');
  const mainTicker = STARTER_LAYOUTS.find((l) => l.key === 'main-ticker')!.body;
  /** What the compiler sends a layout screen: the ticker texts in `segments` too, and the ticker track beside them. */
  const withTicker: DeviceTimeline = {
    ...timeline(T0, T0 + HOUR, [segment(T0, T0 + HOUR, [img, news, road])]),
    ticker: [segment(T0, T0 + HOUR, [news, road])],
    layout: { id: '2', versionId: '2', tz: 'Asia/Ho_Chi_Minh', body: mainTicker, content: {} },
  };
  const view = (r: PlayRecord) => [r.region, r.contentId, r.start - T0, r.end - T0, r.result];
  /** Every file verified from the start, so the first play is not a failed one. */
  const cached = (): MediaSync => {
    const ready = new Set(withTicker.media.map((m) => m.sha256));
    return { sync: async () => ({ ready, missing: [], bytes: 0 }), ready: () => ready };
  };

  it('records what the ticker scrolls as region ticker and the main programme as main, through one queue to the server', async () => {
    const { clock, core, sent, playsStore, goOnline, serverAcks } = setup('led', cached());
    core.start(withTicker);
    clock.advance(30_000);
    await tick();
    const stored = await playsStore.oldest(1000);
    expect(stored.filter((r) => r.region === 'main').map(view)).toEqual([
      ['main', 'c-img', 0, 10_000, 'completed'],
      ['main', 'c-img', 10_000, 20_000, 'completed'],
      ['main', 'c-img', 20_000, 30_000, 'completed'],
    ]);
    expect(stored.filter((r) => r.region === 'ticker').map(view)).toEqual([
      ['ticker', 'c-news', 0, 20_000, 'completed'],
      ['ticker', 'c-road', 20_000, 30_000, 'completed'],
    ]);
    expect(stored.every((r) => r.region === 'main' || r.region === 'ticker')).toBe(true);
    expect(new Set(stored.map((r) => r.eventId)).size).toBe(stored.length);

    goOnline();
    await tick();
    const batch = sent.find((m): m is Extract<DeviceToServer, { type: 'plays.v1' }> => m.type === 'plays.v1')!;
    expect(batch.records.map((r) => r.region).sort()).toEqual(['main', 'main', 'main', 'ticker', 'ticker']);
    serverAcks();
    await tick();
    expect(await playsStore.count()).toBe(0);
  });

  it('cuts the ticker play on an alert, records nothing under the alert, and starts again after it', async () => {
    const { clock, core, playsStore } = setup('led', cached());
    core.start(withTicker);
    clock.advance(5_000);
    core.handle(alert('storm', 'start', clock.now()));
    clock.advance(40_000);
    core.handle(alert('storm', 'cancel', clock.now()));
    clock.advance(5_000); // 50 s: the second news (30–50 s), shown from the cancel on, has just ended
    await tick();
    const ticker = (await playsStore.oldest(1000)).filter((r) => r.region === 'ticker').map(view);
    expect(ticker).toEqual([
      ['ticker', 'c-news', 0, 5_000, 'interrupted'],
      ['ticker', 'c-news', 45_000, 50_000, 'completed'],
    ]);
  });

  it('records no ticker plays without a ticker region, and the ticker texts in main on a screen without layout', async () => {
    const fullScreen = STARTER_LAYOUTS.find((l) => l.key === 'full')!.body;
    const a = setup('led', cached());
    a.core.start({ ...withTicker, layout: { ...withTicker.layout!, body: fullScreen } });
    const b = setup('led', cached());
    const { layout: _layout, ...plain } = withTicker;
    b.core.start(plain);
    for (const s of [a, b]) s.clock.advance(40_000);
    await tick();
    for (const s of [a, b]) {
      const stored = await s.playsStore.oldest(1000);
      expect(stored.map((r) => [r.region, r.contentId])).toEqual([
        ['main', 'c-img'],
        ['main', 'c-news'],
        ['main', 'c-road'],
      ]);
    }
  });
});
