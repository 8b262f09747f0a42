// Stream zones (vùng phát luồng): a loudspeaker group whose programme the server encodes into one continuous
// stream for IP receivers. This service keeps each zone's settings; the encoder follows 'stream-zone.changed'.
import type { Db, Queryable } from '../../db/sqlite';
import type { IcecastTarget } from '../../config';
import { groupRepo } from '../../repos/group-repo';
import { streamZoneRepo, type StreamZoneRow } from '../../repos/stream-zone-repo';
import type { ClockWindow } from '../../repos/json-column';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { EventBus } from '../event-bus';

export const ZONE_BITRATES = [32, 48, 64, 96, 128, 192] as const;

export type StreamZoneSettings = {
  slug: string;
  bitrateKbps?: (typeof ZONE_BITRATES)[number];
  channels?: 1 | 2;
  volume?: number;
  quietHours?: ClockWindow | null;
  enabled?: boolean;
};

export type StreamZoneView = {
  groupId: number;
  name: string;
  slug: string;
  bitrateKbps: number;
  channels: 1 | 2;
  volume: number;
  quietHours: ClockWindow | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
  /** Where receivers tune in: server-relative paths, and the Icecast mount when one is configured. */
  urls: { mp3: string; hls: string; icecast: string | null };
};

/** The mount a zone's encoder pushes to on the Icecast server. */
export const icecastMount = (slug: string) => `/${slug}.mp3`;

export function createStreamZoneService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus; icecast?: IcecastTarget | null }) {
  const toView = (z: StreamZoneRow): StreamZoneView => ({
    groupId: z.group_id,
    name: z.name,
    slug: z.slug,
    bitrateKbps: z.bitrate_kbps,
    channels: z.channels,
    volume: z.volume,
    quietHours: z.quiet_hours,
    enabled: z.enabled,
    createdAt: new Date(z.created_at).toISOString(),
    updatedAt: new Date(z.updated_at).toISOString(),
    urls: {
      mp3: `/stream/${z.slug}.mp3`,
      hls: `/stream/${z.slug}/index.m3u8`,
      icecast: deps.icecast ? `http://${deps.icecast.host}:${deps.icecast.port}${icecastMount(z.slug)}` : null,
    },
  });
  const group = async (q: Queryable, groupId: number) => {
    const g = await groupRepo.findById(q, groupId);
    if (!g) throw new AppError(404, 'group_not_found', { id: groupId });
    return g;
  };

  return {
    list: async (): Promise<StreamZoneView[]> => (await streamZoneRepo.list(deps.db)).map(toView),

    /** The zone of a group, or null when the group is not a stream zone. */
    async get(groupId: number): Promise<StreamZoneView | null> {
      const z = await streamZoneRepo.findByGroup(deps.db, groupId);
      return z ? toView(z) : null;
    },

    /** Makes the group a stream zone, or changes its settings (fields left out take their defaults). */
    async put(actor: Actor, groupId: number, input: StreamZoneSettings): Promise<StreamZoneView> {
      const out = await deps.db.transaction(async (tx) => {
        await group(tx, groupId);
        const other = await streamZoneRepo.findBySlug(tx, input.slug);
        if (other && other.group_id !== groupId) throw new AppError(409, 'stream_zone_slug_taken', { slug: input.slug });
        const before = await streamZoneRepo.findByGroup(tx, groupId);
        const settings = {
          slug: input.slug,
          bitrateKbps: input.bitrateKbps ?? 64,
          channels: input.channels ?? 1,
          volume: input.volume ?? 100,
          quietHours: input.quietHours ?? null,
          enabled: input.enabled ?? true,
        };
        await streamZoneRepo.upsert(tx, { groupId, ...settings, now: deps.clock() });
        await deps.audit.append(tx, actor, {
          action: before ? 'stream_zone.update' : 'stream_zone.create',
          target: `group:${groupId}`,
          summary: settings,
        });
        return toView((await streamZoneRepo.findByGroup(tx, groupId))!);
      });
      await deps.bus.emit('stream-zone.changed', { groupId });
      return out;
    },

    /** The group stops being a stream zone (its encoder stops); the group itself stays. */
    async remove(actor: Actor, groupId: number): Promise<void> {
      await deps.db.transaction(async (tx) => {
        await group(tx, groupId);
        const before = await streamZoneRepo.findByGroup(tx, groupId);
        if (!before) throw new AppError(404, 'group_not_stream_zone', { id: groupId });
        await streamZoneRepo.remove(tx, groupId);
        await deps.audit.append(tx, actor, { action: 'stream_zone.delete', target: `group:${groupId}`, summary: { slug: before.slug } });
      });
      await deps.bus.emit('stream-zone.changed', { groupId });
    },
  };
}
export type StreamZoneService = ReturnType<typeof createStreamZoneService>;
