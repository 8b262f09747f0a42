// Which relays are in dead air now (mất tín hiệu): an input of the timeline compiler, so a relay whose source
// failed or fell silent is left out of its window and the fallback plays there, on speakers and stream zones
// alike; when the relay resumes its window plays it again. Changing it recompiles the entry's targets.
import type { EventBus } from '../event-bus';

export function createRelayAir(bus: EventBus) {
  const off = new Set<number>();
  const set = async (scheduleId: number, offAir: boolean) => {
    if (off.has(scheduleId) === offAir) return;
    if (offAir) off.add(scheduleId);
    else off.delete(scheduleId);
    await bus.emit('schedule.changed', { scheduleId });
  };
  return {
    /** The relay entries (schedule ids) in dead air now. */
    offAir: (): ReadonlySet<number> => off,
    /** Dead air: the relay's targets fall back until it resumes. */
    down: (scheduleId: number) => set(scheduleId, true),
    /** On air again (or its window closed: nothing to fall back from). */
    up: (scheduleId: number) => set(scheduleId, false),
  };
}
export type RelayAir = ReturnType<typeof createRelayAir>;
