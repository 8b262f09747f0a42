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
  /** Screens online and black (đang nghỉ): outside their operating hours, or put to sleep. */
  sleeping: boolean;
}

/** The live status a device is shown with: sleeping screens apart from offline ones and from those playing. */
export type LiveStatus = 'online' | 'sleeping' | 'offline';

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
    sleeping: !!l?.online && l.sleeping === true && (device.kind === 'led' || device.kind === 'kiosk'),
  };
}

export function liveStatus(v: DeviceView): LiveStatus {
  return v.sleeping ? 'sleeping' : v.online ? 'online' : 'offline';
}

/** Screens online and sleeping now (they count as online too). */
export function sleepingCount(views: readonly DeviceView[]): number {
  return views.filter((v) => v.sleeping).length;
}

/** Online, offline and playing-now counts for the overview. */
export function liveCounts(views: readonly DeviceView[]): { online: number; offline: number; playing: number } {
  const online = views.filter((v) => v.online).length;
  return { online, offline: views.length - online, playing: views.filter((v) => v.nowPlaying !== null).length };
}

/** A screen's power override still in force at `now` (the server stores it until replaced), or null. */
export function activePowerOverride(device: Device, now: number): NonNullable<Device['powerOverride']> | null {
  const p = device.powerOverride;
  return p && Date.parse(p.until) > now ? p : null;
}

/** Screens only (LED, kiosk) can be woken or put to sleep. */
export const hasScreen = (device: Device) => device.kind === 'led' || device.kind === 'kiosk';
