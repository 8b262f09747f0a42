// "Phát trực tiếp" (live & recording), for announcers: test the microphone with a live level meter, then
// record an announcement, listen back and send it for review as a clip. Speaking live to the loudspeakers
// will join this screen; until then it says so.
import { useEffect } from 'preact/hooks';
import { announceText } from '../../../lib/messages/announce';
import { can } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { Notice } from '../../../components/Notice/index';
import { LevelMeter } from '../LevelMeter/index';
import { Recorder } from '../Recorder/index';
import { RecordingReview } from '../RecordingReview/index';
import { recording, sending } from '../recording-store';
import { useMic } from '../use-mic';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

/** Asks before the page is left while a recording waits to be sent (a tab closed by mistake). */
function useLeaveGuard(active: boolean) {
  useEffect(() => {
    if (!active) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [active]);
}

export function AnnounceScreen() {
  const { t } = announceText;
  const mic = useMic();
  const rec = recording.value;
  const roles = session.value?.user.roles ?? [];
  const testing = mic.users.has('test');
  useLeaveGuard(rec !== null && sending.value.step !== 'done');

  return (
    <div class={styles.screen} data-testid="announce-screen">
      <p class={controls.muted}>{t('intro')}</p>
      <Notice tone="info">{t('live.soon')}</Notice>
      <section class={`${controls.panel} ${styles.section}`} aria-labelledby="mic-h">
        <h2 id="mic-h" class={controls.heading}>
          {t('mic.title')}
        </h2>
        <div class={controls.row}>
          <button
            type="button"
            class={testing ? controls.button : controls.primary}
            disabled={mic.opening}
            onClick={() => (testing ? mic.release('test') : void mic.acquire('test'))}
            data-testid={testing ? 'mic-test-stop' : 'mic-test'}
          >
            {mic.opening ? t('mic.opening') : testing ? t('mic.stop') : t('mic.start')}
          </button>
        </div>
        {mic.error && (
          <p class={styles.error} role="alert" data-testid="mic-error" data-kind={mic.error}>
            {t(`error.${mic.error}`)}
          </p>
        )}
        {mic.input ? <LevelMeter db={mic.db} /> : <p class={controls.muted}>{t('mic.hint')}</p>}
      </section>
      <section class={`${controls.panel} ${styles.section}`} aria-labelledby="rec-h">
        <h2 id="rec-h" class={controls.heading}>
          {t('rec.title')}
        </h2>
        {rec ? <RecordingReview rec={rec} canSubmit={can(roles, 'content.write')} /> : <Recorder mic={mic} />}
      </section>
    </div>
  );
}
