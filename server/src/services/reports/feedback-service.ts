// Kiosk feedback (Góp ý): idempotent intake with a per-device rate limit; a phone number is stored only with
// consent and a retention date (Luật Bảo vệ dữ liệu cá nhân 91/2025), and erased when that date passes.
import type { Db } from '../../db/sqlite';
import type { Feedback } from '@bantin/protocol';
import { createThrottle } from '../../domain/throttle';
import { feedbackRepo, type FeedbackRow } from '../../repos/feedback-repo';

const DAY_MS = 86_400_000;

export type FeedbackView = {
  eventId: string;
  deviceId: number;
  deviceName: string | null;
  rating: number;
  topic: string;
  comment: string | null;
  /** Present only for roles allowed to see personal data, and only until the retention date. */
  phone: string | null;
  hasPhone: boolean;
  retainUntil: string | null;
  createdAt: string;
};

export type FeedbackOutcome = { ok: true; stored: boolean } | { ok: false; code: 'rate_limited' | 'not_allowed'; retryAfterMs?: number };

const nfc = (s: string) => s.normalize('NFC').trim();

export function createFeedbackService(deps: { db: Db; clock: () => number; perMinute?: number }) {
  const throttle = createThrottle({ max: deps.perMinute ?? 30, windowMs: 60_000 });
  return {
    async ingest(device: { id: number; kind: string }, f: Feedback): Promise<FeedbackOutcome> {
      if (device.kind !== 'kiosk') return { ok: false, code: 'not_allowed' };
      const now = deps.clock();
      const key = String(device.id);
      const wait = throttle.retryAfter(key, now);
      if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };
      throttle.fail(key, now);
      // The schema already refuses a phone without consent; this is the second lock on the same door.
      const consent = f.phone !== undefined && f.consent?.given === true ? f.consent : null;
      const consentAt = consent ? Math.min(consent.at, now) : null;
      const row: FeedbackRow = {
        event_id: f.eventId.toLowerCase(),
        device_id: device.id,
        rating: f.rating,
        topic: nfc(f.topic).slice(0, 100),
        comment: f.comment ? nfc(f.comment).slice(0, 1000) || null : null,
        phone: consent ? f.phone!.replace(/[ .-]/g, '') : null,
        consent_at: consentAt,
        retain_until: consent ? consentAt! + consent.retentionDays * DAY_MS : null,
        created_at: Math.min(f.createdAt, now),
        received_at: now,
      };
      const stored = await feedbackRepo.insertIgnore(deps.db, row);
      return { ok: true, stored };
    },

    async list(filter: { deviceId?: number; from?: number; to?: number; limit: number }, showPhone: boolean): Promise<FeedbackView[]> {
      const now = deps.clock();
      return (await feedbackRepo.list(deps.db, filter)).map((r) => {
        const live = r.phone !== null && (r.retain_until ?? 0) > now;
        return {
          eventId: r.event_id,
          deviceId: r.device_id,
          deviceName: r.device_name,
          rating: r.rating,
          topic: r.topic,
          comment: r.comment,
          phone: live && showPhone ? r.phone : null,
          hasPhone: live,
          retainUntil: live && r.retain_until ? new Date(r.retain_until).toISOString() : null,
          createdAt: new Date(r.created_at).toISOString(),
        };
      });
    },

    /** Daily job: erase phone numbers past their retention date. */
    erasePhonesDue: () => feedbackRepo.erasePhonesDue(deps.db, deps.clock()),
  };
}
export type FeedbackService = ReturnType<typeof createFeedbackService>;
