// Editing a clip or an ad: the same fields as when it was made, plus replacing its file. Saving makes a
// new draft version (POST /api/content/{id}/versions) while the approved version keeps playing, and the
// page says so: "Phiên bản đang phát: v1 · Bản nháp mới: v2". The new draft can be submitted from here.
import { useCallback, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { editContent, submitVersion, type Content, type ContentVersion, type Media } from '../../../lib/content-api';
import { lang, t, tf } from '../../../lib/i18n';
import {
  checkMediaForm,
  draftFromVersion,
  editPatch,
  type MediaDraft,
  type MediaForm,
  type MediaFormErrors,
  type MediaKind,
  type Proof,
} from '../../../lib/media-form';
import { versionLineOf, versionLineText } from '../../../lib/version-line';
import { setFlash } from '../../../lib/flash';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { MediaFields } from '../MediaFields/index';
import { MediaView } from '../../../components/MediaView/index';
import { Notice } from '../../../components/Notice/index';
import { ScreenPage } from '../../../components/ScreenPage/index';
import { Uploader } from '../Uploader/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  kind: MediaKind;
  initial: Content & { latest: ContentVersion };
}

/** The stored draft of a version, keeping the names of proofs uploaded in this session. */
function rebase(v: ContentVersion, named: readonly Proof[]): MediaDraft {
  const d = draftFromVersion(v);
  return { ...d, proofs: d.proofs.map((p) => ({ ...p, name: named.find((n) => n.sha256 === p.sha256)?.name })) };
}

export function MediaContentEditor({ kind, initial }: Props) {
  const { route } = useLocation();
  const [content, setContent] = useState<Content>(initial);
  const [latest, setLatest] = useState<ContentVersion>(initial.latest);
  const [base, setBase] = useState<MediaDraft>(() => rebase(initial.latest, []));
  const [form, setForm] = useState<MediaForm>(base.form);
  const [proofs, setProofs] = useState<readonly Proof[]>(base.proofs);
  const [replacement, setReplacement] = useState<{ media: Media; name: string } | null>(null);
  const [errors, setErrors] = useState<MediaFormErrors>({});
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const onChange = useCallback((patch: Partial<MediaForm>) => setForm((x) => ({ ...x, ...patch })), []);
  const onProofs = useCallback((next: (p: readonly Proof[]) => Proof[]) => setProofs(next), []);
  const onReplaced = useCallback((media: Media, name: string) => setReplacement({ media, name }), []);

  const media = replacement?.media ?? latest.media;
  const mediaKind = media?.kind ?? 'video';
  const after: MediaDraft = { form, mediaSha256: replacement?.media.sha256 ?? base.mediaSha256, proofs };
  const patch = editPatch(kind, base, after, mediaKind);
  const dirty = Object.keys(patch).length > 0;

  async function save(e: Event) {
    e.preventDefault();
    setNotice(null);
    const found = checkMediaForm(kind, form, mediaKind);
    setErrors(found);
    if (Object.keys(found).length) return;
    if (!dirty) {
      setNotice(t('form.noChanges'));
      return;
    }
    setBusy('save');
    setError(null);
    try {
      const saved = await editContent(content.id, patch);
      const next = saved.latest!;
      const draft = rebase(next, proofs);
      setContent(saved);
      setLatest(next);
      setBase(draft);
      setForm(draft.form);
      setProofs(draft.proofs);
      setReplacement(null);
      const playing = saved.playing ? ' ' + tf('form.keepsPlaying', { n: saved.playing.number }) : '';
      setNotice(tf('editor.saved', { n: next.number }) + playing);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  }

  async function submit() {
    setBusy('submit');
    setError(null);
    try {
      await submitVersion(content.id, latest.number);
      setFlash(tf('content.submitted', { n: latest.number }));
      route(`/content/${content.id}`);
    } catch (err) {
      setError(err);
      setBusy(null);
    }
  }

  return (
    <ScreenPage title="content.edit" wide>
      <a href={`/content/${content.id}`} class={styles.back}>
        {t('form.backToItem')}
      </a>
      <p class={styles.line} data-testid="version-line">
        {versionLineText(versionLineOf(content), lang.value)}
      </p>
      {notice && (
        <Notice tone="success" testId="editor-saved" onDismiss={() => setNotice(null)}>
          {notice}
        </Notice>
      )}
      {Object.keys(errors).length > 0 && <Notice tone="error">{t('editor.fixErrors')}</Notice>}
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      <div class={styles.layout}>
        <form class={styles.form} onSubmit={save} noValidate data-testid="media-edit-form">
          <MediaFields
            kind={kind}
            form={form}
            errors={errors}
            mediaKind={mediaKind}
            proofs={proofs}
            onChange={onChange}
            onProofs={onProofs}
          />
          <div class={controls.row}>
            <button type="submit" class={controls.primary} disabled={busy !== null} data-testid="save-version">
              {busy === 'save' ? t('form.saving') : t('form.save')}
            </button>
            <button
              type="button"
              class={controls.button}
              disabled={busy !== null || latest.state !== 'draft' || dirty}
              onClick={submit}
              data-testid="submit-review"
            >
              {busy === 'submit' ? t('content.submitting') : t('content.submit')}
            </button>
          </div>
        </form>
        <section class={styles.file} aria-labelledby="file-h">
          <h2 id="file-h" class={controls.heading}>
            {replacement ? tf('form.newFile', { name: replacement.name }) : t('form.currentFile')}
          </h2>
          {media && <MediaView media={media} label={form.title} muted={kind === 'ad'} />}
          {replacement && (
            <button type="button" class={controls.button} onClick={() => setReplacement(null)} data-testid="keep-file">
              {t('form.keepFile')}
            </button>
          )}
          <h3 class={styles.sub}>{t('form.replaceFile')}</h3>
          <Uploader
            accept="media"
            dropLabel="upload.drop"
            pickerAccept="video/*,image/*,audio/*"
            onUploaded={onReplaced}
            testId="replace-uploader"
            purpose={t('form.replaceFile')}
          />
        </section>
      </div>
    </ScreenPage>
  );
}
