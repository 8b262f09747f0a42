// "Phát trực tiếp": choose the groups, the class and a title, then "Bắt đầu phát" speaks through the shared
// microphone to their loudspeakers until "Kết thúc phát". The groups are re-read after every broadcast (and
// every few seconds while idle), so one taken by someone else shows as busy.
import { useEffect, useState } from 'preact/hooks';
import { announceText } from '../../../lib/messages/announce';
import { useResource } from '../../../lib/use-resource';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { listLiveTargets } from '../live-api';
import { EMPTY_DRAFT, LiveForm, type LiveDraft } from '../LiveForm/index';
import { LiveStatus } from '../LiveStatus/index';
import { useLive } from '../use-live';
import type { MicState } from '../use-mic';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const TICK_MS = 250;
const TARGETS_REFRESH_MS = 15_000;

interface Props {
  mic: MicState;
  canEmergency: boolean;
  /** A broadcast went on air or ended: the log has something new. */
  onLogChanged: () => void;
}

/** Ticks while on air, for the elapsed timer. */
function useNow(on: boolean): number {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    if (!on) return;
    setNow(performance.now());
    const timer = setInterval(() => setNow(performance.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [on]);
  return now;
}

export function LiveAnnounce({ mic, canEmergency, onLogChanged }: Props) {
  const { t } = announceText;
  const targets = useResource(listLiveTargets, []);
  const [draft, setDraft] = useState<LiveDraft>(EMPTY_DRAFT);
  const [targetError, setTargetError] = useState(false);
  const live = useLive(mic, () => {
    targets.reload();
    onLogChanged();
  });
  const { view, active } = live;
  const now = useNow(view.state === 'on-air');
  const recordingNow = mic.users.has('record');

  useEffect(() => {
    if (view.state === 'on-air') onLogChanged();
  }, [view.state]);
  useEffect(() => {
    if (active) return;
    const timer = setInterval(() => targets.reload(), TARGETS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [active]);

  const groups = targets.data ?? [];
  // A group taken by someone else since it was ticked no longer counts.
  const free = new Set(groups.filter((g) => !g.busy).map((g) => g.id));
  const picked = draft.picked.filter((id) => free.has(id));
  const cls = canEmergency ? draft.cls : 'priority';

  function start() {
    if (picked.length === 0) {
      setTargetError(true);
      return;
    }
    setTargetError(false);
    void live.start({ groupIds: picked, class: cls, title: draft.title });
  }

  return (
    <section class={`${controls.panel} ${styles.live}`} aria-labelledby="live-h" data-testid="live-announce">
      <h2 id="live-h" class={controls.heading}>
        {t('live.title')}
      </h2>
      <p class={controls.muted}>{t('live.intro')}</p>
      {targets.data === undefined ? (
        targets.error != null ? (
          <ErrorNotice error={targets.error} onRetry={targets.reload} testId="live-targets-load-error" />
        ) : (
          <ProgressBar label={t('live.targets.loading')} value={null} />
        )
      ) : (
        <LiveForm
          groups={groups}
          draft={{ ...draft, picked, cls }}
          onDraft={(patch) => {
            setDraft((d) => ({ ...d, ...patch }));
            if (patch.picked?.length) setTargetError(false);
          }}
          canEmergency={canEmergency}
          targetError={targetError}
          disabled={active}
        />
      )}
      <div class={controls.row}>
        {active ? (
          <button
            type="button"
            class={`${controls.danger} ${styles.big}`}
            onClick={live.stop}
            disabled={view.stopping}
            data-testid="live-stop"
          >
            {view.stopping ? t('live.stopping') : t('live.stop')}
          </button>
        ) : (
          <button
            type="button"
            class={`${controls.primary} ${styles.big}`}
            onClick={start}
            disabled={mic.opening || recordingNow || targets.data === undefined}
            data-testid="live-start"
          >
            {t('live.start')}
          </button>
        )}
      </div>
      {recordingNow && !active && <p class={controls.muted}>{t('live.recordingNow')}</p>}
      <LiveStatus
        view={view}
        elapsedMs={view.onAirAt !== null ? now - view.onAirAt : 0}
        db={mic.db}
        micError={view.micError ?? mic.error}
      />
    </section>
  );
}
