// A tiny typed in-process event bus: services publish what changed, others (timeline service, realtime hub)
// react. Listeners run synchronously in registration order; a throwing listener does not stop the others.
export type BusEvents = {
  /** Content, a version or its approval changed (content and review services). */
  'content.changed': { contentId: number };
  /** A device's stored timeline got a new version (the realtime hub pushes it). */
  'timeline.changed': { deviceId: number; version: string };
  'device.changed': { deviceId: number };
  'group.changed': { groupId: number };
  'schedule.changed': { scheduleId: number };
  'alert.changed': { alertId: number };
  'media.progress': { uploadId: string; stage: string; bytes?: number; fraction?: number };
};

export type EventBus = {
  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void;
  /** Subscribe; returns the function that unsubscribes. */
  on<K extends keyof BusEvents>(event: K, listener: (payload: BusEvents[K]) => void): () => void;
};

export function createEventBus(opts: { onError?: (event: string, err: unknown) => void } = {}): EventBus {
  const listeners = new Map<keyof BusEvents, Set<(p: never) => void>>();
  return {
    on(event, fn) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(fn as (p: never) => void);
      return () => void set.delete(fn as (p: never) => void);
    },
    emit(event, payload) {
      for (const fn of [...(listeners.get(event) ?? [])]) {
        try {
          (fn as (p: typeof payload) => void)(payload);
        } catch (err) {
          opts.onError?.(event, err);
        }
      }
    },
  };
}
