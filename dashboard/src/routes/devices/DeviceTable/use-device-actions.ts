// What staff do to a listed device (identify, reload, set volume, revoke its token) and the notices
// those actions leave behind, kept apart from the table that shows the buttons.
import { useState } from 'preact/hooks';
import type { DeviceView } from '../../../lib/device-view';
import {
  patchDevice,
  revokeDevice,
  rotateReceiverStream,
  sendDeviceCommand,
  setDevicePower,
  type DeviceCommand,
  type PowerRequest,
  type ReceiverCreated,
} from '../../../lib/devices-api';
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';

export function useDeviceActions(onChanged: () => void) {
  const { t, tf } = devicesText;
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [volumes, setVolumes] = useState<Record<number, number>>({});
  const [revoking, setRevoking] = useState<DeviceView | null>(null);
  const [busy, setBusy] = useState(false);
  const [rotated, setRotated] = useState<ReceiverCreated | null>(null);
  /** The screen whose power panel is open (wake, sleep, back to its hours). */
  const [powering, setPowering] = useState<DeviceView | null>(null);

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

  /**
   * Runs one action with the busy flag up: `done` is told when it succeeds (its message is shown), the error
   * otherwise; `info` is what staff should know meanwhile.
   */
  async function busyWith(info: string | null, action: () => Promise<void>, after?: () => void) {
    setError(null);
    setInfo(info);
    setBusy(true);
    try {
      await action();
      onChanged();
    } catch (err) {
      setDone(null);
      setError(err);
    } finally {
      setBusy(false);
      after?.();
    }
  }

  /** Revokes the token of the device awaiting confirmation; the server closes its connection at once. */
  async function revoke() {
    if (!revoking) return;
    const id = revoking.device.id;
    await busyWith(
      null,
      async () => {
        const device = await revokeDevice(id);
        setDone(tf('revoke.done', { name: device.name }));
      },
      () => setRevoking(null),
    );
  }

  /**
   * Wakes a screen or puts it to sleep, or hands it back to its hours. Stored on the server: an offline screen
   * takes it when it reconnects, so it is sent whether or not the device is online (and staff are told).
   */
  async function power(v: DeviceView, req: PowerRequest) {
    await busyWith(v.online ? null : t('power.offline'), async () => {
      const device = await setDevicePower(v.device.id, req);
      const until = device.powerOverride ? formatDateTime(device.powerOverride.until, lang.value) : '';
      setDone(tf(`power.done.${req.state}`, { name: device.name, until }));
      setPowering({ ...v, device });
    });
  }

  /** A receiver gets a new stream URL (shown once); its old one stops and its open stream is closed. */
  async function rotate(v: DeviceView) {
    setError(null);
    setDone(null);
    try {
      setRotated(await rotateReceiverStream(v.device.id));
      onChanged();
    } catch (err) {
      setError(err);
    }
  }

  return {
    done,
    setDone,
    error,
    setError,
    info,
    setInfo,
    volumes,
    setVolumes,
    command,
    setVolume,
    revoking,
    setRevoking,
    busy,
    revoke,
    rotated,
    setRotated,
    rotate,
    powering,
    setPowering,
    power,
  };
}

export type DeviceActions = ReturnType<typeof useDeviceActions>;
