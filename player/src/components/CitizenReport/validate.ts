// Rules of the kiosk report form (Phản ánh): a category, where it was seen (a platform from the list and/or a
// link typed in, checked and kept as text), a required description of bounded length, and an optional phone
// number under the same consent rule as feedback (lib/phone-consent.ts). Nothing else about the person.
import {
  REPORT_CATEGORIES,
  REPORT_DESCRIPTION_MAX,
  REPORT_LINK_PATTERN,
  REPORT_PLATFORMS,
  type CitizenReport,
  type ReportCategory,
  type ReportPlatform,
} from '@bantin/protocol/core';
import { validatePhone } from '../../lib/phone-consent';
import { strings } from '../../lib/strings';

export interface ReportDraft {
  category: ReportCategory | null;
  platform: ReportPlatform | null;
  link: string;
  description: string;
  phone: string;
  consent: boolean;
}

export type ValidReport = Omit<CitizenReport, 'type' | 'eventId' | 'createdAt'>;

export function emptyReport(): ReportDraft {
  return { category: null, platform: null, link: '', description: '', phone: '', consent: false };
}

export function validateReport(d: ReportDraft, now: number): { ok: true; report: ValidReport } | { ok: false; error: string } {
  if (!d.category || !REPORT_CATEGORIES.includes(d.category)) return { ok: false, error: strings.reportNeedCategoryVi };
  const platform = d.platform && REPORT_PLATFORMS.includes(d.platform) ? d.platform : null;
  const link = d.link.trim();
  if (link && !REPORT_LINK_PATTERN.test(link)) return { ok: false, error: strings.reportLinkInvalidVi };
  if (!platform && !link) return { ok: false, error: strings.reportNeedWhereVi };
  const description = d.description.normalize('NFC').trim().slice(0, REPORT_DESCRIPTION_MAX);
  if (!description) return { ok: false, error: strings.reportNeedDescriptionVi };
  const phone = validatePhone(d.phone, d.consent, now);
  if (!phone.ok) return phone;
  return {
    ok: true,
    report: { category: d.category, ...(platform ? { platform } : {}), ...(link ? { link } : {}), description, ...phone.value },
  };
}
