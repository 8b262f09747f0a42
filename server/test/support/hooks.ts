// Per-test lifecycles shared by integration suites: a fresh composed app before each test, cleaned up after it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { createTestContext, type TestCtx } from './context';
import { makeFixtures } from '../factories/media';
import { callerFor, type Caller } from '../factories/scheduling';

/** Before each test a fresh context handed to `set`; after it, that context is cleaned up. */
export function useTestContext(set: (t: TestCtx) => void, opts: Parameters<typeof createTestContext>[0] = {}) {
  let current: TestCtx | undefined;
  beforeEach(async () => {
    current = await createTestContext(opts);
    set(current);
  });
  afterEach(() => current?.cleanup());
}

/** A createTestContext whose contexts are each cleaned up after the test that made them. */
export function useContextFactory() {
  const made: TestCtx[] = [];
  afterEach(async () => {
    for (const t of made.splice(0)) await t.cleanup();
  });
  return async (opts: Parameters<typeof createTestContext>[0] = {}) => {
    const t = await createTestContext(opts);
    made.push(t);
    return t;
  };
}

/** Like useTestContext on the given clock, with a JSON caller logged in as `editor1` (role editor). */
export function useEditorContext(clock: () => number, set: (s: { t: TestCtx; ed: Caller }) => void) {
  let current: TestCtx | undefined;
  beforeEach(async () => {
    current = await createTestContext({ clock });
    set({ t: current, ed: await callerFor(current, 'editor1', ['editor']) });
  });
  afterEach(() => current?.cleanup());
}

/** Media files made once for a test file (in a temp folder removed after it), filled in before its tests run. */
export function useMediaFixtures(names: readonly string[]): Record<string, string> {
  const files: Record<string, string> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-fixtures-'));
  beforeAll(async () => {
    Object.assign(files, await makeFixtures(dir, names));
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return files;
}

/** A staff session (cookie and CSRF token) for the test context's raw requests. */
export type StaffSession = { cookie: string; csrf: string };

/** Request options for a JSON call as that staff member. */
export const jsonAs = (method: string, s: StaffSession, body?: unknown) => ({
  method,
  ...s,
  body: body === undefined ? undefined : JSON.stringify(body),
});
