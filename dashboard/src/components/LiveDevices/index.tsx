// The live part of the overview: how many devices are online, sleeping (screens black outside their hours or
// put to sleep; online, not offline), offline and playing now, and each device's status as it changes (over
// /ws/dashboard). Mount it anywhere: it loads the device list itself unless it is given one, and shares the
// one live socket of the tab.
import { useEffect } from 'preact/hooks';
import { deviceView, liveCounts, liveStatus, sleepingCount } from '../../lib/device-view';
import { listDevices, type Device } from '../../lib/devices-api';
import { live, subscribeLive } from '../../lib/live-status';
import { devicesText } from '../../lib/messages/devices';
import { useResource } from '../../lib/use-resource';
import { ErrorNotice } from '../ErrorNotice';
import styles from './style.module.css';

interface Props {
  /** The device list when the caller already has it; otherwise it is loaded here. */
  devices?: readonly Device[];
  /** Show the per-device list under the counts (the overview does; a compact header may not). */
  list?: boolean;
}

/** Keeps the live feed open while the calling component is mounted. */
export function useLiveFeed(): void {
  useEffect(() => subscribeLive(), []);
}

export function LiveDevices({ devices, list = true }: Props) {
  const { t } = devicesText;
  useLiveFeed();
  const loaded = useResource(async () => (devices ? null : listDevices()), [devices === undefined]);
  const all = devices ?? loaded.data ?? [];
  const state = live.value;
  const views = all.map((d) => deviceView(d, state));
  const counts = liveCounts(views);
  const sleeping = sleepingCount(views);
  const connection = state.connection === 'open' ? 'live.open' : state.connection === 'connecting' ? 'live.connecting' : 'live.closed';

  return (
    <section class={styles.live} aria-labelledby="live-devices-title" data-testid="live-devices">
      <h2 id="live-devices-title" class={styles.title}>
        {t('live.title')}
      </h2>
      {loaded.error != null && <ErrorNotice error={loaded.error} onRetry={loaded.reload} />}
      <dl class={styles.counts}>
        <div class={styles.online}>
          <dt>{t('live.online')}</dt>
          <dd data-testid="live-online">{counts.online}</dd>
        </div>
        <div class={styles.offline}>
          <dt>{t('live.offline')}</dt>
          <dd data-testid="live-offline">{counts.offline}</dd>
        </div>
        <div class={styles.sleeping}>
          <dt>{t('live.sleeping')}</dt>
          <dd data-testid="live-sleeping">{sleeping}</dd>
        </div>
        <div>
          <dt>{t('live.playing')}</dt>
          <dd data-testid="live-playing">{counts.playing}</dd>
        </div>
      </dl>
      <p class={styles.connection} role="status" data-connection={state.connection}>
        {t(connection)}
      </p>
      {list && views.length === 0 && <p>{t('live.empty')}</p>}
      {list && views.length > 0 && (
        <ul class={styles.list}>
          {views.map((v) => (
            <li key={v.device.id} data-testid="live-device" data-online={String(v.online)} data-status={liveStatus(v)}>
              <span class={v.sleeping ? styles.dotSleep : v.online ? styles.dotOn : styles.dotOff} aria-hidden="true" />
              <span class={styles.name}>{v.device.name}</span>
              <span class={styles.state}>{t(`live.${liveStatus(v)}`)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
