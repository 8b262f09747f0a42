// SQL for kiosk feedback (Góp ý): idempotent on the kiosk's event id; phone numbers kept only until retain_until.
import type { Queryable } from '../db/sqlite';

export type FeedbackRow = {
  event_id: string;
  device_id: number;
  rating: number;
  topic: string;
  comment: string | null;
  phone: string | null;
  consent_at: number | null;
  retain_until: number | null;
  created_at: number;
  received_at: number;
};

export const feedbackRepo = {
  insertIgnore: async (q: Queryable, r: FeedbackRow) =>
    (
      await q.run(
        `INSERT OR IGNORE INTO feedback (event_id, device_id, rating, topic, comment, phone, consent_at, retain_until, created_at, received_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [r.event_id, r.device_id, r.rating, r.topic, r.comment, r.phone, r.consent_at, r.retain_until, r.created_at, r.received_at],
      )
    ).changes > 0,
  list: (q: Queryable, f: { deviceId?: number; from?: number; to?: number; limit: number }) =>
    q.all<FeedbackRow & { device_name: string | null }>(
      `SELECT f.*, d.name AS device_name FROM feedback f LEFT JOIN devices d ON d.id = f.device_id
       WHERE (? IS NULL OR f.device_id = ?) AND (? IS NULL OR f.created_at >= ?) AND (? IS NULL OR f.created_at < ?)
       ORDER BY f.created_at DESC, f.event_id LIMIT ?`,
      [f.deviceId ?? null, f.deviceId ?? null, f.from ?? null, f.from ?? null, f.to ?? null, f.to ?? null, f.limit],
    ),
  /** Erases phone numbers whose retention period is over (the rest of the feedback stays). */
  erasePhonesDue: async (q: Queryable, now: number) =>
    (await q.run('UPDATE feedback SET phone = NULL WHERE phone IS NOT NULL AND retain_until <= ?', [now])).changes,
};
