// Repo rows → report API shapes: seconds instead of ms, labels in Vietnamese, ISO instants.
import type { ContentPlayRow, DevicePlayRow, FeedbackAgg, GroupPlayRow, KindPlayRow, DayPlayRow, PlayAgg, CommentRow, AlertRow, LiveAnnouncementRow } from '../repos/report-repo';
import type { ZoneCalendar } from '../domain/schedule/zone';
import { REGION_KINDS, type RegionKind } from '@bantin/protocol/core';
import { formatDay, localDateTime } from './period';
import { NO_GROUP_LABEL, UNKNOWN_CONTENT_LABEL, classLabel, kindLabel, maskPhones } from './text';
import type { FeedbackComment, FeedbackStats, Incident, LiveReportEntry, LiveSummary, PlayStats, PlaysRow } from './types';

const sec = (ms: number) => Math.round(ms / 1000);
export const iso = (ms: number) => new Date(ms).toISOString();
export const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));

export function playStats(a: PlayAgg): PlayStats {
  return {
    plays: a.plays,
    seconds: sec(a.ms),
    completed: a.completed,
    completedSeconds: sec(a.completed_ms),
    interrupted: a.interrupted,
    interruptedSeconds: sec(a.interrupted_ms),
    failed: a.failed,
    failedSeconds: sec(a.failed_ms),
    devices: a.devices,
  };
}

/** The regions of a group of plays (SQL group_concat, in no set order) in REGION_KINDS order. */
export function regionsOf(concat: string | null): RegionKind[] {
  const seen = new Set((concat ?? '').split(','));
  return REGION_KINDS.filter((k) => seen.has(k));
}

const row = (a: PlayAgg, key: string, label: string, kind: string | null = null, residentialGroup: string | null = null): PlaysRow => ({
  key,
  label,
  kind,
  residentialGroup,
  regions: regionsOf(a.regions),
  ...playStats(a),
});

export const contentRow = (r: ContentPlayRow) =>
  r.content_id === null
    ? row(r, `class:${r.class}`, classLabel(r.class ?? ''))
    : row(r, `content:${r.content_id}`, r.title ?? `${UNKNOWN_CONTENT_LABEL} #${r.content_id}`, r.content_kind);
export const deviceRow = (r: DevicePlayRow) => row(r, `device:${r.device_id}`, r.name, r.kind, r.residential_group);
export const groupRow = (r: GroupPlayRow) =>
  r.group_id === null ? row(r, 'group:none', NO_GROUP_LABEL) : row(r, `group:${r.group_id}`, r.group_name ?? '');
export const kindRow = (r: KindPlayRow) => row(r, r.kind, kindLabel(r.kind), r.kind);
export const dayRow = (r: DayPlayRow) => row(r, formatDay(r.day), formatDay(r.day));

export function feedbackStats(a: FeedbackAgg): FeedbackStats {
  return {
    count: a.count,
    average: a.average === null ? null : Math.round(a.average * 100) / 100,
    ratings: [a.r1, a.r2, a.r3, a.r4, a.r5],
  };
}

export const commentOf = (cal: ZoneCalendar, r: CommentRow): FeedbackComment => ({
  createdAt: iso(r.created_at),
  localTime: localDateTime(cal, r.created_at),
  rating: r.rating,
  topic: r.topic,
  comment: maskPhones(r.comment),
  device: r.device_name,
});

export const incidentOf = (r: AlertRow): Incident => ({
  id: r.id,
  text: r.text,
  severity: r.severity,
  source: r.source,
  issuedAt: iso(r.created_at),
  startsAt: iso(r.starts_at),
  expiresAt: iso(r.expires_at),
  cancelledAt: isoOrNull(r.cancelled_at),
  issuedBy: r.issued_by_name,
  acks: r.acks,
  firstAckAt: isoOrNull(r.first_ack_at),
});

/** The group ids of a live announcement as chosen (a JSON array); anything that is not an integer id is left out. */
export function liveGroupIds(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is number => Number.isSafeInteger(x)) : [];
  } catch {
    return [];
  }
}

/** A live announcement row, with the names of its groups (`names`: id → name; an id not there shows as "#id"). */
export const liveEntry = (r: LiveAnnouncementRow, names: ReadonlyMap<number, string>): LiveReportEntry => ({
  id: r.id,
  startedAt: iso(r.started_at),
  endedAt: isoOrNull(r.ended_at),
  durationMs: r.duration_ms,
  class: r.class,
  title: r.title,
  speaker: r.speaker_name ?? `#${r.user_id}`,
  groups: liveGroupIds(r.group_ids)
    .map((id) => names.get(id) ?? `#${id}`)
    .join(', '),
  speakers: r.speakers,
  zones: r.zones,
  endReason: r.end_reason,
  recordingSha256: r.recording_sha256,
});

/** Count, minutes on air (one decimal; a broadcast still on air adds nothing yet) and count by class. */
export function liveSummary(items: LiveReportEntry[]): LiveSummary {
  const ms = items.reduce((a, x) => a + (x.durationMs ?? 0), 0);
  return {
    count: items.length,
    totalMinutes: Math.round((ms / 60_000) * 10) / 10,
    byClass: { priority: items.filter((x) => x.class === 'priority').length, emergency: items.filter((x) => x.class === 'emergency').length },
    items,
  };
}
