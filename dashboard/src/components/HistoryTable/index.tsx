// Every review decision on a content item (submitted, approved, rejected with its reason, withdrawn…),
// newest first, with the version and its sha256 the decision was bound to.
import type { HistoryEntry } from '../../lib/content-api';
import { formatDateTime } from '../../lib/datetime';
import { dictionaries, lang, t, type MessageKey } from '../../lib/i18n';
import { DataTable, type Column } from '../DataTable';
import controls from '../controls.module.css';

/** The label of a decision or reason word from the server, or the word itself when we do not know it. */
function label(prefix: string, word: string | null): string {
  if (!word) return '';
  const key = `${prefix}.${word}` as MessageKey;
  return key in dictionaries.vi ? t(key) : word;
}

export function HistoryTable({ entries, caption }: { entries: readonly HistoryEntry[]; caption: string }) {
  const rows = [...entries].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id);
  const columns: Column<HistoryEntry>[] = [
    { key: 'at', header: t('col.at'), render: (r) => formatDateTime(r.at, lang.value), csv: (r) => r.at, nowrap: true },
    { key: 'version', header: t('col.version'), render: (r) => r.version, csv: (r) => r.version, nowrap: true },
    {
      key: 'decision',
      header: t('col.decision'),
      render: (r) => <strong>{label('decision', r.decision)}</strong>,
      csv: (r) => label('decision', r.decision),
    },
    {
      key: 'reason',
      header: t('col.reason'),
      render: (r) => (r.reason === 'superseded' ? t('decision.superseded') : r.reason),
      csv: (r) => (r.reason === 'superseded' ? t('decision.superseded') : r.reason),
    },
    { key: 'actor', header: t('col.actor'), render: (r) => r.actor ?? '', csv: (r) => r.actor },
    {
      key: 'sha',
      header: 'sha256',
      render: (r) => (
        <span class={controls.mono} title={r.versionSha256}>
          {r.versionSha256.slice(0, 12)}…
        </span>
      ),
      csv: (r) => r.versionSha256,
    },
  ];
  return <DataTable caption={caption} columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('content.noHistory')} testId="history" />;
}
