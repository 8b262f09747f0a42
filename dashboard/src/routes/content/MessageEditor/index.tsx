// The message editor: fields on the left, a live preview at LED, kiosk and ticker sizes on the right.
// "Lưu nháp" saves a draft version (the server renders its Vietnamese speech); "Nghe thử" plays the
// speech of that saved version; "Gửi duyệt" submits it.
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { createContent, editContent, getContent, submitVersion, type Content } from '../../../lib/content-api';
import { lang, t, tf } from '../../../lib/i18n';
import { versionLineOf, versionLineText } from '../../../lib/version-line';
import { setFlash } from '../../../lib/flash';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { ListenButton } from '../../../components/ListenButton/index';
import { MessagePreview } from '../../../components/MessagePreview/index';
import { Notice } from '../../../components/Notice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import controls from '../../../components/controls.module.css';
import { EMPTY_FORM, checkForm, formFromContent, toInput, type FormErrors, type MessageForm } from './form';
import { MessageFields } from './fields';
import styles from './style.module.css';

export function MessageEditor({ id }: { id?: number }) {
  const { route } = useLocation();
  const [form, setForm] = useState<MessageForm>(EMPTY_FORM);
  const [saved, setSaved] = useState<Content | null>(null);
  const [savedForm, setSavedForm] = useState<MessageForm | null>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    if (id === undefined) return;
    getContent(id).then((c) => {
      setSaved(c);
      const f = formFromContent(c);
      setForm(f);
      setSavedForm(f);
    }, setLoadError);
  }, [id]);

  const update = (patch: Partial<MessageForm>) => setForm((f) => ({ ...f, ...patch }));
  const latest = saved?.latest ?? null;
  const changed = savedForm === null || JSON.stringify(form) !== JSON.stringify(savedForm);

  async function save(event?: Event) {
    event?.preventDefault();
    const found = checkForm(form);
    setErrors(found);
    setNotice(null);
    if (Object.keys(found).length) {
      setError(null);
      return;
    }
    setBusy('save');
    setError(null);
    try {
      const input = toInput(form);
      const result = saved ? await editContent(saved.id, input) : await createContent({ kind: 'message', ...input });
      setSaved(result);
      setSavedForm(form);
      setNotice(tf('editor.saved', { n: result.latest?.number ?? 1 }));
      // The address now names the content, so a reload keeps editing it instead of starting anew.
      if (!saved) route(`/content/${result.id}/edit`, true);
    } catch (err) {
      setError(err);
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
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  }

  if (loadError) return <ErrorNotice error={loadError} />;
  const hasErrors = Object.keys(errors).length > 0;
  return (
    <ScreenPage title={saved ? 'content.edit' : 'editor.new'} wide>
      <a href={saved ? `/content/${saved.id}` : '/content'} class={controls.back}>
        {t('content.back')}
      </a>
      {saved && (
        <p class={styles.line} data-testid="version-line">
          {versionLineText(versionLineOf(saved), lang.value)}
        </p>
      )}
      {notice && (
        <Notice tone="success" testId="editor-saved">
          {notice}
        </Notice>
      )}
      {hasErrors && <Notice tone="error">{t('editor.fixErrors')}</Notice>}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <div class={styles.layout}>
        <form class={styles.form} onSubmit={save} noValidate data-testid="message-form">
          <MessageFields form={form} errors={errors} onChange={update} />
          <div class={controls.row}>
            <button type="submit" class={controls.primary} disabled={busy !== null} data-testid="save-draft">
              {busy === 'save' ? t('editor.saving') : t('editor.save')}
            </button>
            <button
              type="button"
              class={controls.button}
              disabled={busy !== null || !latest || latest.state !== 'draft' || changed}
              onClick={submit}
              data-testid="submit-review"
            >
              {busy === 'submit' ? t('content.submitting') : t('content.submit')}
            </button>
          </div>
          {busy === 'save' && (
            <p role="status" class={controls.muted}>
              {t('editor.saving')}
            </p>
          )}
        </form>
        <section class={styles.preview} aria-labelledby="preview-h">
          <h2 id="preview-h" class={controls.heading}>
            {t('preview.title')}
          </h2>
          <MessagePreview title={form.title} body={form.body} chosen={form.style} />
          <div class={styles.listen}>
            <ListenButton
              url={latest?.speech?.url ?? null}
              label={tf('editor.speechOf', { n: latest?.number ?? 1 })}
              hint={!latest ? t('editor.listenHint') : changed ? tf('editor.listenStale', { n: latest.number }) : undefined}
            />
          </div>
        </section>
      </div>
    </ScreenPage>
  );
}
