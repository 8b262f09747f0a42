// The audit log (admin, viewer): newest first, one page at a time (the server pages by sequence
// number), with CSV export of the page shown.
import { useState } from 'preact/hooks';
import { auditPage, type AuditRow } from '../../../lib/admin-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang, t, tf } from '../../../lib/i18n';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const PAGE = 50;

const summaryText = (s: Record<string, unknown>) =>
  Object.entries(s)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
    .join('; ');

export function AuditScreen() {
  // Cursors of the pages seen so far: page n is loaded with before = cursors[n - 1].
  const [cursors, setCursors] = useState<(number | undefined)[]>([undefined]);
  const before = cursors[cursors.length - 1];
  const res = useResource(() => auditPage(before, PAGE), [before]);
  const rows = res.data ?? [];

  const columns: Column<AuditRow>[] = [
    { key: 'seq', header: t('audit.seq'), render: (r) => r.seq, csv: (r) => r.seq, nowrap: true },
    { key: 'at', header: t('audit.at'), render: (r) => formatDateTime(r.at, lang.value), csv: (r) => r.at, nowrap: true },
    { key: 'actor', header: t('audit.actor'), render: (r) => r.actor, csv: (r) => r.actor },
    { key: 'action', header: t('audit.action'), render: (r) => <code>{r.action}</code>, csv: (r) => r.action },
    { key: 'target', header: t('audit.target'), render: (r) => r.target, csv: (r) => r.target },
    {
      key: 'summary',
      header: t('audit.summary'),
      render: (r) => <span class={styles.summary}>{summaryText(r.summary)}</span>,
      csv: (r) => summaryText(r.summary),
    },
    {
      key: 'hash',
      header: 'sha256',
      csv: (r) => r.hash,
      render: (r) => (
        <span class={controls.mono} title={r.hash}>
          {r.hash.slice(0, 10)}…
        </span>
      ),
    },
  ];

  const pager = (
    <nav class={controls.row} aria-label={t('audit.pages')}>
      <button
        type="button"
        class={controls.button}
        disabled={cursors.length === 1 || res.loading}
        onClick={() => setCursors((c) => c.slice(0, -1))}
        data-testid="audit-newer"
      >
        {t('audit.newer')}
      </button>
      <span aria-live="polite">{tf('audit.page', { n: cursors.length })}</span>
      <button
        type="button"
        class={controls.button}
        disabled={rows.length < PAGE || res.loading}
        onClick={() => setCursors((c) => [...c, Math.min(...rows.map((r) => r.seq))])}
        data-testid="audit-older"
      >
        {t('audit.older')}
      </button>
    </nav>
  );

  return (
    <ScreenPage title="nav.audit" wide>
      {res.error ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {res.loading && !res.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <DataTable
          caption={t('audit.log')}
          columns={columns}
          rows={rows}
          rowKey={(r) => r.seq}
          csvName={t('audit.csvName')}
          toolbar={pager}
          testId="audit-table"
        />
      )}
    </ScreenPage>
  );
}
