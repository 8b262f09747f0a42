import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../test-support/fake-clock';
import { createMemoryQueueStore, createOutbox, type QueueRecord } from './outbox';

interface Rec extends QueueRecord {
  n: number;
}
const rec = (n: number): Rec => ({ eventId: `e${n}`, n });

function setup(opts: { batchSize?: number; maxRecords?: number; up?: boolean } = {}) {
  const clock = createFakeClock(0);
  const store = createMemoryQueueStore<Rec>();
  const sent: Rec[][] = [];
  let up = opts.up ?? true;
  const dropped: number[] = [];
  const outbox = createOutbox<Rec>({
    store,
    clock,
    batchSize: opts.batchSize ?? 3,
    maxRecords: opts.maxRecords,
    ackTimeoutMs: 10_000,
    send: (b) => {
      if (!up) return false;
      sent.push(b);
      return true;
    },
    onDropped: (n) => dropped.push(n),
  });
  return { clock, store, sent, outbox, dropped, setUp: (v: boolean) => (up = v) };
}

describe('createOutbox', () => {
  it('keeps everything while offline and sends it oldest first in batches once online', async () => {
    const { outbox, sent, store } = setup();
    for (let i = 1; i <= 7; i++) await outbox.add(rec(i));
    expect(sent).toEqual([]);
    outbox.setOnline(true);
    await outbox.flush();
    expect(sent.map((b) => b.map((r) => r.n))).toEqual([[1, 2, 3]]);
    await outbox.ack(['e1', 'e2', 'e3']);
    await outbox.ack(['e4', 'e5', 'e6']);
    await outbox.ack(['e7']);
    expect(sent.map((b) => b.map((r) => r.n))).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(store.size()).toBe(0);
  });

  it('deletes only the records the server acknowledged', async () => {
    const { outbox, store, sent } = setup();
    outbox.setOnline(true);
    for (let i = 1; i <= 3; i++) await outbox.add(rec(i));
    expect(sent[0]!.map((r) => r.n)).toEqual([1]);
    await outbox.ack(['e1']);
    expect(sent[1]!.map((r) => r.n)).toEqual([2, 3]);
    await outbox.ack(['e2']);
    expect(store.size()).toBe(1);
    expect(outbox.inFlight()).toBe(1);
    expect((await store.oldest(10)).map((r) => r.n)).toEqual([3]);
  });

  it('resends an unacknowledged batch after the ack timeout', async () => {
    const { outbox, clock, sent } = setup();
    outbox.setOnline(true);
    await outbox.add(rec(1));
    clock.advance(10_000);
    await Promise.resolve();
    await outbox.flush();
    expect(sent.map((b) => b.map((r) => r.eventId))).toEqual([['e1'], ['e1']]);
  });

  it('resends the in-flight batch on a new connection when the old one dropped', async () => {
    const { outbox, sent, store } = setup();
    outbox.setOnline(true);
    await outbox.add(rec(1));
    outbox.setOnline(false);
    outbox.setOnline(true);
    await outbox.flush();
    expect(sent).toHaveLength(2);
    expect(store.size()).toBe(1);
  });

  it('does not lose a record when the socket refuses the send', async () => {
    const { outbox, sent, store, setUp } = setup();
    outbox.setOnline(true);
    setUp(false);
    await outbox.add(rec(1));
    expect(sent).toHaveLength(0);
    expect(outbox.inFlight()).toBe(0);
    setUp(true);
    await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(store.size()).toBe(1);
  });

  it('stays bounded by dropping the oldest records past the limit', async () => {
    const { outbox, store, dropped } = setup({ maxRecords: 5, up: false });
    for (let i = 1; i <= 8; i++) await outbox.add(rec(i));
    expect(store.size()).toBe(5);
    expect((await store.oldest(10)).map((r) => r.n)).toEqual([4, 5, 6, 7, 8]);
    expect(dropped.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it('does not lose a record added while a flush was still reading the store', async () => {
    const clock = createFakeClock(0);
    const inner = createMemoryQueueStore<Rec>();
    let release: () => void = () => undefined;
    let gate: Promise<void> | null = new Promise((r) => (release = r));
    const store = {
      ...inner,
      async oldest(n: number) {
        const found = await inner.oldest(n); // read first, then stall: the read saw an empty store
        if (gate) await gate;
        return found;
      },
    };
    const sent: Rec[][] = [];
    const outbox = createOutbox<Rec>({ store, clock, send: (b) => (sent.push(b), true) });
    outbox.setOnline(true); // flush #1 reads the (empty) store and stalls
    await inner.add(rec(1));
    const second = outbox.flush(); // asked while #1 is reading
    gate = null;
    release();
    await second;
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
    expect(sent.map((b) => b.map((r) => r.n))).toEqual([[1]]);
  });

  it('counts a duplicate eventId once', async () => {
    const { outbox, store } = setup({ up: false });
    await outbox.add(rec(1));
    await outbox.add(rec(1));
    expect(store.size()).toBe(1);
  });
});
