// The citizens' reports (phản ánh) section of the periodic summary: received by category, closed by outcome,
// and the median hours from receipt to closing — the same figures as the XLSX sheet and the printable page.
import { CASE_OUTCOMES, REPORT_CATEGORIES } from '@bantin/protocol/core';
import type { PeriodicReport } from '../../../lib/reports-api';
import { casesText } from '../../../lib/messages/cases';
import { reportsText } from '../../../lib/messages/reports';
import { DataTable, type Column } from '../../../components/DataTable/index';
import controls from '../../../components/controls.module.css';

type Row = { key: string; label: string; n: number };

export function CaseIndicators({ cases, nf }: { cases: PeriodicReport['cases']; nf: Intl.NumberFormat }) {
  const { t, tf } = reportsText;
  const columns: Column<Row>[] = [
    { key: 'label', header: t('cases.what'), render: (r) => r.label, csv: (r) => r.label },
    { key: 'n', header: t('cases.count'), render: (r) => nf.format(r.n), csv: (r) => r.n, nowrap: true },
  ];
  const byCategory = REPORT_CATEGORIES.map((k) => ({ key: k, label: casesText.t(`category.${k}`), n: cases.byCategory[k] }));
  const byOutcome = CASE_OUTCOMES.map((k) => ({ key: k, label: casesText.t(`outcome.${k}`), n: cases.byOutcome[k] }));
  return (
    <section class={controls.section} aria-labelledby="case-indicators" data-testid="case-indicators">
      <h3 id="case-indicators" class={controls.heading}>
        {t('cases.title')}
      </h3>
      <p data-testid="case-indicators-summary">
        {tf('cases.summary', {
          received: nf.format(cases.received),
          median: cases.medianHoursToClose === null ? '—' : nf.format(cases.medianHoursToClose),
        })}
      </p>
      <DataTable caption={t('cases.byCategory')} columns={columns} rows={byCategory} rowKey={(r) => r.key} csvName="phan-anh-theo-loai" />
      <DataTable caption={t('cases.byOutcome')} columns={columns} rows={byOutcome} rowKey={(r) => r.key} csvName="phan-anh-theo-ket-qua" />
    </section>
  );
}
