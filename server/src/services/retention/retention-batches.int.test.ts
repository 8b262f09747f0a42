import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { BATCH_SIZE } from './retention-service';
import { DAY, addDevice, vn } from '../../../test/factories/retention';

const NOW = vn('2025-06-15T02:15:00.000');
const OLD = 50_000;
const KEPT = 1_000;

describe('retention purge of a large table', () => {
  let t: TestCtx;
  beforeAll(async () => {
    t = await createTestContext({ clock: () => NOW });
    const dev = await addDevice(t.db);
    const old = NOW - 800 * DAY;
    // One statement per 10,000 rows: generate_series is not in every SQLite build, a recursive CTE is.
    for (let chunk = 0; chunk < OLD; chunk += 10_000) {
      await t.db.run(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 9999)
         INSERT INTO plays (event_id, device_id, class, started_at, ended_at, result, received_at)
         SELECT printf('old-%06d', ? + i), ?, 'normal', ? + (? + i) * 1000, ? + (? + i) * 1000 + 500, 'completed', ? FROM n`,
        [chunk, dev, old, chunk, old, chunk, old],
      );
    }
    await t.db.run(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO plays (event_id, device_id, class, started_at, ended_at, result, received_at)
       SELECT printf('new-%06d', i), ?, 'normal', ? + i * 1000, ? + i * 1000 + 500, 'completed', ? FROM n`,
      [KEPT - 1, dev, NOW - DAY, NOW - DAY, NOW],
    );
  }, 120_000);
  afterAll(() => t?.cleanup());

  it(`deletes 50,000 plays in transactions of ${BATCH_SIZE}, letting other queries in between`, async () => {
    expect((await t.db.get<{ n: number }>('SELECT count(*) AS n FROM plays'))!.n).toBe(OLD + KEPT);
    // Queries issued while the purge runs are answered between its batches, each seeing a whole batch gone.
    const seen: number[] = [];
    let done = false;
    const purge = t.retention.purge().finally(() => (done = true));
    while (!done) seen.push((await t.db.get<{ n: number }>('SELECT count(*) AS n FROM plays'))!.n);
    const r = await purge;

    expect(r.counts.plays).toBe(OLD);
    expect(r.batches.plays).toBe(OLD / BATCH_SIZE + 1); // ten full batches, then one that finds nothing left
    expect((await t.db.get<{ n: number }>('SELECT count(*) AS n FROM plays'))!.n).toBe(KEPT);
    expect((await t.db.get<{ n: number }>("SELECT count(*) AS n FROM plays WHERE event_id LIKE 'new-%'"))!.n).toBe(KEPT);
    const during = seen.filter((n) => n > KEPT && n < OLD + KEPT);
    expect(during.length).toBeGreaterThan(0);
    for (const n of during) expect((OLD + KEPT - n) % BATCH_SIZE).toBe(0);
  }, 120_000);
});
