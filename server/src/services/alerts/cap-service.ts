// OASIS CAP 1.2 intake (POST /api/alerts/cap): status Actual with msgType Alert / Update / Cancel becomes an
// emergency alert; every other status is written to the audit log and not applied.
//
// Behaviour table (documented in protocol/README.md):
//   severity  Extreme → extreme, Severe → severe, Moderate → moderate, Minor / Unknown → minor
//   repeat    | urgency \ severity        | Extreme, Severe | Moderate | Minor, Unknown |
//             | Immediate                 | 5 min           | 15 min   | once           |
//             | Expected                  | 10 min          | 30 min   | once           |
//             | Future, Past, Unknown     | 30 min          | 60 min   | once           |
//   certainty Unlikely → once (no repeat), whatever the table says.
//   expiry    <info><expires>, else <sent> + 6 h; at most 7 days ahead.
//   target    every <area>: <areaDesc> matched to device group names (case-insensitive) and <geocode><value>
//             to device_groups.geocode; no <area> at all → every device; areas that match nothing → 422.
import type { Db } from '../../db/sqlite';
import type { AlertSeverity } from '@bantin/protocol';
import { alertRepo } from '../../repos/alert-repo';
import { AppError } from '../app-error';
import type { MessageCode } from '../../http/messages';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { AlertInput, AlertService } from './alert-service';
import { XmlError, childText, childrenNamed, localName, namespaceOf, parseXml, type XmlNode } from '../../domain/cap/cap-xml';

export const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';
export const CAP_MAX_BYTES = 256 * 1024;
const MAX_TTL_MS = 7 * 86_400_000;
const DEFAULT_TTL_MS = 6 * 3600_000;

export type CapMessage = {
  identifier: string;
  sender: string;
  sent: number;
  status: string;
  msgType: string;
  /** `sender,identifier` of each referenced message. */
  references: string[];
  info: {
    event: string;
    urgency: string;
    severity: string;
    certainty: string;
    text: string;
    expires: number | null;
    areas: { desc: string; geocodes: string[] }[];
  } | null;
};

export type CapOutcome =
  | { applied: false; status: string; msgType: string; identifier: string; reason: string }
  | { applied: true; action: 'start' | 'update' | 'cancel'; alertIds: number[]; identifier: string; duplicate?: boolean };

/**
 * A refusal (400 cap_invalid): `reason` in English for logs, and the reason's own message code with its facts,
 * which the answer tells in the caller's language (also given as `reasonCode`).
 */
const invalid = (reason: string, code: MessageCode, params: Record<string, string | number> = {}) =>
  new AppError(400, 'cap_invalid', { reason }, { reasonCode: code }, { reason: { code, params } });
const STATUSES = ['Actual', 'Exercise', 'System', 'Test', 'Draft'];
const MSG_TYPES = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'];

function parseTime(s: string | undefined, field: string): number | null {
  if (s === undefined || s === '') return null;
  const t = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d([.]\d+)?([+-]\d\d:\d\d|Z)$/.test(s) ? Date.parse(s) : NaN;
  if (Number.isNaN(t)) throw invalid(`<${field}> is not a CAP date-time: ${s.slice(0, 40)}`, 'cap_bad_time', { element: field, value: s.slice(0, 40) });
  return t;
}

function readInfo(infos: XmlNode[]): CapMessage['info'] {
  if (infos.length === 0) return null;
  const info = infos.find((n) => /^vi\b/i.test(childText(n, 'language') ?? '')) ?? infos[0]!;
  const need = (name: string) => {
    const v = childText(info, name);
    if (!v) throw invalid(`<info> needs <${name}>`, 'cap_missing_field', { parent: 'info', element: name });
    return v;
  };
  const parts = ['headline', 'description', 'instruction'].map((k) => childText(info, k)).filter((v): v is string => !!v);
  const event = need('event');
  return {
    event,
    urgency: need('urgency'),
    severity: need('severity'),
    certainty: need('certainty'),
    text: (parts.length ? parts.join('\n') : event).normalize('NFC').slice(0, 2000),
    expires: parseTime(childText(info, 'expires'), 'expires'),
    areas: childrenNamed(info, 'area').map((a) => ({
      desc: (childText(a, 'areaDesc') ?? '').normalize('NFC'),
      geocodes: childrenNamed(a, 'geocode').map((g) => childText(g, 'value') ?? '').filter(Boolean),
    })),
  };
}

/** Reads a CAP 1.2 document. Throws AppError 400 `cap_invalid` with the reason. */
export function readCap(xml: string): CapMessage {
  if (Buffer.byteLength(xml, 'utf8') > CAP_MAX_BYTES) throw new AppError(413, 'cap_too_large', { max: CAP_MAX_BYTES });
  let root: XmlNode;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) throw invalid(e.message, `cap_xml_${e.reason}`, e.params);
    throw e;
  }
  if (localName(root) !== 'alert' || namespaceOf(root) !== CAP_NS) throw invalid(`the root must be <alert xmlns="${CAP_NS}">`, 'cap_wrong_root', { ns: CAP_NS });
  const need = (name: string) => {
    const v = childText(root, name);
    if (!v) throw invalid(`<alert> needs <${name}>`, 'cap_missing_field', { parent: 'alert', element: name });
    return v;
  };
  const status = need('status');
  const msgType = need('msgType');
  const unknown = (element: string, value: string) => invalid(`unknown <${element}> ${value.slice(0, 20)}`, 'cap_unknown_value', { element, value: value.slice(0, 20) });
  if (!STATUSES.includes(status)) throw unknown('status', status);
  if (!MSG_TYPES.includes(msgType)) throw unknown('msgType', msgType);
  need('scope');
  const references = (childText(root, 'references') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((r) => r.split(',').slice(0, 2).join(','));
  return {
    identifier: need('identifier'),
    sender: need('sender'),
    sent: parseTime(need('sent'), 'sent')!,
    status,
    msgType,
    references,
    info: readInfo(childrenNamed(root, 'info')),
  };
}

