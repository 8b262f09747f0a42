// The uptime and kiosk feedback sections of the reports screen: each with the server's CSV, a chart and
// its tables.
import type { Lang } from '../../../lib/i18n';
import { reportsText } from '../../../lib/messages/reports';
import { downloads, type DateRange, type FeedbackReport, type UptimeReport } from '../../../lib/reports-api';
import type { Resource } from '../../../lib/use-resource';
import { BarChart } from '../BarChart/index';
import { DataTable } from '../../../components/DataTable/index';
import { LineChart } from '../LineChart/index';
import controls from '../../../components/controls.module.css';
import { commentColumns, topicColumns, uptimeColumns, type ReportNumbers } from './columns';
import { Pending } from './pending';

export function UptimeSection({
  uptime,
  range,
  num,
  l,
}: {
  uptime: Resource<UptimeReport>;
  range: DateRange;
  num: ReportNumbers;
  l: Lang;
}) {
  const { t } = reportsText;
  return (
    <section class={controls.section} aria-labelledby="rep-uptime">
      <h2 id="rep-uptime" class={controls.heading}>
        {t('uptime.title')}
      </h2>
      <a class={controls.button} href={downloads.uptimeCsv(range)} download>
        {t('csvServer')}
      </a>
      <Pending resource={uptime} label={t('uptime.title')} />
      {uptime.data && (
        <>
          <BarChart
            title={t('uptime.chart')}
            bars={uptime.data.rows.map((r) => ({ label: r.name, value: Math.round((r.share ?? 0) * 1000) / 10 }))}
            max={100}
            format={(v) => num.nf.format(v)}
          />
          <DataTable
            caption={t('uptime.title')}
            columns={uptimeColumns(num, l)}
            rows={uptime.data.rows}
            rowKey={(r) => r.deviceId}
            csvName={t('uptime.csv')}
            testId="uptime-table"
          />
        </>
      )}
    </section>
  );
}

export function FeedbackSection({ feedback, range, num }: { feedback: Resource<FeedbackReport>; range: DateRange; num: ReportNumbers }) {
  const { t } = reportsText;
  return (
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
      <Pending resource={feedback} label={t('feedback.title')} />
      {feedback.data && <FeedbackResult data={feedback.data} num={num} />}
    </section>
  );
}

function FeedbackResult({ data, num }: { data: FeedbackReport; num: ReportNumbers }) {
  const { t, tf } = reportsText;
  return (
    <>
      <p>{tf('feedback.totals', { count: data.totals.count, average: num.avg(data.totals.average) })}</p>
      <LineChart
        title={t('feedback.chart')}
        points={data.series.map((s) => ({ label: s.label, value: s.average }))}
        min={0}
        max={5}
        format={(v) => num.nf.format(v)}
      />
      <h3 class={controls.heading}>{t('feedback.topics')}</h3>
      <BarChart title={t('feedback.topics')} bars={data.topics.map((r) => ({ label: r.topic, value: r.count }))} integer />
      <DataTable
        caption={t('feedback.topics')}
        columns={topicColumns(num)}
        rows={data.topics}
        rowKey={(r) => r.topic}
        csvName={t('feedback.csv')}
      />
      <h3 class={controls.heading}>{t('feedback.comments')}</h3>
      <DataTable
        caption={t('feedback.comments')}
        columns={commentColumns()}
        rows={data.comments}
        rowKey={(r) => `${r.createdAt}-${r.device}-${r.rating}`}
        csvName={t('feedback.commentsCsv')}
      />
    </>
  );
}
