// Every device with its live status (online, last seen, now playing, cache health) and, for editors,
// the commands identify, reload and set volume (speakers and kiosks).
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../lib/datetime';
import type { DeviceView } from '../../../lib/device-view';
import { patchDevice, sendDeviceCommand, type DeviceCommand, type DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';
import { schedulesText } from '../../../lib/messages/schedules';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  views: readonly DeviceView[];
  groups: readonly DeviceGroup[];
  titles: ReadonlyMap<string, string>;
  canWrite: boolean;
  onChanged: () => void;
}

export function DeviceTable({ views, groups, titles, canWrite, onChanged }: Props) {
  const { t, tf } = devicesText;
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [volumes, setVolumes] = useState<Record<number, number>>({});
  const l = lang.value;

  const status = (v: DeviceView) => (v.online ? t('status.online') : v.device.paired ? t('status.offline') : t('status.unpaired'));
  const playing = (v: DeviceView) =>
    v.nowPlaying
      ? tf('playing.content', {
          title: titles.get(v.nowPlaying.contentId) ?? `#${v.nowPlaying.contentId}`,
          cls: schedulesText.t(`class.${v.nowPlaying.class}`),
        })
      : t('playing.none');
  const cache = (v: DeviceView) =>
    v.cache === 'ok'
      ? tf('cache.ok', { files: v.cacheFiles })
      : v.cache === 'syncing'
        ? tf('cache.syncing', { missing: v.cacheMissing })
        : t('cache.unknown');
  const lastSeen = (v: DeviceView) => (v.lastSeenAt === null ? t('never') : formatDateTime(new Date(v.lastSeenAt).toISOString(), l));

  async function command(v: DeviceView, cmd: DeviceCommand, label: string) {
    setError(null);
    // Commands are not queued: an offline device would never get this one, so say so instead of sending.
    if (!v.online) {
      setDone(null);
      setInfo(t('cmd.offline'));
      return;
    }
    setInfo(null);
    try {
      await sendDeviceCommand(v.device.id, cmd);
      setDone(tf('cmd.sent', { cmd: label, name: v.device.name }));
    } catch (err) {
      setError(err);
    }
  }

  async function setVolume(v: DeviceView) {
    const volume = Math.max(0, Math.min(100, volumes[v.device.id] ?? v.device.volume ?? 70));
    setError(null);
    try {
      // The stored volume reaches the device with its settings; a connected player also gets it at once.
      await patchDevice(v.device.id, { volume });
      setDone(tf('cmd.volumeSaved', { volume, name: v.device.name }));
      onChanged();
      if (v.online) await sendDeviceCommand(v.device.id, { name: 'set_volume', volume }).catch(() => undefined);
    } catch (err) {
      setError(err);
    }
  }

  const columns: Column<DeviceView>[] = [
    { key: 'name', header: t('col.name'), render: (v) => v.device.name, csv: (v) => v.device.name },
    { key: 'kind', header: t('col.kind'), render: (v) => t(`kind.${v.device.kind}`), csv: (v) => t(`kind.${v.device.kind}`), nowrap: true },
    {
      key: 'status',
      header: t('col.status'),
      nowrap: true,
      render: (v) => (
        <span class={v.online ? styles.online : styles.offline} data-testid="device-status">
          <span aria-hidden="true">{v.online ? '●' : '○'}</span> {status(v)}
        </span>
      ),
      csv: status,
    },
    {
      key: 'seen',
      header: t('col.lastSeen'),
      render: lastSeen,
      csv: (v) => (v.lastSeenAt === null ? '' : new Date(v.lastSeenAt).toISOString()),
      nowrap: true,
    },
    { key: 'playing', header: t('col.nowPlaying'), render: playing, csv: playing },
    {
      key: 'cache',
      header: t('col.cache'),
      render: (v) => <span class={v.cache === 'syncing' ? styles.syncing : undefined}>{cache(v)}</span>,
      csv: cache,
    },
    {
      key: 'groups',
      header: t('col.groups'),
      render: (v) =>
        groups
          .filter((g) => v.device.groupIds.includes(g.id))
          .map((g) => g.name)
          .join(', '),
      csv: (v) =>
        groups
          .filter((g) => v.device.groupIds.includes(g.id))
          .map((g) => g.name)
          .join('; '),
    },
  ];
  if (canWrite) {
    columns.push({
      key: 'commands',
      header: t('col.commands'),
      render: (v) => (
        <div class={styles.commands}>
          <button
            type="button"
            class={controls.button}
            onClick={() => void command(v, { name: 'identify', durationMs: 30_000 }, t('cmd.identify'))}
            aria-label={`${t('cmd.identify')}: ${v.device.name}`}
          >
            {t('cmd.identify')}
          </button>
          <button
            type="button"
            class={controls.button}
            onClick={() => void command(v, { name: 'reload' }, t('cmd.reload'))}
            aria-label={`${t('cmd.reload')}: ${v.device.name}`}
          >
            {t('cmd.reload')}
          </button>
          {v.device.kind !== 'led' && (
            <span class={controls.row}>
              <input
                type="number"
                min={0}
                max={100}
                class={`${controls.input} ${styles.volume}`}
                value={volumes[v.device.id] ?? v.device.volume ?? 70}
                aria-label={tf('cmd.volume', { name: v.device.name })}
                onInput={(e) => setVolumes({ ...volumes, [v.device.id]: Number(e.currentTarget.value) })}
              />
              <button type="button" class={controls.button} onClick={() => void setVolume(v)}>
                {t('cmd.setVolume')}
              </button>
            </span>
          )}
        </div>
      ),
    });
  }
  return (
    <>
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {info && (
        <Notice tone="info" onDismiss={() => setInfo(null)} testId="device-info">
          {info}
        </Notice>
      )}
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId="device-notice">
          {done}
        </Notice>
      )}
      <DataTable
        caption={t('list.title')}
        columns={columns}
        rows={views}
        rowKey={(v) => v.device.id}
        empty={t('list.empty')}
        csvName={t('list.csv')}
        testId="device-list"
      />
    </>
  );
}
