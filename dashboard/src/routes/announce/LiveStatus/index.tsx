// Where a live announcement stands, in words: connecting, the attention tone going out, on air with the
// elapsed time and the microphone level, the summary once it ended, the server's refusal (who is on air when
// the groups are busy), or the connection lost. data-state carries the state for tests and support staff.
// Only the state's sentence is a live region: the ticking timer is not read out every second.
import { lang } from '../../../lib/i18n';
import { announceText } from '../../../lib/messages/announce';
import type { MicErrorKind } from '../../../lib/mic';
import { clockOf, timeOf } from '../live-format';
import type { LiveEnd, LiveRefusal, LiveView } from '../live-session';
import { LevelMeter } from '../LevelMeter/index';
import styles from './style.module.css';

interface Props {
  view: LiveView;
  /** Time on air so far, in ms. */
  elapsedMs: number;
  /** The microphone's level now (dBFS). */
  db: number;
  /** Why the microphone did not open, when the view says 'mic'. */
  micError: MicErrorKind | null;
}

const END_REASONS = ['stopped', 'dropped', 'max_duration', 'server_stopped', 'failed'] as const;
type EndReason = (typeof END_REASONS)[number];
const isReason = (r: string): r is EndReason => (END_REASONS as readonly string[]).includes(r);

/** "Đã kết thúc. Thời lượng 01:05. Bản ghi đã lưu." or why it stopped, with what was kept. */
export function endSummary(e: LiveEnd): string {
  const { t, tf } = announceText;
  const reason = t(`live.end.${isReason(e.reason) ? e.reason : 'failed'}`);
  const length = e.durationMs !== null ? ` ${tf('live.end.duration', { d: clockOf(e.durationMs) })}` : '';
  return `${reason}${length} ${t(e.recorded ? 'live.end.saved' : 'live.end.notSaved')}`;
}

function Refused({ r }: { r: LiveRefusal }) {
  const { tf } = announceText;
  const text = r.message ? r.message[lang.value] : tf('live.refused', { code: r.code });
  return (
    <div class={styles.refused} role="alert">
      <p data-testid="live-refused" data-code={r.code}>
        {text}
      </p>
      {r.onAir && (
        <p data-testid="live-refused-on-air">
          {tf('live.refused.busy', { by: r.onAir.by, groups: r.onAir.groups.join(', ') || '—', time: timeOf(r.onAir.since, lang.value) })}
        </p>
      )}
    </div>
  );
}

function Body({ view, elapsedMs, db, micError }: Props) {
  const { t, tf } = announceText;
  if (view.state === 'idle') return null;
  if (view.state === 'refused' && view.refused) return <Refused r={view.refused} />;
  if (view.state === 'ended' && view.ended)
    return (
      <p class={styles.ended} role="status">
        {endSummary(view.ended)}
      </p>
    );
  if (view.state === 'error') {
    const text =
      view.error === 'mic' ? t(`error.${micError ?? 'failed'}`) : t(view.error === 'lost' ? 'live.error.lost' : 'live.error.connect');
    return (
      <p class={styles.error} role="alert" data-error={view.error ?? 'connect'}>
        {text}
      </p>
    );
  }
  const reach =
    view.speakers !== null ? (
      <p class={styles.reach}>{tf('live.state.accepted', { speakers: view.speakers, zones: view.zones ?? 0 })}</p>
    ) : null;
  if (view.state === 'connecting') {
    return (
      <>
        <p class={styles.big} role="status">
          {view.stopping ? t('live.stopping') : t('live.state.connecting')}
        </p>
        {reach}
      </>
    );
  }
  const onAir = view.state === 'on-air';
  return (
    <>
      <p class={`${styles.big} ${onAir ? styles.onAir : styles.tone}`} role="status">
        {onAir && <span class={styles.dot} aria-hidden="true" />}
        {view.stopping ? t('live.stopping') : onAir ? t('live.state.onAir') : t('live.state.tone')}
      </p>
      {onAir && (
        <p class={styles.clock}>
          <span>{t('live.elapsed')}: </span>
          <span data-testid="live-elapsed" data-ms={Math.round(elapsedMs)}>
            {clockOf(elapsedMs)}
          </span>
        </p>
      )}
      {reach}
      <LevelMeter db={db} />
    </>
  );
}

export function LiveStatus(props: Props) {
  return (
    <div class={styles.status} data-testid="live-status" data-state={props.view.state}>
      <Body {...props} />
    </div>
  );
}
