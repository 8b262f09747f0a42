// Citizens' reports (phản ánh) as cases of the culture–social office: idempotent intake from kiosks (kiosk
// gate and phone consent as for feedback), the case list, the workflow mới → đang xử lý → đã chuyển (công an
// phường, with a note) → đã đóng (with an outcome) where only the steps of CASE_TRANSITIONS exist, each change
// audited in the same transaction, and the case indicators of a period for the reports.
import {
  CASE_TRANSITIONS,
  can,
  type CaseOutcome,
  type CaseStatus,
  type CitizenReport,
  type ReportCategory,
  type ReportPlatform,
  type Role,
} from '@bantin/protocol/core';
import type { Db } from '../../db/sqlite';
import { consentedPhone, createKioskGate, phoneLive, type IntakeRefusal } from '../../domain/kiosk-intake';
import { citizenReportRepo, type CaseFilter, type CitizenReportRow } from '../../repos/citizen-report-repo';
import type { Actor, AuditService } from '../accounts/audit-service';
import { AppError } from '../app-error';
import { caseIndicators, type CaseIndicators } from './indicators';

export type { CaseIndicators } from './indicators';

export type CaseView = {
  id: number;
  eventId: string;
  deviceId: number;
  deviceName: string | null;
  category: ReportCategory;
  platform: ReportPlatform | null;
  /** As typed on the kiosk: text to read, never a link to follow. */
  link: string | null;
  description: string;
  /** Only until its retention date, and only to those who may read the case. */
  phone: string | null;
  retainUntil: string | null;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  forwardNote: string | null;
  createdAt: string;
  receivedAt: string;
  forwardedAt: string | null;
  closedAt: string | null;
};

export type CaseOutcomeResult = { ok: true; stored: boolean } | IntakeRefusal | { ok: false; code: 'invalid'; message: string };
export type Transition = { to: CaseStatus; note?: string; outcome?: CaseOutcome };
export type Reader = { roles: readonly Role[] };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const nfc = (s: string) => s.normalize('NFC').trim();
/** The police see only cases forwarded to them; reviewers and admins see all. */
const forwardedOnly = (r: Reader) => !can(r.roles, 'cases.read');

export function createCaseService(deps: { db: Db; clock: () => number; audit: AuditService; perMinute?: number }) {
  const admit = createKioskGate(deps.perMinute ?? 10);

  const view = (r: CitizenReportRow & { device_name: string | null }, now: number): CaseView => {
    const live = phoneLive(r, now);
    return {
      id: r.id,
      eventId: r.event_id,
      deviceId: r.device_id,
      deviceName: r.device_name,
      category: r.category as ReportCategory,
      platform: r.platform as ReportPlatform | null,
      link: r.link,
      description: r.description,
      phone: live ? r.phone : null,
      retainUntil: live ? iso(r.retain_until) : null,
      status: r.status as CaseStatus,
      outcome: r.outcome as CaseOutcome | null,
      forwardNote: r.forward_note,
      createdAt: iso(r.created_at)!,
      receivedAt: iso(r.received_at)!,
      forwardedAt: iso(r.forwarded_at),
      closedAt: iso(r.closed_at),
    };
  };

  async function readable(reader: Reader, id: number) {
    const row = await citizenReportRepo.get(deps.db, id);
    if (!row || (forwardedOnly(reader) && row.forwarded_at === null)) throw new AppError(404, 'case_not_found', { id });
    return row;
  }

  return {
    async ingest(device: { id: number; kind: string }, m: CitizenReport): Promise<CaseOutcomeResult> {
      const now = deps.clock();
      const refused = admit(device, now);
      if (refused) return refused;
      const description = nfc(m.description);
      if (!description) return { ok: false, code: 'invalid', message: 'Phản ánh cần có mô tả / a report needs a description' };
      const stored = await citizenReportRepo.insertIgnore(deps.db, {
        event_id: m.eventId.toLowerCase(),
        device_id: device.id,
        category: m.category,
        platform: m.platform ?? null,
        link: m.link?.trim() || null,
        description,
        ...consentedPhone(m, now),
        created_at: Math.min(m.createdAt, now),
        received_at: now,
      });
      return { ok: true, stored };
    },

    async list(reader: Reader, filter: Omit<CaseFilter, 'forwardedOnly'>): Promise<CaseView[]> {
      const now = deps.clock();
      return (await citizenReportRepo.list(deps.db, { ...filter, forwardedOnly: forwardedOnly(reader) })).map((r) => view(r, now));
    },

    async get(reader: Reader, id: number): Promise<CaseView> {
      return view(await readable(reader, id), deps.clock());
    },

    /** One step of the workflow; 409 for a step that does not exist from the case's status. */
    async transition(actor: Actor, id: number, t: Transition): Promise<CaseView> {
      return deps.db.transaction(async (tx) => {
        const row = await citizenReportRepo.get(tx, id);
        if (!row) throw new AppError(404, 'case_not_found', { id });
        const from = row.status as CaseStatus;
        if (!CASE_TRANSITIONS[from].includes(t.to)) {
          throw new AppError(
            409,
            'case_transition_not_allowed',
            {},
            { from, to: t.to, allowed: CASE_TRANSITIONS[from] },
            {
              from: { code: `case_status_${from}` },
              to: { code: `case_status_${t.to}` },
            },
          );
        }
        const note = t.note ? nfc(t.note) || undefined : undefined;
        if (t.to === 'forwarded' && !note) throw new AppError(400, 'case_note_required');
        if (t.to === 'closed' && !t.outcome) throw new AppError(400, 'case_outcome_required');
        if (t.to !== 'closed' && t.outcome) throw new AppError(400, 'case_outcome_only_on_close');
        const now = deps.clock();
        const changed = await citizenReportRepo.transition(tx, id, from, {
          status: t.to,
          outcome: t.to === 'closed' ? t.outcome! : null,
          forward_note: t.to === 'forwarded' ? note! : row.forward_note,
          forwarded_at: t.to === 'forwarded' ? now : row.forwarded_at,
          closed_at: t.to === 'closed' ? now : null,
          updated_at: now,
        });
        if (!changed) throw new AppError(409, 'case_changed');
        await deps.audit.append(tx, actor, {
          action: 'case.transition',
          target: `case:${id}`,
          summary: { from, to: t.to, ...(note ? { note } : {}), ...(t.outcome ? { outcome: t.outcome } : {}) },
        });
        return view((await citizenReportRepo.get(tx, id))!, now);
      });
    },

    /** The case indicators of [from, to): what the periodic and interaction reports show. */
    indicators: (period: { from: number; to: number }): Promise<CaseIndicators> => caseIndicators(deps.db, period),

    /** Daily job: erase phone numbers past their retention date (the purge also does it, with the feedback cutoff). */
    erasePhonesDue: () => citizenReportRepo.erasePhonesDue(deps.db, deps.clock(), 0, Number.MAX_SAFE_INTEGER),
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
