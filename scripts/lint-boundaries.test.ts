// The import boundaries of eslint.config.js catch what they are for: a file placed in each area that
// crosses its boundary is reported by the boundary rule, and one that stays inside is not. Nothing is
// written to disk: ESLint lints the text as if it were the file at that path.
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESTRICTED = '@typescript-eslint/no-restricted-imports';
const OUTSIDE = 'bantin/stay-inside';
const BOUNDARY_RULES = new Set([RESTRICTED, OUTSIDE]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** The boundary rules (each once) ESLint reports for `code` placed at `path` (relative to the repository). */
async function boundaryErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code + '\n', { filePath: resolve(root, path) });
  const rules = (result?.messages ?? []).map((m) => m.ruleId ?? '').filter((r) => BOUNDARY_RULES.has(r));
  return [...new Set(rules)].sort();
}

describe('protocol', () => {
  it('refuses I/O and relative imports out of protocol/', async () => {
    expect(await boundaryErrors('protocol/src/boundary-probe.ts', "export { readFileSync } from 'node:fs';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors('protocol/src/boundary-probe.ts', "export { Database } from 'sqlite3';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors('protocol/src/boundary-probe.ts', "export * from '../../server/src/domain/roles';")).toEqual([OUTSIDE]);
  });

  it('keeps the core free of zod and of the rest of protocol/', async () => {
    expect(await boundaryErrors('protocol/src/core/boundary-probe.ts', "export { z } from 'zod';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors('protocol/src/core/boundary-probe.ts', "export type { ParseResult } from '../messages';")).toEqual([OUTSIDE]);
    expect(await boundaryErrors('protocol/src/core/boundary-probe.ts', "export { can } from './roles';")).toEqual([]);
  });
});

describe('server', () => {
  it('keeps the domain free of I/O, the database and services', async () => {
    const at = 'server/src/domain/schedule/boundary-probe.ts';
    expect(await boundaryErrors(at, "export { writeFile } from 'node:fs/promises';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export { WebSocketServer } from 'ws';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export { contentRepo } from '../../repos/content-repo';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export type { Db } from '../../db/sqlite';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export { createHash } from 'node:crypto';\nexport { targetsDevice } from './targeting';")).toEqual([]);
  });

  it('keeps repositories and the database out of routes', async () => {
    expect(await boundaryErrors('server/src/routes/boundary-probe.ts', "export { contentRepo } from '../repos/content-repo';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors('server/src/routes/boundary-probe.ts', "export type { Db } from '../db/sqlite';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors('server/src/routes/boundary-probe.ts', "export type { ContentService } from '../services/content/content-service';")).toEqual([]);
  });
});

describe('player', () => {
  it('imports only the zod-free core of the protocol, never the package index, not even its types', async () => {
    const at = 'player/src/net/boundary-probe.ts';
    expect(await boundaryErrors(at, "export { parseServerMessage } from '@bantin/protocol';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export type { DeviceTimeline } from '@bantin/protocol';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export { z } from 'zod';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export { unpackTimeline, type DeviceTimeline } from '@bantin/protocol/core';")).toEqual([]);
  });

  it('imports nothing by a relative path out of player/', async () => {
    expect(await boundaryErrors('player/src/net/boundary-probe.ts', "export * from '../../../protocol/src/core/packed';")).toEqual([OUTSIDE]);
    expect(await boundaryErrors('player/src/net/boundary-probe.ts', "export * from '../lib/clock';")).toEqual([]);
  });
});

describe('dashboard', () => {
  it("imports the server's API types only as types", async () => {
    const at = 'dashboard/src/lib/boundary-probe.ts';
    expect(await boundaryErrors(at, "export { createApp } from '@bantin/server';")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "import { toCsv } from '@bantin/server/api-types';\nexport const f = toCsv;")).toEqual([RESTRICTED]);
    expect(await boundaryErrors(at, "export type { AppType } from '@bantin/server';\nexport type * as Server from '@bantin/server/api-types';")).toEqual([]);
    expect(await boundaryErrors(at, "export { can } from '@bantin/protocol/core';\nexport { PROTOCOL_NAME } from '@bantin/protocol';")).toEqual([]);
  });

  it('imports nothing by a relative path out of dashboard/', async () => {
    expect(await boundaryErrors('dashboard/src/routes/review/ReviewScreen/boundary-probe.ts', "export * from '../../../../../server/src/domain/roles';")).toEqual([OUTSIDE]);
    expect(await boundaryErrors('dashboard/src/routes/review/ReviewScreen/boundary-probe.ts', "export * from '../../../lib/permissions';")).toEqual([]);
  });
});
