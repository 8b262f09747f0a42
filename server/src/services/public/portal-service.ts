// The ward portal's view of content: the approved, currently valid messages an editor marked public, as the
// feeds and public pages show them. Only public fields leave here: no internal id, no user, no file.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/sqlite';
import { publicRepo, type PublicItemRow } from '../../repos/public-repo';
import { settingsRepo } from '../../repos/settings-repo';

export type PublicItem = {
  publicId: string;
  title: string;
  body: string;
  /** ISO times. */
  publishedAt: string;
  updatedAt: string;
  validFrom: string | null;
  validTo: string | null;
  /** Hash of the approved version: changes whenever what is shown changes. */
  versionSha256: string;
};
export type PortalSnapshot = {
  /** Stable id of this installation's feed (a random UUID kept in settings). */
  feedId: string;
  publisher: string;
  items: PublicItem[];
  /** The last moment the set of public messages may have changed (ISO), or null when nothing ever was public. */
  updatedAt: string | null;
};

const FEED_ID_KEY = 'portal.feed_id';
const PUBLIC_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

const toItem = (r: PublicItemRow): PublicItem => ({
  publicId: r.public_id,
  title: r.title,
  body: r.body,
  publishedAt: new Date(Math.min(r.published_at, r.approved_at)).toISOString(),
  updatedAt: new Date(r.approved_at).toISOString(),
  validFrom: iso(r.valid_from),
  validTo: iso(r.valid_to),
  versionSha256: r.version_sha256,
});

export function createPortalService(deps: { db: Db; clock: () => number; publisher: string; tz: string; limit?: number }) {
  const feedId = async () => {
    await settingsRepo.insertIfAbsent(deps.db, FEED_ID_KEY, randomUUID());
    return (await settingsRepo.get(deps.db, FEED_ID_KEY))!;
  };
  return {
    publisher: deps.publisher,
    /** The ward's time zone, in which the pages show dates. */
    tz: deps.tz,

    /** Every public message shown now, newest approval first. */
    async snapshot(): Promise<PortalSnapshot> {
      const now = deps.clock();
      const rows = await publicRepo.visible(deps.db, now, deps.limit ?? 100);
      return { feedId: await feedId(), publisher: deps.publisher, items: rows.map(toItem), updatedAt: iso(await publicRepo.lastChange(deps.db, now)) };
    },

    /** One public message shown now, or null (unknown id, withdrawn, expired, not yet valid, not public). */
    async item(publicId: string): Promise<PublicItem | null> {
      if (!PUBLIC_ID.test(publicId)) return null;
      const row = await publicRepo.visibleOne(deps.db, publicId, deps.clock());
      return row ? toItem(row) : null;
    },
  };
}
export type PortalService = ReturnType<typeof createPortalService>;
