// SQL for proof of play (bằng chứng phát): one row per play event, idempotent on the player's event id.
import type { RegionKind } from '@bantin/protocol/core';
import type { Queryable } from '../db/sqlite';

export type PlayRow = {
  event_id: string;
  device_id: number;
  content_id: number | null;
  version_id: number | null;
  sha256: string | null;
  class: string;
  started_at: number;
  ended_at: number;
  result: 'completed' | 'interrupted' | 'failed';
  /** The layout region it was shown in (main when the player sent none). */
  region: RegionKind;
  received_at: number;
};

export type PlayFilter = { deviceId?: number; contentId?: number; region?: RegionKind; from?: number; to?: number; limit: number };

export const playRepo = {
  /** true when the row is new; a repeated event id is ignored (a batch sent twice counts once). */
  insertIgnore: async (q: Queryable, r: PlayRow) =>
    (
      await q.run(
        `INSERT OR IGNORE INTO plays (event_id, device_id, content_id, version_id, sha256, class, started_at, ended_at, result, region, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.event_id, r.device_id, r.content_id, r.version_id, r.sha256, r.class, r.started_at, r.ended_at, r.result, r.region, r.received_at],
      )
    ).changes > 0,
  /** The device that first reported each of these event ids. */
  ownersOf: (q: Queryable, eventIds: readonly string[]) =>
    eventIds.length === 0
      ? Promise.resolve([] as { event_id: string; device_id: number }[])
      : q.all<{ event_id: string; device_id: number }>(
          `SELECT event_id, device_id FROM plays WHERE event_id IN (${eventIds.map(() => '?').join(',')})`,
          eventIds,
        ),
  list: (q: Queryable, f: PlayFilter) =>
    q.all<PlayRow>(
      `SELECT * FROM plays WHERE (? IS NULL OR device_id = ?) AND (? IS NULL OR content_id = ?) AND (? IS NULL OR region = ?)
         AND (? IS NULL OR started_at >= ?) AND (? IS NULL OR started_at < ?)
       ORDER BY started_at DESC, event_id LIMIT ?`,
      [f.deviceId ?? null, f.deviceId ?? null, f.contentId ?? null, f.contentId ?? null, f.region ?? null, f.region ?? null,
        f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null, f.limit],
    ),
};
