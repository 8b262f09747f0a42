// The as-run log of the zone streams (phát thực tế): each span a zone's encoder reports is stored once for
// the zone, clipped to the time at least one of its receivers was connected, and read back beside the web
// players' proof of play, with the zone as the place.
import type { Db } from '../../db/sqlite';
import { asRunRepo, type AsRunRow, type AsRunSummaryRow } from '../../repos/as-run-repo';
import type { AsRunSpan } from '../../streams/source';
import type { ListenedTime } from '../../streams/fanout/listened-time';
import { AS_RUN_LABEL, type AsRunSummary } from '../../reports/types';


export type AsRunView = {
  source: 'as-run';
  label: typeof AS_RUN_LABEL;
  zoneId: number;
  place: string;
  contentId: number | null;
  title: string;
  reason: AsRunSpan['reason'];
  startedAt: string;
  endedAt: string;
};

const iso = (ms: number) => new Date(ms).toISOString();
export const toAsRunView = (r: AsRunRow): AsRunView => ({
  source: 'as-run', label: AS_RUN_LABEL, zoneId: r.zone_id, place: r.zone_name, contentId: r.content_id, title: r.title, reason: r.reason,
  startedAt: iso(r.started_at), endedAt: iso(r.ended_at),
});
export const toAsRunSummary = (r: AsRunSummaryRow): AsRunSummary => ({
  source: 'as-run', label: AS_RUN_LABEL, zoneId: r.zone_id, place: r.zone_name, contentId: r.content_id, title: r.title, spans: r.spans,
  seconds: Math.round(r.ms / 1000),
});

export function createAsRunService(deps: { db: Db; clock: () => number; listened: ListenedTime }) {
  return {
    /** Stores the listened parts of one span; returns how many were stored (0: nobody was listening). */
    async record(span: AsRunSpan): Promise<number> {
      let stored = 0;
      for (const part of deps.listened.clip(span.zoneId, span.startMs, span.endMs)) {
        if (await asRunRepo.insertIgnore(deps.db, { ...span, startMs: part.from, endMs: part.to }, deps.clock())) stored++;
      }
      return stored;
    },
    list: async (f: { contentId?: number; from?: number; to?: number; limit: number }) => (await asRunRepo.list(deps.db, f)).map(toAsRunView),
  };
}
export type AsRunService = ReturnType<typeof createAsRunService>;
