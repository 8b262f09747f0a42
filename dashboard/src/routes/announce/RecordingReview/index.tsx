// A finished recording: listen back, give it a title, and "Gửi duyệt" (upload → clip → submit, with the
// progress shown). A failure keeps the recording and what was already done: "Gửi lại" resumes, and the file
// can always be downloaded. Without the editor role the recording can only be downloaded.
import { useState } from 'preact/hooks';
import { createContent, submitVersion } from '../../../lib/content-api';
import { announceText } from '../../../lib/messages/announce';
import { formatElapsed, MAX_RECORDING_MS } from '../../../lib/mic';
import { uploadFile } from '../../../lib/upload';
import { t as common } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { TextField } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { discardRecording, draftTitle, sending, type Recording } from '../recording-store';
import { sendRecording, type SendDeps, type SendState } from './send';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const deps: SendDeps = {
  upload: (file, on) => uploadFile(file, 'audio', { onProgress: on.progress, onSent: on.sent, onStage: on.stage }).done,
  create: createContent,
  submit: submitVersion,
};

const BUSY = new Set(['uploading', 'processing', 'creating', 'submitting']);
/** The server's ingest stages the upload screen names too (stage.* of its dictionary). */
const STAGES = ['receiving', 'hashing', 'probing', 'thumbnail', 'loudness'] as const;
const isStage = (s: string | null): s is (typeof STAGES)[number] => (STAGES as readonly (string | null)[]).includes(s);

function stepText(s: SendState): string {
  const { t, tf } = announceText;
  if (s.step === 'uploading') return tf('step.uploading', { p: s.percent });
  if (s.step === 'processing') return isStage(s.stage) ? common(`stage.${s.stage}`) : t('step.processing');
  if (s.step === 'creating') return t('step.creating');
  return t('step.submitting');
}

interface Props {
  rec: Recording;
  /** May make content (content.write): otherwise only listening and downloading. */
  canSubmit: boolean;
}

export function RecordingReview({ rec, canSubmit }: Props) {
  const { t, tf } = announceText;
  const s = sending.value;
  const title = draftTitle.value;
  const [titleError, setTitleError] = useState(false);
  const busy = BUSY.has(s.step);

  async function send(e: Event) {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError(true);
      return;
    }
    setTitleError(false);
    const file = new File([rec.blob], rec.fileName, { type: rec.mimeType });
    await sendRecording(file, title, sending.value, deps, (next) => (sending.value = next));
  }

  if (s.step === 'done' && s.content) {
    return (
      <Notice tone="success" testId="record-done">
        <p>{tf('done', { title: s.content.latest?.title ?? title })}</p>
        <div class={controls.row}>
          <a href={`/content/${s.content.id}`} class={controls.primary} data-testid="record-open" data-content-id={s.content.id}>
            {t('done.open')}
          </a>
          <button type="button" class={controls.button} onClick={discardRecording} data-testid="record-new">
            {t('done.new')}
          </button>
        </div>
      </Notice>
    );
  }

  const max = formatElapsed(MAX_RECORDING_MS);
  return (
    <form class={styles.review} onSubmit={send} noValidate data-testid="record-review">
      {rec.stoppedAtLimit && <Notice tone="info">{tf('rec.limitReached', { max })}</Notice>}
      <div class={styles.preview}>
        <span class={styles.label} id="rec-preview-label">
          {t('rec.preview')}
        </span>
        {/* The announcer's own voice, just recorded: nothing to caption. */}
        <audio controls preload="metadata" src={rec.url} aria-labelledby="rec-preview-label" data-testid="record-preview" />
        <span class={controls.muted} data-testid="record-length" data-ms={Math.round(rec.durationMs)}>
          {tf('rec.length', { length: formatElapsed(rec.durationMs) })}
        </span>
      </div>
      <TextField
        id="rec-title"
        label={t('form.title')}
        hint={t('form.titleHint')}
        error={titleError ? t('form.titleRequired') : null}
        required
        maxLength={200}
        value={title}
        onValue={(v) => {
          draftTitle.value = v;
          if (v.trim()) setTitleError(false);
        }}
        testId="record-title"
      />
      {!canSubmit && <Notice tone="info">{t('form.needsEditor')}</Notice>}
      {busy && (
        <div class={styles.progress} data-testid="record-progress" data-step={s.step}>
          <ProgressBar label={t('progress')} value={s.step === 'uploading' ? s.percent : null} valueText={stepText(s)} />
          <p class={controls.muted} aria-live="polite">
            {stepText(s)}
          </p>
        </div>
      )}
      {s.step === 'failed' && (
        <div data-testid="record-failed">
          <ErrorNotice error={s.error} testId="record-error" />
          <p class={controls.muted}>{t('kept')}</p>
        </div>
      )}
      <div class={controls.row}>
        {canSubmit && (
          <button type="submit" class={controls.primary} disabled={busy} data-testid="record-submit">
            {s.step === 'failed' ? t('form.retry') : t('form.submit')}
          </button>
        )}
        {rec.url && (
          <a href={rec.url} download={rec.fileName} class={controls.button} data-testid="record-download">
            {t('rec.download')}
          </a>
        )}
        <button type="button" class={controls.button} onClick={discardRecording} disabled={busy} data-testid="record-discard">
          {t('rec.again')}
        </button>
      </div>
      <p class={controls.muted}>{t('unsaved')}</p>
    </form>
  );
}
