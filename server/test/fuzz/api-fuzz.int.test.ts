// Property-based fuzzing of every operation in the OpenAPI document the app serves: broken bodies,
// queries and path parameters, sent with the role allowed to call the route and without a session. Every
// answer must be a 4xx problem+json (never a 5xx or a throw), and a refused request must change nothing.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../support/context';
import { createFixtures, existingKey } from './api-fixtures';
import { operationsOf, type Operation } from './openapi-operations';
import { requestArb } from './http-inputs';
import { sendAndCheck, settled } from './http-runner';
import { takeSnapshot } from './state-snapshot';
import { FUZZ_RUNS, addStats, newStats, seedFor, summary, watchCrashes } from './fuzz-config';

/** Inputs per operation; FUZZ_RUNS multiplies it. */
const PER_OPERATION = 40 * FUZZ_RUNS;

const t = await createTestContext({ env: { BANTIN_MAX_UPLOAD_MB: '1' } });
const fx = await createFixtures(t);
const doc = await (await t.app.request('http://localhost/api/openapi.json')).json();
const ops: Operation[] = operationsOf(doc);
// Background work the fixtures started (timeline recompiles) ends before the first snapshot.
await settled(t, await takeSnapshot(t.db, t.dataDir));
const total = newStats();
const stopWatching = watchCrashes(total);

afterAll(async () => {
  stopWatching();
  console.log(summary(`API total over ${ops.length} operations`, total));
  await t.cleanup();
});

describe('API fuzzing from the OpenAPI document', () => {
  it('covers every API route the app mounts, and has an existing value for every path parameter', () => {
    const documented = new Set(ops.map((o) => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`));
    const mounted = [...new Set(t.app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => `${r.method} ${r.path}`))];
    // The document itself is the only route outside it.
    expect(mounted.filter((k) => !documented.has(k))).toEqual(['GET /api/openapi.json']);
    const missing = ops.flatMap((o) => o.pathParams.filter((p) => fx.existing[existingKey(o.path, p.name)] === undefined).map((p) => `${o.key} {${p.name}}`));
    expect(missing).toEqual([]);
  });

  it.each(ops.map((op) => ({ key: op.key, op })))('$key answers bad input with a 4xx and changes nothing', async ({ op }) => {
    const s = newStats();
    const inputs = fc.sample(requestArb(op, fx, () => Date.now()), { numRuns: PER_OPERATION, seed: seedFor(op.key) });
    let snap = await takeSnapshot(t.db, t.dataDir);
    for (const r of inputs) snap = await sendAndCheck(t, r, snap, s);
    addStats(total, s);
    console.log(summary(op.key, s));
    expect(s.samples, s.samples.join('\n')).toEqual([]);
    expect({ fiveXx: s.fiveXx, crashes: s.crashes, changed: s.changed, badAnswers: s.badAnswers, acceptedInvalid: s.acceptedInvalid }).toEqual({
      fiveXx: 0,
      crashes: 0,
      changed: 0,
      badAnswers: 0,
      acceptedInvalid: 0,
    });
  });

  it('leaves Object.prototype unpolluted and the crash counter at zero', () => {
    const probe = {} as Record<string, unknown>;
    expect([probe.polluted, probe.isAdmin, probe.roles]).toEqual([undefined, undefined, undefined]);
    expect(total.crashes).toBe(0);
  });
});
