// Repositories decode their JSON columns: readers get values, and a corrupt row fails where it is read with
// an error naming the table, the row and the column.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type Db } from '../db/sqlite';
import { migrate } from '../db/migrate';
import { alertRepo } from './alert-repo';
import { deviceRepo } from './device-repo';
import { CorruptRowError } from './json-column';
import { playlistRepo } from './playlist-repo';
import { scheduleRepo } from './schedule-repo';

let dir: string;
let db: Db;
beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-repo-'));
  db = await openDb(path.join(dir, 'db.sqlite'));
  await migrate(db);
});
afterEach(async () => {
  await db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const schedule = async (target: string, recurrence: string) => {
  const p = await db.run("INSERT INTO playlists (name, items, created_at, updated_at) VALUES ('p', '[]', 0, 0)");
  return db.run(
    "INSERT INTO schedules (name, class, playlist_id, target, recurrence, sort_order, created_at, updated_at) VALUES ('s', 'normal', ?, ?, ?, 0, 0, 0)",
    [p.lastID, target, recurrence],
  );
};
const daily = JSON.stringify({
  dateFrom: '2026-03-01',
  dateTo: '2026-03-31',
  daysOfWeek: [1, 2],
  windows: [{ start: '07:00', end: '08:00' }],
});

describe('repositories decode JSON columns', () => {
  it('return a schedule’s target and recurrence as values, a missing target key as an empty list', async () => {
    await schedule('{"groupIds":[3]}', daily);
    const [s] = await scheduleRepo.listActive(db);
    expect(s!.target).toEqual({ deviceIds: [], groupIds: [3], kinds: [] });
    expect(s!.recurrence).toEqual(JSON.parse(daily));
    expect((await scheduleRepo.listTargetingGroup(db, 3)).map((r) => r.id)).toEqual([s!.id]);
  });

  it('reads an alert target written without some keys as false and empty lists', async () => {
    await db.run(
      `INSERT INTO alerts (text, target, starts_at, expires_at, created_at, updated_at) VALUES ('x', '{"all":true}', 0, 10, 0, 0)`,
    );
    expect((await alertRepo.list(db, 10))[0]!.target).toEqual({ all: true, deviceIds: [], groupIds: [], kinds: [] });
  });

  it('name the table, row and column of JSON that does not parse', async () => {
    const { lastID } = await schedule('{"groupIds":[3]', daily);
    const err = await scheduleRepo.findById(db, lastID).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorruptRowError);
    expect((err as Error).message).toBe(`corrupt row schedules#${lastID}: column target is not valid JSON`);
  });

  it('refuse JSON of the wrong shape instead of handing it on', async () => {
    const { lastID } = await db.run(
      'INSERT INTO playlists (name, items, created_at, updated_at) VALUES (\'p\', \'[{"contentId":"7"}]\', 0, 0)',
    );
    await expect(playlistRepo.findById(db, lastID)).rejects.toThrow(
      `corrupt row playlists#${lastID}: column items does not have the expected shape`,
    );
    const d = await db.run(
      "INSERT INTO devices (kind, name, broadcast_slots, created_at, updated_at) VALUES ('speaker', 'loa', '{\"start\":\"06:00\"}', 0, 0)",
    );
    await expect(deviceRepo.findById(db, d.lastID)).rejects.toThrow(/devices#\d+: column broadcast_slots/);
  });
});
