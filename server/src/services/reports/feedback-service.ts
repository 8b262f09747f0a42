// Kiosk feedback (Góp ý): idempotent intake with a per-device rate limit; a phone number is stored only with
// consent and a retention date (Luật Bảo vệ dữ liệu cá nhân 91/2025), and erased when that date passes.
import type { Db } from '../../db/sqlite';
import type { Feedback } from '@bantin/protocol';
import { consentedPhone, createKioskGate, phoneLive, type IntakeRefusal } from '../../domain/kiosk-intake';
import { feedbackRepo, type FeedbackRow } from '../../repos/feedback-repo';

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

export type FeedbackOutcome = { ok: true; stored: boolean } | IntakeRefusal;

const nfc = (s: string) => s.normalize('NFC').trim();

export function createFeedbackService(deps: { db: Db; clock: () => number; perMinute?: number }) {
  const admit = createKioskGate(deps.perMinute ?? 30);
  return {
    async ingest(device: { id: number; kind: string }, f: Feedback): Promise<FeedbackOutcome> {
      const now = deps.clock();
      const refused = admit(device, now);
      if (refused) return refused;
      const row: FeedbackRow = {
        event_id: f.eventId.toLowerCase(),
        device_id: device.id,
        rating: f.rating,
        topic: nfc(f.topic).slice(0, 100),
        comment: f.comment ? nfc(f.comment).slice(0, 1000) || null : null,
        ...consentedPhone(f, now),
        created_at: Math.min(f.createdAt, now),
        received_at: now,
      };
      const stored = await feedbackRepo.insertIgnore(deps.db, row);
      return { ok: true, stored };
    },

    async list(filter: { deviceId?: number; from?: number; to?: number; limit: number }, showPhone: boolean): Promise<FeedbackView[]> {
      const now = deps.clock();
      return (await feedbackRepo.list(deps.db, filter)).map((r) => {
        const live = phoneLive(r, now);
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
