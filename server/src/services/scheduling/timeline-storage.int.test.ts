// Timelines stored once per distinct version (timeline_blobs) with one small row per device, on a real
// SQLite file: what is written, what a fresh process reads back, garbage collection, and migration 0006.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// The composed app first: it extends zod with .openapi() before any schema of @bantin/protocol is built.
import type { TestCtx } from '../../../test/support/context';
import { useEditorContext } from '../../../test/support/hooks';
import { addContent, everyDay, vn, type Caller } from '../../../test/factories/scheduling';
import { openDb } from '../../db/sqlite';
import { MIGRATIONS_DIR, migrate } from '../../db/migrate';
import { createEventBus } from '../event-bus';
import { createTimelineService } from './timeline-service';
import { decodeStored } from '../../repos/timeline-body';
import { packTimeline, type DeviceTimeline } from '@bantin/protocol';
import { timelineRepo } from '../../repos/timeline-repo';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

const count = async (table: string) => (await t.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))!.n;
const blobVersions = async () => (await t.db.all<{ version: string }>('SELECT version FROM timeline_blobs ORDER BY version')).map((r) => r.version);
const addDevices = async (kind: 'led' | 'speaker', n: number) => {
  const ids: number[] = [];
  for (let i = 0; i < n; i++) ids.push((await ed('POST', '/api/devices', { name: `${kind} ${i}`, kind })).body.id);
  return ids;
};

describe('timeline storage', () => {
  it('writes one blob per distinct version and one row per device; a fresh service reads each device back whole', async () => {
    await addContent(t, { media: 'image', system: true });
    await addContent(t, { media: 'audio', system: true });
    const speakers = await addDevices('speaker', 3);
    const leds = await addDevices('led', 2);
    await t.timeline.settled();
    expect(await count('device_timelines')).toBe(5);
    const versions = new Set<string>();
    for (const id of [...speakers, ...leds]) versions.add((await t.timeline.getTimeline(id))!.version);
    expect(versions.size).toBe(2);
    expect(await blobVersions()).toEqual([...versions].sort());

    // Another process (no in-memory cache) assembles the same timelines from the rows and the blobs.
    const fresh = createTimelineService({ db: t.db, clock: () => now, tz: t.config.tz, horizonDays: t.config.horizonDays, bus: createEventBus() });
    for (const id of [...speakers, ...leds]) {
      const tl = await fresh.getTimeline(id);
      expect(tl!.deviceId).toBe(String(id));
      expect(tl).toEqual(await t.timeline.getTimeline(id));
    }
    // The assembled JSON other readers use is byte for byte JSON.stringify of the packed timeline (timeline.v2's
    // form), and the blobs hold each item once: far smaller than the timeline with its items written out.
    for (const row of await timelineRepo.listAll(t.db)) {
      const tl = (await fresh.getTimeline(row.device_id))!;
      expect(row.timeline).toBe(JSON.stringify({ deviceId: tl.deviceId, ...packTimeline(tl) }));
      expect(decodeStored<DeviceTimeline>(row.timeline)).toEqual(tl);
      if (tl.segments.length > 1) expect(row.timeline.length * 2).toBeLessThan(JSON.stringify(tl).length);
    }
  });

  it('moves a group of devices to a new version with one new blob and drops the blob no device uses any more', async () => {
    await addContent(t, { media: 'audio', system: true });
    const speakers = await addDevices('speaker', 4);
    const [before] = await blobVersions();
    const c = await addContent(t, { media: 'audio' });
    const morning = everyDay('2026-03-01', '2026-03-31', [{ start: '06:00', end: '06:30' }]);
    expect((await ed('POST', '/api/schedules', { class: 'normal', contentId: c, target: { kinds: ['speaker'] }, when: morning })).status).toBe(201);
    const after = await blobVersions();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before);
    for (const id of speakers) expect((await t.timeline.getTimeline(id))!.version).toBe(after[0]);
  });

  it('removes a deleted device’s row, and its blob once no device uses it', async () => {
    await addContent(t, { media: 'image', system: true });
    await addContent(t, { media: 'audio', system: true });
    const [speaker] = await addDevices('speaker', 1);
    await addDevices('led', 1);
    expect(await count('timeline_blobs')).toBe(2);
    expect((await ed('DELETE', `/api/devices/${speaker}`)).status).toBeLessThan(300);
    await t.timeline.settled();
    expect(await t.timeline.getTimeline(speaker!)).toBeNull();
    expect(await count('device_timelines')).toBe(1);
    expect(await count('timeline_blobs')).toBe(1);
  });
});

describe('migration 0006_timeline_blobs', () => {
  it('moves stored timelines into blobs by version and keeps every device’s timeline JSON identical', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-mig-'));
    const migrations = path.join(dir, 'migrations');
    fs.mkdirSync(migrations);
    const files = fs.readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).sort();
    const upTo = (last: string) => {
      for (const f of files.filter((f) => f <= last)) fs.copyFileSync(path.join(MIGRATIONS_DIR, f), path.join(migrations, f));
    };
    const db = await openDb(path.join(dir, 'db.sqlite'));
    try {
      upTo('0005_report_indexes.sql');
      await migrate(db, migrations);
      const shared = { segments: [{ start: 1, end: 2, class: 'fallback', mode: 'loop', items: [{ id: 'x', text: { title: 'Tổ dân phố 5', body: '"Lưu ý"' } }] }], media: [] };
      const old: string[] = [];
      for (const id of [1, 2]) {
        await db.run("INSERT INTO devices (id, kind, name, created_at, updated_at) VALUES (?, 'speaker', ?, 0, 0)", [id, `loa ${id}`]);
        const json = JSON.stringify({ deviceId: String(id), from: 0, to: 86_400_000, version: 'fnv1a64:00000000000000aa', ...shared });
        old.push(json);
        await db.run('INSERT INTO device_timelines (device_id, version, from_ms, to_ms, timeline, compiled_at) VALUES (?, ?, 0, 86400000, ?, 5)', [id, 'fnv1a64:00000000000000aa', json]);
      }
      upTo(files.at(-1)!);
      expect(await migrate(db, migrations)).toContain('0006_timeline_blobs.sql');
      const blobs = await db.all<{ version: string; body: string }>('SELECT version, body FROM timeline_blobs');
      expect(blobs).toHaveLength(1);
      expect(JSON.parse(blobs[0]!.body)).toEqual(shared);
      expect((await timelineRepo.listAll(db)).map((r) => r.timeline)).toEqual(old);
      // Blobs written before timeline.v2 (items inline) are still read as they are.
      expect((await timelineRepo.listAll(db)).map((r) => decodeStored(r.timeline))).toEqual(old.map((j) => JSON.parse(j) as unknown));
      expect(await timelineRepo.getMeta(db, 2)).toEqual({ device_id: 2, version: 'fnv1a64:00000000000000aa', from_ms: 0, to_ms: 86_400_000, compiled_at: 5 });
    } finally {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
