// Playlists (danh sách phát): ordered content items, each with its own duration or its natural length.
import type { Db, Queryable } from '../../db/sqlite';
import { playlistRepo, type PlaylistItem, type PlaylistRow } from '../../repos/playlist-repo';
import { scheduleRepo } from '../../repos/schedule-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';

export type { PlaylistItem };
export type PlaylistView = { id: number; name: string; items: PlaylistItem[]; createdAt: string; updatedAt: string };

const toView = (p: PlaylistRow): PlaylistView => ({
  id: p.id,
  name: p.name,
  items: p.items,
  createdAt: new Date(p.created_at).toISOString(),
  updatedAt: new Date(p.updated_at).toISOString(),
});

/** Keeps only the known keys, so the stored JSON is exactly the documented shape. */
const clean = (items: PlaylistItem[]) =>
  items.map((i) => (i.durationMs !== undefined ? { contentId: i.contentId, durationMs: i.durationMs } : { contentId: i.contentId }));

export function createPlaylistService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus }) {
  const view = async (q: Queryable, id: number) => {
    const p = await playlistRepo.findById(q, id);
    if (!p) throw new AppError(404, 'playlist_not_found', { id });
    return toView(p);
  };
  const checkContent = async (q: Queryable, items: PlaylistItem[]) => {
    const ids = [...new Set(items.map((i) => i.contentId))];
    const found = await playlistRepo.existingContentIds(q, ids);
    const missing = ids.filter((id) => !found.includes(id));
    if (missing.length) throw new AppError(422, 'playlist_content_unknown', { ids: missing.map((m) => `#${m}`).join(', ') });
  };

  return {
    async list(): Promise<PlaylistView[]> {
      return (await playlistRepo.list(deps.db)).map(toView);
    },
    get: (id: number) => view(deps.db, id),

    async create(actor: Actor, input: { name: string; items: PlaylistItem[] }) {
      return deps.db.transaction(async (tx) => {
        await checkContent(tx, input.items);
        const id = await playlistRepo.insert(tx, { name: input.name, items: JSON.stringify(clean(input.items)), createdBy: actor.id, now: deps.clock() });
        await deps.audit.append(tx, actor, { action: 'playlist.create', target: `playlist:${id}`, summary: { name: input.name, items: input.items.length } });
        return view(tx, id);
      });
    },

    async update(actor: Actor, id: number, patch: { name?: string; items?: PlaylistItem[] }) {
      const out = await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        if (patch.items) await checkContent(tx, patch.items);
        const items = patch.items ? clean(patch.items) : before.items;
        await playlistRepo.update(tx, id, { name: patch.name ?? before.name, items: JSON.stringify(items), now: deps.clock() });
        await deps.audit.append(tx, actor, {
          action: 'playlist.update',
          target: `playlist:${id}`,
          summary: { changed: Object.keys(patch), items: [before.items.length, items.length] },
        });
        return view(tx, id);
      });
      await deps.bus.emit('playlist.changed', { playlistId: id });
      return out;
    },

    async remove(actor: Actor, id: number) {
      await deps.db.transaction(async (tx) => {
        const before = await view(tx, id);
        const count = await scheduleRepo.countUsingPlaylist(tx, id);
        if (count > 0) throw new AppError(409, 'playlist_in_use', { count });
        await playlistRepo.softDelete(tx, id, deps.clock());
        await deps.audit.append(tx, actor, { action: 'playlist.delete', target: `playlist:${id}`, summary: { name: before.name } });
      });
    },
  };
}
export type PlaylistService = ReturnType<typeof createPlaylistService>;
