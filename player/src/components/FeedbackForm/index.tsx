// Kiosk feedback form (Góp ý): rating, topic, optional comment, optional phone with explicit consent.
// Returns to the loop after INACTIVITY_MS without a touch, and shortly after a successful submit.
import { useEffect, useRef, useState } from 'preact/hooks';
import { FEEDBACK_TOPICS, PHONE_RETENTION_DAYS, strings } from '../../lib/strings';
import styles from './style.module.css';
import { emptyDraft, validateFeedback, type FeedbackDraft, type ValidFeedback } from './validate';

export const INACTIVITY_MS = 60_000;
const THANKS_MS = 4_000;

interface Props {
  now(): number;
  submit(feedback: ValidFeedback): Promise<void>;
  close(): void;
}

export function FeedbackForm({ now, submit, close }: Props) {
  const [draft, setDraft] = useState<FeedbackDraft>(emptyDraft);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [touch, setTouch] = useState(0);
  const closeRef = useRef(close);
  closeRef.current = close;

  useEffect(() => {
    const t = setTimeout(() => closeRef.current(), sent ? THANKS_MS : INACTIVITY_MS);
    return () => clearTimeout(t);
  }, [touch, sent]);

  // Touch and keys restart the inactivity timer. Not `input`: a re-render between a checkbox's input and
  // change events would reset the box to its old state before onChange reads it.
  const poke = () => setTouch((n) => n + 1);
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
      <label class={styles.group}>
        {strings.phoneVi}
        <input
          class={styles.input}
          type="tel"
          inputMode="tel"
          maxLength={20}
          value={draft.phone}
          data-testid="feedback-phone"
          onInput={(e) => update({ phone: e.currentTarget.value })}
        />
      </label>
      <label class={styles.consent}>
        <input
          type="checkbox"
          checked={draft.consent}
          data-testid="feedback-consent"
          onChange={(e) => update({ consent: e.currentTarget.checked })}
        />
        <span>{strings.consentVi(PHONE_RETENTION_DAYS)}</span>
      </label>
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
