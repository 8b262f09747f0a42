// Kiosk feedback form (Góp ý): rating, topic, optional comment, optional phone with explicit consent.
// Returns to the loop after INACTIVITY_MS without a touch, and shortly after a successful submit.
import { useState } from 'preact/hooks';
import { FEEDBACK_TOPICS, strings } from '../../lib/strings';
import { useIdleClose } from '../../lib/use-idle-close';
import { PhoneConsent } from '../PhoneConsent';
import styles from './style.module.css';
import { emptyDraft, validateFeedback, type FeedbackDraft, type ValidFeedback } from './validate';

interface Props {
  now(): number;
  submit(feedback: ValidFeedback): Promise<void>;
  close(): void;
}

export function FeedbackForm({ now, submit, close }: Props) {
  const [draft, setDraft] = useState<FeedbackDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  // Touch and keys restart the inactivity timer. Not `input`: a re-render between a checkbox's input and
  // change events would reset the box to its old state before onChange reads it.
  const poke = useIdleClose(close, sent);
  const update = (patch: Partial<FeedbackDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  async function onSubmit(e: Event) {
    e.preventDefault();
    const r = validateFeedback(draft, now());
    if (!r.ok) return setError(r.error);
    await submit(r.feedback);
    setSent(true);
  }

  if (sent) {
    return (
      <div class={styles.panel} data-testid="feedback-thanks">
        <p class={styles.thanks}>{strings.thanksVi}</p>
        <p lang="en">{strings.thanksEn}</p>
      </div>
    );
  }

  return (
    <form class={styles.panel} data-testid="feedback-form" onSubmit={onSubmit} onPointerDown={poke} onKeyDown={poke}>
      <h1 class={styles.title}>
        {strings.feedbackTitleVi} <span lang="en">{strings.feedbackTitleEn}</span>
      </h1>
      <fieldset class={styles.group}>
        <legend>{strings.ratingVi}</legend>
        <div class={styles.row}>
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              type="button"
              key={n}
              class={styles.choice}
              aria-pressed={draft.rating === n}
              aria-label={strings.ratingLabel(n)}
              data-testid={`feedback-rating-${n}`}
              onClick={() => update({ rating: n })}
            >
              {n}★
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset class={styles.group}>
        <legend>{strings.topicVi}</legend>
        <div class={styles.row}>
          {FEEDBACK_TOPICS.map((t) => (
            <button type="button" key={t} class={styles.choice} aria-pressed={draft.topic === t} onClick={() => update({ topic: t })}>
              {t}
            </button>
          ))}
        </div>
      </fieldset>
      <label class={styles.group}>
        {strings.commentVi}
        <textarea
          class={styles.input}
          rows={3}
          maxLength={1000}
          value={draft.comment}
          data-testid="feedback-comment"
          onInput={(e) => update({ comment: e.currentTarget.value })}
        />
      </label>
      <PhoneConsent
        phone={draft.phone}
        consent={draft.consent}
        about={strings.feedbackAboutVi}
        testid="feedback"
        onPhone={(phone) => update({ phone })}
        onConsent={(consent) => update({ consent })}
      />
      {error && (
        <p class={styles.error} role="alert">
          {error}
        </p>
      )}
      <div class={styles.row}>
        <button type="submit" class={styles.submit} data-testid="feedback-submit">
          {strings.submitVi}
        </button>
        <button type="button" class={styles.choice} onClick={close}>
          {strings.cancelVi}
        </button>
      </div>
    </form>
  );
}
