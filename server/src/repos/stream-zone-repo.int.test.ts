// Stream zone rows on a real SQLite file: written, read back decoded, replaced, removed; bad values refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/sqlite';
import { migrate } from '../db/migrate';
import { streamZoneRepo } from './stream-zone-repo';

describe('stream zone repo', () => {
  it('writes, replaces, reads back decoded, refuses bad values and removes a zone', async () => {
    const db = await openDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-zone-')), 'z.db'));
    await migrate(db);
    await db.run("INSERT INTO device_groups (id, name, created_at) VALUES (4, 'Tổ dân phố 4', 1)");
    const base = { groupId: 4, slug: 'to-4', bitrateKbps: 64, channels: 1 as const, volume: 80, quietHours: { start: '22:00', end: '05:00' }, enabled: true, now: 10 };
    await streamZoneRepo.upsert(db, base);
    await streamZoneRepo.upsert(db, { ...base, bitrateKbps: 96, channels: 2, now: 20 });
    expect(await streamZoneRepo.findBySlug(db, 'to-4')).toEqual({
      group_id: 4, slug: 'to-4', bitrate_kbps: 96, channels: 2, volume: 80, quiet_hours: { start: '22:00', end: '05:00' },
      enabled: true, created_at: 10, updated_at: 20, name: 'Tổ dân phố 4',
    });
    await expect(streamZoneRepo.upsert(db, { ...base, bitrateKbps: 65 })).rejects.toThrow(/CHECK/);
    await expect(streamZoneRepo.upsert(db, { ...base, slug: '../x' })).rejects.toThrow(/CHECK/);
    expect((await streamZoneRepo.list(db)).map((z) => z.slug)).toEqual(['to-4']);
    await streamZoneRepo.remove(db, 4);
    expect(await streamZoneRepo.findByGroup(db, 4)).toBeUndefined();
    await db.close();
  });
});
