// Dead-air incidents of relays (mất tín hiệu tiếp âm) as the API shows them: the outages that started in a
// range or are still open, named by their schedule entry and source.
import type { Db } from '../../db/sqlite';
import { relayRepo } from '../../repos/relay-repo';

export type RelayIncidentView = {
  id: number;
  scheduleId: number;
  scheduleName: string;
  sourceId: number;
  sourceName: string;
  reason: 'source_failed' | 'silence';
  detail: string | null;
  startedAt: string;
  endedAt: string | null;
};

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

export async function listRelayIncidents(db: Db, from: number, to: number): Promise<RelayIncidentView[]> {
  return (await relayRepo.incidents(db, from, to)).map((r) => ({
    id: r.id,
    scheduleId: r.schedule_id,
    scheduleName: r.schedule_name,
    sourceId: r.relay_source_id,
    sourceName: r.source_name,
    reason: r.reason,
    detail: r.detail,
    startedAt: iso(r.started_at)!,
    endedAt: iso(r.ended_at),
  }));
}
