// First-start seeding of the starter pack (gói khởi tạo): the Code of Conduct messages of media/starter-pack,
// each with its rendered Vietnamese speech, plus the jingle and the attention tone, created as system content
// and approved by the system at install. Runs once: nothing happens when any system content already exists.
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Db } from '../../db/sqlite';
import { MEDIA_DIR } from '../../paths';
import { contentRepo, seedRepo } from '../../repos/content-repo';
import { usersRepo } from '../../repos/users-repo';
import type { Logger } from '../../log';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { ContentService } from './content-service';
import type { MediaService } from './media-service';

export const SYSTEM_ACTOR: Actor = { id: null, name: 'system' };
export const SEED_APPROVAL_REASON = 'Gói khởi tạo — hệ thống duyệt khi cài đặt / starter pack approved by the system at install';

/** The repository's media/ folder: the built-in assets a fresh install is seeded from. */
export const DEFAULT_MEDIA_DIR = MEDIA_DIR;

const line = (max: number) => z.string().trim().min(1).max(max);
const PackMessage = z
  .object({
    title: line(120),
    body: line(400),
    tags: z.array(line(40)).max(10),
    style: z.enum(['led', 'kiosk', 'ticker']),
    sourceRef: line(200),
    en: line(600), // the English translation is for the docs only: it is never seeded
  })
  .strict();
const PackSound = z
  .object({ file: line(200).regex(/^[\w./-]+\.ogg$/), title: line(120), tags: z.array(line(40)).max(10), en: line(200) })
  .strict();

export type StarterMessage = z.infer<typeof PackMessage>;
export type StarterSound = z.infer<typeof PackSound>;

/** Reads and validates the whole pack before anything is created, so a broken pack seeds nothing. */
export async function loadStarterPack(mediaDir: string = DEFAULT_MEDIA_DIR) {
  const packDir = path.join(mediaDir, 'starter-pack');
  const read = async (name: string) => JSON.parse(await readFile(path.join(packDir, name), 'utf8')) as unknown;
  const messages = z.array(PackMessage).parse(await read('messages.json'));
  const sounds = z.array(PackSound).parse(await read('sounds.json'));
  return {
    messages: messages.map((m) => ({ ...m, title: m.title.normalize('NFC'), body: m.body.normalize('NFC') })),
    sounds: sounds.map((s) => ({ ...s, path: path.resolve(packDir, s.file) })),
  };
}

export function createSeedService(deps: {
  db: Db;
  clock: () => number;
  audit: AuditService;
  content: ContentService;
  media: MediaService;
  log?: Logger;
  /** Where media/starter-pack and media/sounds live; defaults to the repository's media/ folder. */
  mediaDir?: string;
}) {
  /** The owner of seeded content: content.owner_id must name a user, so the first administrator. */
  const findOwner = async () => {
    const byName = await usersRepo.findByUsername(deps.db, 'admin');
    if (byName && (await usersRepo.rolesOf(deps.db, byName.id)).includes('admin')) return byName;
    for (const u of await usersRepo.list(deps.db)) if ((await usersRepo.rolesOf(deps.db, u.id)).includes('admin')) return u;
    throw new Error('Cần một tài khoản quản trị để khởi tạo nội dung / seeding needs an admin account');
  };

  /** Marks version 1 of seeded content approved by the system: state, playing version, review row and audit, together. */
  const approveBySystem = async (contentId: number, versionId: number, owner: string) => {
    const now = deps.clock();
    await deps.db.transaction(async (tx) => {
      const v = await contentRepo.version(tx, versionId);
      if (!v || v.content_id !== contentId || v.state !== 'draft') throw new Error(`seeded version ${versionId} is not a fresh draft`);
      await contentRepo.setState(tx, v.id, 'approved');
      await contentRepo.setApproved(tx, contentId, v.id, now);
      await contentRepo.insertReview(tx, {
        version_id: v.id,
        decision: 'approved',
        reason: SEED_APPROVAL_REASON,
        version_sha256: v.version_sha256,
        files: v.files,
        actor_id: null,
        decided_at: now,
      });
      await deps.audit.append(tx, SYSTEM_ACTOR, {
        action: 'review.approve',
        target: `content:${contentId}`,
        summary: { version: v.number, versionSha256: v.version_sha256, reason: SEED_APPROVAL_REASON, seeded: true, owner },
      });
    });
  };

  return {
    /** Idempotent: seeds only when no system content exists yet. Returns how many content items it created. */
    async seedStarterPack(): Promise<{ created: number }> {
      const pack = await loadStarterPack(deps.mediaDir);
      // Per item, so that a seeding interrupted by a crash is completed at the next start.
      const existing = new Map((await seedRepo.systemByTitle(deps.db)).map((r) => [r.title, r]));
      const owner = await findOwner();
      // The content service takes owner and author from the actor's id; the name says who really acted.
      const ownerActor: Actor = { id: owner.id, name: 'system' };
      const total = pack.messages.length + pack.sounds.length;
      let done = 0;
      const step = async (title: string, make: () => Promise<{ id: number; latest: { id: number } | null }>) => {
        const found = existing.get(title);
        if (found?.approved_version_id) return;
        const c = found ? { id: found.id, latest: { id: found.latest_version_id } } : await make();
        await approveBySystem(c.id, c.latest!.id, owner.username);
        done++;
        deps.log?.info('seeding', { done, total });
      };

      for (const m of pack.messages) {
        await step(m.title, () =>
          deps.content.create(
            ownerActor,
            'message',
            { title: m.title, body: m.body, tags: m.tags, style: m.style, sourceRef: m.sourceRef },
            { system: true },
          ),
        );
      }
      for (const s of pack.sounds) {
        await step(s.title, async () => {
          const file = await deps.media.upload(SYSTEM_ACTOR, {
            stream: createReadStream(s.path),
            fileName: path.basename(s.path),
            accept: ['audio'],
          });
          return deps.content.create(ownerActor, 'clip', { title: s.title, tags: s.tags, mediaSha256: file.sha256 }, { system: true });
        });
      }
      return { created: done };
    },
  };
}
export type SeedService = ReturnType<typeof createSeedService>;
