// The shapes the report API answers with (mapped from repo rows by the report service).
import type { RegionKind } from '@bantin/protocol/core';
import type { PeriodKind } from './period';
import type { CaseIndicators } from '../services/cases/indicators';

/** Plays and airtime of a set of plays, split by result. Durations in whole seconds. */
export type PlayStats = {
  plays: number;
  seconds: number;
  completed: number;
  completedSeconds: number;
  interrupted: number;
  interruptedSeconds: number;
  failed: number;
  failedSeconds: number;
  /** Distinct devices that played. */
  devices: number;
};

export type PlaysGroupBy = 'content' | 'device' | 'group' | 'day' | 'kind';
export type PlaysRow = PlayStats & {
  /** Stable id of the row: content:12, class:emergency, device:3, group:2, group:none, 2026-11-03, led. */
  key: string;
  label: string;
  /** Device kind (groupBy device or kind), content kind (groupBy content); otherwise null. */
  kind: string | null;
  residentialGroup: string | null;
  /** The layout regions its plays were shown in, in REGION_KINDS order (['main'] on screens without a layout). */
  regions: RegionKind[];
};

/** How reports mark a zone stream's entries, apart from what a player reported itself. */
export const AS_RUN_LABEL = 'phát thực tế (as-run)';
/** A zone stream's as-run airtime of one item, beside the players' plays; the zone is the place. */
export type AsRunSummary = {
  source: 'as-run';
  label: typeof AS_RUN_LABEL;
  zoneId: number;
  place: string;
  contentId: number | null;
  title: string;
  spans: number;
  seconds: number;
};

/** Why a live announcement ended (migration 0023); null while it is on air. */
export type LiveEndReason = 'stopped' | 'dropped' | 'max_duration' | 'server_stopped' | 'failed';
/**
 * A live announcement (phát trực tiếp): a staff member spoke from the dashboard to loudspeaker groups. It is
 * not reviewed beforehand, so proof of play and the periodic report list it for the office to check afterwards.
 */
export type LiveReportEntry = {
  id: number;
  startedAt: string;
  /** null: on air now (or left open by a crash until the next broadcast closes it). */
  endedAt: string | null;
  durationMs: number | null;
  class: 'priority' | 'emergency';
  title: string;
  /** The speaker's display name (users.display_name). */
  speaker: string;
  /** The chosen groups' names joined with ", " in the order chosen; a group with no row left is "#id". */
  groups: string;
  /** Web-player loudspeakers reached. */
  speakers: number;
  /** Stream zones reached. */
  zones: number;
  endReason: LiveEndReason | null;
  /** The MP3 exactly as it went out, in the content store (`/api/media/<sha256>`); null when none was kept. */
  recordingSha256: string | null;
};
/** Live announcements of a period: how many, their minutes on air (one decimal), by class, and the list. */
export type LiveSummary = {
  count: number;
  totalMinutes: number;
  byClass: { priority: number; emergency: number };
  items: LiveReportEntry[];
};

export type RangeInfo = { from: string; to: string; fromDate: string; toDate: string; tz: string };
export type PlaysReport = RangeInfo & {
  groupBy: PlaysGroupBy;
  /** The region filter applied: only the plays shown in this layout region; null = every region. */
  region: RegionKind | null;
  totals: PlayStats;
  rows: PlaysRow[];
  asRun: AsRunSummary[];
  /**
   * Live announcements that started in the range, by start. Loudspeakers have no ticker: like the as-run list,
   * they are there without a region filter or with region main, and empty for another region.
   */
  live: LiveReportEntry[];
};

export type UptimeRow = {
  deviceId: number;
  name: string;
  kind: string;
  residentialGroup: string | null;
  /** Connected seconds in the range (up to now). */
  onlineSeconds: number;
  /** Seconds of operating hours in the range (up to now, within the device's lifetime). */
  operatingSeconds: number;
  /** Connected seconds inside operating hours. */
  operatingOnlineSeconds: number;
  /** operatingOnlineSeconds / operatingSeconds, 0..1; null when there was no operating time. */
  share: number | null;
  lastSeenAt: string | null;
};
export type UptimeReport = RangeInfo & { rows: UptimeRow[] };

