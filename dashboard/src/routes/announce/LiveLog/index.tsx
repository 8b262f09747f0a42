// "Đã phát trực tiếp": the live announcements between two dates (the last 7 days at first), for every staff
// member who opens the screen. Re-read when a broadcast of this screen goes on air or ends (`refreshKey`),
// and every few seconds while one in the list is still on air.
import { useEffect, useState } from 'preact/hooks';
import { addDays, localDate } from '../../../lib/local-day';
import { announceText } from '../../../lib/messages/announce';
import { useResource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { TextField } from '../../../components/Field/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { listLiveAnnouncements } from '../live-api';
import { LiveLogTable } from '../LiveLogTable/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const ON_AIR_REFRESH_MS = 15_000;

/** The default range: the last 7 days, today included. */
export function lastWeek(now: number): { from: string; to: string } {
  const to = localDate(now);
  return { from: addDays(to, -6), to };
}

export function LiveLog({ refreshKey }: { refreshKey: number }) {
  const { t } = announceText;
  const [range, setRange] = useState(() => lastWeek(Date.now()));
  const badRange = range.from !== '' && range.to !== '' && range.from > range.to;
  const log = useResource(
    () => (badRange ? Promise.resolve(null) : listLiveAnnouncements(range.from, range.to)),
    [range.from, range.to, refreshKey],
  );
  const items = log.data ?? null;
  const anyOnAir = items?.some((a) => a.onAir) ?? false;

  useEffect(() => {
    if (!anyOnAir) return;
    const timer = setInterval(() => log.reload(), ON_AIR_REFRESH_MS);
    return () => clearInterval(timer);
  }, [anyOnAir]);

  return (
    <section class={`${controls.panel} ${styles.log}`} aria-labelledby="live-log-h" data-testid="live-log-section">
      <h2 id="live-log-h" class={controls.heading}>
        {t('log.title')}
      </h2>
      <div class={styles.range}>
        <TextField
          id="live-log-from"
          type="date"
          label={t('log.from')}
          value={range.from}
          error={badRange ? t('log.badRange') : null}
          onValue={(from) => setRange((r) => ({ ...r, from }))}
          testId="live-log-from"
        />
        <TextField
          id="live-log-to"
          type="date"
          label={t('log.to')}
          value={range.to}
          onValue={(to) => setRange((r) => ({ ...r, to }))}
          testId="live-log-to"
        />
      </div>
      {log.error != null && <ErrorNotice error={log.error} onRetry={log.reload} testId="live-log-error" />}
      {log.data === undefined && log.error == null && <ProgressBar label={t('log.loading')} value={null} />}
      {items && <LiveLogTable items={items} />}
    </section>
  );
}
