// A tiny typed in-process event bus: services publish what changed, others (timeline service, realtime hub) react.
import { EventEmitter } from 'node:events';

export type BusEvents = {
  'content.changed': { contentId: number };
  'timeline.changed': { deviceId: number; version: string };
  'device.changed': { deviceId: number };
  'group.changed': { groupId: number };
  'schedule.changed': { scheduleId: number };
  'alert.changed': { alertId: number };
  'media.progress': { uploadId: string; stage: string; bytes?: number; fraction?: number };
};

export type EventBus = {
  emit<K extends keyof BusEvents>(event: K, payload: BusEvents[K]): void;
  on<K extends keyof BusEvents>(event: K, listener: (payload: BusEvents[K]) => void): () => void;
};

export function createEventBus(): EventBus {
  const ee = new EventEmitter();
  ee.setMaxListeners(100);
  return {
    emit: (event, payload) => void ee.emit(event, payload),
    on: (event, listener) => {
      ee.on(event, listener as (p: unknown) => void);
      return () => void ee.off(event, listener as (p: unknown) => void);
    },
  };
}
