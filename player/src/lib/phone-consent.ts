// The one rule for an optional phone number on a kiosk form (Góp ý, Phản ánh): accepted ONLY with the explicit
// consent box ticked, which states the retention period (Law 91/2025 on personal data protection); without a
// number no consent is recorded, so no personal data is kept at all.
import { PHONE_RETENTION_DAYS, strings } from './strings';

export interface ConsentedPhone {
  phone?: string;
  consent?: { given: true; at: number; retentionDays: number };
}

const PHONE = /^\+?[0-9 .-]{8,20}$/;

export function validatePhone(
  raw: string,
  consent: boolean,
  now: number,
): { ok: true; value: ConsentedPhone } | { ok: false; error: string } {
  const phone = raw.trim();
  if (!phone) return { ok: true, value: {} };
  if (!PHONE.test(phone)) return { ok: false, error: strings.phoneInvalidVi };
  if (!consent) return { ok: false, error: strings.consentNeededVi };
  return { ok: true, value: { phone, consent: { given: true, at: Math.round(now), retentionDays: PHONE_RETENTION_DAYS } } };
}
