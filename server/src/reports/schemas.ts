// zod schemas of the report API: the query/body validation and the documented response shapes (OpenAPI).
import { z } from '@hono/zod-openapi';
import { parseDate } from '../domain/schedule/zone';
import { CASE_OUTCOMES, REGION_KINDS, REPORT_CATEGORIES } from '@bantin/protocol/core';
import { MAX_RANGE_DAYS } from './period';

const date = (name: string) =>
  z
    .string()
    .refine((s) => parseDate(s) !== null, `${name}: ngày dạng YYYY-MM-DD / a date as YYYY-MM-DD`)
    .openapi({
      example: '2026-11-01',
      description: `${name}: local date in BANTIN_TZ (included) / ngày theo giờ địa phương (tính cả ngày này)`,
    });

const rangeFields = { from: date('from'), to: date('to') };
function checkRange(v: { from: string; to: string }, ctx: z.RefinementCtx) {
  const a = parseDate(v.from);
  const b = parseDate(v.to);
  if (a === null || b === null) return;
  if (b < a) ctx.addIssue({ code: 'custom', path: ['to'], message: '"to" trước "from" / "to" is before "from"' });
  else if (b - a + 1 > MAX_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `Tối đa ${MAX_RANGE_DAYS} ngày / at most ${MAX_RANGE_DAYS} days` });
}
/**
 * The JSON routes take `format=json` (or nothing); the files have routes of their own (/plays.csv,
 * /periodic.xlsx…). A link made before those routes, naming `format=csv|xlsx|html`, is still answered as
 * the file route would (routes/reports.ts).
 */
const jsonFormat = z.enum(['json']).optional().openapi({ description: 'json (files: the .csv / .xlsx / .html routes)' });

const PlaysGroupBy = z.enum(['content', 'device', 'group', 'day', 'kind']);
const FeedbackGroupBy = z.enum(['day', 'week', 'topic']);
const PeriodKind = z.enum(['month', 'quarter']);
/** A layout region kind (protocol REGION_KINDS): only the plays shown there. */
export const PlayRegionParam = z
  .enum(REGION_KINDS, { error: `Vùng không hợp lệ: một trong ${REGION_KINDS.join(', ')} / unknown region: one of ${REGION_KINDS.join(', ')}` })
  .optional()
  .openapi({ description: 'Only the plays shown in this layout region (main: the programme, ticker: the scrolling line); absent = all / Chỉ các lượt phát ở vùng này' });
const playsFields = { ...rangeFields, groupBy: PlaysGroupBy.default('content'), region: PlayRegionParam };
export const PlaysCsvQuery = z
  .object({
    ...playsFields,
    table: z
      .enum(['plays', 'live'])
      .default('plays')
      .openapi({ description: 'plays: the plays grouped (groupBy); live: the live announcements of the range, one row each / Bảng xuất CSV' }),
  })
  .strict()
  .superRefine(checkRange);
export const PlaysQuery = z
  .object({ ...playsFields, format: jsonFormat })
  .strict()
  .superRefine(checkRange);
export const UptimeCsvQuery = z.object(rangeFields).strict().superRefine(checkRange);
export const UptimeQuery = z
  .object({ ...rangeFields, format: jsonFormat })
  .strict()
  .superRefine(checkRange);
export const QuizQuery = z
  .object({
    ...rangeFields,
    deviceId: z.coerce.number().int().positive().optional().openapi({ description: 'One kiosk only / Chỉ một kiosk' }),
    format: jsonFormat,
  })
  .strict()
  .superRefine(checkRange);
const feedbackFields = { ...rangeFields, groupBy: FeedbackGroupBy.default('day') };
export const FeedbackCsvQuery = z
  .object({
    ...feedbackFields,
    table: z.enum(['series', 'comments']).default('series').openapi({ description: 'Which table the CSV holds / Bảng xuất CSV' }),
  })
  .strict()
  .superRefine(checkRange);
export const FeedbackQuery = z
  .object({
    ...feedbackFields,
    table: z.enum(['series', 'comments']).optional().openapi({ description: 'Ignored: the JSON holds both' }),
    format: jsonFormat,
  })
  .strict()
  .superRefine(checkRange);

const periodFields = {
  period: z.enum(['month', 'quarter']),
  year: z.coerce.number().int().min(2000).max(2100),
  index: z.coerce.number().int().min(1).max(12).openapi({ description: 'Month 1–12 or quarter 1–4 / Tháng 1–12 hoặc quý 1–4' }),
};
function checkIndex(v: { period: string; index: number }, ctx: z.RefinementCtx) {
  if (v.period === 'quarter' && v.index > 4)
    ctx.addIssue({ code: 'custom', path: ['index'], message: 'Quý từ 1 đến 4 / a quarter is 1–4' });
}
export const PeriodicFileQuery = z.object(periodFields).strict().superRefine(checkIndex);
export const PeriodicQuery = z
  .object({ ...periodFields, format: jsonFormat })
  .strict()
  .superRefine(checkIndex);
