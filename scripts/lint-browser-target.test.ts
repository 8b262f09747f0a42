// The player's browser target (player/.browserslistrc: Chromium 69, Android 7–9 System WebViews) is enforced by
// ESLint: a web or ES API newer than the target fails the lint in the player and the protocol core it bundles,
// unless it is behind a guard; the dashboard (staff browsers) is not held to it. ESLint lints the text as if it
// were the file at that path; nothing is written to disk.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The compat findings for `code` placed at `path`. */
async function compatErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\n', { filePath: resolve(root, path) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'compat/compat').map((m) => m.message);
}

describe('player browser target (Chromium 69)', () => {
  it('reports web APIs newer than Chromium 69', async () => {
    expect(await compatErrors('player/src/probe.ts', 'export const copy = structuredClone({ a: 1 });')).toEqual([
      expect.stringContaining('structuredClone is not supported in Chrome 69'),
    ]);
    expect(await compatErrors('player/src/probe.ts', "export const s = new DecompressionStream('deflate-raw');")).toEqual([
      expect.stringContaining('DecompressionStream is not supported in Chrome 69'),
    ]);
  });

  it('reports ES built-ins newer than Chromium 69, also in the protocol core', async () => {
    expect(await compatErrors('player/src/probe.ts', "export const own = Object.hasOwn({}, 'a');")).toHaveLength(1);
    expect(await compatErrors('protocol/src/core/probe.ts', 'export const o = Object.fromEntries([]);')).toHaveLength(1);
  });

  it('accepts what Chromium 69 has and guarded use of what it lacks', async () => {
    expect(await compatErrors('player/src/probe.ts', 'export const a = [[1], [2]].flat(); fetch("/x"); new IntersectionObserver(() => 0);')).toEqual([]);
    expect(await compatErrors('player/src/probe.ts', "export const c = typeof structuredClone !== 'undefined' ? 1 : 0; if (window.structuredClone) structuredClone({});")).toEqual([]);
  });

  it('does not hold the dashboard to the player target', async () => {
    expect(await compatErrors('dashboard/src/probe.ts', 'export const copy = structuredClone({ a: 1 });')).toEqual([]);
  });
});
