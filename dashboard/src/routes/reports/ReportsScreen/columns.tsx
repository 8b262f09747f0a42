// The columns of the report tables (proof of play, uptime, feedback topics and comments), with the same
// numbers on screen and in the CSV export: durations in minutes or hours and minutes on screen, hours
// with two decimals in the file.
import { formatDateTime } from '../../../lib/datetime';
import { formatDuration } from '../../../lib/duration';
import type { Lang } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';
import { reportsText } from '../../../lib/messages/reports';
import type { FeedbackReport, PlaysReport, UptimeReport } from '../../../lib/reports-api';
import type { Column } from '../../../components/DataTable/index';

type PlaysRow = PlaysReport['rows'][number];
type UptimeRow = UptimeReport['rows'][number];
type Topic = FeedbackReport['topics'][number];
type Comment = FeedbackReport['comments'][number];

const { t } = reportsText;

/** The numbers of the reports in the language shown: counts, durations and average ratings. */
export function reportNumbers(l: Lang) {
  const nf = new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  return {
    nf,
    duration: (s: number) => formatDuration(s, l),
    avg: (v: number | null) => (v === null ? t('none') : nf.format(v)),
  };
}
export type ReportNumbers = ReturnType<typeof reportNumbers>;

const csvHours = (s: number) => Math.round(s / 36) / 100;
/** Where on the screen a row's plays were shown: "Chính, Chữ chạy". */
const regionNames = (r: PlaysRow) => r.regions.map((k) => t(`region.${k}`)).join(', ');

export function playColumns({ nf, duration }: ReportNumbers): Column<PlaysRow>[] {
  return [
    { key: 'label', header: t('col.label'), render: (r) => r.label, csv: (r) => r.label },
    { key: 'plays', header: t('col.plays'), render: (r) => nf.format(r.plays), csv: (r) => r.plays, nowrap: true },
    { key: 'hours', header: t('col.hours'), render: (r) => duration(r.seconds), csv: (r) => csvHours(r.seconds), nowrap: true },
    { key: 'completed', header: t('col.completed'), render: (r) => r.completed, csv: (r) => r.completed, nowrap: true },
    { key: 'interrupted', header: t('col.interrupted'), render: (r) => r.interrupted, csv: (r) => r.interrupted, nowrap: true },
    { key: 'failed', header: t('col.failed'), render: (r) => r.failed, csv: (r) => r.failed, nowrap: true },
    { key: 'devices', header: t('col.devices'), render: (r) => r.devices, csv: (r) => r.devices, nowrap: true },
    // Last, so the columns before it stay where they were before layouts.
    { key: 'region', header: t('col.region'), render: regionNames, csv: regionNames, nowrap: true },
  ];
}

const kindName = (r: UptimeRow) =>
  r.kind === 'led' || r.kind === 'kiosk' || r.kind === 'speaker' ? devicesText.t(`kind.${r.kind}`) : r.kind;

export function uptimeColumns({ nf, duration }: ReportNumbers, l: Lang): Column<UptimeRow>[] {
  const share = (r: UptimeRow) => (r.share === null ? t('none') : `${nf.format(r.share * 100)} %`);
  return [
    { key: 'name', header: t('col.device'), render: (r) => r.name, csv: (r) => r.name },
    { key: 'kind', header: t('col.kind'), render: kindName, csv: kindName, nowrap: true },
    { key: 'rg', header: t('col.residentialGroup'), render: (r) => r.residentialGroup ?? '', csv: (r) => r.residentialGroup },
    {
      key: 'online',
      header: t('col.onlineHours'),
      render: (r) => duration(r.onlineSeconds),
      csv: (r) => csvHours(r.onlineSeconds),
      nowrap: true,
    },
    {
      key: 'operating',
      header: t('col.operatingHours'),
      render: (r) => duration(r.operatingSeconds),
      csv: (r) => csvHours(r.operatingSeconds),
      nowrap: true,
    },
    { key: 'share', header: t('col.share'), render: share, csv: (r) => r.share, nowrap: true },
    { key: 'seen', header: t('col.lastSeen'), render: (r) => formatDateTime(r.lastSeenAt, l), csv: (r) => r.lastSeenAt, nowrap: true },
  ];
}

export function topicColumns({ avg }: ReportNumbers): Column<Topic>[] {
  return [
    { key: 'topic', header: t('col.topic'), render: (r) => r.topic, csv: (r) => r.topic },
    { key: 'count', header: t('col.count'), render: (r) => r.count, csv: (r) => r.count, nowrap: true },
    { key: 'avg', header: t('col.average'), render: (r) => avg(r.average), csv: (r) => r.average, nowrap: true },
  ];
}

export function commentColumns(): Column<Comment>[] {
  return [
    { key: 'time', header: t('col.time'), render: (r) => r.localTime, csv: (r) => r.createdAt, nowrap: true },
    { key: 'device', header: t('col.device'), render: (r) => r.device, csv: (r) => r.device },
    { key: 'topic', header: t('col.topic'), render: (r) => r.topic, csv: (r) => r.topic },
    { key: 'rating', header: t('col.rating'), render: (r) => r.rating, csv: (r) => r.rating, nowrap: true },
    { key: 'comment', header: t('col.comment'), render: (r) => r.comment, csv: (r) => r.comment },
  ];
}
