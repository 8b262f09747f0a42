// The log of live announcements as a table, newest first: when, who spoke, to which groups (and how many
// loudspeakers and zones it reached), the class, how long, how it ended, and its recording to listen to.
// A broadcast on air now is marked "Đang phát". Rows carry data-testid="live-log-row" and data-id.
import { formatDateTime } from '../../../lib/datetime';
import { lang } from '../../../lib/i18n';
import { announceText } from '../../../lib/messages/announce';
import type { LiveAnnouncement } from '../live-api';
import { clockOf } from '../live-format';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const REASONS = ['stopped', 'dropped', 'max_duration', 'server_stopped', 'failed'] as const;
const isReason = (r: string | null): r is (typeof REASONS)[number] => (REASONS as readonly (string | null)[]).includes(r);

function reasonText(a: LiveAnnouncement): string {
  if (a.onAir) return '';
  if (isReason(a.endReason)) return announceText.t(`log.reason.${a.endReason}`);
  return a.endReason ?? '—';
}

function Row({ a }: { a: LiveAnnouncement }) {
  const { t, tf } = announceText;
  const when = formatDateTime(a.startedAt, lang.value);
  return (
    <tr data-testid="live-log-row" data-id={a.id} data-on-air={a.onAir ? 'true' : undefined}>
      <td class={styles.nowrap}>
        {when}
        {a.title && <div class={styles.sub}>{a.title}</div>}
      </td>
      <td>{a.speaker.name}</td>
      <td>
        {a.groups.map((g) => g.name).join(', ') || '—'}
        <div class={styles.sub}>{tf('log.reach', { speakers: a.speakers, zones: a.zones })}</div>
      </td>
      <td class={styles.nowrap}>
        <span class={a.class === 'emergency' ? styles.emergency : undefined}>{t(`live.class.${a.class}`)}</span>
      </td>
      <td class={styles.nowrap}>
        {a.onAir ? (
          <span class={styles.onAir} data-testid="live-log-on-air">
            {t('log.onAir')}
          </span>
        ) : a.durationMs !== null ? (
          clockOf(a.durationMs)
        ) : (
          '—'
        )}
      </td>
      <td>{reasonText(a)}</td>
      <td>
        {a.recording ? (
          // A recorded voice (the broadcast itself): nothing to caption.
          <audio
            controls
            preload="none"
            src={a.recording.url}
            aria-label={tf('log.recording', { time: when })}
            class={styles.audio}
            data-testid="live-recording"
          />
        ) : (
          <span class={controls.muted}>{a.onAir ? '' : t('log.noRecording')}</span>
        )}
      </td>
    </tr>
  );
}

export function LiveLogTable({ items }: { items: readonly LiveAnnouncement[] }) {
  const { t } = announceText;
  if (!items.length)
    return (
      <p class={controls.muted} data-testid="live-log-empty">
        {t('log.empty')}
      </p>
    );
  return (
    <div class={styles.scroll} tabIndex={0} role="region" aria-label={t('log.title')}>
      <table class={styles.table} data-testid="live-log">
        <caption class={controls.srOnly}>{t('log.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('log.col.time')}</th>
            <th scope="col">{t('log.col.speaker')}</th>
            <th scope="col">{t('log.col.groups')}</th>
            <th scope="col">{t('log.col.class')}</th>
            <th scope="col">{t('log.col.duration')}</th>
            <th scope="col">{t('log.col.reason')}</th>
            <th scope="col">{t('log.col.recording')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <Row key={a.id} a={a} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
