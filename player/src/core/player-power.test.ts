// Screen on and off in the player core: black (sleeping) outside the timeline's awake intervals, said in the
// heartbeat, woken by an emergency, and re-evaluated at each boundary on the core's clock.
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  computeTimelineVersion,
  versionWithAwake,
  type AlertMessage,
  type AwakeInterval,
  type DeviceTimeline,
  type Heartbeat,
  type Segment,
} from '@bantin/protocol/core';
import { HOUR, setupCore, T0 } from '../test-support/core-harness';
import { item, segment, timeline } from '../test-support/timelines';
import type { DeviceKind, PlayerCore } from './player-core';
import { Player } from '../components/Player';

const tick = () => new Promise((r) => setImmediate(r));

/** The shared core harness, whose sends always succeed, with the heartbeats and plays it sent. */
function setup(kind: DeviceKind = 'led') {
  const h = setupCore(kind, undefined, async () => null, { sendsAlways: true });
  const beats = () => h.sent.filter((m): m is Heartbeat => m.type === 'heartbeat.v1');
  const plays = () => h.sent.flatMap((m) => (m.type === 'plays.v1' ? m.records : []));
  return { ...h, beats, plays };
}

const img = item('img', 10_000, 'image');
const storm = item('alert:9:1', 15_000, 'text');

/** A screen on 06:00–22:00 (hours from T0) with its loop inside; optional emergency segment at night. */
function screenDay(awake: AwakeInterval[] = [[T0 + 6 * HOUR, T0 + 22 * HOUR]], extra: Segment[] = []): DeviceTimeline {
  const segments = [...awake.map(([a, b]) => segment(a, b, [img], { class: 'fallback' })), ...extra].sort((x, y) => x.start - y.start);
  const tl = timeline(T0, T0 + 24 * HOUR, segments);
  return { ...tl, awake, version: versionWithAwake(computeTimelineVersion(segments), awake) };
}

function alert(id: string, at: number): AlertMessage {
  return {
    type: 'alert.v1',
    action: 'start',
    id,
    text: 'Bão số 3',
    severity: 'extreme',
    audio: null,
    speech: null,
    repeatEveryMs: 0,
    startsAt: at,
    expiresAt: at + HOUR,
  };
}

