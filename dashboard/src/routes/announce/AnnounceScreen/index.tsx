// "Phát trực tiếp" (live & recording), for announcers: test the microphone with a live level meter, speak
// live to the loudspeakers of chosen groups, or record an announcement, listen back and send it for review as a
// clip; below, the log of past live broadcasts with their recordings.
import { useState } from 'preact/hooks';
import { announceText } from '../../../lib/messages/announce';
import { can } from '../../../lib/permissions';
import { session } from '../../../lib/session';
import { LevelMeter } from '../LevelMeter/index';
import { LiveAnnounce } from '../LiveAnnounce/index';
import { LiveLog } from '../LiveLog/index';
import { Recorder } from '../Recorder/index';
import { RecordingReview } from '../RecordingReview/index';
import { recording, sending } from '../recording-store';
import { useLeaveGuard } from '../use-leave-guard';
import { useMic } from '../use-mic';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export function AnnounceScreen() {
  const { t } = announceText;
  const mic = useMic();
  const rec = recording.value;
  const roles = session.value?.user.roles ?? [];
  const testing = mic.users.has('test');
  const [logVersion, setLogVersion] = useState(0);
  useLeaveGuard(rec !== null && sending.value.step !== 'done');

  return (
    <div class={styles.screen} data-testid="announce-screen">
      <p class={controls.muted}>{t('intro')}</p>
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
        {/* While on air the live part shows the meter: one meter on the screen at a time. */}
        {mic.input ? !mic.users.has('live') && <LevelMeter db={mic.db} /> : <p class={controls.muted}>{t('mic.hint')}</p>}
      </section>
      {can(roles, 'live.announce') && (
        <LiveAnnounce mic={mic} canEmergency={can(roles, 'alerts.issue')} onLogChanged={() => setLogVersion((v) => v + 1)} />
      )}
      <section class={`${controls.panel} ${styles.section}`} aria-labelledby="rec-h">
        <h2 id="rec-h" class={controls.heading}>
          {t('rec.title')}
        </h2>
        {rec ? <RecordingReview rec={rec} canSubmit={can(roles, 'content.write')} /> : <Recorder mic={mic} />}
      </section>
      <LiveLog refreshKey={logVersion} />
    </div>
  );
}
