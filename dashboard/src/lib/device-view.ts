// One device as the dashboard shows it: the stored record joined with its live status from the feed.
// The feed is the truth for "online now"; without a live entry the device counts as offline and its
// last-seen time comes from the stored record.
import type { Device } from './devices-api';
import type { LiveDevice, LiveState } from './live-status';
import { cacheHealth, type CacheHealth } from './live-status';

export interface DeviceView {
  device: Device;
  online: boolean;
  lastSeenAt: number | null;
  nowPlaying: LiveDevice['nowPlaying'];
  cache: CacheHealth;
  cacheFiles: number;
  cacheMissing: number;
  /** IP receivers: their open stream connections. */
  stream: NonNullable<LiveDevice['stream']>;
}

export function deviceView(device: Device, live: LiveState): DeviceView {
  const l = live.devices[String(device.id)];
  const stored = device.lastSeenAt ? Date.parse(device.lastSeenAt) : null;
  const seen = [l?.lastSeenAt ?? null, Number.isNaN(stored) ? null : stored].filter((x): x is number => x !== null);
  return {
    device,
    online: l?.online ?? false,
    lastSeenAt: seen.length ? Math.max(...seen) : null,
    nowPlaying: l?.online ? l.nowPlaying : null,
    cache: cacheHealth(l),
    cacheFiles: l?.cache?.files ?? 0,
    cacheMissing: l?.cache?.missing ?? 0,
    stream: l?.online ? (l.stream ?? []) : [],
  };
}

/** Online, offline and playing-now counts for the overview. */
export function liveCounts(views: readonly DeviceView[]): { online: number; offline: number; playing: number } {
  const online = views.filter((v) => v.online).length;
  return { online, offline: views.length - online, playing: views.filter((v) => v.nowPlaying !== null).length };
}
