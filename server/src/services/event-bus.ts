// The one in-process change channel: a service emits an event right after the change is committed, and the
// parts it concerns listen — the timeline service recompiles, the realtime hub pushes to devices and tells
// dashboards. emit() calls every listener at once, in registration order, and resolves when the async ones
// have finished, so a caller that awaits it sees their work done. A failing listener is reported to
// `onError` and never undoes the committed change or stops the other listeners.
import type { AlertMessage, Command, DeviceTimeline, StreamConnection } from '@bantin/protocol';
import type { AsRunSpan } from '../streams/source';

/** An audience as stored before an edit (schedules), so the devices it reached before are recompiled too. */
export type StoredTarget = { deviceIds?: number[]; groupIds?: number[]; kinds?: ('led' | 'kiosk' | 'speaker')[] };

export type BusEvents = {
  /** Content, a version or its approval changed (content and review services). */
  'content.changed': { contentId: number };
  /** A device was created, edited, deleted or paired as new (device and pairing services). */
  'device.changed': { deviceId: number };
  /** A device's token stopped being valid (revoked, device deleted): its open connection is closed. */
  'device.access-lost': { deviceId: number };
  /** A staff command for a device; the listener that delivers it to the device's socket sets `sent`. */
  'device.command': { deviceId: number; commandId: string; command: Command; sent: boolean };
  /** A group's name, slots or members changed; `deviceIds` are the members before and after. */
  'group.changed': { groupId: number; deviceIds: number[] };
  'playlist.changed': { playlistId: number };
  'schedule.changed': { scheduleId: number; beforeTarget?: StoredTarget };
  /** A relay source was changed, approved, rejected or deleted: relays of it are compiled and pulled afresh. */
  'relay-source.changed': { sourceId: number };
  /** A relay went into dead air (`open`, with why) or came back on air (relay engine). */
  'relay.incident': { scheduleId: number; sourceId: number; reason: 'source_failed' | 'silence' | null; at: number; open: boolean };
  /** A live announcement went on air or ended; `deviceIds` are the loudspeakers it reaches. */
  'live.changed': { announcementId: number; deviceIds: number[] };
  /** An alert started, changed or ended, with the devices it reaches (alert service). */
  'alert.changed': { action: AlertMessage['action']; message: AlertMessage; deviceIds: number[] };
  /** A device acknowledged an alert for the first time. */
  'alert.acked': { alertId: number; deviceId: number; at: number };
  /** A layout's approved version or an assignment changed; `deviceIds` are the screens it may concern. */
  'layout.changed': { layoutId: number | null; deviceIds: number[] };
  /** A stream zone was created, edited or removed (its encoder restarts or stops). */
  'stream-zone.changed': { groupId: number };
  /** An IP receiver's open stream connections changed (none left: it is offline). */
  'receiver.streams': { deviceId: number; connections: StreamConnection[]; at: number };
  /** A zone's encoder finished one as-run span (what went out, when, why). */
  'stream.as-run': AsRunSpan;
  /** A device's stored timeline got a new version (timeline service). */
  'timeline.changed': { deviceId: number; version: string; timeline: DeviceTimeline };
};

/** A listener may return a promise; emit() waits for it. */
export type BusListener<K extends keyof BusEvents> = (payload: BusEvents[K]) => unknown;

export type EventBus = {
  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): Promise<void>;
  /** Subscribe; returns the function that unsubscribes. */
  on<K extends keyof BusEvents>(event: K, listener: BusListener<K>): () => void;
};

const isThenable = (v: unknown): v is PromiseLike<unknown> => typeof (v as { then?: unknown } | null)?.then === 'function';

export function createEventBus(opts: { onError?: (event: string, err: unknown) => void } = {}): EventBus {
  const listeners = new Map<keyof BusEvents, Set<(p: never) => unknown>>();
  const fail = (event: string, err: unknown) => opts.onError?.(event, err);
  return {
    on(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn as (p: never) => unknown);
      return () => void set.delete(fn as (p: never) => unknown);
    },
    async emit(event, payload) {
      const pending: Promise<unknown>[] = [];
      for (const fn of [...(listeners.get(event) ?? [])]) {
        try {
          const out = (fn as BusListener<typeof event>)(payload);
          if (isThenable(out)) pending.push(Promise.resolve(out).catch((err: unknown) => fail(event, err)));
        } catch (err) {
          fail(event, err);
        }
      }
      await Promise.all(pending);
    },
  };
}
