// The live announcements on air now (phát trực tiếp): an input of the timeline compiler, like the relays in dead
// air. Each is a live item that cuts into its targets' programme from its start until it ends (or until the
// longest a broadcast may last); putting one on air or taking it off recompiles its loudspeakers and the zones.
import { liveSha256 } from '@bantin/protocol/core';
import type { AnnouncementInput } from '../../domain/schedule/index';
import type { EventBus } from '../event-bus';

/** The live feed id of an announcement (the live hub, the live socket, the zones' PCM). */
export const announcementFeedId = (id: number) => `announce:${id}`;

export type OnAirAnnouncement = {
  id: number;
  groupIds: number[];
  class: 'priority' | 'emergency';
  title: string;
  from: number;
  to: number;
  /** The loudspeakers (device ids) it reaches: recompiled when it starts and ends. */
  deviceIds: number[];
};

export function toAnnouncementInput(a: OnAirAnnouncement): AnnouncementInput {
  const feed = announcementFeedId(a.id);
  return {
    id: String(a.id),
    target: { deviceIds: [], groupIds: a.groupIds.map(String), kinds: ['speaker'] },
    from: a.from,
    to: a.to,
    class: a.class,
    item: {
      contentId: feed,
      versionId: feed,
      sha256: liveSha256(feed),
      kind: 'audio',
      durationMs: a.to - a.from,
      state: 'approved',
      validFrom: null,
      validTo: null,
      isAd: false,
      media: [],
      live: { id: feed, title: a.title },
    },
  };
}

export function createAnnouncementAir(bus: EventBus) {
  const onAir = new Map<number, OnAirAnnouncement>();
  let inputs: AnnouncementInput[] = [];
  const changed = async (a: OnAirAnnouncement) => {
    inputs = [...onAir.values()].map(toAnnouncementInput);
    await bus.emit('live.changed', { announcementId: a.id, deviceIds: a.deviceIds });
  };
  return {
    /** What the compiler takes. */
    inputs: (): readonly AnnouncementInput[] => inputs,
    list: (): OnAirAnnouncement[] => [...onAir.values()],
    get: (id: number) => onAir.get(id) ?? null,
    async put(a: OnAirAnnouncement) {
      onAir.set(a.id, a);
      await changed(a);
    },
    async remove(id: number) {
      const a = onAir.get(id);
      if (!a) return;
      onAir.delete(id);
      await changed(a);
    },
  };
}
export type AnnouncementAir = ReturnType<typeof createAnnouncementAir>;