export const GenerateBody = z.object(periodFields).strict().superRefine(checkIndex).openapi('GenerateReport');
export const ArchiveFileParam = z.object({
  file: z
    .string()
    .regex(/^\d{1,12}\.xlsx$/, 'Tên tệp dạng <số>.xlsx / a file name like 12.xlsx')
    .transform((s) => Number(s.slice(0, -5)))
    .openapi({ param: { name: 'file', in: 'path' }, example: '12.xlsx' }),
});

const n = z.number();
const PlayStats = {
  plays: n,
  seconds: n,
  completed: n,
  completedSeconds: n,
  interrupted: n,
  interruptedSeconds: n,
  failed: n,
  failedSeconds: n,
  devices: n.openapi({ description: 'Distinct devices that played' }),
};
const PlayStatsSchema = z.object(PlayStats).openapi('PlayStats');
const PlaysRowSchema = z
  .object({
    key: z.string().openapi({ description: 'content:12 | class:emergency | device:3 | group:2 | group:none | 2026-11-03 | led' }),
    label: z.string(),
    kind: z.string().nullable(),
    residentialGroup: z.string().nullable(),
    regions: z
      .array(z.enum(REGION_KINDS))
      .openapi({ description: "The layout regions the row's plays were shown in, in REGION_KINDS order ([\"main\"] for screens without a layout)" }),
    ...PlayStats,
  })
  .openapi('PlaysRow');
const Range = { from: z.string(), to: z.string(), fromDate: z.string(), toDate: z.string(), tz: z.string() };
export const AsRunSummarySchema = z
  .object({
    source: z.literal('as-run'),
    label: z.literal('phát thực tế (as-run)'),
    zoneId: n,
    place: z.string(),
    contentId: n.nullable(),
    title: z.string(),
    spans: n,
    seconds: n,
  })
  .openapi('AsRunSummary', { description: 'A zone stream sent this while a receiver listened (phát thực tế); the zone is the place.' });
export const LiveReportEntrySchema = z
  .object({
    id: n,
    startedAt: z.string(),
    endedAt: z.string().nullable().openapi({ description: 'null: on air now' }),
    durationMs: n.nullable(),
    class: z.enum(['priority', 'emergency']),
    title: z.string(),
    speaker: z.string().openapi({ description: "The speaker's display name" }),
    groups: z.string().openapi({ description: 'Names of the chosen groups joined with ", "; a group with no row left is "#id"' }),
    speakers: n.openapi({ description: 'Web-player loudspeakers reached' }),
    zones: n.openapi({ description: 'Stream zones reached' }),
    endReason: z.enum(['stopped', 'dropped', 'max_duration', 'server_stopped', 'failed']).nullable(),
    recordingSha256: z.string().nullable().openapi({ description: 'The recording as it went out: /api/media/<sha256>' }),
  })
  .openapi('LiveReportEntry', { description: 'A live announcement (phát trực tiếp): not reviewed beforehand, checked afterwards.' });
export const PlaysReportSchema = z
  .object({
    ...Range,
    groupBy: PlaysGroupBy,
    region: z.enum(REGION_KINDS).nullable().openapi({ description: 'The region filter applied; null = every region' }),
    totals: PlayStatsSchema,
    rows: z.array(PlaysRowSchema),
    asRun: z.array(AsRunSummarySchema),
    live: z
      .array(LiveReportEntrySchema)
      .openapi({ description: 'Live announcements that started in the range, by start; not plays, never in the counts. Empty with a region other than main.' }),
  })
  .openapi('PlaysReport', { description: 'Proof of play between local dates; a play counts on the local day it started.' });

const UptimeRowSchema = z
  .object({
    deviceId: n,
    name: z.string(),
    kind: z.string(),
    residentialGroup: z.string().nullable(),
    onlineSeconds: n,
    operatingSeconds: n,
    operatingOnlineSeconds: n,
    share: n.nullable().openapi({ description: 'operatingOnlineSeconds / operatingSeconds (0–1)' }),
    lastSeenAt: z.string().nullable(),
  })
  .openapi('UptimeRow');
export const UptimeReportSchema = z.object({ ...Range, rows: z.array(UptimeRowSchema) }).openapi('UptimeReport');

