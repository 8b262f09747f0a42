// Reports (báo cáo): proof of play, device uptime, kiosk feedback, the kiosk quiz and the periodic report for the culture–social
// office, plus the archive of generated XLSX files. Reads only; generating a report is audited.
import fs from 'node:fs';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import type { RegionKind } from '@bantin/protocol/core';
import type { Db } from '../../db/sqlite';
import { reportRepo, type ArchiveRow } from '../../repos/report-repo';
import { asRunRepo } from '../../repos/as-run-repo';
import { toAsRunSummary } from './as-run-service';
import { deviceSessionRepo } from '../../repos/device-session-repo';
import { ZoneCalendar } from '../../domain/schedule/zone';
import { caseIndicators } from '../cases/indicators';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import { MAX_RANGE_DAYS, dateRange, formatDay, isValidPeriod, offsetSegments, periodLabel, periodRange, previousPeriod, type Period, type PeriodKind, type Range } from '../../reports/period';
import { operatingWindows, totalMs } from '../../reports/operating';
import { commentOf, contentRow, dayRow, deviceRow, feedbackStats, groupRow, incidentOf, iso, isoOrNull, kindRow, liveEntry, liveGroupIds, liveSummary, playStats } from '../../reports/map';
import { kindLabel } from '../../reports/text';
import { buildPeriodicWorkbook } from '../../reports/xlsx';
import { quizReport } from './quiz-service';
import { renderPeriodicHtml } from '../../reports/html';
import { interactionSummary } from './interaction';
import type { ArchiveEntry, CasesReport, FeedbackGroupBy, FeedbackReport, LiveReportEntry, PeriodicReport, PlaysGroupBy, PlaysReport, QuizReport, RangeInfo, UptimeReport, UptimeRow } from '../../reports/types';

export type DateRangeInput = { from: string; to: string };
const KINDS = ['led', 'kiosk', 'speaker'] as const;
const COMMENTS_LIMIT = 50;
const PERIODIC_COMMENTS = 20;
const TOP_CONTENT = 10;

