// Keeps each stream zone's compiled timeline in memory and recompiles it on the changes that recompile its
// member speakers (schedules, content, playlists, groups, alerts, members' timelines) and on its own settings.
// Zones are few: every change recompiles them all, coalesced so a burst of events costs one compile.
import type { Db } from '../../db/sqlite';
import type { Logger } from '../../log';
import type { AnnouncementInput, CompileOptions } from '../../domain/schedule/index';
import type { DeviceTimeline } from '../../domain/schedule/protocol';
import { groupRepo } from '../../repos/group-repo';
import { streamZoneRepo, type StreamZoneRow } from '../../repos/stream-zone-repo';
import type { EventBus } from '../event-bus';
import { loadCompileInputs } from '../scheduling/timeline-input';
import type { ClockWindow } from '../../repos/json-column';
import { compileZone, zoneMembers, type ZoneCompileSpec } from './zone-timeline';

/** A timeline is refreshed this long before its horizon ends, so the feeder never runs off its end. */
const REFRESH_BEFORE_END_MS = 60 * 60_000;

export type ZoneTimelineDeps = {
  db: Db;
  clock: () => number;
  horizon: (now: number) => CompileOptions;
  bus: EventBus;
  log?: Logger;
  /** Relay entries in dead air now: their windows play the fallback. */
  offAir?: () => ReadonlySet<number>;
  /** Live announcements on air now: they cut into the zones of their groups. */
  announcements?: () => readonly AnnouncementInput[];
};

export function createZoneTimelineService(deps: ZoneTimelineDeps) {
  const timelines = new Map<number, DeviceTimeline>();
  /** Member device ids of each zone at the last compile (which members' timeline.changed concern a zone). */
  const members = new Map<number, Set<number>>();
  /** Titles of the playable content, for what a zone has on air. */
  let titles = new Map<number, string>();
  let running: Promise<void> | null = null;
  let again = false;

  const compileAll = async () => {
    const now = deps.clock();
    const zones = await streamZoneRepo.list(deps.db);
    // No zone, nothing to compile: most installations never load the inputs a second time for this.
    if (zones.length === 0) {
      timelines.clear();
      members.clear();
      return;
    }
    const inputs = await loadCompileInputs(deps.db, now, { offAir: deps.offAir?.(), announcements: deps.announcements?.() });
    const opts = deps.horizon(now);
    titles = new Map(inputs.versions.map((v) => [v.content_id, v.title]));
    const live = new Set<number>();
    for (const z of zones) {
      const g = await groupRepo.findById(deps.db, z.group_id);
      if (!g) continue;
      live.add(z.group_id);
      timelines.set(z.group_id, compileZone(inputs, spec(z, g.broadcast_slots), opts));
      members.set(z.group_id, new Set(zoneMembers(inputs, z.group_id).map(Number)));
    }
    for (const id of [...timelines.keys()]) if (!live.has(id)) {
        timelines.delete(id);
        members.delete(id);
      }
  };
  const spec = (z: StreamZoneRow, broadcastSlots: ClockWindow[] | null): ZoneCompileSpec => ({
    groupId: z.group_id,
    name: z.name,
    broadcastSlots,
    quietHours: z.quiet_hours,
  });

  /** Recompiles every zone; calls during a compile are folded into one more compile after it. */
  const recompile = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await compileAll();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  };
  const onChange = () => recompile().catch((err: unknown) => deps.log?.error('zone timeline recompile failed', { err }));

  deps.bus.on('stream-zone.changed', onChange);
  deps.bus.on('schedule.changed', onChange);
  deps.bus.on('live.changed', onChange);
  deps.bus.on('relay-source.changed', onChange);
  deps.bus.on('content.changed', onChange);
  deps.bus.on('playlist.changed', onChange);
  deps.bus.on('group.changed', onChange);
  deps.bus.on('device.changed', onChange);
  deps.bus.on('alert.changed', onChange);
  deps.bus.on('timeline.changed', ({ deviceId }) => {
    for (const set of members.values()) if (set.has(deviceId)) return onChange();
  });

  return {
    recompile,
    /** The zone's timeline, compiled on first use and refreshed before its horizon ends; null = not a zone. */
    async timeline(groupId: number): Promise<DeviceTimeline | null> {
      const tl = timelines.get(groupId);
      if (!tl || deps.clock() >= tl.to - REFRESH_BEFORE_END_MS) await recompile();
      return timelines.get(groupId) ?? null;
    },
    /** Member devices of the zone's group at the last compile. */
    members: (groupId: number): ReadonlySet<number> => members.get(groupId) ?? new Set(),
    title: (contentId: number): string | undefined => titles.get(contentId),
    /** The last compiled timeline without waiting (the feeder's hot path). */
    current: (groupId: number): DeviceTimeline | null => timelines.get(groupId) ?? null,
    /** Waits for a running compile (tests, shutdown). */
    settled: async () => {
      while (running) await running;
    },
  };
}
export type ZoneTimelineService = ReturnType<typeof createZoneTimelineService>;
