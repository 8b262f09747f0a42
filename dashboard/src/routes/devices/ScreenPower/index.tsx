// The power panel of one screen (LED, kiosk): its operating hours and the override in force with its end,
// and the choices — wake it (Bật màn hình) or put it to sleep (Tắt màn hình) for a while, or hand it back to its
// hours (Theo giờ hoạt động). The server keeps the override, audits it, and the screen follows its new timeline;
// emergency alerts still show on a sleeping screen.
import { useState } from 'preact/hooks';
import { formatDateTime } from '../../../lib/datetime';
import { activePowerOverride, liveStatus, type DeviceView } from '../../../lib/device-view';
import { POWER_DURATIONS } from '../../../lib/devices-api';
import { lang, t as common } from '../../../lib/i18n';
import { devicesText } from '../../../lib/messages/devices';
import controls from '../../../components/controls.module.css';
import type { DeviceActions } from '../DeviceTable/use-device-actions';
import styles from './style.module.css';

const DURATION_KEYS = { 30: 'power.minutes30', 60: 'power.hours1', 120: 'power.hours2', 240: 'power.hours4', 480: 'power.hours8' } as const;

export function ScreenPower({ v, actions: a, now = Date.now() }: { v: DeviceView; actions: DeviceActions; now?: number }) {
  const { t, tf } = devicesText;
  const [minutes, setMinutes] = useState<number>(60);
  const d = v.device;
  const override = activePowerOverride(d, now);
  const until = override ? formatDateTime(override.until, lang.value) : '';
  const status = liveStatus(v);
  const id = `power-${d.id}`;
  return (
    <section class={controls.panel} aria-labelledby={`${id}-title`} data-testid="screen-power" data-device-id={d.id}>
      <h3 id={`${id}-title`} class={styles.title}>
        {tf('power.title', { name: d.name })}{' '}
        <span class={styles[status]} data-testid="screen-power-status">
          · {t(`status.${status}`)}
        </span>
      </h3>
      <p class={controls.muted}>{d.operatingHours ? tf('power.hours', d.operatingHours) : t('power.always')}</p>
      <p data-testid="screen-power-override" data-state={override?.state ?? 'schedule'}>
        {override ? tf(override.state === 'awake' ? 'power.awakeUntil' : 'power.asleepUntil', { until }) : t('power.none')}
      </p>
      <div class={controls.row}>
        <label for={`${id}-minutes`}>{t('power.duration')}</label>
        <select
          id={`${id}-minutes`}
          class={controls.input}
          value={String(minutes)}
          onChange={(e) => setMinutes(Number(e.currentTarget.value))}
          data-testid="screen-power-minutes"
        >
          {POWER_DURATIONS.map((m) => (
            <option key={m} value={String(m)}>
              {t(DURATION_KEYS[m])}
            </option>
          ))}
        </select>
        <button
          type="button"
          class={controls.primary}
          disabled={a.busy}
          onClick={() => void a.power(v, { state: 'awake', minutes })}
          data-testid="screen-wake"
        >
          {t('power.wake')}
        </button>
        <button
          type="button"
          class={controls.button}
          disabled={a.busy}
          onClick={() => void a.power(v, { state: 'asleep', minutes })}
          data-testid="screen-sleep"
        >
          {t('power.sleep')}
        </button>
        <button
          type="button"
          class={controls.button}
          disabled={a.busy || !override}
          onClick={() => void a.power(v, { state: 'schedule' })}
          data-testid="screen-schedule"
        >
          {t('power.schedule')}
        </button>
        <button
          type="button"
          class={controls.button}
          onClick={() => a.setPowering(null)}
          aria-label={`${common('common.dismiss')}: ${t('power.open')}`}
        >
          ×
        </button>
      </div>
      {a.busy && <p class={controls.muted}>{t('power.busy')}</p>}
    </section>
  );
}