export function createReportService(deps: { db: Db; clock: () => number; audit: AuditService; tz: string; dataDir: string }) {
  const cal = new ZoneCalendar(deps.tz);
  const dir = path.join(deps.dataDir, 'reports');
  const segmentsOf = (r: Range) => JSON.stringify(offsetSegments(cal, r.from, r.to));

  /** A month or quarter: its epoch range and how reports name it; refuses an index the period has not. */
  function periodOf(p: Period) {
    if (!isValidPeriod(p)) throw new AppError(400, 'report_period_invalid', { period: p.period, index: p.index });
    const r = periodRange(cal, p);
    const label = periodLabel(p);
    const period = { ...p, label: label.vi, labelEn: label.en, firstDay: r.firstDay, lastDay: r.lastDay, from: iso(r.from), to: iso(r.to), tz: deps.tz };
    return { r, period };
  }

  /** Local dates (both included) → epoch range; refuses reversed and over-long ranges. */
  const rangeOf = (input: DateRangeInput): Range => {
    const r = dateRange(cal, input.from, input.to);
    if (!r) throw new AppError(400, 'report_range_invalid', { from: input.from, to: input.to });
    if (cal.dayOf(r.to - 1) - cal.dayOf(r.from) + 1 > MAX_RANGE_DAYS) throw new AppError(400, 'report_range_too_long', { max: MAX_RANGE_DAYS });
    return r;
  };
  const info = (r: Range, fromDate: string, toDate: string): RangeInfo => ({ from: iso(r.from), to: iso(r.to), fromDate, toDate, tz: deps.tz });

  async function playRows(groupBy: PlaysGroupBy, r: Range, region: RegionKind | null) {
    switch (groupBy) {
      case 'content':
        return (await reportRepo.playsByContent(deps.db, r.from, r.to, -1, region)).map(contentRow);
      case 'device':
        return (await reportRepo.playsByDevice(deps.db, r.from, r.to, region)).map(deviceRow);
      case 'group':
        return (await reportRepo.playsByGroup(deps.db, r.from, r.to, region)).map(groupRow);
      case 'kind':
        return (await reportRepo.playsByKind(deps.db, r.from, r.to, region)).map(kindRow);
      case 'day':
        return (await reportRepo.playsByDay(deps.db, r.from, r.to, segmentsOf(r), region)).map(dayRow);
    }
  }

  async function uptimeRows(r: Range): Promise<UptimeRow[]> {
    const now = deps.clock();
    const devices = await deviceSessionRepo.devicesInRange(deps.db, r.from, r.to);
    const whole = devices.flatMap((d) => operatingWindows(cal, { ...d, operating_hours: null }, r.from, r.to, now).map((w) => ({ d: d.id, ...w })));
    const operating = new Map(devices.map((d) => [d.id, operatingWindows(cal, d, r.from, r.to, now)]));
    const opWindows = devices.flatMap((d) => operating.get(d.id)!.map((w) => ({ d: d.id, ...w })));
    const [online, onlineOp] = await Promise.all([
      deviceSessionRepo.onlineMsInWindows(deps.db, JSON.stringify(whole), now),
      deviceSessionRepo.onlineMsInWindows(deps.db, JSON.stringify(opWindows), now),
    ]);
    const onlineOf = new Map(online.map((o) => [o.device_id, o.ms]));
    const onlineOpOf = new Map(onlineOp.map((o) => [o.device_id, o.ms]));
    return devices.map((d) => {
      const opMs = totalMs(operating.get(d.id)!);
      const inOp = onlineOpOf.get(d.id) ?? 0;
      return {
        deviceId: d.id,
        name: d.name,
        kind: d.kind,
        residentialGroup: d.residential_group,
        onlineSeconds: Math.round((onlineOf.get(d.id) ?? 0) / 1000),
        operatingSeconds: Math.round(opMs / 1000),
        operatingOnlineSeconds: Math.round(inOp / 1000),
        share: opMs > 0 ? Math.round((inOp / opMs) * 10_000) / 10_000 : null,
        lastSeenAt: isoOrNull(d.last_seen_at),
      };
    });
  }

  /** Live announcements that started in the range, by start, with their groups' names (deleted ones too). */
  async function liveEntries(r: Range): Promise<LiveReportEntry[]> {
    const rows = await reportRepo.liveAnnouncements(deps.db, r.from, r.to);
    const ids = [...new Set(rows.flatMap((x) => liveGroupIds(x.group_ids)))];
    const names = new Map((await reportRepo.groupNames(deps.db, ids)).map((g) => [g.id, g.name]));
    return rows.map((x) => liveEntry(x, names));
  }

  async function feedbackSeries(groupBy: FeedbackGroupBy, r: Range) {
    if (groupBy === 'day')
      return (await reportRepo.feedbackByDay(deps.db, r.from, r.to, segmentsOf(r))).map((x) => ({ key: formatDay(x.day), label: formatDay(x.day), ...feedbackStats(x) }));
    if (groupBy === 'week')
      return (await reportRepo.feedbackByWeek(deps.db, r.from, r.to, segmentsOf(r))).map((x) => ({
        key: formatDay(x.week),
        label: `Tuần từ ${formatDay(x.week)}`,
        ...feedbackStats(x),
      }));
    return (await reportRepo.feedbackByTopic(deps.db, r.from, r.to)).map((x) => ({ key: x.topic, label: x.topic, ...feedbackStats(x) }));
  }

  const archiveEntry = (a: ArchiveRow): ArchiveEntry => ({
    id: a.id,
    period: a.period,
    year: a.year,
    index: a.idx,
    label: periodLabel({ period: a.period, year: a.year, index: a.idx }).vi,
    from: iso(a.from_ms),
    to: iso(a.to_ms),
    size: a.size,
    sha256: a.sha256,
    trigger: a.trigger,
    generatedBy: a.generated_by_name,
    generatedAt: iso(a.generated_at),
    url: `/api/reports/periodic/archive/${a.id}.xlsx`,
  });

  const service = {
    /** The zone every local date and day of these reports is in (BANTIN_TZ). */
    tz: deps.tz,

    /** Proof of play over local dates, grouped; with `region`, only the plays shown in that layout region. */
    async plays(input: DateRangeInput & { groupBy: PlaysGroupBy; region?: RegionKind }): Promise<PlaysReport> {
      const r = rangeOf(input);
      const region = input.region ?? null;
      // A zone stream is a programme of its own (there is no ticker in a loudspeaker): it counts as main, and so
      // does a live announcement. Neither is a play: they are listed beside the plays, never counted in them.
      const main = region === null || region === 'main';
      const [totals, rows, asRun, live] = await Promise.all([
        reportRepo.totalPlays(deps.db, r.from, r.to, region),
        playRows(input.groupBy, r, region),
        main ? asRunRepo.summary(deps.db, r.from, r.to) : [],
        main ? liveEntries(r) : [],
      ]);
      return { ...info(r, input.from, input.to), groupBy: input.groupBy, region, totals: playStats(totals), rows, asRun: asRun.map(toAsRunSummary), live };
    },

    async uptime(input: DateRangeInput): Promise<UptimeReport> {
      const r = rangeOf(input);
      return { ...info(r, input.from, input.to), rows: await uptimeRows(r) };
    },

    async feedback(input: DateRangeInput & { groupBy: FeedbackGroupBy }): Promise<FeedbackReport> {
      const r = rangeOf(input);
      const [totals, series, topics, comments] = await Promise.all([
        reportRepo.feedbackTotals(deps.db, r.from, r.to),
        feedbackSeries(input.groupBy, r),
        reportRepo.feedbackByTopic(deps.db, r.from, r.to),
        reportRepo.latestComments(deps.db, r.from, r.to, COMMENTS_LIMIT),
      ]);
      return {
        ...info(r, input.from, input.to),
        groupBy: input.groupBy,
        totals: feedbackStats(totals),
        series,
        topics: topics.map((t) => ({ topic: t.topic, ...feedbackStats(t) })),
        comments: comments.map((c) => commentOf(cal, c)),
      };
    },

    /** The kiosk quiz over local dates, in total and per kiosk (optionally one kiosk). */
    async quiz(input: DateRangeInput & { deviceId?: number }): Promise<QuizReport & RangeInfo> {
      const r = rangeOf(input);
      return { ...info(r, input.from, input.to), ...(await quizReport(deps.db, { ...r, ...(input.deviceId ? { deviceId: input.deviceId } : {}) })) };
    },
    async periodic(p: Period): Promise<PeriodicReport> {
      const { r, period } = periodOf(p);
      const [totals, kinds, counts, daily, top, fTotals, fTopics, comments, alerts, uptime, asRun, interaction, quiz, live] = await Promise.all([
        reportRepo.totalPlays(deps.db, r.from, r.to),
        reportRepo.playsByKind(deps.db, r.from, r.to),
        reportRepo.deviceCountsByKind(deps.db, r.from, r.to),
        reportRepo.playsByDay(deps.db, r.from, r.to, segmentsOf(r)),
        reportRepo.playsByContent(deps.db, r.from, r.to, TOP_CONTENT),
        reportRepo.feedbackTotals(deps.db, r.from, r.to),
        reportRepo.feedbackByTopic(deps.db, r.from, r.to),
        reportRepo.latestComments(deps.db, r.from, r.to, PERIODIC_COMMENTS),
        reportRepo.alertsIssued(deps.db, r.from, r.to),
        uptimeRows(r),
        asRunRepo.summary(deps.db, r.from, r.to),
        interactionSummary({ db: deps.db, from: r.from, to: r.to }),
        quizReport(deps.db, r),
        liveEntries(r),
      ]);
      const cases = await caseIndicators(deps.db, r);
      const incidents = alerts.map(incidentOf);
      return {
        period,
        generatedAt: iso(deps.clock()),
        totals: playStats(totals),
        channels: KINDS.map((kind) => {
          const k = kinds.find((x) => x.kind === kind);
          return {
            kind,
            label: kindLabel(kind),
            devices: counts.find((c) => c.kind === kind)?.devices ?? 0,
            activeDevices: k?.devices ?? 0,
            plays: k?.plays ?? 0,
            airtimeHours: Math.round(((k?.ms ?? 0) / 3_600_000) * 10) / 10,
            residentialGroups: k?.residential_groups ?? 0,
            residentialGroupNames: k?.residential_group_names ? k.residential_group_names.split(', ') : [],
          };
        }),
        daily: daily.map((d) => ({ date: formatDay(d.day), plays: d.plays, seconds: Math.round(d.ms / 1000) })),
        topContent: top.map(contentRow),
        feedback: { totals: feedbackStats(fTotals), topics: fTopics.map((t) => ({ topic: t.topic, ...feedbackStats(t) })), comments: comments.map((c) => commentOf(cal, c)) },
        incidents: { count: incidents.length, acknowledged: incidents.filter((i) => i.acks > 0).length, alerts: incidents },
        uptime,
        asRun: asRun.map(toAsRunSummary),
        interaction,
        quiz,
        cases,
        live: liveSummary(live),
      };
    },

    /** The case indicators of a month or quarter, with the period they are for. */
    async cases(p: Period): Promise<CasesReport> {
      const { r, period } = periodOf(p);
      return { period, ...(await caseIndicators(deps.db, r)) };
    },

    async periodicXlsx(p: Period): Promise<Buffer> {
      return buildPeriodicWorkbook(await service.periodic(p), cal);
    },

    async periodicHtml(p: Period, opts: { stylesheet: string }): Promise<string> {
      return renderPeriodicHtml(await service.periodic(p), cal, opts);
    },

    /** Builds the XLSX, stores it in <dataDir>/reports/ and records it (audited) in the archive. */
    async generate(actor: Actor, p: Period, trigger: 'manual' | 'schedule' = 'manual'): Promise<ArchiveEntry> {
      const bytes = await service.periodicXlsx(p);
      const r = periodRange(cal, p);
      const now = deps.clock();
      const file = `bao-cao-${p.period === 'month' ? 'thang' : 'quy'}-${p.year}-${String(p.index).padStart(2, '0')}-${now}-${randomBytes(3).toString('hex')}.xlsx`;
      const full = path.join(dir, file);
      fs.mkdirSync(dir, { recursive: true });
      // Write then rename: a crash never leaves a half-written file under an archived name.
      fs.writeFileSync(`${full}.part`, bytes);
      fs.renameSync(`${full}.part`, full);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      try {
        const id = await deps.db.transaction(async (tx) => {
          const newId = await reportRepo.insertArchive(tx, {
            period: p.period, year: p.year, idx: p.index, from_ms: r.from, to_ms: r.to, file, size: bytes.length, sha256, trigger, generated_by: actor.id, generated_at: now,
          });
          await deps.audit.append(tx, actor, { action: 'report.generate', target: `report:${newId}`, summary: { ...p, trigger, size: bytes.length } });
          return newId;
        });
        return archiveEntry((await reportRepo.findArchive(deps.db, id))!);
      } catch (err) {
        fs.rmSync(full, { force: true });
        throw err;
      }
    },

    /** The job's entry point: the last complete month or quarter, once (null when already generated). */
    async generateScheduled(period: PeriodKind): Promise<ArchiveEntry | null> {
      const p = previousPeriod(cal, period, deps.clock());
      if (await reportRepo.hasScheduled(deps.db, p.period, p.year, p.index)) return null;
      return service.generate({ id: null, name: 'system' }, p, 'schedule');
    },

    async archive(): Promise<ArchiveEntry[]> {
      return (await reportRepo.listArchive(deps.db, 500)).map(archiveEntry);
    },

    async archiveFile(id: number): Promise<{ path: string; size: number; sha256: string; name: string }> {
      const a = await reportRepo.findArchive(deps.db, id);
      const full = a && path.join(dir, a.file);
      if (!a || !full || !fs.existsSync(full)) throw new AppError(404, 'report_not_found', { id });
      const name = `bantin-bao-cao-${a.period === 'month' ? 'thang' : 'quy'}-${a.idx}-${a.year}.xlsx`;
      return { path: full, size: a.size, sha256: a.sha256, name };
    },
  };
  return service;
}
export type ReportService = ReturnType<typeof createReportService>;
