// A paired player: the stage, plus what the device kind adds — the feedback and report forms and the Code of
// Conduct quiz on a kiosk, the alert banner on screens, the alert voice on loudspeakers — and the identify overlay.
// A sleeping screen shows black instead of the stage; an emergency alert wakes it (the core says when).
import { useState } from 'preact/hooks';
import type { QuizQuestion } from '@bantin/protocol/core';
import type { Runtime } from '../../lib/runtime';
import { strings } from '../../lib/strings';
import { useCoreState } from '../../lib/use-core';
import { AlertBanner } from '../AlertBanner';
import { AlertSpeaker } from '../AlertSpeaker';
import { CitizenReport } from '../CitizenReport';
import { FeedbackForm } from '../FeedbackForm';
import { IdentifyOverlay } from '../IdentifyOverlay';
import { LayoutView, regionOnScreen, useViewport } from '../Layout';
import { Quiz } from '../Quiz';
import { Stage } from '../Stage';
import { quizAvailableAt } from '@bantin/protocol/core';
import styles from './style.module.css';

export function Player({ runtime }: { runtime: Runtime }) {
  const { core, urls, kind, clock } = runtime;
  const state = useCoreState(core);
  const [feedback, setFeedback] = useState(false);
  const [report, setReport] = useState(false);
  const [quiz, setQuiz] = useState<QuizQuestion[] | null>(null);
  const kiosk = kind === 'kiosk';
  // A sleeping screen (outside its hours, or put to sleep) is black: nothing plays, nothing invites a touch.
  const sleeping = state.sleeping && kind !== 'speaker';
  const idle = kiosk && !sleeping && !feedback && !report && !quiz && !state.alert;
  const questions = kiosk ? quizAvailableAt(state.quiz, clock.now()) : [];
  const { vw, vh } = useViewport();
  // With a layout, the invitations sit in the corner of the main programme, never over the clock or the banner.
  const main = idle && state.layout ? regionOnScreen(state.layout.body, 'main', vw, vh) : null;
  const anchored = main
    ? {
        right: `calc(${Math.round(vw - main.left - main.width)}px + 2vw)`,
        bottom: `calc(${Math.round(vh - main.top - main.height)}px + 2vh)`,
        maxWidth: `calc(${Math.round(main.width)}px - 4vw)`,
      }
    : undefined;
  return (
    <div
      class={styles.root}
      data-online={state.online ? 'true' : 'false'}
      data-sleeping={sleeping ? 'true' : 'false'}
      onPointerDown={idle ? () => setFeedback(true) : undefined}
    >
      {sleeping ? (
        <div class={styles.sleeping} data-testid="player-sleeping" aria-hidden="true" />
      ) : state.layout && kind !== 'speaker' ? (
        <LayoutView layout={state.layout} ticker={state.ticker} core={core} urls={urls} kind={kind} clock={clock} />
      ) : (
        <Stage core={core} urls={urls} kind={kind} live={runtime.live} />
      )}
      {idle && (
        <div class={styles.actions} style={anchored} data-testid="kiosk-actions">
          {questions.length > 0 && (
            <button
              type="button"
              class={styles.open}
              data-testid="quiz-open"
              // The screen's own touch opens the feedback form: this touch is the quiz's.
              onPointerDown={(e) => e.stopPropagation()}
              onClick={() => setQuiz(questions)}
            >
              {strings.quizOpen} <span lang="en">· {strings.quizOpenEn}</span>
            </button>
          )}
          <button
            type="button"
            class={`${styles.open} ${styles.report}`}
            data-testid="report-open"
            // The touch must open this form, not the feedback form that any other touch opens.
            onPointerDown={(e) => e.stopPropagation()}
            onClick={() => setReport(true)}
          >
            {strings.reportOpen} <span lang="en">· {strings.reportOpenEn}</span>
          </button>
          <button type="button" class={styles.open} data-testid="feedback-open" onClick={() => setFeedback(true)}>
            {strings.feedbackOpen} <span lang="en">· {strings.feedbackOpenEn}</span>
          </button>
        </div>
      )}
      {kiosk && quiz && !state.alert && !sleeping && (
        <Quiz questions={quiz} newId={runtime.newId} onAnswer={(a) => core.answerQuiz(a)} close={() => setQuiz(null)} />
      )}
      {kiosk && report && !state.alert && !sleeping && (
        <CitizenReport now={clock.now} submit={(r) => core.submitCitizenReport(r)} close={() => setReport(false)} />
      )}
      {kiosk && feedback && !state.alert && !sleeping && (
        <FeedbackForm now={clock.now} submit={(f) => core.submitFeedback(f)} close={() => setFeedback(false)} />
      )}
      {state.alert && kind !== 'speaker' && <AlertBanner alert={state.alert} />}
      {state.alert && kind === 'speaker' && <AlertSpeaker alert={state.alert} urls={urls} volume={state.volume} />}
      <IdentifyOverlay until={state.identifyUntil} now={clock.now} label={runtime.label} />
    </div>
  );
}