const FStats = { count: n, average: n.nullable(), ratings: z.tuple([n, n, n, n, n]).openapi({ description: 'Counts for 1…5 stars' }) };
const CommentSchema = z
  .object({ createdAt: z.string(), localTime: z.string(), rating: n, topic: z.string(), comment: z.string(), device: z.string() })
  .openapi('FeedbackComment', { description: 'Comment text only (phone numbers masked); never the phone field.' });
const TopicSchema = z.object({ topic: z.string(), ...FStats });
export const FeedbackReportSchema = z
  .object({
    ...Range,
    groupBy: FeedbackGroupBy,
    totals: z.object(FStats),
    series: z.array(z.object({ key: z.string(), label: z.string(), ...FStats })),
    topics: z.array(TopicSchema),
    comments: z.array(CommentSchema),
  })
  .openapi('FeedbackReport');

const QuizIndicatorsFields = {
  roundsPlayed: n,
  roundsFinished: n,
  averageScore: n.nullable().openapi({ description: 'Share of right answers in finished rounds, 0–1 / Tỷ lệ trả lời đúng' }),
  weakest: z.array(z.object({ contentId: n, title: z.string(), wrongShare: n, answers: n })),
};
const QuizReportFields = {
  total: z.object(QuizIndicatorsFields),
  byDevice: z.array(z.object({ deviceId: n, deviceName: z.string().nullable(), ...QuizIndicatorsFields })),
};
export const QuizReportSchema = z.object({ ...Range, ...QuizReportFields }).openapi('QuizReport');
const count = <K extends string>(keys: readonly [K, ...K[]]) => z.object(Object.fromEntries(keys.map((k) => [k, n])) as Record<K, typeof n>);
/** Citizens' reports of a period: received by category, closed by outcome, median hours to close. */
export const CaseIndicatorsSchema = z
  .object({
    received: n,
    byCategory: count(REPORT_CATEGORIES),
    byOutcome: count(CASE_OUTCOMES),
    medianHoursToClose: z.number().nullable(),
  })
  .openapi('CaseIndicators');

export const PeriodicReportSchema = z
  .object({
    period: z.object({
      period: PeriodKind,
      year: n,
      index: n,
      label: z.string(),
      labelEn: z.string(),
      firstDay: z.string(),
      lastDay: z.string(),
      from: z.string(),
      to: z.string(),
      tz: z.string(),
    }),
    generatedAt: z.string(),
    totals: PlayStatsSchema,
    channels: z.array(
      z.object({
        kind: z.string(),
        label: z.string(),
        devices: n,
        activeDevices: n,
        plays: n,
        airtimeHours: n,
        residentialGroups: n,
        residentialGroupNames: z.array(z.string()),
      }),
    ),
    daily: z.array(z.object({ date: z.string(), plays: n, seconds: n })),
    topContent: z.array(PlaysRowSchema),
    feedback: z.object({ totals: z.object(FStats), topics: z.array(TopicSchema), comments: z.array(CommentSchema) }),
    incidents: z.object({
      count: n,
      acknowledged: n,
      alerts: z.array(
        z.object({
          id: n,
          text: z.string(),
          severity: z.string(),
          source: z.string(),
          issuedAt: z.string(),
          startsAt: z.string(),
          expiresAt: z.string(),
          cancelledAt: z.string().nullable(),
          issuedBy: z.string().nullable(),
          acks: n,
          firstAckAt: z.string().nullable(),
        }),
      ),
    }),
    uptime: z.array(UptimeRowSchema),
    asRun: z.array(AsRunSummarySchema),
    interaction: z.object({
      rows: z.array(z.object({ key: z.string(), group: z.string(), label: z.string(), value: z.number().nullable(), unit: z.string() })),
      charts: z.array(z.object({ key: z.string(), title: z.string(), bars: z.array(z.object({ label: z.string(), value: z.number() })) })),
    }),
    quiz: z.object(QuizReportFields),
    cases: CaseIndicatorsSchema,
    live: z.object({
      count: n,
      totalMinutes: n.openapi({ description: 'Minutes on air, one decimal (a broadcast still on air adds nothing yet)' }),
      byClass: z.object({ priority: n, emergency: n }),
      items: z.array(LiveReportEntrySchema),
    }),
  })
  .openapi('PeriodicReport');
export const CasesReportSchema = CaseIndicatorsSchema.extend({ period: PeriodicReportSchema.shape.period }).openapi('CasesReport');

export const ArchiveEntrySchema = z
  .object({
    id: n,
    period: z.string(),
    year: n,
    index: n,
    label: z.string(),
    from: z.string(),
    to: z.string(),
    size: n,
    sha256: z.string(),
    trigger: z.enum(['manual', 'schedule']),
    generatedBy: z.string().nullable(),
    generatedAt: z.string(),
    url: z.string(),
  })
  .openapi('ReportArchiveEntry');
