// Zone streams for main.ts, listener side: the fan-out of each zone's encoded audio to its IP receivers.
// The encoder (ZoneAudioSource) is given; until one runs, no zone streams and /stream/ answers 503.
import type { Base } from './base';
import type { ZoneAudioSource } from '../streams/source';
import { createZoneFanout, type ZoneFanout } from '../streams/fanout/zone-fanout';
import { createListenedTime } from '../streams/fanout/listened-time';
import { createAsRunService } from '../services/reports/as-run-service';

/** A source with no zone running. */
export const NO_ZONE_AUDIO: ZoneAudioSource = { subscribe: () => null, nowPlaying: () => '', format: () => null, hlsFile: () => null };

export function composeStreams({ bus, clock, log, db }: Base, deps: { zoneAudio?: ZoneAudioSource }) {
  const zoneAudio = deps.zoneAudio ?? NO_ZONE_AUDIO;
  // A receiver's presence is the list of its open connections, reported one change at a time and in order
  // (each report reads the list as it is then), so a quick connect–disconnect never ends up "online".
  let reports = Promise.resolve();
  const report = (receiverId: number) => {
    reports = reports
      .then(() => bus.emit('receiver.streams', { deviceId: receiverId, connections: fanout.connectionsOf(receiverId), at: clock() }))
      .catch((err: unknown) => log.error('receiver presence failed', { err }));
  };
  // As-run spans count only while a zone has a listener: its first one starts the listened time, its last ends it.
  const listened = createListenedTime();
  const asRun = createAsRunService({ db, clock, listened });
  const fanout: ZoneFanout = createZoneFanout(zoneAudio, {
    onJoin: (zone, l) => {
      if (fanout.listenerCount(zone) === 1) listened.started(zone, clock());
      report(l.receiverId);
    },
    onLeave: (zone, l) => {
      if (fanout.listenerCount(zone) === 0) listened.stopped(zone, clock());
      report(l.receiverId);
    },
  });
  bus.on('stream.as-run', (span) => asRun.record(span));
  // A revoked, rotated or removed receiver's open stream ends at once.
  bus.on('device.access-lost', ({ deviceId }) => fanout.closeReceiver(deviceId));
  // A zone's encoder restarts or stops with its settings: its listeners reconnect to what runs now.
  bus.on('stream-zone.changed', ({ groupId }) => fanout.closeZone(groupId));
  /** Resolves when every presence report made so far is stored (tests, shutdown). */
  const settled = () => reports;
  return { zoneAudio, fanout, asRun, streamReportsSettled: settled };
}
