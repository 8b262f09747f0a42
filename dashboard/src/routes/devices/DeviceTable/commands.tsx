// The commands cell of one device row, for staff who may change devices: identify, reload, the volume
// of speakers and kiosks, the power panel of screens, and revoking the token of a paired device (lost or stolen).
import { hasScreen, type DeviceView } from '../../../lib/device-view';
import { devicesText } from '../../../lib/messages/devices';
import controls from '../../../components/controls.module.css';
import type { DeviceActions } from './use-device-actions';
import styles from './style.module.css';

export function DeviceCommands({ v, actions: a }: { v: DeviceView; actions: DeviceActions }) {
  const { t, tf } = devicesText;
  const receiver = v.device.kind === 'receiver';
  return (
    <div class={styles.commands}>
      {receiver && (
        <button
          type="button"
          class={controls.button}
          onClick={() => void a.rotate(v)}
          aria-label={`${t('recv.rotate')}: ${v.device.name}`}
          data-testid="receiver-rotate"
        >
          {t('recv.rotate')}
        </button>
      )}
      {!receiver && (
        <>
          <button
            type="button"
            class={controls.button}
            onClick={() => void a.command(v, { name: 'identify', durationMs: 30_000 }, t('cmd.identify'))}
            aria-label={`${t('cmd.identify')}: ${v.device.name}`}
          >
            {t('cmd.identify')}
          </button>
          <button
            type="button"
            class={controls.button}
            onClick={() => void a.command(v, { name: 'reload' }, t('cmd.reload'))}
            aria-label={`${t('cmd.reload')}: ${v.device.name}`}
          >
            {t('cmd.reload')}
          </button>
        </>
      )}
      {hasScreen(v.device) && (
        <button
          type="button"
          class={controls.button}
          onClick={() => a.setPowering(v)}
          aria-label={`${t('power.open')}: ${v.device.name}`}
          aria-expanded={a.powering?.device.id === v.device.id}
          data-testid="screen-power-open"
        >
          {t('power.open')}
        </button>
      )}
      {v.device.kind !== 'led' && !receiver && (
        <span class={controls.row}>
          <input
            type="number"
            min={0}
            max={100}
            class={`${controls.input} ${styles.volume}`}
            value={a.volumes[v.device.id] ?? v.device.volume ?? 70}
            aria-label={tf('cmd.volume', { name: v.device.name })}
            onInput={(e) => a.setVolumes({ ...a.volumes, [v.device.id]: Number(e.currentTarget.value) })}
          />
          <button type="button" class={controls.button} onClick={() => void a.setVolume(v)}>
            {t('cmd.setVolume')}
          </button>
        </span>
      )}
      {/* Online proves a valid token even when the stored list predates the device collecting it. */}
      {(v.device.paired || v.online) && (
        <button
          type="button"
          class={controls.danger}
          onClick={() => a.setRevoking(v)}
          aria-label={`${t('revoke.open')}: ${v.device.name}`}
          data-testid="device-revoke"
        >
          {t('revoke.open')}
        </button>
      )}
    </div>
  );
}
