// When each zone had at least one receiver connected, kept in memory for as long as an as-run span can
// last, so a span the encoder reports when it ends can be clipped to the time somebody was listening.

type Interval = { from: number; to: number | null };

/** Spans longer than this are not expected (one item, or a silence between slots); older intervals go. */
const KEEP_MS = 12 * 3_600_000;

export function createListenedTime() {
  const zones = new Map<number, Interval[]>();
  const prune = (list: Interval[], now: number) => {
    while (list.length && list[0]!.to !== null && list[0]!.to < now - KEEP_MS) list.shift();
  };
  return {
    /** The zone's first listener came. */
    started(zoneId: number, at: number) {
      const list = zones.get(zoneId) ?? [];
      zones.set(zoneId, list);
      prune(list, at);
      const last = list.at(-1);
      if (!last || last.to !== null) list.push({ from: at, to: null });
    },
    /** The zone's last listener left. */
    stopped(zoneId: number, at: number) {
      const last = zones.get(zoneId)?.at(-1);
      if (last && last.to === null) last.to = Math.max(at, last.from);
    },
    /** The parts of [from, to) during which the zone had a listener. */
    clip(zoneId: number, from: number, to: number): { from: number; to: number }[] {
      const out: { from: number; to: number }[] = [];
      for (const i of zones.get(zoneId) ?? []) {
        const a = Math.max(from, i.from);
        const b = Math.min(to, i.to ?? to);
        if (b > a) out.push({ from: a, to: b });
      }
      return out;
    },
  };
}
export type ListenedTime = ReturnType<typeof createListenedTime>;
