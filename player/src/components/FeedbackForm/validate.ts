// Rules of the kiosk feedback form (Góp ý). A phone number is optional and is accepted ONLY with the
// explicit consent box ticked, which states the retention period (Law 91/2025 on personal data protection);
// without a number no consent is recorded, so no personal data is kept at all.
import { FEEDBACK_TOPICS, PHONE_RETENTION_DAYS, strings } from '../../lib/strings';

export interface FeedbackDraft {
  rating: number | null;
  topic: string;
  comment: string;
  phone: string;
  consent: boolean;
}

export interface ValidFeedback {
  rating: number;
  topic: string;
  comment?: string;
  phone?: string;
  consent?: { given: true; at: number; retentionDays: number };
}

const PHONE = /^\+?[0-9 .-]{8,20}$/;

export function emptyDraft(): FeedbackDraft {
  return { rating: null, topic: FEEDBACK_TOPICS[0], comment: '', phone: '', consent: false };
}

export function validateFeedback(d: FeedbackDraft, now: number): { ok: true; feedback: ValidFeedback } | { ok: false; error: string } {
  if (d.rating === null || !Number.isInteger(d.rating) || d.rating < 1 || d.rating > 5) return { ok: false, error: strings.chooseRatingVi };
  const topic = (FEEDBACK_TOPICS as readonly string[]).includes(d.topic) ? d.topic : 'khác';
  const feedback: ValidFeedback = { rating: d.rating, topic };
  const comment = d.comment.trim().slice(0, 1000);
  if (comment) feedback.comment = comment;
  const phone = d.phone.trim();
  if (phone) {
    if (!PHONE.test(phone)) return { ok: false, error: strings.phoneInvalidVi };
    if (!d.consent) return { ok: false, error: strings.consentNeededVi };
    feedback.phone = phone;
    feedback.consent = { given: true, at: Math.round(now), retentionDays: PHONE_RETENTION_DAYS };
  }
  return { ok: true, feedback };
}
