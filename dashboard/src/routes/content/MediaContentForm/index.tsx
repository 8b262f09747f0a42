// A clip or an ad made from an uploaded file. Ads also take the advertiser, the product category, the
// licence reference and the proof documents that back claims like "tốt nhất" (uploaded right here).
import { useCallback, useState } from 'preact/hooks';
import { createContent, type Content, type Media } from '../../../lib/content-api';
import { t, tf } from '../../../lib/i18n';
import {
  checkMediaForm,
  emptyMediaForm,
  toCreateInput,
  type MediaForm,
  type MediaFormErrors,
  type MediaKind,
  type Proof,
} from '../../../lib/media-form';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { MediaFields } from '../MediaFields/index';
import { Notice } from '../../../components/Notice/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  kind: MediaKind;
  media: Media;
  fileName: string;
  onClose: () => void;
  /** Told of the item made, so the page can submit it with the others. */
  onCreated?: (content: Content) => void;
}

export function MediaContentForm({ kind, media, fileName, onClose, onCreated }: Props) {
  const [form, setForm] = useState<MediaForm>(() => emptyMediaForm(fileName));
  const [proofs, setProofs] = useState<readonly Proof[]>([]);
  const [errors, setErrors] = useState<MediaFormErrors>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Content | null>(null);
  const onChange = useCallback((patch: Partial<MediaForm>) => setForm((x) => ({ ...x, ...patch })), []);
  const onProofs = useCallback((next: (p: readonly Proof[]) => Proof[]) => setProofs(next), []);

  async function create(e: Event) {
    e.preventDefault();
    const found = checkMediaForm(kind, form, media.kind);
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setError(null);
    try {
      // The upload id keeps this upload's own file name on the item, even when the bytes were stored before.
      const input = toCreateInput(kind, { form, mediaSha256: media.sha256, proofs }, media.kind);
      const made = await createContent(media.uploadId !== undefined ? { ...input, mediaUploadId: media.uploadId } : input);
      setCreated(made);
      onCreated?.(made);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class={styles.panel} aria-labelledby="mc-h" data-testid="media-content-form">
      <h2 id="mc-h" class={controls.heading}>
        {tf(kind === 'ad' ? 'form.newAd' : 'form.newClip', { name: fileName })}
      </h2>
      {created ? (
        <Notice tone="success" testId="created">
          <p>{tf('form.created', { title: created.latest?.title ?? '' })}</p>
          <div class={controls.row}>
            <a href={`/content/${created.id}`} class={controls.primary} data-testid="open-created">
              {t('form.open')}
            </a>
            <button type="button" class={controls.button} onClick={onClose}>
              {t('common.close')}
            </button>
          </div>
        </Notice>
      ) : (
        <form class={styles.form} onSubmit={create} noValidate>
          <MediaFields
            kind={kind}
            form={form}
            errors={errors}
            mediaKind={media.kind}
            proofs={proofs}
            onChange={onChange}
            onProofs={onProofs}
          />
          {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
          <FormActions
            label={busy ? t('form.creating') : t('form.create')}
            disabled={busy}
            testId="mc-create"
            cancelLabel={t('common.cancel')}
            onCancel={onClose}
          />
        </form>
      )}
    </section>
  );
}
