// The rules every kiosk form message (feedback.v1, citizen-report.v1) goes through on arrival: only kiosks may
// send them, each kiosk at most so many a minute, and a phone number is kept only with consent and until its
// retention date (Luật Bảo vệ dữ liệu cá nhân 91/2025). Pure: the clock is a parameter.
import type { Consent } from '@bantin/protocol';
import { createThrottle } from './throttle';

const DAY_MS = 86_400_000;

export type IntakeRefusal = { ok: false; code: 'rate_limited' | 'not_allowed'; retryAfterMs?: number };

/** Admits one message from `device` at `now`, or says why not. Every admitted message counts. */
export function createKioskGate(perMinute: number) {
  const throttle = createThrottle({ max: perMinute, windowMs: 60_000 });
  return (device: { id: number; kind: string }, now: number): IntakeRefusal | null => {
    if (device.kind !== 'kiosk') return { ok: false, code: 'not_allowed' };
    const key = String(device.id);
    const wait = throttle.retryAfter(key, now);
    if (wait > 0) return { ok: false, code: 'rate_limited', retryAfterMs: wait };
    throttle.fail(key, now);
    return null;
  };
}

export type StoredPhone = { phone: string | null; consent_at: number | null; retain_until: number | null };

/** What is stored of a phone number: nothing without consent; with it, the digits, when and until when. */
export function consentedPhone(m: { phone?: string; consent?: Consent }, now: number): StoredPhone {
  // The schema already refuses a phone without consent; this is the second lock on the same door.
  const consent = m.phone !== undefined && m.consent?.given === true ? m.consent : null;
  if (!consent) return { phone: null, consent_at: null, retain_until: null };
  const at = Math.min(consent.at, now);
  return { phone: m.phone!.replace(/[ .-]/g, ''), consent_at: at, retain_until: at + consent.retentionDays * DAY_MS };
}

/** Is a stored phone number still within its retention date at `now`? */
export const phoneLive = (r: { phone: string | null; retain_until: number | null }, now: number) =>
  r.phone !== null && (r.retain_until ?? 0) > now;
