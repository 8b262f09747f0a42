// The devices screen: pairing by code, the device list with live status and commands, groups and their
// members, and the list of locations (no map: residential group, address, coordinates).
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { listContent } from '../../../lib/content-api';
import { deviceView } from '../../../lib/device-view';
import { listDevices, listGroups, type Device } from '../../../lib/devices-api';
import { live } from '../../../lib/live-status';
import { devicesText } from '../../../lib/messages/devices';
import { can as canDo } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { useResource } from '../../../lib/use-resource';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { DeviceTable } from '../DeviceTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { GroupManager } from '../GroupManager/index';
import { LiveDevices } from '../../../components/LiveDevices/index';
import { PairDeviceForm } from '../PairDeviceForm/index';
import { ReceiverForm } from '../ReceiverForm/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';

async function loadAll() {
  const [devices, groups, contents] = await Promise.all([listDevices(), listGroups(), listContent({ limit: 200 }).catch(() => [])]);
  return { devices, groups, contents };
}

const coords = (d: Device) => (d.location.lat !== null && d.location.lon !== null ? `${d.location.lat}, ${d.location.lon}` : '');

/**
 * The list is loaded once; a device paired elsewhere (another staff member, another tab) first shows up in
 * the live feed. Reload when the feed names a device the list does not have, once per such device.
 */
function useReloadOnUnknownDevice(devices: readonly Device[] | undefined, reload: () => void): void {
  const asked = useRef(new Set<string>());
  const liveIds = Object.keys(live.value.devices);
  useEffect(() => {
    if (!devices) return;
    const known = new Set(devices.map((x) => String(x.id)));
    const unknown = liveIds.filter((id) => !known.has(id) && !asked.current.has(id));
    if (unknown.length === 0) return;
    for (const id of unknown) asked.current.add(id);
    reload();
  }, [devices, liveIds.join(',')]);
}

export function DevicesScreen() {
  const { t } = devicesText;
  const data = useResource(loadAll, []);
  const canWrite = canDo(session.value?.user.roles ?? [], 'devices.write');
  const d = data.data;
  useReloadOnUnknownDevice(d?.devices, data.reload);
  const titles = useMemo(
    () => new Map((d?.contents ?? []).map((c) => [String(c.id), c.playing?.title ?? c.latest?.title ?? `#${c.id}`])),
    [d],
  );
  if (!d)
    return data.error != null ? (
      <ErrorNotice error={data.error} onRetry={data.reload} />
    ) : (
      <ProgressBar label={t('list.title')} value={null} />
    );

  const views = d.devices.map((x) => deviceView(x, live.value));
  const locationColumns: Column<Device>[] = [
    { key: 'name', header: t('col.name'), render: (x) => x.name, csv: (x) => x.name },
    { key: 'kind', header: t('col.kind'), render: (x) => t(`kind.${x.kind}`), csv: (x) => t(`kind.${x.kind}`), nowrap: true },
    {
      key: 'rg',
      header: t('col.residentialGroup'),
      render: (x) => x.location.residentialGroup ?? '',
      csv: (x) => x.location.residentialGroup,
    },
    { key: 'address', header: t('col.address'), render: (x) => x.location.address ?? '', csv: (x) => x.location.address },
    { key: 'coords', header: t('col.coordinates'), render: coords, csv: coords, nowrap: true },
  ];
  const byPlace = [...d.devices].sort(
    (a, b) =>
      (a.location.residentialGroup ?? '').localeCompare(b.location.residentialGroup ?? '', 'vi') || a.name.localeCompare(b.name, 'vi'),
  );

  return (
    <div data-testid="devices-screen">
      {!canWrite && <p class={controls.muted}>{t('readonly')}</p>}
      <LiveDevices devices={d.devices} list={false} />
      {canWrite && (
        <section class={controls.section}>
          <PairDeviceForm groups={d.groups} onPaired={data.reload} />
        </section>
      )}
      {canWrite && (
        <section class={controls.section}>
          <ReceiverForm groups={d.groups} onAdded={data.reload} />
        </section>
      )}
      <section class={controls.section} aria-labelledby="dev-list">
        <h2 id="dev-list" class={controls.heading}>
          {t('list.title')}
        </h2>
        <DeviceTable views={views} groups={d.groups} titles={titles} canWrite={canWrite} onChanged={data.reload} />
      </section>
      <section class={controls.section} aria-labelledby="dev-groups">
        <h2 id="dev-groups" class={controls.heading}>
          {t('groups.title')}
        </h2>
        <GroupManager groups={d.groups} devices={d.devices} canWrite={canWrite} onChanged={data.reload} />
      </section>
      <section class={controls.section} aria-labelledby="dev-locations">
        <h2 id="dev-locations" class={controls.heading}>
          {t('locations.title')}
        </h2>
        <DataTable
          caption={t('locations.title')}
          columns={locationColumns}
          rows={byPlace}
          rowKey={(x) => x.id}
          empty={t('list.empty')}
          csvName={t('locations.csv')}
          testId="location-list"
        />
      </section>
    </div>
  );
}
