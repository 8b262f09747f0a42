// SQL of citizens' reports (phản ánh) and their case workflow: idempotent intake on the kiosk's event id, the
// filtered case list, status changes guarded by the status they start from, the figures of the periodic report,
// and the erasure of phone numbers whose retention is over.
import type { Queryable } from '../db/sqlite';

export type CitizenReportRow = {
  id: number;
  event_id: string;
  device_id: number;
  category: string;
  platform: string | null;
  link: string | null;
  description: string;
  phone: string | null;
  consent_at: number | null;
  retain_until: number | null;
  created_at: number;
  received_at: number;
  status: string;
  outcome: string | null;
  forward_note: string | null;
  forwarded_at: number | null;
  closed_at: number | null;
  updated_at: number;
};
export type NewCitizenReport = Omit<
  CitizenReportRow,
  'id' | 'status' | 'outcome' | 'forward_note' | 'forwarded_at' | 'closed_at' | 'updated_at'
>;
export type CaseFilter = {
  status?: string;
  category?: string;
  deviceId?: number;
  from?: number;
  to?: number;
  /** Only cases that were ever forwarded to the ward police. */
  forwardedOnly: boolean;
  limit: number;
};
export type CasePatch = Pick<CitizenReportRow, 'status' | 'outcome' | 'forward_note' | 'forwarded_at' | 'closed_at' | 'updated_at'>;

const opt = <T>(v: T | undefined) => [v ?? null, v ?? null];

export const citizenReportRepo = {
  insertIgnore: async (q: Queryable, r: NewCitizenReport) =>
    (
      await q.run(
        // Only a repeated event id is skipped (the kiosk resending): any other broken row fails loudly.
        `INSERT INTO citizen_reports (event_id, device_id, category, platform, link, description, phone, consent_at,
           retain_until, created_at, received_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING`,
        [
          r.event_id,
          r.device_id,
          r.category,
          r.platform,
          r.link,
          r.description,
          r.phone,
          r.consent_at,
          r.retain_until,
          r.created_at,
          r.received_at,
          r.received_at,
        ],
      )
    ).changes > 0,

  list: (q: Queryable, f: CaseFilter) =>
    q.all<CitizenReportRow & { device_name: string | null }>(
      `SELECT r.*, d.name AS device_name FROM citizen_reports r LEFT JOIN devices d ON d.id = r.device_id
       WHERE (? IS NULL OR r.status = ?) AND (? IS NULL OR r.category = ?) AND (? IS NULL OR r.device_id = ?)
         AND (? IS NULL OR r.received_at >= ?) AND (? IS NULL OR r.received_at < ?) AND (? = 0 OR r.forwarded_at IS NOT NULL)
       ORDER BY r.received_at DESC, r.id DESC LIMIT ?`,
      [...opt(f.status), ...opt(f.category), ...opt(f.deviceId), ...opt(f.from), ...opt(f.to), f.forwardedOnly ? 1 : 0, f.limit],
    ),

  get: (q: Queryable, id: number) =>
    q.get<CitizenReportRow & { device_name: string | null }>(
      'SELECT r.*, d.name AS device_name FROM citizen_reports r LEFT JOIN devices d ON d.id = r.device_id WHERE r.id = ?',
      [id],
    ),

  /** Applies a status change only if the case is still in `from`; false when someone changed it first. */
  transition: async (q: Queryable, id: number, from: string, p: CasePatch) =>
    (
      await q.run(
        `UPDATE citizen_reports SET status = ?, outcome = ?, forward_note = ?, forwarded_at = ?, closed_at = ?, updated_at = ?
         WHERE id = ? AND status = ?`,
        [p.status, p.outcome, p.forward_note, p.forwarded_at, p.closed_at, p.updated_at, id, from],
      )
    ).changes > 0,

  countByCategory: (q: Queryable, from: number, to: number) =>
    q.all<{ key: string; n: number }>(
      'SELECT category AS key, COUNT(*) AS n FROM citizen_reports WHERE received_at >= ? AND received_at < ? GROUP BY category',
      [from, to],
    ),

  /** Cases closed within the period: their outcome and how long each took from receipt (ms). */
  closedIn: (q: Queryable, from: number, to: number) =>
    q.all<{ outcome: string; took: number }>(
      'SELECT outcome, closed_at - received_at AS took FROM citizen_reports WHERE closed_at >= ? AND closed_at < ? ORDER BY took',
      [from, to],
    ),

  /**
   * Phone numbers whose consented retention date has come, or that are older than the feedback retention
   * (feedback with its phone is deleted then): the same moments a feedback phone goes. The case itself stays.
   */
  erasePhonesDue: async (q: Queryable, now: number, createdBefore: number, limit: number) =>
    (
      await q.run(
        `UPDATE citizen_reports SET phone = NULL WHERE id IN (
           SELECT id FROM citizen_reports WHERE phone IS NOT NULL AND (retain_until IS NULL OR retain_until <= ? OR created_at < ?) LIMIT ?)`,
        [now, createdBefore, limit],
      )
    ).changes,
};
