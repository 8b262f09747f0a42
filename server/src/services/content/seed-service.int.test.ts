// First-start seeding on a real database: the starter pack arrives approved by the system, bound to its bytes,
// with speech for every message, exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { contentRepo } from '../../repos/content-repo';
import { mediaRepo } from '../../repos/media-repo';
import { usersRepo } from '../../repos/users-repo';
import { parseWav } from '../../media/speech/index';
import { pathForSha } from '../../media/store/content-store';
import { runPrechecks, precheckContext } from '../../domain/precheck/index';
import { readFile } from 'node:fs/promises';
import { loadStarterPack, SEED_APPROVAL_REASON } from './seed-service';

let t: TestCtx;
let first: { created: number };
let pack: Awaited<ReturnType<typeof loadStarterPack>>;

beforeAll(async () => {
  t = await createTestContext();
  pack = await loadStarterPack();
  first = await t.seedStarterPack();
}, 120_000);
afterAll(async () => {
  await t.cleanup();
});

const systemContent = async () => (await t.db.all<{ id: number }>('SELECT id FROM content WHERE system = 1 ORDER BY id')).map((r) => r.id);

describe('starter pack', () => {
  it('holds about 20 Code of Conduct messages in Vietnamese that pass the message pre-checks', () => {
    expect(pack.messages.length).toBeGreaterThanOrEqual(18);
    expect(pack.messages.length).toBeLessThanOrEqual(24);
    expect(new Set(pack.messages.map((m) => m.title)).size).toBe(pack.messages.length);
    for (const m of pack.messages) {
      const findings = runPrechecks({ kind: 'message', fields: { title: m.title, body: m.body } }, precheckContext(0));
      expect(findings, m.title).toEqual([]);
      expect(m.body.split(/[.!?](\s|$)/u).filter((s) => s.trim()).length, m.title).toBeLessThanOrEqual(3);
    }
  });
});

describe('seedStarterPack', () => {
  it('creates every message and both sounds as system content owned by admin', async () => {
    expect(first.created).toBe(pack.messages.length + 2);
    const ids = await systemContent();
    expect(ids).toHaveLength(first.created);
    const items = await Promise.all(ids.map((id) => t.content.get(id)));
    expect(items.filter((c) => c.kind === 'message')).toHaveLength(pack.messages.length);
    const clips = items.filter((c) => c.kind === 'clip');
    expect(clips.map((c) => c.playing?.tags)).toEqual([expect.arrayContaining(['jingle']), expect.arrayContaining(['attention'])]);
    const admin = (await usersRepo.findByUsername(t.db, 'admin'))!;
    for (const c of items) expect(c).toMatchObject({ system: true, owner: { id: admin.id } });
  });

  it('renders playable Vietnamese speech for every message and stores the sounds as audio', async () => {
    for (const id of await systemContent()) {
      const c = await t.content.get(id);
      if (c.kind === 'message') {
        expect(c.playing!.speech).toMatchObject({ kind: 'audio', mime: 'audio/wav' });
        const wav = parseWav(await readFile(pathForSha(t.dataDir, c.playing!.speech!.sha256)));
        expect(wav.durationMs).toBeGreaterThan(2000);
        expect(c.playing!.fields).toMatchObject({ style: expect.stringMatching(/^(led|kiosk|ticker)$/), sourceRef: expect.any(String) });
      } else {
        expect(c.playing!.media).toMatchObject({ kind: 'audio', mime: expect.stringContaining('ogg') });
        expect((await mediaRepo.find(t.db, c.playing!.media!.sha256))?.created_by).toBeNull();
      }
    }
  });

  it('approves each version by the system with a review row bound to its version_sha256 and files', async () => {
    for (const id of await systemContent()) {
      const c = (await contentRepo.find(t.db, id))!;
      expect(c.approved_version_id).toBe(c.latest_version_id);
      const v = (await contentRepo.version(t.db, c.approved_version_id!))!;
      expect(v.state).toBe('approved');
      const reviews = await contentRepo.reviewsOfContent(t.db, id);
      expect(reviews).toHaveLength(1);
      expect(reviews[0]).toMatchObject({
        decision: 'approved',
        actor_id: null,
        reason: SEED_APPROVAL_REASON,
        version_sha256: v.version_sha256,
        files: v.files,
      });
      expect(v.files).toHaveLength(1);
    }
  });

  it('creates nothing more when run again', async () => {
    const before = await t.db.get<{ c: number; m: number; a: number }>(
      'SELECT (SELECT COUNT(*) FROM content) AS c, (SELECT COUNT(*) FROM media_files) AS m, (SELECT COUNT(*) FROM audit_log) AS a',
    );
    expect(await t.seedStarterPack()).toEqual({ created: 0 });
    expect(
      await t.db.get(
        'SELECT (SELECT COUNT(*) FROM content) AS c, (SELECT COUNT(*) FROM media_files) AS m, (SELECT COUNT(*) FROM audit_log) AS a',
      ),
    ).toEqual(before);
  });

  it('keeps the audit chain verifiable and records the approvals as the system', async () => {
    const { problems, rows } = await t.audit.verify();
    expect(problems).toEqual([]);
    const approvals = await t.db.all<{ actor: string; actor_id: number | null; summary: string }>(
      "SELECT actor, actor_id, summary FROM audit_log WHERE action = 'review.approve'",
    );
    expect(approvals).toHaveLength(first.created);
    for (const a of approvals)
      expect(a).toMatchObject({ actor: 'system', actor_id: null, summary: expect.stringContaining('"seeded":true') });
    expect(rows).toBeGreaterThan(first.created * 2);
  });

  it('shows seeded content to staff through the API as playing', async () => {
    const admin = await t.login('admin');
    const res = await t.request('/api/content?limit=100', admin);
    expect(res.status).toBe(200);
    const text = JSON.stringify(await res.json());
    expect(text).toContain(pack.messages[0]!.title);
  });
});
