// Proof of play (bằng chứng phát): stores the players' batches idempotently and reads them back for reports.
import type { Db } from '../../db/sqlite';
import type { PlayRecord } from '@bantin/protocol';
import { alertRepo } from '../../repos/alert-repo';
import { playRepo, type PlayFilter, type PlayRow } from '../../repos/play-repo';

export type PlayView = {
  eventId: string;
  deviceId: number;
  contentId: number | null;
  versionId: number | null;
  sha256: string | null;
  class: string;
  startedAt: string;
  endedAt: string;
  result: PlayRow['result'];
  region: PlayRow['region'];
};

/** Our ids are integers; a player may only echo what its timeline said, so anything else is kept as null. */
const intId = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : null);

/** The alert an emergency play belongs to: the compiler names its content `alert:<id>`. */
const alertIdOf = (r: PlayRecord) => {
  const m = /^alert:(\d{1,15})$/.exec(r.contentId);
  return m ? Number(m[1]) : null;
};

/**
 * A play of an ended alert counts only up to the end: one that started after it is dropped, one that ran
 * past it is cut there (a player may report a play that it closed only after the cancel reached it).
 */
function clipToAlertEnd(r: PlayRecord, endedAt: number | undefined): Pick<PlayRecord, 'end' | 'result'> | null {
  if (endedAt === undefined || r.end <= endedAt) return r;
  if (r.start >= endedAt) return null;
  return { end: endedAt, result: r.result === 'completed' ? 'interrupted' : r.result };
}

const toView = (r: PlayRow): PlayView => ({
  eventId: r.event_id,
  deviceId: r.device_id,
  contentId: r.content_id,
  versionId: r.version_id,
  sha256: r.sha256,
  class: r.class,
  startedAt: new Date(r.started_at).toISOString(),
  endedAt: new Date(r.ended_at).toISOString(),
  result: r.result,
  region: r.region,
});

export function createPlayService(deps: { db: Db; clock: () => number }) {
  return {
    /**
     * Stores a batch in one transaction; returns the event ids that are now durably stored (new or already
     * there), so the caller acknowledges only after the commit. Device-originated data: not audited.
     */
    async ingest(deviceId: number, records: readonly PlayRecord[]): Promise<{ eventIds: string[]; inserted: number }> {
      const now = deps.clock();
      const inserted = await deps.db.transaction(async (tx) => {
        const alertIds = [...new Set(records.map(alertIdOf).filter((id) => id !== null))];
        const ended = new Map((await alertRepo.endedAt(tx, alertIds)).map((a) => [a.id, a.cancelled_at]));
        let n = 0;
        for (const r of records) {
          const alertId = alertIdOf(r);
          const kept = clipToAlertEnd(r, alertId === null ? undefined : ended.get(alertId));
          if (!kept) continue; // acknowledged all the same: the player must not send it again
          const fresh = await playRepo.insertIgnore(tx, {
            event_id: r.eventId.toLowerCase(),
            device_id: deviceId,
            content_id: intId(r.contentId),
            version_id: intId(r.versionId),
            sha256: r.sha256,
            class: r.class,
            started_at: r.start,
            ended_at: kept.end,
            result: kept.result,
            region: r.region ?? 'main',
            received_at: now,
          });
          if (fresh) n++;
        }
        return n;
      });
      return { eventIds: records.map((r) => r.eventId), inserted };
    },

    async list(filter: PlayFilter): Promise<PlayView[]> {
      return (await playRepo.list(deps.db, filter)).map(toView);
    },
  };
}
export type PlayService = ReturnType<typeof createPlayService>;
