// Citizens' reports (phản ánh) of Code of Conduct violations and false news, filed on a kiosk, and the case
// workflow the culture–social office runs on them. Pure names, limits and the one table of allowed status
// changes: the server enforces it, the dashboard reads it to offer only the steps that exist.

/** What is reported: tin giả, xúc phạm, lừa đảo, nội dung có hại cho trẻ em, khác. */
export const REPORT_CATEGORIES = ['false_news', 'insult', 'scam', 'child_harm', 'other'] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** Where it was seen, when the citizen picks from the list instead of typing a link. */
export const REPORT_PLATFORMS = ['facebook', 'zalo', 'tiktok', 'youtube', 'website', 'offline', 'other'] as const;
export type ReportPlatform = (typeof REPORT_PLATFORMS)[number];

export const REPORT_DESCRIPTION_MAX = 1000;
export const REPORT_LINK_MAX = 400;
/**
 * A link typed in: http(s), no spaces, quotes, angle brackets or control characters. It is stored and shown
 * as text only and never followed by the server or made clickable.
 */
export const REPORT_LINK_PATTERN = /^https?:\/\/[^\s"'<>\\\p{Cc}]{1,390}$/iu;

/** mới → đang xử lý → đã chuyển (công an phường) → đã đóng. */
export const CASE_STATUSES = ['new', 'handling', 'forwarded', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** xác minh đúng, xác minh sai, đã gỡ, chuyển cơ quan khác, không xử lý được. */
export const CASE_OUTCOMES = ['verified_true', 'verified_false', 'removed', 'referred_elsewhere', 'unresolved'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** The allowed status changes. Forwarding needs a note, closing an outcome. */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['handling'],
  handling: ['forwarded', 'closed'],
  forwarded: ['closed'],
  closed: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}