const SEVERITY: Record<string, AlertSeverity> = { Extreme: 'extreme', Severe: 'severe', Moderate: 'moderate', Minor: 'minor' };

/** Repeat interval in minutes (0 = once) from urgency × severity × certainty; see the table above. */
export function repeatMinutes(urgency: string, severity: string, certainty: string): number {
  if (certainty === 'Unlikely') return 0;
  const row = urgency === 'Immediate' ? 0 : urgency === 'Expected' ? 1 : 2;
  if (severity === 'Extreme' || severity === 'Severe') return [5, 10, 30][row]!;
  if (severity === 'Moderate') return [15, 30, 60][row]!;
  return 0;
}

export function createCapService(deps: { db: Db; clock: () => number; audit: AuditService; alerts: AlertService }) {
  const toInput = async (m: CapMessage): Promise<AlertInput> => {
    const info = m.info;
    if (!info) throw invalid(`msgType ${m.msgType} needs an <info> block`, 'cap_needs_info', { msgType: m.msgType });
    const now = deps.clock();
    const expiresAt = Math.min(info.expires ?? m.sent + DEFAULT_TTL_MS, now + MAX_TTL_MS);
    if (expiresAt <= now) throw invalid('the alert has already expired', 'cap_expired');
    let target: AlertInput['target'] = { all: true, deviceIds: [], groupIds: [], kinds: [] };
    if (info.areas.length) {
      const groups = await alertRepo.groupsForArea(
        deps.db,
        info.areas.map((a) => a.desc).filter(Boolean),
        info.areas.flatMap((a) => a.geocodes),
      );
      if (!groups.length) throw new AppError(422, 'cap_no_area_match');
      target = { all: false, deviceIds: [], groupIds: groups.map((g) => g.id), kinds: [] };
    }
    return {
      text: info.text,
      target,
      severity: SEVERITY[info.severity] ?? 'minor',
      repeatMin: repeatMinutes(info.urgency, info.severity, info.certainty),
      expiresAt,
    };
  };

  return {
    async ingest(actor: Actor, xml: string): Promise<CapOutcome> {
      const m = readCap(xml);
      const key = `${m.sender},${m.identifier}`;
      const audit = { cap: key, status: m.status, msgType: m.msgType, event: m.info?.event ?? null };
      if (m.status !== 'Actual' || !['Alert', 'Update', 'Cancel'].includes(m.msgType)) {
        const reason = m.status !== 'Actual' ? `status ${m.status} is logged, not applied` : `msgType ${m.msgType} is logged, not applied`;
        await deps.db.transaction((tx) => deps.audit.append(tx, actor, { action: 'alert.cap_ignored', target: `cap:${key}`, summary: { ...audit, reason } }));
        return { applied: false, status: m.status, msgType: m.msgType, identifier: m.identifier, reason };
      }
      if (m.msgType === 'Alert') {
        const existing = await alertRepo.findByCapIdentifier(deps.db, key);
        if (existing) return { applied: true, action: 'start', alertIds: [existing.id], identifier: m.identifier, duplicate: true };
        const alert = await deps.alerts.issue(actor, await toInput(m), { source: 'cap', capIdentifier: key, audit });
        return { applied: true, action: 'start', alertIds: [alert.id], identifier: m.identifier };
      }
      const refs = (await Promise.all(m.references.map((r) => alertRepo.findByCapIdentifier(deps.db, r)))).filter((r) => r !== undefined);
      const now = deps.clock();
      const open = refs.filter((r) => r.cancelled_at === null && r.expires_at > now);
      if (m.msgType === 'Cancel') {
        if (!refs.length) throw new AppError(404, 'cap_reference_not_found', { references: m.references.join(' ') || '—' });
        for (const r of open) await deps.alerts.cancel(actor, r.id, audit);
        return { applied: true, action: 'cancel', alertIds: open.map((r) => r.id), identifier: m.identifier };
      }
      const input = await toInput(m);
      if (!open.length) {
        // An update of something we never saw (or that already ended) is still a live warning: issue it.
        const alert = await deps.alerts.issue(actor, input, { source: 'cap', capIdentifier: key, audit });
        return { applied: true, action: 'start', alertIds: [alert.id], identifier: m.identifier };
      }
      for (const r of open) await deps.alerts.update(actor, r.id, input, audit);
      return { applied: true, action: 'update', alertIds: open.map((r) => r.id), identifier: m.identifier };
    },
  };
}
export type CapService = ReturnType<typeof createCapService>;
