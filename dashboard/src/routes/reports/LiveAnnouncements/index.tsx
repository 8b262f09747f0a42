// The live announcements (phát trực tiếp) under proof of play: not reviewed before they go out, so the office
// checks them here afterwards: when, who spoke, to which groups, how long, why it ended, and the recording as it
// went out (a player that loads nothing until asked). The wrapper is data-testid="report-live", each row
// data-testid="report-live-row".
import { formatDateTime } from '../../../lib/datetime';
import { formatDuration } from '../../../lib/duration';
import { lang, type Lang } from '../../../lib/i18n';
import { reportsText } from '../../../lib/messages/reports';
import type { DateRange, PlaysRegion, PlaysReport } from '../../../lib/reports-api';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export type LiveEntry = PlaysReport['live'][number];

/** The server's CSV of the live announcements of the range (one row each). */
export const liveCsvHref = (r: DateRange, region: PlaysRegion | '' = '') =>
  `/api/reports/plays.csv?${new URLSearchParams({ from: r.from, to: r.to, ...(region ? { region } : {}), table: 'live' }).toString()}`;

/** A live announcement's length as "2 phút 9 giây"; on air (no end yet): "Đang phát". */
export function liveDuration(x: LiveEntry, l: Lang): string {
  const { tl } = reportsText;
  if (x.durationMs === null) return x.endedAt === null ? tl(l, 'live.onAir') : tl(l, 'none');
  const total = Math.round(x.durationMs / 1000);
  return tl(l, 'live.duration')
    .replace('{m}', String(Math.floor(total / 60)))
    .replace('{s}', String(total % 60));
}

/** Why it ended; nothing yet while on air (its length already says "Đang phát"). */
const endReason = (x: LiveEntry, l: Lang) => reportsText.tl(l, x.endReason === null ? 'none' : `live.end.${x.endReason}`);

export function LiveAnnouncements({ items, range, region }: { items: readonly LiveEntry[]; range: DateRange; region: PlaysRegion | '' }) {
  const { t, tf } = reportsText;
  const l = lang.value;
  const totalSeconds = Math.round(items.reduce((a, x) => a + (x.durationMs ?? 0), 0) / 1000);
  return (
    <div data-testid="report-live">
      <h3 id="rep-live" class={controls.heading}>
        {t('live.title')}
      </h3>
      <p class={controls.muted}>{t('live.note')}</p>
      <div class={controls.row}>
        <span data-testid="report-live-totals">{tf('live.totals', { count: items.length, duration: formatDuration(totalSeconds, l) })}</span>
        <a class={controls.button} href={liveCsvHref(range, region)} download>
          {t('live.csv')}
        </a>
      </div>
      {items.length === 0 ? (
        <p class={controls.muted} data-testid="report-live-empty">
          {t('live.empty')}
        </p>
      ) : (
        <div class={styles.scroll} tabIndex={0} role="region" aria-labelledby="rep-live">
          <table class={styles.table}>
            <caption class={controls.srOnly}>{t('live.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('live.col.time')}</th>
                <th scope="col">{t('live.col.class')}</th>
                <th scope="col">{t('live.col.speaker')}</th>
                <th scope="col">{t('live.col.groups')}</th>
                <th scope="col">{t('live.col.duration')}</th>
                <th scope="col">{t('live.col.end')}</th>
                <th scope="col">{t('live.col.recording')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((x) => {
                const time = formatDateTime(x.startedAt, l);
                return (
                  <tr key={x.id} data-testid="report-live-row" data-id={x.id} data-class={x.class}>
                    <td class={styles.nowrap}>
                      {time}
                      {x.title && <span class={styles.title}>{x.title}</span>}
                    </td>
                    <td class={styles.nowrap}>{t(`live.class.${x.class}`)}</td>
                    <td>{x.speaker}</td>
                    <td>{x.groups}</td>
                    <td class={styles.nowrap}>{liveDuration(x, l)}</td>
                    <td>{endReason(x, l)}</td>
                    <td>
                      {x.recordingSha256 ? (
                        <audio
                          class={styles.audio}
                          controls
                          preload="none"
                          src={`/api/media/${x.recordingSha256}`}
                          aria-label={tf('live.listen', { time })}
                          data-testid="report-live-audio"
                        />
                      ) : (
                        <span class={controls.muted}>{t('live.noRecording')}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
