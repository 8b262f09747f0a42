// Sends fuzzed requests to the composed app one at a time and checks each answer: never 5xx, never a throw,
// every refusal is problem+json, and a refused request leaves the database and the data directory as they were.
import type { TestCtx } from '../support/context';
import { diffSnapshots, takeSnapshot, type Snapshot } from './state-snapshot';
import { note, type FuzzStats } from './fuzz-config';
import type { FuzzRequest } from './http-inputs';

const describeReq = (r: FuzzRequest) =>
  `${r.method} ${r.url.length > 120 ? r.url.slice(0, 120) + '…' : r.url} [${r.notes.join('; ')}] body ${r.body?.length ?? 0} B`;

/** Waits until background work a valid request started (timeline recompiles, alert fan-out) has settled. */
export async function settled(t: TestCtx, first: Snapshot): Promise<Snapshot> {
  let last = first;
  for (let i = 0; i < 10; i++) {
    await new Promise((r) => setTimeout(r, 300));
    const next = await takeSnapshot(t.db, t.dataDir);
    if (!diffSnapshots(last, next).length) return next;
    last = next;
  }
  return last;
}

async function checkProblem(res: Response, r: FuzzRequest, s: FuzzStats) {
  const type = res.headers.get('content-type') ?? '';
  const text = await res.text();
  let body: { status?: unknown; code?: unknown; detail?: unknown } = {};
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    body = {};
  }
  if (!type.startsWith('application/problem+json') || body.status !== res.status || typeof body.code !== 'string' || typeof body.detail !== 'string' || !body.detail) {
    s.badAnswers++;
    note(s, `not problem+json (${res.status} ${type}): ${describeReq(r)} → ${text.slice(0, 200)}`);
  }
}

/** Sends one request; returns the snapshot to compare the next request against. */
export async function sendAndCheck(t: TestCtx, r: FuzzRequest, before: Snapshot, s: FuzzStats): Promise<Snapshot> {
  s.tried++;
  let res: Response;
  try {
    res = await t.app.request(`http://localhost${r.url}`, { method: r.method, headers: r.headers, body: r.body && new Uint8Array(r.body) });
  } catch (err) {
    s.crashes++;
    note(s, `threw: ${describeReq(r)}: ${err instanceof Error ? err.stack : String(err)}`);
    return takeSnapshot(t.db, t.dataDir);
  }
  if (res.status >= 500) {
    s.fiveXx++;
    note(s, `${res.status}: ${describeReq(r)} → ${(await res.text()).slice(0, 300)}`);
    return takeSnapshot(t.db, t.dataDir);
  }
  if (res.status < 400) {
    await res.arrayBuffer();
    if (r.sure) {
      s.acceptedInvalid++;
      note(s, `accepted ${res.status}: ${describeReq(r)}`);
    } else s.validSkipped++;
    const after = await takeSnapshot(t.db, t.dataDir);
    return r.method === 'GET' ? after : settled(t, after);
  }
  await checkProblem(res, r, s);
  const after = await takeSnapshot(t.db, t.dataDir);
  const diff = diffSnapshots(before, after);
  if (diff.length) {
    s.changed++;
    note(s, `changed on ${res.status}: ${describeReq(r)}: ${diff.join(', ')}`);
  }
  return after;
}
