// The quiz question editor (câu hỏi tìm hiểu Bộ Quy tắc): question, 2–4 answers with the right one, a short
// explanation and the link to the Code's article. "Lưu nháp" saves a draft version; "Gửi duyệt" submits it.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createContent, editContent, getContent, submitVersion, type Content } from '../../../lib/content-api';
import { t, tf } from '../../../lib/i18n';
import { setFlash } from '../../../lib/flash';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, SelectField, TextAreaField, TextField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import { Notice } from '../../../components/Notice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import controls from '../../../components/controls.module.css';
import {
  EMPTY_QUIZ,
  MAX_ANSWERS,
  MIN_ANSWERS,
  checkQuiz,
  quizFromContent,
  quizInput,
  removeAnswer,
  type QuizErrors,
  type QuizForm,
} from './form';
import styles from './style.module.css';

export function QuizEditor({ id }: { id?: number }) {
  const { route } = useLocation();
  const [form, setForm] = useState<QuizForm>(EMPTY_QUIZ);
  const [saved, setSaved] = useState<Content | null>(null);
  const [savedForm, setSavedForm] = useState<QuizForm | null>(null);
  const [errors, setErrors] = useState<QuizErrors>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    if (id === undefined) return;
    getContent(id).then((c) => {
      const f = quizFromContent(c);
      setSaved(c);
      setForm(f);
      setSavedForm(f);
    }, setError);
  }, [id]);

  const update = (patch: Partial<QuizForm>) => setForm((f) => ({ ...f, ...patch }));
  const err = (k: keyof QuizErrors) => (errors[k] ? t(errors[k]!) : null);
  const latest = saved?.latest ?? null;
  const changed = savedForm === null || JSON.stringify(form) !== JSON.stringify(savedForm);

  async function save(event: Event) {
    event.preventDefault();
    const found = checkQuiz(form);
    setErrors(found);
    setNotice(null);
    if (Object.keys(found).length) return;
    setBusy('save');
    setError(null);
    try {
      const input = quizInput(form);
      const result = saved ? await editContent(saved.id, input) : await createContent({ kind: 'quiz', ...input });
      setSaved(result);
      setSavedForm(form);
      setNotice(tf('editor.saved', { n: result.latest?.number ?? 1 }));
      if (!saved) route(`/content/${result.id}/edit`, true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    if (!saved || !latest) return;
    setBusy('submit');
    setError(null);
    try {
      await submitVersion(saved.id, latest.number);
      setFlash(tf('content.submitted', { n: latest.number }));
      route(`/content/${saved.id}`);
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  }

  const setAnswer = (i: number, v: string) => update({ answers: form.answers.map((a, j) => (j === i ? v : a)) });
  return (
    <ScreenPage title={saved ? 'content.edit' : 'quiz.new'}>
      <p class={controls.muted}>{t('quiz.kioskOnly')}</p>
      {notice && (
        <Notice tone="success" testId="editor-saved">
          {notice}
        </Notice>
      )}
      {Object.keys(errors).length > 0 && <Notice tone="error">{t('editor.fixErrors')}</Notice>}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <form class={styles.form} onSubmit={save} noValidate data-testid="quiz-form">
        <TextField
          id="quiz-title"
          label={t('field.title')}
          error={err('title')}
          value={form.title}
          onValue={(title) => update({ title })}
          testId="quiz-title"
        />
        <TextAreaField
          id="quiz-question"
          label={t('quiz.question')}
          error={err('question')}
          rows={3}
          value={form.question}
          onValue={(question) => update({ question })}
          testId="quiz-question"
        />
        <Field id="quiz-answers" label={tf('quiz.answer', { n: `1–${MAX_ANSWERS}` })} error={err('answers')}>
          <ol class={styles.answers} id="quiz-answers">
            {form.answers.map((a, i) => (
              <li key={i} class={styles.answer}>
                <input
                  class={controls.input}
                  aria-label={tf('quiz.answer', { n: i + 1 })}
                  value={a}
                  maxLength={300}
                  onInput={(e) => setAnswer(i, e.currentTarget.value)}
                  data-testid={`quiz-answer-${i}`}
                />
                {form.answers.length > MIN_ANSWERS && (
                  <button type="button" class={controls.button} onClick={() => update(removeAnswer(form, i))}>
                    {tf('quiz.removeAnswer', { n: i + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ol>
          {form.answers.length < MAX_ANSWERS && (
            <button
              type="button"
              class={controls.button}
              onClick={() => update({ answers: [...form.answers, ''] })}
              data-testid="quiz-add-answer"
            >
              {t('quiz.addAnswer')}
            </button>
          )}
        </Field>
        <SelectField
          id="quiz-correct"
          label={t('quiz.correct')}
          value={String(form.correctIndex)}
          choices={form.answers.map((a, i) => ({ value: String(i), label: `${i + 1}. ${a}` }))}
          onValue={(v) => v && update({ correctIndex: Number(v) })}
          testId="quiz-correct"
        />
        <TextAreaField
          id="quiz-explanation"
          label={t('quiz.explanation')}
          error={err('explanation')}
          rows={3}
          value={form.explanation}
          onValue={(explanation) => update({ explanation })}
          testId="quiz-explanation"
        />
        <TextField
          id="quiz-article"
          label={t('quiz.articleUrl')}
          hint={t('quiz.articleHint')}
          error={err('articleUrl')}
          value={form.articleUrl}
          onValue={(articleUrl) => update({ articleUrl })}
          testId="quiz-article"
        />
        <TextField id="quiz-tags" label={t('field.tags')} value={form.tags} onValue={(tags) => update({ tags })} />
        <div class={controls.grid}>
          <TextField
            id="quiz-validFrom"
            type="datetime-local"
            label={t('field.validFrom')}
            value={form.validFrom}
            onValue={(validFrom) => update({ validFrom })}
          />
          <TextField
            id="quiz-validTo"
            type="datetime-local"
            label={t('field.validTo')}
            error={err('validTo')}
            value={form.validTo}
            onValue={(validTo) => update({ validTo })}
          />
        </div>
        <FormActions
          label={busy === 'save' ? t('quiz.saving') : t('quiz.save')}
          disabled={busy !== null}
          testId="save-draft"
          cancelLabel={t('content.back')}
          onCancel={() => route(saved ? `/content/${saved.id}` : '/content')}
        />
        <button
          type="button"
          class={controls.button}
          disabled={busy !== null || !latest || latest.state !== 'draft' || changed}
          onClick={submit}
          data-testid="submit-review"
        >
          {busy === 'submit' ? t('content.submitting') : t('content.submit')}
        </button>
      </form>
    </ScreenPage>
  );
}