export type FeedbackStats = {
  count: number;
  /** Average rating 1–5 rounded to 2 decimals; null without feedback. */
  average: number | null;
  /** Count per rating: [1 star, 2, 3, 4, 5]. */
  ratings: [number, number, number, number, number];
};
export type FeedbackGroupBy = 'day' | 'week' | 'topic';
export type FeedbackComment = { createdAt: string; localTime: string; rating: number; topic: string; comment: string; device: string };
export type FeedbackReport = RangeInfo & {
  groupBy: FeedbackGroupBy;
  totals: FeedbackStats;
  series: (FeedbackStats & { key: string; label: string })[];
  topics: (FeedbackStats & { topic: string })[];
  comments: FeedbackComment[];
};

export type ChannelReach = {
  kind: string;
  label: string;
  /** Devices of this kind that existed during the period. */
  devices: number;
  /** Devices that played at least once. */
  activeDevices: number;
  plays: number;
  airtimeHours: number;
  residentialGroups: number;
  residentialGroupNames: string[];
};
export type Incident = {
  id: number;
  text: string;
  severity: string;
  source: string;
  issuedAt: string;
  startsAt: string;
  expiresAt: string;
  cancelledAt: string | null;
  issuedBy: string | null;
  acks: number;
  firstAckAt: string | null;
};
/**
 * One row of the interaction summary (tổng hợp tương tác): an indicator of the plan, in a group, with its
 * value for the period. Each row comes from a small provider (services/reports/interaction.ts).
 */
export type IndicatorRow = { key: string; group: string; label: string; value: number | null; unit: string };
/** A bar chart of the summary (drawn as SVG on the printable page, as bars of cells in the XLSX). */
export type IndicatorChart = { key: string; title: string; bars: { label: string; value: number }[] };
export type InteractionSummary = { rows: IndicatorRow[]; charts: IndicatorChart[] };

export type PeriodicReport = {
  period: {
    period: PeriodKind;
    year: number;
    index: number;
    label: string;
    labelEn: string;
    firstDay: string;
    lastDay: string;
    from: string;
    to: string;
    tz: string;
  };
  generatedAt: string;
  totals: PlayStats;
  channels: ChannelReach[];
  daily: { date: string; plays: number; seconds: number }[];
  topContent: PlaysRow[];
  feedback: { totals: FeedbackStats; topics: (FeedbackStats & { topic: string })[]; comments: FeedbackComment[] };
  incidents: { count: number; acknowledged: number; alerts: Incident[] };
  uptime: UptimeRow[];
  asRun: AsRunSummary[];
  interaction: InteractionSummary;
  quiz: QuizReport;
  /** Citizens' reports (phản ánh) received and cases closed in the period. */
  cases: CaseIndicators;
  /** Live announcements (phát trực tiếp) that started in the period. */
  live: LiveSummary;
};
export type CasesReport = { period: PeriodicReport['period'] } & CaseIndicators;

/**
 * The kiosk quiz ("Tìm hiểu Bộ Quy tắc") in a period: rounds played and finished, the average score (share of
 * right answers in finished rounds, 0–1) and the questions most often answered wrong.
 */
export type QuizIndicators = {
  roundsPlayed: number;
  roundsFinished: number;
  averageScore: number | null;
  weakest: { contentId: number; title: string; wrongShare: number; answers: number }[];
};
export type QuizReport = { total: QuizIndicators; byDevice: (QuizIndicators & { deviceId: number; deviceName: string | null })[] };

export type ArchiveEntry = {
  id: number;
  period: PeriodKind;
  year: number;
  index: number;
  label: string;
  from: string;
  to: string;
  size: number;
  sha256: string;
  trigger: 'manual' | 'schedule';
  generatedBy: string | null;
  generatedAt: string;
  /** Path of the download under /api. */
  url: string;
};
