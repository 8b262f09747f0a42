// The informational columns of the device list (name, kind, live status, last seen, now playing, cache,
// groups), with the same text on screen and in the CSV export.
import { formatDateTime } from '../../../lib/datetime';
import { liveStatus, type DeviceView } from '../../../lib/device-view';
import type { DeviceGroup } from '../../../lib/devices-api';
import type { Lang } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';
import { schedulesText } from '../../../lib/messages/schedules';
import type { Column } from '../../../components/DataTable/index';
import styles from './style.module.css';

const { t, tf } = devicesText;

/** Only revoking takes a token away, so a device once seen that has none now was revoked. */
const status = (v: DeviceView) =>
  v.sleeping
    ? t('status.sleeping')
    : v.online
    ? t('status.online')
    : v.device.paired
      ? t('status.offline')
      : v.device.lastSeenAt !== null
        ? t('status.revoked')
        : t('status.unpaired');
/** A receiver's open streams: "192.168.1.20 · VLC/3.0 · từ 06:00". */
const listening = (v: DeviceView, l: Lang) =>
  v.stream
    .map((c) => tf('stream.connection', { address: c.address ?? '?', client: c.userAgent ?? '?', since: formatDateTime(new Date(c.since).toISOString(), l) }))
    .join('; ');
const playing = (titles: ReadonlyMap<string, string>, l: Lang) => (v: DeviceView) =>
  v.device.kind === 'receiver'
    ? v.stream.length > 0
      ? listening(v, l)
      : t('playing.none')
    : v.nowPlaying
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
const lastSeen = (l: Lang) => (v: DeviceView) =>
  v.lastSeenAt === null ? t('never') : formatDateTime(new Date(v.lastSeenAt).toISOString(), l);
const groupNames = (groups: readonly DeviceGroup[], v: DeviceView, sep: string) =>
  groups
    .filter((g) => v.device.groupIds.includes(g.id))
    .map((g) => g.name)
    .join(sep);

const statusColumn = (): Column<DeviceView> => ({
  key: 'status',
  header: t('col.status'),
  nowrap: true,
  render: (v) => (
    <span class={styles[liveStatus(v)]} data-testid="device-status" data-status={liveStatus(v)}>
      <span aria-hidden="true">{v.sleeping ? '◐' : v.online ? '●' : '○'}</span> {status(v)}
    </span>
  ),
  csv: status,
});

export function infoColumns(groups: readonly DeviceGroup[], titles: ReadonlyMap<string, string>, l: Lang): Column<DeviceView>[] {
  const nowPlaying = playing(titles, l);
  return [
    { key: 'name', header: t('col.name'), render: (v) => v.device.name, csv: (v) => v.device.name },
    { key: 'kind', header: t('col.kind'), render: (v) => t(`kind.${v.device.kind}`), csv: (v) => t(`kind.${v.device.kind}`), nowrap: true },
    statusColumn(),
    {
      key: 'seen',
      header: t('col.lastSeen'),
      render: lastSeen(l),
      csv: (v) => (v.lastSeenAt === null ? '' : new Date(v.lastSeenAt).toISOString()),
      nowrap: true,
    },
    {
      key: 'playing',
      header: t('col.nowPlaying'),
      render: (v) => <span data-testid="device-now-playing">{nowPlaying(v)}</span>,
      csv: nowPlaying,
    },
    {
      key: 'cache',
      header: t('col.cache'),
      render: (v) => (
        <span class={v.cache === 'syncing' ? styles.syncing : undefined} data-testid="device-cache">
          {cache(v)}
        </span>
      ),
      csv: cache,
    },
    {
      key: 'groups',
      header: t('col.groups'),
      render: (v) => groupNames(groups, v, ', '),
      csv: (v) => groupNames(groups, v, '; '),
    },
  ];
}
