// The reports screen: proof of play (per content, device, group, day or kind) with a chart, device uptime,
// kiosk feedback (ratings over time, topics, comments), and the periodic report. Every table exports CSV
// (what is shown, in the browser) and the server's full CSV is one link away.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { addDays, localDate } from '../../../lib/local-day';
import { devicesText } from '../../../lib/messages/devices';
import { reportsText } from '../../../lib/messages/reports';
import { can as canDo } from '../../../lib/permissions';
import {
  downloads,
  feedbackReport,
  playsReport,
  uptimeReport,
  type DateRange,
  type FeedbackReport,
  type PlaysGroupBy,
  type PlaysReport,
  type UptimeReport,
} from '../../../lib/reports-api';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { BarChart } from '../BarChart/index';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field } from '../../../components/Field/index';
import { LineChart } from '../LineChart/index';
import { PeriodicReportPanel } from '../PeriodicReportPanel/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';

type PlaysRow = PlaysReport['rows'][number];
type UptimeRow = UptimeReport['rows'][number];
type Topic = FeedbackReport['topics'][number];
type Comment = FeedbackReport['comments'][number];
const GROUP_BY: readonly PlaysGroupBy[] = ['content', 'device', 'group', 'day', 'kind'];

export function ReportsScreen() {
  const { t, tf } = reportsText;
  const l = lang.value;
  const today = localDate(Date.now());
  const [draft, setDraft] = useState<DateRange>({ from: addDays(today, -29), to: today });
  const [range, setRange] = useState<DateRange>(draft);
  const [groupBy, setGroupBy] = useState<PlaysGroupBy>('content');
  const plays = useResource(() => playsReport(range, groupBy), [range.from, range.to, groupBy]);
  const uptime = useResource(() => uptimeReport(range), [range.from, range.to]);
  const feedback = useResource(() => feedbackReport(range, 'day'), [range.from, range.to]);
  const nf = new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });
  const hours = (s: number) => nf.format(s / 3600);
  const canGenerate = canDo(session.value?.user.roles ?? [], 'reports.generate');

  const playColumns: Column<PlaysRow>[] = [
    { key: 'label', header: t('col.label'), render: (r) => r.label, csv: (r) => r.label },
    { key: 'plays', header: t('col.plays'), render: (r) => nf.format(r.plays), csv: (r) => r.plays, nowrap: true },
    { key: 'hours', header: t('col.hours'), render: (r) => hours(r.seconds), csv: (r) => Math.round(r.seconds / 36) / 100, nowrap: true },
    { key: 'completed', header: t('col.completed'), render: (r) => r.completed, csv: (r) => r.completed, nowrap: true },
    { key: 'interrupted', header: t('col.interrupted'), render: (r) => r.interrupted, csv: (r) => r.interrupted, nowrap: true },
    { key: 'failed', header: t('col.failed'), render: (r) => r.failed, csv: (r) => r.failed, nowrap: true },
    { key: 'devices', header: t('col.devices'), render: (r) => r.devices, csv: (r) => r.devices, nowrap: true },
  ];
  const kindName = (r: UptimeRow) =>
    r.kind === 'led' || r.kind === 'kiosk' || r.kind === 'speaker' ? devicesText.t(`kind.${r.kind}`) : r.kind;
  const share = (r: UptimeRow) => (r.share === null ? t('none') : `${nf.format(r.share * 100)} %`);
  const uptimeColumns: Column<UptimeRow>[] = [
    { key: 'name', header: t('col.device'), render: (r) => r.name, csv: (r) => r.name },
    { key: 'kind', header: t('col.kind'), render: kindName, csv: kindName, nowrap: true },
    { key: 'rg', header: t('col.residentialGroup'), render: (r) => r.residentialGroup ?? '', csv: (r) => r.residentialGroup },
    {
      key: 'online',
      header: t('col.onlineHours'),
      render: (r) => hours(r.onlineSeconds),
      csv: (r) => Math.round(r.onlineSeconds / 36) / 100,
      nowrap: true,
    },
    {
      key: 'operating',
      header: t('col.operatingHours'),
      render: (r) => hours(r.operatingSeconds),
      csv: (r) => Math.round(r.operatingSeconds / 36) / 100,
      nowrap: true,
    },
    { key: 'share', header: t('col.share'), render: share, csv: (r) => r.share, nowrap: true },
    { key: 'seen', header: t('col.lastSeen'), render: (r) => formatDateTime(r.lastSeenAt, l), csv: (r) => r.lastSeenAt, nowrap: true },
  ];
  const avg = (v: number | null) => (v === null ? t('none') : nf.format(v));
  const topicColumns: Column<Topic>[] = [
    { key: 'topic', header: t('col.topic'), render: (r) => r.topic, csv: (r) => r.topic },
    { key: 'count', header: t('col.count'), render: (r) => r.count, csv: (r) => r.count, nowrap: true },
    { key: 'avg', header: t('col.average'), render: (r) => avg(r.average), csv: (r) => r.average, nowrap: true },
  ];
  const commentColumns: Column<Comment>[] = [
    { key: 'time', header: t('col.time'), render: (r) => r.localTime, csv: (r) => r.createdAt, nowrap: true },
    { key: 'device', header: t('col.device'), render: (r) => r.device, csv: (r) => r.device },
    { key: 'topic', header: t('col.topic'), render: (r) => r.topic, csv: (r) => r.topic },
    { key: 'rating', header: t('col.rating'), render: (r) => r.rating, csv: (r) => r.rating, nowrap: true },
    { key: 'comment', header: t('col.comment'), render: (r) => r.comment, csv: (r) => r.comment },
  ];

  const pending = (r: { loading: boolean; error: unknown; reload: () => void }, label: string) =>
    r.error != null ? <ErrorNotice error={r.error} onRetry={r.reload} /> : r.loading ? <ProgressBar label={label} value={null} /> : null;

  return (
    <div data-testid="reports-screen">
      <form
        class={controls.row}
        aria-label={t('range.title')}
        onSubmit={(e) => {
          e.preventDefault();
          if (draft.from && draft.to) setRange(draft);
        }}
      >
        <Field id="rep-from" label={t('range.from')}>
          <input
            id="rep-from"
            type="date"
            class={controls.input}
            value={draft.from}
            onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })}
          />
        </Field>
        <Field id="rep-to" label={t('range.to')}>
          <input
            id="rep-to"
            type="date"
            class={controls.input}
            value={draft.to}
            onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })}
          />
        </Field>
        <button type="submit" class={controls.primary}>
          {t('range.apply')}
        </button>
      </form>

      <section class={controls.section} aria-labelledby="rep-plays">
        <h2 id="rep-plays" class={controls.heading}>
          {t('plays.title')}
        </h2>
        <div class={controls.row}>
          <Field id="rep-groupby" label={t('plays.groupBy')}>
            <select
              id="rep-groupby"
              class={controls.input}
              value={groupBy}
              onChange={(e) => setGroupBy(e.currentTarget.value as PlaysGroupBy)}
              data-testid="plays-groupby"
            >
              {GROUP_BY.map((g) => (
                <option key={g} value={g}>
                  {t(`groupBy.${g}`)}
                </option>
              ))}
            </select>
          </Field>
          <a class={controls.button} href={downloads.playsCsv(range, groupBy)} download>
            {t('csvServer')}
          </a>
        </div>
        {pending(plays, t('plays.title'))}
        {plays.data && (
          <>
            <p data-testid="plays-totals">
              {tf('plays.totals', {
                plays: nf.format(plays.data.totals.plays),
                hours: hours(plays.data.totals.seconds),
                devices: plays.data.totals.devices,
              })}
            </p>
            {groupBy === 'day' ? (
              <LineChart
                title={tf('plays.chart', { by: t('groupBy.day') })}
                points={plays.data.rows.map((r) => ({ label: r.label.slice(5), value: r.plays }))}
                format={(v) => nf.format(v)}
              />
            ) : (
              <BarChart
                title={tf('plays.chart', { by: t(`groupBy.${groupBy}`) })}
                bars={plays.data.rows.slice(0, 15).map((r) => ({ label: r.label, value: r.plays }))}
                format={(v) => nf.format(v)}
                integer
              />
            )}
            <DataTable
              caption={t('plays.title')}
              columns={playColumns}
              rows={plays.data.rows}
              rowKey={(r) => r.key}
              csvName={`${t('plays.csv')}-${groupBy}`}
              testId="plays-table"
            />
          </>
        )}
      </section>

      <section class={controls.section} aria-labelledby="rep-uptime">
        <h2 id="rep-uptime" class={controls.heading}>
          {t('uptime.title')}
        </h2>
        <a class={controls.button} href={downloads.uptimeCsv(range)} download>
          {t('csvServer')}
        </a>
        {pending(uptime, t('uptime.title'))}
        {uptime.data && (
          <>
            <BarChart
              title={t('uptime.chart')}
              bars={uptime.data.rows.map((r) => ({ label: r.name, value: Math.round((r.share ?? 0) * 1000) / 10 }))}
              max={100}
              format={(v) => nf.format(v)}
            />
            <DataTable
              caption={t('uptime.title')}
              columns={uptimeColumns}
              rows={uptime.data.rows}
              rowKey={(r) => r.deviceId}
              csvName={t('uptime.csv')}
              testId="uptime-table"
            />
          </>
        )}
      </section>

      <section class={controls.section} aria-labelledby="rep-feedback">
        <h2 id="rep-feedback" class={controls.heading}>
          {t('feedback.title')}
        </h2>
        <div class={controls.row}>
          <a class={controls.button} href={downloads.feedbackCsv(range, 'day', 'series')} download>
            {t('csvServer')}
          </a>
          <a class={controls.button} href={downloads.feedbackCsv(range, 'day', 'comments')} download>
            {`${t('csvServer')} (${t('feedback.comments')})`}
          </a>
        </div>
        {pending(feedback, t('feedback.title'))}
        {feedback.data && (
          <>
            <p>{tf('feedback.totals', { count: feedback.data.totals.count, average: avg(feedback.data.totals.average) })}</p>
            <LineChart
              title={t('feedback.chart')}
              points={feedback.data.series.map((s) => ({ label: s.label, value: s.average }))}
              min={0}
              max={5}
              format={(v) => nf.format(v)}
            />
            <h3 class={controls.heading}>{t('feedback.topics')}</h3>
            <BarChart title={t('feedback.topics')} bars={feedback.data.topics.map((r) => ({ label: r.topic, value: r.count }))} integer />
            <DataTable
              caption={t('feedback.topics')}
              columns={topicColumns}
              rows={feedback.data.topics}
              rowKey={(r) => r.topic}
              csvName={t('feedback.csv')}
            />
            <h3 class={controls.heading}>{t('feedback.comments')}</h3>
            <DataTable
              caption={t('feedback.comments')}
              columns={commentColumns}
              rows={feedback.data.comments}
              rowKey={(r) => `${r.createdAt}-${r.device}-${r.rating}`}
              csvName={t('feedback.commentsCsv')}
            />
          </>
        )}
      </section>

      <section class={controls.section} aria-labelledby="rep-periodic">
        <h2 id="rep-periodic" class={controls.heading}>
          {t('periodic.title')}
        </h2>
        <PeriodicReportPanel canGenerate={canGenerate} today={today} />
      </section>
    </div>
  );
}
