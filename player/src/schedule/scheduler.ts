// Plays a device timeline in time: asks protocol's whatPlaysAt what plays now, reports it, and arms ONE
// timer for `nextChangeAt` (no polling). Keeps only the current answer, so it runs for days without growth.
import { whatPlaysAt, type DeviceTimeline, type PlayingNow, type TimelineItem } from '@bantin/protocol/core';
import type { Clock, TimerHandle } from '../lib/clock';

export interface NowPlaying extends PlayingNow {
  /** When the current item started (or would have started) on the timeline; 0 when nothing plays. */
  itemStartAt: number;
  /** Identifies one play of one item: changes at every item boundary, also when an item loops onto itself. */
  playKey: string;
  /** What plays from `nextChangeAt`, so renderers can preload it. */
  next: TimelineItem | null;
}

export interface Scheduler {
  setTimeline(timeline: DeviceTimeline | null): void;
  /** Re-evaluate now (clock offset changed, page woke up, alert ended). */
  resync(): void;
  current(): NowPlaying | null;
  stop(): void;
}

export interface SchedulerDeps {
  clock: Clock;
  onChange(now: NowPlaying): void;
}

export function answerAt(timeline: DeviceTimeline, t: number): NowPlaying {
  const p = whatPlaysAt(timeline, t);
  const itemStartAt = p.item ? t - p.offsetMs : 0;
  const next = p.nextChangeAt !== null ? whatPlaysAt(timeline, p.nextChangeAt).item : null;
  const playKey = p.item ? `${p.item.id}@${itemStartAt}` : p.segment ? `silence@${p.segment.start}` : 'idle';
  return { ...p, itemStartAt, playKey, next };
}

export function createScheduler({ clock, onChange }: SchedulerDeps): Scheduler {
  let timeline: DeviceTimeline | null = null;
  let timer: TimerHandle | null = null;
  let last: NowPlaying | null = null;

  function disarm() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
  }

  function evaluate() {
    disarm();
    if (!timeline) return;
    const t = clock.now();
    const answer = answerAt(timeline, t);
    // A timer that fires a little early, or a resync, gives the same play: keep it, only re-arm.
    const changed = !last || answer.playKey !== last.playKey || answer.next?.id !== last.next?.id;
    last = answer;
    if (changed) onChange(answer);
    if (answer.nextChangeAt !== null) timer = clock.setTimeout(evaluate, Math.max(0, answer.nextChangeAt - t));
  }

  return {
    setTimeline(next) {
      timeline = next;
      if (!next) {
        disarm();
        last = null;
        return;
      }
      evaluate();
    },
    resync: evaluate,
    current: () => last,
    stop: disarm,
  };
}
