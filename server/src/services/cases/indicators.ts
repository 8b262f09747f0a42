// The case indicators of a period (chỉ số phản ánh): how many reports arrived, by category; how the cases
// closed in the period ended, by outcome; and the median time from receipt to closing. One function, so the
// reports screen, the periodic report and any other report read the very same figures.
import { CASE_OUTCOMES, REPORT_CATEGORIES, type CaseOutcome, type ReportCategory } from '@bantin/protocol/core';
import type { Queryable } from '../../db/sqlite';
import { citizenReportRepo } from '../../repos/citizen-report-repo';

export type CaseIndicators = {
  /** Reports received in the period. */
  received: number;
  byCategory: Record<ReportCategory, number>;
  /** Cases closed in the period, by outcome. */
  byOutcome: Record<CaseOutcome, number>;
  /** Median hours from receipt to closing of the cases closed in the period; null when none closed. */
  medianHoursToClose: number | null;
};

const HOUR_MS = 3_600_000;

export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The case indicators of [from, to) (epoch ms). */
export async function caseIndicators(q: Queryable, period: { from: number; to: number }): Promise<CaseIndicators> {
  const byCategory = Object.fromEntries(REPORT_CATEGORIES.map((c) => [c, 0])) as Record<ReportCategory, number>;
  for (const r of await citizenReportRepo.countByCategory(q, period.from, period.to)) byCategory[r.key as ReportCategory] = r.n;
  const byOutcome = Object.fromEntries(CASE_OUTCOMES.map((o) => [o, 0])) as Record<CaseOutcome, number>;
  const closed = await citizenReportRepo.closedIn(q, period.from, period.to);
  for (const r of closed) byOutcome[r.outcome as CaseOutcome] += 1;
  const m = median(closed.map((r) => r.took));
  return {
    received: Object.values(byCategory).reduce((a, b) => a + b, 0),
    byCategory,
    byOutcome,
    medianHoursToClose: m === null ? null : Math.round((m / HOUR_MS) * 10) / 10,
  };
}
