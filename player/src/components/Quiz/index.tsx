// The kiosk quiz ("Tìm hiểu Bộ Quy tắc"): a round of up to 5 approved questions in random order. Each answer
// shows at once whether it was right, with the explanation; the round ends with the score and a word of
// encouragement. No personal data is asked. Like the feedback form, it returns to the loop after
// INACTIVITY_MS without a touch.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { QuizQuestion } from '@bantin/protocol/core';
import { strings } from '../../lib/strings';
import { INACTIVITY_MS } from '../../lib/use-idle-close';
import { answer, currentQuestion, encouragement, finished, score, startRound, type Round } from './round';
import styles from './style.module.css';

/** What the kiosk records of one answer (the core adds the event id and the time). */
export interface QuizAnswerDraft {
  roundId: string;
  contentId: string;
  versionId: string;
  answerIndex: number;
  correct: boolean;
  /** 1-based place of the question in its round, and how many questions the round has. */
  position: number;
  roundSize: number;
}

interface Props {
  questions: readonly QuizQuestion[];
  newId(): string;
  onAnswer(a: QuizAnswerDraft): void;
  close(): void;
  random?: () => number;
}

export function Quiz({ questions, newId, onAnswer, close, random }: Props) {
  const [round, setRound] = useState<Round>(() => startRound(questions, newId(), random));
  /** The question just answered, shown with its verdict until "next". */
  const [shown, setShown] = useState<number | null>(null);
  const [touch, setTouch] = useState(0);
  const closeRef = useRef(close);
  closeRef.current = close;

  useEffect(() => {
    const t = setTimeout(() => closeRef.current(), INACTIVITY_MS);
    return () => clearTimeout(t);
  }, [touch]);
  const poke = () => setTouch((n) => n + 1);

  const index = shown ?? round.answers.length;
  const q = shown !== null ? round.questions[shown]! : currentQuestion(round);
  const given = shown !== null ? round.answers[shown]! : null;

  function choose(i: number) {
    if (!q || given) return;
    const next = answer(round, i);
    if (next === round) return;
    onAnswer({
      roundId: round.id,
      contentId: q.contentId,
      versionId: q.versionId,
      answerIndex: i,
      correct: next.answers[next.answers.length - 1]!.correct,
      position: next.answers.length,
      roundSize: round.questions.length,
    });
    setRound(next);
    setShown(next.answers.length - 1);
  }

  if (shown === null && finished(round)) {
    const right = score(round);
    const words = encouragement(right, round.questions.length);
    return (
      <div class={styles.panel} data-testid="quiz-score" data-score={right} data-total={round.questions.length} onPointerDown={poke}>
        <h1 class={styles.title}>
          {strings.quizScoreVi(right, round.questions.length)} <span lang="en">{strings.quizScoreEn(right, round.questions.length)}</span>
        </h1>
        <p class={styles.cheer}>
          {words.vi} <span lang="en">{words.en}</span>
        </p>
        <button type="button" class={styles.primary} data-testid="quiz-close" onClick={close}>
          {strings.quizBackVi} <span lang="en">{strings.quizBackEn}</span>
        </button>
      </div>
    );
  }
  if (!q) return null;
  return (
    <div class={styles.panel} data-testid="quiz" onPointerDown={poke}>
      <p class={styles.progress} data-testid="quiz-progress">
        {strings.quizProgressVi(index + 1, round.questions.length)}
      </p>
      <h1 class={styles.question} data-testid="quiz-question">
        {q.question}
      </h1>
      <div class={styles.answers}>
        {q.answers.map((a, i) => {
          const verdict = given && (i === q.correctIndex ? 'right' : i === given.chosen ? 'wrong' : undefined);
          return (
            <button
              type="button"
              key={i}
              class={styles.answer}
              data-testid={`quiz-answer-${i}`}
              data-verdict={verdict}
              aria-pressed={given?.chosen === i}
              disabled={given !== null}
              onClick={() => choose(i)}
            >
              {a}
            </button>
          );
        })}
      </div>
      {given && (
        <div class={styles.verdict} data-testid="quiz-verdict" data-correct={given.correct ? 'true' : 'false'} role="status">
          <p class={given.correct ? styles.right : styles.wrong}>
            {given.correct ? strings.quizRightVi : strings.quizWrongVi}{' '}
            <span lang="en">{given.correct ? strings.quizRightEn : strings.quizWrongEn}</span>
          </p>
          <p data-testid="quiz-explanation">{q.explanation}</p>
          <button type="button" class={styles.primary} data-testid="quiz-next" onClick={() => setShown(null)}>
            {index + 1 < round.questions.length ? strings.quizNextVi : strings.quizResultVi}
          </button>
        </div>
      )}
      {!given && (
        <button type="button" class={styles.secondary} onClick={close}>
          {strings.cancelVi}
        </button>
      )}
    </div>
  );
}
