// Every device with its live status (online, sleeping, last seen, now playing, cache health) and, for editors,
// the commands identify, reload and set volume (speakers and kiosks), the screens' power panel (wake, sleep,
// back to the operating hours), and revoking a device's token.
import { OnceUrl, absoluteUrl } from '../../../components/OnceUrl/index';
import type { DeviceView } from '../../../lib/device-view';
import type { DeviceGroup } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';
import { ConfirmDialog } from '../../../components/ConfirmDialog/index';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import { infoColumns } from './columns';
import { DeviceCommands } from './commands';
import { ScreenPower } from '../ScreenPower/index';
import { useDeviceActions, type DeviceActions } from './use-device-actions';

interface Props {
  views: readonly DeviceView[];
  groups: readonly DeviceGroup[];
  titles: ReadonlyMap<string, string>;
  /** May change devices; the server guards revoking with the same roles as every other device change. */
  canWrite: boolean;
  onChanged: () => void;
}

export function DeviceTable({ views, groups, titles, canWrite, onChanged }: Props) {
  const { t } = devicesText;
  const actions = useDeviceActions(onChanged);
  const columns: Column<DeviceView>[] = infoColumns(groups, titles, lang.value);
  if (canWrite) {
    columns.push({ key: 'commands', header: t('col.commands'), render: (v) => <DeviceCommands v={v} actions={actions} /> });
  }
  // The open power panel shows the list's view (live status) with the freshest record of the device.
  const opened = actions.powering;
  const listed = opened && views.find((v) => v.device.id === opened.device.id);
  const powering = opened && listed ? { ...listed, device: listed.device.updatedAt >= opened.device.updatedAt ? listed.device : opened.device } : opened;
  return (
    <>
      <ActionNotices actions={actions} />
      {canWrite && powering && <ScreenPower v={powering} actions={actions} />}
      <DataTable
        caption={t('list.title')}
        columns={columns}
        rows={views}
        rowKey={(v) => v.device.id}
        empty={t('list.empty')}
        csvName={t('list.csv')}
        testId="device-list"
      />
      {canWrite && <RevokeDialog actions={actions} />}
    </>
  );
}

function ActionNotices({ actions: a }: { actions: DeviceActions }) {
  return (
    <>
      {a.error != null && <ErrorNotice error={a.error} onDismiss={() => a.setError(null)} />}
      {a.info && (
        <Notice tone="info" onDismiss={() => a.setInfo(null)} testId="device-info">
          {a.info}
        </Notice>
      )}
      {a.rotated && (
        <Notice tone="success" onDismiss={() => a.setRotated(null)} testId="receiver-rotated">
          {devicesText.tf('recv.rotated', { name: a.rotated.device.name })}
          <OnceUrl label={devicesText.t('recv.mp3')} url={absoluteUrl(a.rotated.access.mp3Path)} testId="receiver-rotated-mp3" />
          <OnceUrl label={devicesText.t('recv.hls')} url={absoluteUrl(a.rotated.access.hlsPath)} testId="receiver-rotated-hls" />
        </Notice>
      )}
      {a.done && (
        <Notice tone="success" onDismiss={() => a.setDone(null)} testId="device-notice">
          {a.done}
        </Notice>
      )}
    </>
  );
}

function RevokeDialog({ actions: a }: { actions: DeviceActions }) {
  const { t, tf } = devicesText;
  return (
    <ConfirmDialog
      id="revoke"
      open={a.revoking !== null}
      title={tf('revoke.title', { name: a.revoking?.device.name ?? '' })}
      message={t('revoke.message')}
      confirmLabel={t('revoke.confirm')}
      cancelLabel={t('revoke.cancel')}
      busyLabel={t('revoke.busy')}
      busy={a.busy}
      onConfirm={() => void a.revoke()}
      onCancel={() => a.setRevoking(null)}
    />
  );
}
