// The schedule conflicts the server finds over its horizon (overfull speaker slots, ads over their share,
// content that expires, devices left on fallback, entries that never play), each said in the UI language.
import type { Device } from '../../../lib/devices-api';
import type { Conflict } from '../../../lib/schedules-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { schedulesText } from '../../../lib/messages/schedules';
import { DataTable, type Column } from '../../../components/DataTable/index';

interface Props {
  conflicts: readonly Conflict[];
  devices: readonly Device[];
}

export function ConflictList({ conflicts, devices }: Props) {
  const { t } = schedulesText;
  const l = lang.value;
  const deviceName = (id: number | null) => (id === null ? '' : (devices.find((d) => d.id === id)?.name ?? `#${id}`));
  const columns: Column<Conflict>[] = [
    { key: 'type', header: t('col.type'), render: (c) => t(`conflict.${c.type}`), csv: (c) => t(`conflict.${c.type}`), nowrap: true },
    { key: 'message', header: t('col.message'), render: (c) => c.message[l], csv: (c) => c.message[l] },
    {
      key: 'schedules',
      header: t('col.schedules'),
      render: (c) => c.scheduleIds.map((id) => `#${id}`).join(', '),
      csv: (c) => c.scheduleIds.join(' '),
    },
    { key: 'device', header: t('col.device'), render: (c) => deviceName(c.deviceId), csv: (c) => deviceName(c.deviceId) },
    { key: 'at', header: t('col.at'), render: (c) => formatDateTime(c.at, l), csv: (c) => c.at ?? '', nowrap: true },
  ];
  return (
    <DataTable
      caption={t('conflicts.title')}
      columns={columns}
      rows={conflicts}
      rowKey={(c) => `${c.type}-${c.scheduleIds.join('.')}-${c.deviceId ?? ''}-${c.at ?? ''}-${c.contentId ?? ''}`}
      empty={t('conflicts.none')}
      csvName={t('conflicts.csv')}
      testId="conflict-list"
    />
  );
}
