// SQL of the retention purge. Every delete takes at most `limit` rows, chosen through the time index of its
// table, so one call is one short transaction and the purge of a huge table never holds the write lock long.
// Nothing references plays, alert_acks, feedback or device_sessions by foreign key, so deleting them leaves
// no dangling row; the rows they reference (devices, alerts) stay.
import type { Queryable } from '../db/sqlite';

const changes = async (p: Promise<{ changes: number }>) => (await p).changes;

export const retentionRepo = {
  /** Proof of play that started before the cutoff. */
  deletePlaysBefore: (q: Queryable, cutoff: number, limit: number) =>
    changes(
      q.run('DELETE FROM plays WHERE rowid IN (SELECT rowid FROM plays INDEXED BY plays_time_cover WHERE started_at < ? LIMIT ?)', [
        cutoff,
        limit,
      ]),
    ),

  /** Devices' acknowledgements of emergency alerts (proof of delivery), received before the cutoff. */
  deleteAlertAcksBefore: (q: Queryable, cutoff: number, limit: number) =>
    changes(q.run('DELETE FROM alert_acks WHERE rowid IN (SELECT rowid FROM alert_acks WHERE acked_at < ? LIMIT ?)', [cutoff, limit])),

  /** Kiosk feedback (comment, rating and any phone number with it) given before the cutoff. */
  deleteFeedbackBefore: (q: Queryable, cutoff: number, limit: number) =>
    changes(q.run('DELETE FROM feedback WHERE rowid IN (SELECT rowid FROM feedback WHERE created_at < ? LIMIT ?)', [cutoff, limit])),

  /**
   * Phone numbers whose own consented retention date has come (the feedback row stays). A phone without a
   * retention date has no consent to be kept at all.
   */
  erasePhonesDue: (q: Queryable, now: number, limit: number) =>
    changes(
      q.run(
        `UPDATE feedback SET phone = NULL WHERE rowid IN (
           SELECT rowid FROM feedback WHERE phone IS NOT NULL AND (retain_until IS NULL OR retain_until <= ?) LIMIT ?)`,
        [now, limit],
      ),
    ),

  /** Connection intervals (phiên kết nối) that ended before the cutoff; open ones always stay. */
  deleteSessionsEndedBefore: (q: Queryable, cutoff: number, limit: number) =>
    changes(
      q.run('DELETE FROM device_sessions WHERE id IN (SELECT id FROM device_sessions WHERE disconnected_at < ? LIMIT ?)', [cutoff, limit]),
    ),
};
