// Proof of play (bằng chứng phát): turns the scheduler's answers into one record per play with how it
// ended — completed when it ran to its scheduled end, interrupted when something cut it (an alert, a new
// timeline), failed when its media could not be shown. Holds only the play in progress. One recorder per
// layout region that plays a track: the main programme, and the ticker beside it.
import type { Clock } from '../lib/clock';
import { REGION_KINDS, type PlayRecord, type PriorityClass, type RegionKind, type TimelineItem } from '@bantin/protocol/core';
import type { NowPlaying } from '../schedule/scheduler';

/** A play that ends this close to its scheduled end still counts as completed (timer jitter). */
const COMPLETION_SLACK_MS = 500;

interface OpenPlay {
  key: string;
  item: TimelineItem;
  cls: PriorityClass;
  start: number;
  scheduledEnd: number;
  failed: boolean;
}

export interface PlaysRecorder {
  /** The scheduler moved on: close the play in progress, open the new one when `shown`. */
  begin(now: NowPlaying, shown: boolean): void;
  /** The renderer could not show the play with this key. */
  fail(playKey: string): void;
  /** Close the play in progress (alert, shutdown). */
  close(): void;
  current(): { key: string; item: TimelineItem; cls: PriorityClass; start: number } | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID = /^.{1,64}$/;
const SHA = /^[0-9a-f]{64}$/;

/**
 * The server's rules for a record (protocol PlayRecordSchema), checked here because a batch the server
 * refuses is never acknowledged and would block every record queued behind it.
 */
export function isSendablePlay(r: PlayRecord): boolean {
  const time = (n: number) => Number.isInteger(n) && n >= 0;
  return (
    UUID.test(r.eventId) &&
    ID.test(r.contentId) &&
    ID.test(r.versionId) &&
    SHA.test(r.sha256) &&
    time(r.start) &&
    time(r.end) &&
    r.end >= r.start &&
    (r.region === undefined || REGION_KINDS.indexOf(r.region) >= 0)
  );
}

export function createPlaysRecorder(deps: {
  clock: Clock;
  uuid(): string;
  record(r: PlayRecord): void;
  reject?(r: PlayRecord): void;
  /** The region its plays are shown in, written on each record; absent = none written (the server reads main). */
  region?: RegionKind;
}): PlaysRecorder {
  let open: OpenPlay | null = null;

  function close() {
    if (!open) return;
    const end = Math.round(Math.max(open.start, deps.clock.now()));
    const result = open.failed ? 'failed' : end >= open.scheduledEnd - COMPLETION_SLACK_MS ? 'completed' : 'interrupted';
    const { item } = open;
    const record: PlayRecord = {
      eventId: deps.uuid(),
      contentId: item.contentId,
      versionId: item.versionId,
      sha256: item.sha256,
      start: Math.round(open.start),
      end,
      result,
      class: open.cls,
    };
    if (deps.region) record.region = deps.region;
    open = null;
    if (isSendablePlay(record)) deps.record(record);
    else deps.reject?.(record);
  }

  return {
    begin(now, shown) {
      if (open && open.key === now.playKey) return;
      close();
      if (!shown || !now.item || !now.segment) return;
      const t = deps.clock.now();
      const itemEnd = now.itemStartAt + now.item.durationMs;
      open = {
        key: now.playKey,
        item: now.item,
        cls: now.segment.class,
        start: Math.max(t, now.itemStartAt),
        scheduledEnd: Math.min(itemEnd, now.segment.end),
        failed: false,
      };
    },
    fail(key) {
      if (open && open.key === key) open.failed = true;
    },
    close,
    current: () => (open ? { key: open.key, item: open.item, cls: open.cls, start: open.start } : null),
  };
}
