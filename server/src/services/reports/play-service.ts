// Proof of play (bằng chứng phát): stores the players' batches idempotently and reads them back for reports.
import type { Db } from '../../db/sqlite';
import type { PlayRecord } from '@bantin/protocol';
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
};

/** Our ids are integers; a player may only echo what its timeline said, so anything else is kept as null. */
const intId = (s: string) => (/^\d{1,15}$/.test(s) ? Number(s) : null);

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
        let n = 0;
        for (const r of records) {
          const fresh = await playRepo.insertIgnore(tx, {
            event_id: r.eventId.toLowerCase(),
            device_id: deviceId,
            content_id: intId(r.contentId),
            version_id: intId(r.versionId),
            sha256: r.sha256,
            class: r.class,
            started_at: r.start,
            ended_at: r.end,
            result: r.result,
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
