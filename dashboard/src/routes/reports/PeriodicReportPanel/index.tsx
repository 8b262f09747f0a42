// The periodic report for the culture–social office (month or quarter): "Tải XLSX" and "Bản in" links
// served by the server, an on-screen summary with reach by channel, generating and archiving it on demand
// (editors, admins), and the archive of generated reports.
import { useState } from 'preact/hooks';
import { formatBytes, formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { reportsText } from '../../../lib/messages/reports';
import {
  downloads,
  generatePeriodic,
  periodicReport,
  reportArchive,
  type ArchiveEntry,
  type PeriodicReport,
  type PeriodKind,
} from '../../../lib/reports-api';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { NumberField, SelectField } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import { CaseIndicators } from '../CaseIndicators/index';

type Channel = PeriodicReport['channels'][number];

export function PeriodicReportPanel({ canGenerate, today }: { canGenerate: boolean; today: string }) {
  const { t, tf } = reportsText;
  const l = lang.value;
  const [period, setPeriod] = useState<PeriodKind>('month');
  const [year, setYear] = useState(Number(today.slice(0, 4)));
  const [index, setIndex] = useState(Number(today.slice(5, 7)));
  const [summary, setSummary] = useState<PeriodicReport | null>(null);
  const [busy, setBusy] = useState<'preview' | 'generate' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const archive = useResource(reportArchive, []);
  const ref = { period, year, index: period === 'quarter' ? Math.min(4, index) : index };
  const nf = new Intl.NumberFormat(l === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

  async function run(kind: 'preview' | 'generate') {
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'preview') setSummary(await periodicReport(ref));
      else {
        const entry = await generatePeriodic(ref);
        setDone(tf('periodic.generated', { label: entry.label }));
        archive.reload();
      }
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  const channelColumns: Column<Channel>[] = [
    { key: 'channel', header: t('col.channel'), render: (c) => c.label, csv: (c) => c.label },
    { key: 'devices', header: t('col.devices'), render: (c) => c.devices, csv: (c) => c.devices, nowrap: true },
    { key: 'active', header: t('col.activeDevices'), render: (c) => c.activeDevices, csv: (c) => c.activeDevices, nowrap: true },
    { key: 'plays', header: t('col.plays'), render: (c) => nf.format(c.plays), csv: (c) => c.plays, nowrap: true },
    { key: 'airtime', header: t('col.airtime'), render: (c) => nf.format(c.airtimeHours), csv: (c) => c.airtimeHours, nowrap: true },
    {
      key: 'groups',
      header: t('col.groups'),
      render: (c) => c.residentialGroupNames.join(', '),
      csv: (c) => c.residentialGroupNames.join('; '),
    },
  ];
  const archiveColumns: Column<ArchiveEntry>[] = [
    { key: 'label', header: t('col.period'), render: (a) => a.label, csv: (a) => a.label },
    { key: 'at', header: t('col.generatedAt'), render: (a) => formatDateTime(a.generatedAt, l), csv: (a) => a.generatedAt, nowrap: true },
    { key: 'trigger', header: t('col.trigger'), render: (a) => t(`trigger.${a.trigger}`), csv: (a) => a.trigger, nowrap: true },
    { key: 'dl', header: t('col.download'), render: (a) => <a href={a.url} download>{`XLSX (${formatBytes(a.size, l)})`}</a> },
  ];

  return (
    <div data-testid="periodic-report">
      <div class={controls.grid}>
        <SelectField
          id="per-kind"
          label={t('periodic.kind')}
          value={period}
          choices={(['month', 'quarter'] as const).map((v) => ({ value: v, label: t(`periodic.${v}`) }))}
          onValue={(v) => v && setPeriod(v)}
        />
        <NumberField
          id="per-index"
          label={t('periodic.index')}
          min={1}
          max={period === 'quarter' ? 4 : 12}
          value={ref.index}
          onValue={(v) => setIndex(Number(v) || 1)}
        />
        <NumberField
          id="per-year"
          label={t('periodic.year')}
          min={2000}
          max={2100}
          value={year}
          onValue={(v) => setYear(Number(v) || year)}
        />
      </div>
      <div class={controls.row}>
        <a class={controls.primary} href={downloads.periodicXlsx(ref)} download data-testid="periodic-xlsx">
          {t('periodic.xlsx')}
        </a>
        <a class={controls.button} href={downloads.periodicHtml(ref)} target="_blank" rel="noopener" data-testid="periodic-print">
          {t('periodic.print')}
        </a>
        <button type="button" class={controls.button} disabled={busy !== null} onClick={() => void run('preview')}>
          {t('periodic.preview')}
        </button>
        {canGenerate && (
          <button
            type="button"
            class={controls.button}
            disabled={busy !== null}
            onClick={() => void run('generate')}
            data-testid="periodic-generate"
          >
            {busy === 'generate' ? t('periodic.generating') : t('periodic.generate')}
          </button>
        )}
      </div>
      {busy && <ProgressBar label={busy === 'generate' ? t('periodic.generating') : t('periodic.preview')} value={null} />}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)}>
          {done}
        </Notice>
      )}
      {summary && (
        <>
          <p data-testid="periodic-summary">
            {tf('periodic.summary', {
              label: l === 'vi' ? summary.period.label : summary.period.labelEn,
              plays: nf.format(summary.totals.plays),
              incidents: summary.incidents.count,
              feedback: summary.feedback.totals.count,
            })}
          </p>
          <DataTable
            caption={t('periodic.channels')}
            columns={channelColumns}
            rows={summary.channels}
            rowKey={(c) => c.kind}
            csvName="kenh"
          />
          <CaseIndicators cases={summary.cases} nf={nf} />
        </>
      )}
      <h3 class={controls.heading}>{t('periodic.archive')}</h3>
      {archive.error != null && <ErrorNotice error={archive.error} onRetry={archive.reload} />}
      <DataTable
        caption={t('periodic.archive')}
        columns={archiveColumns}
        rows={archive.data ?? []}
        rowKey={(a) => a.id}
        csvName={t('periodic.archiveCsv')}
      />
    </div>
  );
}
