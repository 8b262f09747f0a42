// Rules of the kiosk feedback form (Góp ý). A phone number is optional and follows lib/phone-consent.ts.
import { validatePhone } from '../../lib/phone-consent';
import { FEEDBACK_TOPICS, strings } from '../../lib/strings';

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

export function emptyDraft(): FeedbackDraft {
  return { rating: null, topic: FEEDBACK_TOPICS[0], comment: '', phone: '', consent: false };
}

export function validateFeedback(d: FeedbackDraft, now: number): { ok: true; feedback: ValidFeedback } | { ok: false; error: string } {
  if (d.rating === null || !Number.isInteger(d.rating) || d.rating < 1 || d.rating > 5) return { ok: false, error: strings.chooseRatingVi };
  const topic = (FEEDBACK_TOPICS as readonly string[]).includes(d.topic) ? d.topic : 'khác';
  const feedback: ValidFeedback = { rating: d.rating, topic };
  const comment = d.comment.trim().slice(0, 1000);
  if (comment) feedback.comment = comment;
  const phone = validatePhone(d.phone, d.consent, now);
  if (!phone.ok) return phone;
  return { ok: true, feedback: { ...feedback, ...phone.value } };
}
