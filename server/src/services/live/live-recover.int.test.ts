// A server stopped in the middle of a live announcement (power cut, crash) leaves its row "on air" and the MP3
// written so far on disk. The next start closes it as server_stopped, stores what was recorded in the content
// store and audits it, so nothing said on air is lost from the record.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { ffmpeg } from '../../../test/factories/media';
import { decodeToPcm, dominantTones } from '../../../test/support/tones';
import { pathForSha } from '../../media/store/content-store';

let t: TestCtx;
beforeAll(async () => {
  t = await createTestContext();
});
afterAll(() => t?.cleanup());

describe('recovering live announcements at start', () => {
  it('closes a row left on air with what it had recorded, and audits it', async () => {
    await t.createUser('phatthanh-mai', ['announcer']);
    const user = (await t.db.get<{ id: number }>("SELECT id FROM users WHERE username = 'phatthanh-mai'"))!;
    const startedAt = Date.now() - 60_000;
    const { lastID: id } = await t.db.run(
      "INSERT INTO live_announcements (user_id, class, group_ids, title, started_at, on_air_at, speakers, zones) VALUES (?, 'priority', '[1]', 'Cắt nước', ?, ?, 2, 1)",
      [user.id, startedAt, startedAt + 2500],
    );
    const file = path.join(t.dataDir, 'live', `${id}.mp3`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await ffmpeg(['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=3', '-c:a', 'libmp3lame', '-b:a', '64k', file]);
    // A row that ended properly is left alone.
    await t.db.run(
      "INSERT INTO live_announcements (user_id, class, group_ids, started_at, ended_at, end_reason, duration_ms) VALUES (?, 'priority', '[1]', ?, ?, 'stopped', 1000)",
      [user.id, startedAt, startedAt + 1000],
    );

    await t.liveAnnouncements.recover();

    const row = (await t.db.get<{ end_reason: string; ended_at: number; recording_sha256: string }>('SELECT * FROM live_announcements WHERE id = ?', [id]))!;
    expect(row.end_reason).toBe('server_stopped');
    expect(row.ended_at).toBeGreaterThanOrEqual(startedAt);
    expect(row.recording_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(file)).toBe(false);
    const stored = fs.readFileSync(pathForSha(t.dataDir, row.recording_sha256));
    expect(dominantTones(await decodeToPcm(stored), [1000], 500).filter((x) => x === 1000).length).toBeGreaterThanOrEqual(4);
    const audit = await t.db.all<{ actor: string; action: string; summary: string }>("SELECT actor, action, summary FROM audit_log WHERE target = ?", [`live:${id}`]);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actor: 'phatthanh-mai', action: 'live.announce' });
    expect(JSON.parse(audit[0]!.summary)).toMatchObject({ reason: 'server_stopped', recording: row.recording_sha256 });
    const other = await t.db.get<{ end_reason: string }>("SELECT end_reason FROM live_announcements WHERE id != ?", [id]);
    expect(other!.end_reason).toBe('stopped');

    // Twice is once: nothing is left to recover.
    await t.liveAnnouncements.recover();
    expect(await t.db.all("SELECT 1 FROM audit_log WHERE target = ?", [`live:${id}`])).toHaveLength(1);
  });
});
