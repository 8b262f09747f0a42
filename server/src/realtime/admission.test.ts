import { describe, expect, it } from 'vitest';
import { createAdmission } from './admission';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('createAdmission', () => {
  it('lets `concurrent` in at once; the next wait in line and go in arrival order as turns end', async () => {
    const a = createAdmission({ concurrent: 2, maxWaiting: 10, clock: () => 0 });
    const order: string[] = [];
    const first = await a.enter()!;
    const second = await a.enter()!;
    const third = a.enter()!.then((done) => (order.push('third'), done));
    const fourth = a.enter()!.then((done) => (order.push('fourth'), done));
    await flush();
    expect(order).toEqual([]);
    expect(a.load()).toEqual({ active: 2, waiting: 2 });
    first();
    await flush();
    expect(order).toEqual(['third']);
    second();
    await flush();
    expect(order).toEqual(['third', 'fourth']);
    (await third)();
    (await fourth)();
    expect(a.load()).toEqual({ active: 0, waiting: 0 });
  });

  it('frees one place per turn even when done is called twice', async () => {
    const a = createAdmission({ concurrent: 1, maxWaiting: 10, clock: () => 0 });
    const done = await a.enter()!;
    let waiting = 0;
    void a.enter()!.then(() => waiting++);
    void a.enter()!.then(() => waiting++);
    done();
    done();
    await flush();
    expect(waiting).toBe(1);
    expect(a.load()).toEqual({ active: 1, waiting: 1 });
  });

  it('refuses once the line is full, with a Retry-After that grows with the line and the pace of turns', async () => {
    let now = 0;
    const a = createAdmission({ concurrent: 1, maxWaiting: 2, clock: () => now });
    // Turns of 1 s each teach the admission its pace.
    for (let i = 0; i < 50; i++) {
      const done = await a.enter()!;
      now += 1000;
      done();
    }
    await a.enter()!;
    expect(a.enter()).not.toBeNull();
    const shortLine = a.retryAfterMs();
    expect(a.enter()).not.toBeNull();
    expect(a.enter()).toBeNull();
    expect(a.retryAfterMs()).toBeGreaterThan(shortLine);
    expect(a.retryAfterMs()).toBeGreaterThan(2000);
    expect(a.retryAfterMs()).toBeLessThanOrEqual(3000);
  });
});
