// The alerts screen: "Phát cảnh báo khẩn" (two steps) for editors, reviewers and admins, the list of
// alerts, and the selected alert with live acknowledgements and cancel.
import { useState } from 'preact/hooks';
import { listAlerts, type Alert } from '../../../lib/alerts-api';
import { formatDateTime } from '../../../lib/datetime';
import { listDevices, listGroups } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { alertsText } from '../../../lib/messages/alerts';
import { can as canDo } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { AlertDetail } from '../AlertDetail/index';
import { AlertIssueFlow } from '../AlertIssueFlow/index';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { useLiveFeed } from '../../../components/LiveDevices/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';

async function loadAll() {
  const [alerts, devices, groups] = await Promise.all([listAlerts(), listDevices(), listGroups()]);
  return { alerts, devices, groups };
}

export function AlertsScreen() {
  const { t, tf } = alertsText;
  useLiveFeed();
  const data = useResource(loadAll, []);
  const [composing, setComposing] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const canIssue = canDo(session.value?.user.roles ?? [], 'alerts.issue');
  const l = lang.value;
  const d = data.data;
  if (!d)
    return data.error != null ? (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    ) : (
      <ProgressBar label={t('list.title')} value={null} />
    );

  const columns: Column<Alert>[] = [
    { key: 'id', header: '#', render: (a) => a.id, csv: (a) => a.id, nowrap: true },
    { key: 'text', header: t('col.text'), render: (a) => a.text, csv: (a) => a.text },
    { key: 'status', header: t('col.status'), render: (a) => t(`status.${a.status}`), csv: (a) => t(`status.${a.status}`), nowrap: true },
    { key: 'starts', header: t('col.starts'), render: (a) => formatDateTime(a.startsAt, l), csv: (a) => a.startsAt, nowrap: true },
    {
      key: 'expires',
      header: t('col.expires'),
      render: (a) => formatDateTime(a.endedAt ?? a.expiresAt, l),
      csv: (a) => a.endedAt ?? a.expiresAt,
      nowrap: true,
    },
    { key: 'acks', header: t('col.acks'), render: (a) => a.ackCount, csv: (a) => a.ackCount, nowrap: true },
    {
      key: 'open',
      header: t('col.open'),
      render: (a) => (
        <button
          type="button"
          class={controls.button}
          onClick={() => setSelected(a.id)}
          aria-label={`${t('detail.open')} ${tf('detail.title', { id: a.id })}`}
        >
          {t('detail.open')}
        </button>
      ),
    },
  ];

  return (
    <div data-testid="alerts-screen">
      {!canIssue && <p class={controls.muted}>{t('readonly')}</p>}
      {notice && (
        <Notice tone="success" onDismiss={() => setNotice(null)} testId="alert-issued">
          {notice}
        </Notice>
      )}
      {canIssue && !composing && (
        <button type="button" class={controls.danger} onClick={() => setComposing(true)} data-testid="alert-open">
          {t('issue.open')}
        </button>
      )}
      {canIssue && composing && (
        <AlertIssueFlow
          devices={d.devices}
          groups={d.groups}
          onCancel={() => setComposing(false)}
          onIssued={(a) => {
            setComposing(false);
            setNotice(tf('issued', { id: a.id }));
            setSelected(a.id);
            data.reload();
          }}
        />
      )}
      {selected !== null && (
        <div class={controls.section}>
          <AlertDetail
            key={selected}
            alertId={selected}
            devices={d.devices}
            canIssue={canIssue}
            onClose={() => setSelected(null)}
            onChanged={data.reload}
          />
        </div>
      )}
      <section class={controls.section} aria-labelledby="alerts-list">
        <h2 id="alerts-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DataTable
          caption={t('list.title')}
          columns={columns}
          rows={d.alerts}
          rowKey={(a) => a.id}
          empty={t('list.empty')}
          csvName={t('list.csv')}
          testId="alert-list"
        />
      </section>
    </div>
  );
}