describe('player core: screen on and off', () => {
  it('is black outside the awake intervals, says so in the heartbeat, and wakes at the boundary', async () => {
    const { clock, core, beats, plays } = setup();
    clock.set(T0 + 5 * HOUR);
    core.start(screenDay());
    core.connected();
    await tick();
    expect(core.state().sleeping).toBe(true);
    expect(core.state().now?.item ?? null).toBeNull();
    expect(beats().at(-1)).toMatchObject({ sleeping: true, nowPlaying: null });

    // 06:00: on, the loop plays, and the live view hears at once (not after the 30 s period).
    clock.advanceTo(T0 + 6 * HOUR);
    expect(core.state().sleeping).toBe(false);
    expect(core.state().now?.item?.id).toBe('img');
    clock.advance(1000);
    await tick();
    expect(beats().at(-1)).not.toHaveProperty('sleeping');
    expect(beats().at(-1)!.nowPlaying?.itemId).toBe('img');

    // 22:00: black again.
    clock.advanceTo(T0 + 22 * HOUR);
    expect(core.state().sleeping).toBe(true);
    clock.advance(1000);
    await tick();
    expect(beats().at(-1)).toMatchObject({ sleeping: true, nowPlaying: null });
    clock.advance(HOUR);
    await tick();
    // Nothing was recorded while black.
    expect(plays().every((r) => r.start >= T0 + 6 * HOUR && r.end <= T0 + 22 * HOUR)).toBe(true);
    core.stop();
  });

  it('keeps one power timer, however many boundaries and item changes go by', () => {
    const { clock, core } = setup();
    const awake: AwakeInterval[] = Array.from({ length: 12 }, (_, h): AwakeInterval => [T0 + 2 * h * HOUR, T0 + (2 * h + 1) * HOUR]);
    core.start(screenDay(awake));
    let peak = 0;
    const seen = new Set<boolean>();
    for (let m = 0; m < 24 * 60; m++) {
      clock.advance(60_000);
      peak = Math.max(peak, clock.pending());
      seen.add(core.state().sleeping);
    }
    expect([...seen].sort()).toEqual([false, true]);
    // The scheduler's timer and the power timer (no heartbeat: never connected).
    expect(peak).toBeLessThanOrEqual(2);
    core.stop();
    expect(clock.pending()).toBe(0);
  });

  it('shows an emergency alert on a sleeping screen, and is black again when it ends', () => {
    const { clock, core } = setup();
    clock.set(T0 + 23 * HOUR);
    core.start(screenDay());
    expect(core.state().sleeping).toBe(true);
    core.handle(alert('a1', clock.now()));
    expect(core.state().alert?.id).toBe('a1');
    expect(core.state().sleeping).toBe(false);
    clock.advance(HOUR); // the alert expires by itself
    expect(core.state().alert).toBeNull();
    expect(core.state().sleeping).toBe(true);
    core.stop();
  });

  it('plays an emergency segment of the timeline outside the awake intervals', () => {
    const { clock, core } = setup();
    const night = segment(T0 + 23 * HOUR, T0 + 23.5 * HOUR, [storm], { class: 'emergency' });
    clock.set(T0 + 22.5 * HOUR);
    core.start(screenDay(undefined, [night]));
    expect(core.state().sleeping).toBe(true);
    clock.advanceTo(T0 + 23 * HOUR);
    expect(core.state().now?.segment?.class).toBe('emergency');
    expect(core.state().sleeping).toBe(false);
    clock.advanceTo(T0 + 23.5 * HOUR);
    expect(core.state().sleeping).toBe(true);
    core.stop();
  });

  it('follows a new timeline at once (woken from the dashboard), and never sleeps without awake intervals', () => {
    const { clock, core } = setup();
    clock.set(T0 + 23 * HOUR);
    core.start(screenDay());
    expect(core.state().sleeping).toBe(true);
    // Woken until 23:30: the server sends a timeline whose awake intervals hold now.
    core.handle({
      type: 'timeline.v2',
      timeline: screenDay([
        [T0 + 6 * HOUR, T0 + 22 * HOUR],
        [T0 + 23 * HOUR - 1000, T0 + 23.5 * HOUR],
      ]),
    });
    expect(core.state().sleeping).toBe(false);
    expect(core.state().now?.item?.id).toBe('img');
    clock.advanceTo(T0 + 23.5 * HOUR);
    expect(core.state().sleeping).toBe(true);
    // Back to no intervals at all (always on).
    const always = timeline(T0, T0 + 24 * HOUR, [segment(T0, T0 + 24 * HOUR, [img])]);
    core.handle({ type: 'timeline.v2', timeline: always });
    expect(core.state().sleeping).toBe(false);
    core.stop();
  });

  it('never sleeps on a loudspeaker', async () => {
    const { clock, core, beats } = setup('speaker');
    clock.set(T0 + 23 * HOUR);
    core.start(screenDay());
    core.connected();
    await tick();
    expect(core.state().sleeping).toBe(false);
    expect(beats().at(-1)).not.toHaveProperty('sleeping');
    core.stop();
  });
});

describe('Player: a sleeping screen', () => {
  const render = (core: PlayerCore, kind: DeviceKind, clock: { now(): number }) =>
    renderToString(
      h(Player, {
        runtime: {
          core,
          kind,
          clock: clock as never,
          label: 'LED chợ',
          newId: () => 'id',
          stop: () => undefined,
          urls: { acquire: async () => null, release: () => undefined, live: () => 0 },
        },
      }),
    );

  it('renders all black: no stage, no item, no kiosk invitation; an alert still shows', () => {
    for (const kind of ['led', 'kiosk'] as const) {
      const { clock, core } = setup(kind);
      clock.set(T0 + 23 * HOUR);
      core.start(screenDay());
      const html = render(core, kind, clock);
      expect(html).toContain('data-testid="player-sleeping"');
      expect(html).toContain('data-sleeping="true"');
      for (const other of ['player-stage', 'player-item', 'feedback-open', 'report-open', 'alert-banner'])
        expect(html).not.toContain(other);
      core.handle(alert('a2', clock.now()));
      const alerted = render(core, kind, clock);
      expect(alerted).toContain('data-testid="alert-banner"');
      expect(alerted).not.toContain('player-sleeping');
      core.stop();
    }
  });

  it('renders the stage once the screen is on', () => {
    const { clock, core } = setup('led');
    clock.set(T0 + 8 * HOUR);
    core.start(screenDay());
    const html = render(core, 'led', clock);
    expect(html).toContain('data-testid="player-stage"');
    expect(html).not.toContain('player-sleeping');
    core.stop();
  });
});
