// An offline-first outbox for records the server must receive exactly once (proof of play, kiosk feedback):
// records wait in a durable store (IndexedDB in the browser), go out oldest first in batches while the
// socket is up, and are deleted only when the server acknowledges them by eventId, after its commit. The
// store is bounded: past `maxRecords` the oldest are dropped (days of offline play fit; a dead screen
// left for months must not fill the disk). In memory only the ids of the batch in flight are kept.
import type { Clock, TimerHandle } from '../lib/clock';

export interface QueueRecord {
  eventId: string;
}

/** Durable FIFO keyed by eventId. */
export interface QueueStore<T extends QueueRecord> {
  add(record: T): Promise<void>;
  /** Up to `n` records, oldest first. */
  oldest(n: number): Promise<T[]>;
  remove(eventIds: readonly string[]): Promise<void>;
  count(): Promise<number>;
  /** Deletes the `n` oldest records. */
  dropOldest(n: number): Promise<void>;
}

export interface OutboxOptions<T extends QueueRecord> {
  store: QueueStore<T>;
  /** Puts one batch on the wire; returns false when it could not (socket down). */
  send(batch: T[]): boolean;
  clock: Clock;
  batchSize?: number;
  maxRecords?: number;
  /** Resend a batch that got no acknowledgement after this long. */
  ackTimeoutMs?: number;
  onDropped?(count: number): void;
}

export interface Outbox<T extends QueueRecord> {
  add(record: T): Promise<void>;
  /** The server committed these records. */
  ack(eventIds: readonly string[]): Promise<void>;
  setOnline(online: boolean): void;
  flush(): Promise<void>;
  /** Ids currently awaiting acknowledgement (bounded by batchSize). */
  inFlight(): number;
}

export function createOutbox<T extends QueueRecord>(opts: OutboxOptions<T>): Outbox<T> {
  const { store, send, clock, batchSize = 100, maxRecords = 100_000, ackTimeoutMs = 30_000 } = opts;
  let online = false;
  let inflight: Set<string> | null = null;
  let timer: TimerHandle | null = null;
  let flushing = false;
  let again = false;

  function settle() {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    inflight = null;
  }

  async function flush(): Promise<void> {
    if (!online || inflight) return;
    if (flushing) {
      // A flush is reading the store right now; have it look again when done, so no wake-up is lost.
      again = true;
      return;
    }
    flushing = true;
    try {
      do {
        again = false;
        const batch = await store.oldest(batchSize);
        if (batch.length === 0 || !online || inflight) continue;
        if (!send(batch)) return;
        inflight = new Set(batch.map((r) => r.eventId));
        timer = clock.setTimeout(() => {
          // No acknowledgement: the server may have lost it. Send again; the server counts each eventId once.
          settle();
          void flush();
        }, ackTimeoutMs);
      } while (again && !inflight && online);
    } finally {
      flushing = false;
    }
  }

  return {
    async add(record) {
      await store.add(record);
      const excess = (await store.count()) - maxRecords;
      if (excess > 0) {
        await store.dropOldest(excess);
        opts.onDropped?.(excess);
      }
      await flush();
    },
    async ack(eventIds) {
      await store.remove(eventIds);
      if (inflight) {
        for (const id of eventIds) inflight.delete(id);
        if (inflight.size > 0) return;
        settle();
      }
      await flush();
    },
    setOnline(next) {
      online = next;
      // Whatever was in flight on a dropped socket is resent on the next one.
      settle();
      if (next) void flush();
    },
    flush,
    inFlight: () => inflight?.size ?? 0,
  };
}

/** In-memory QueueStore: for tests, and as the fallback when IndexedDB is refused. */
export function createMemoryQueueStore<T extends QueueRecord>(): QueueStore<T> & { size(): number } {
  const records = new Map<string, T>();
  return {
    async add(r) {
      records.set(r.eventId, r);
    },
    async oldest(n) {
      const out: T[] = [];
      for (const r of records.values()) {
        if (out.length >= n) break;
        out.push(r);
      }
      return out;
    },
    async remove(ids) {
      for (const id of ids) records.delete(id);
    },
    async count() {
      return records.size;
    },
    async dropOldest(n) {
      for (const id of [...records.keys()].slice(0, n)) records.delete(id);
    },
    size: () => records.size,
  };
}
