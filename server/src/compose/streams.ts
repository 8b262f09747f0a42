// Zone streams for main.ts, listener side: the fan-out of each zone's encoded audio to its IP receivers.
// The encoder (ZoneAudioSource) is given; until one runs, no zone streams and /stream/ answers 503.
import type { Base } from './base';
import type { ZoneAudioSource } from '../streams/source';
import { createZoneFanout } from '../streams/fanout/zone-fanout';

/** A source with no zone running. */
export const NO_ZONE_AUDIO: ZoneAudioSource = { subscribe: () => null, nowPlaying: () => '', format: () => null, hlsFile: () => null };

export function composeStreams({ bus }: Base, deps: { zoneAudio?: ZoneAudioSource }) {
  const zoneAudio = deps.zoneAudio ?? NO_ZONE_AUDIO;
  const fanout = createZoneFanout(zoneAudio);
  // A revoked, rotated or removed receiver's open stream ends at once.
  bus.on('device.access-lost', ({ deviceId }) => fanout.closeReceiver(deviceId));
  // A zone's encoder restarts or stops with its settings: its listeners reconnect to what runs now.
  bus.on('stream-zone.changed', ({ groupId }) => fanout.closeZone(groupId));
  return { zoneAudio, fanout };
}
