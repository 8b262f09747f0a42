// One alert: its text and state, a live acknowledgement for each targeted device (from the server's list,
// then from the live feed as devices answer), and cancel for those who may issue alerts.
import { useState } from 'preact/hooks';
import { cancelAlert, getAlert } from '../../../lib/alerts-api';
import { formatDateTime } from '../../../lib/datetime';
import { deviceView } from '../../../lib/device-view';
import type { Device } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { acksOf, live } from '../../../lib/live-status';
import { alertsText } from '../../../lib/messages/alerts';
import { devicesText } from '../../../lib/messages/devices';
import { targetsDevice } from '@bantin/protocol/core';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  alertId: number;
  devices: readonly Device[];
  canIssue: boolean;
  onClose: () => void;
  onChanged: () => void;
}

interface AckRow {
  device: Device;
  at: number | null;
  online: boolean;
}

export function AlertDetail({ alertId, devices, canIssue, onClose, onChanged }: Props) {
  const { t, tf } = alertsText;
  const alert = useResource(() => getAlert(alertId), [alertId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const l = lang.value;
  const a = alert.data;
  if (!a)
    return alert.error != null ? (
      <ErrorNotice error={alert.error} onRetry={alert.reload} />
    ) : (
      <ProgressBar label={tf('detail.title', { id: alertId })} value={null} />
    );

  const state = live.value;
  const liveAcks = acksOf(state, a.id);
  const stored = new Map(a.acks.map((x) => [String(x.deviceId), Date.parse(x.ackedAt)]));
  const rows: AckRow[] = devices
    .filter((d) => targetsDevice(a.target, d) || stored.has(String(d.id)) || liveAcks.has(String(d.id)))
    .map((d) => ({ device: d, at: stored.get(String(d.id)) ?? liveAcks.get(String(d.id)) ?? null, online: deviceView(d, state).online }));
  const acked = rows.filter((r) => r.at !== null).length;
  const ackText = (r: AckRow) =>
    r.at !== null
      ? tf('detail.acked', { at: formatDateTime(new Date(r.at).toISOString(), l) })
      : r.online
        ? t('detail.waiting')
        : t('detail.offline');

  async function cancel() {
    if (!window.confirm(t('cancel.confirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await cancelAlert(a!.id);
      setDone(tf('cancel.done', { id: a!.id }));
      alert.reload();
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<AckRow>[] = [
    { key: 'device', header: t('col.device'), render: (r) => r.device.name, csv: (r) => r.device.name },
    { key: 'kind', header: t('col.kind'), render: (r) => devicesText.t(`kind.${r.device.kind}`), csv: (r) => r.device.kind, nowrap: true },
    {
      key: 'ack',
      header: t('col.ack'),
      render: (r) => (
        <span class={r.at !== null ? styles.acked : styles.waiting} data-testid="alert-ack">
          <span aria-hidden="true">{r.at !== null ? '✓ ' : '… '}</span>
          {ackText(r)}
        </span>
      ),
      csv: (r) => (r.at !== null ? new Date(r.at).toISOString() : ''),
    },
  ];

  return (
    <section class={styles.detail} aria-labelledby="alert-detail-title" data-testid="alert-detail">
      <div class={controls.row}>
        <h2 id="alert-detail-title" class={controls.heading}>
          {tf('detail.title', { id: a.id })}
        </h2>
        <span class={`${styles.status} ${styles[a.status]}`} data-testid="alert-status">
          {t(`status.${a.status}`)}
        </span>
      </div>
      <blockquote class={styles.text}>{a.text}</blockquote>
      <p class={controls.muted}>
        {t('col.starts')}: {formatDateTime(a.startsAt, l)} · {t('col.expires')}: {formatDateTime(a.endedAt ?? a.expiresAt, l)}
      </p>
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId="alert-cancelled">
          {done}
        </Notice>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {busy && <ProgressBar label={t('cancel.cancelling')} value={null} />}
      <div class={controls.row}>
        {canIssue && a.status === 'active' && (
          <button type="button" class={controls.danger} disabled={busy} onClick={() => void cancel()} data-testid="alert-cancel">
            {busy ? t('cancel.cancelling') : t('cancel.button')}
          </button>
        )}
        <button type="button" class={controls.button} onClick={onClose}>
          {t('detail.close')}
        </button>
      </div>
      <h3 class={styles.subheading} data-testid="alert-ack-count">
        {tf('detail.acks', { n: acked, total: rows.length })}
      </h3>
      <p class={controls.muted}>{t('detail.live')}</p>
      <DataTable
        caption={tf('detail.acks', { n: acked, total: rows.length })}
        columns={columns}
        rows={rows}
        rowKey={(r) => r.device.id}
        csvName={t('detail.csv')}
        testId="alert-acks"
      />
    </section>
  );
}
