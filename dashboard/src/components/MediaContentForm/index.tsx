// A clip or an ad made from an uploaded file. Ads also take the advertiser, the product category, the
// licence reference and the proof documents that back claims like "tốt nhất" (uploaded right here).
import { useCallback, useState } from 'preact/hooks';
import { createContent, type Content, type CreateContentInput, type Media } from '../../lib/content-api';
import { browserOffsetMinutes, localInputToIso } from '../../lib/datetime';
import { t, tf, type MessageKey } from '../../lib/i18n';
import { ErrorNotice } from '../ErrorNotice';
import { Field, describedBy } from '../Field';
import { Notice } from '../Notice';
import { Uploader } from '../Uploader';
import controls from '../controls.module.css';
import styles from './style.module.css';

export const PRODUCT_CATEGORIES = [
  'food',
  'service',
  'health_product',
  'alcohol_light',
  'other',
  'tobacco',
  'alcohol_strong',
  'breast_milk_substitute',
  'infant_feeding_equipment',
  'prescription_drug',
  'sexual_stimulant',
  'hunting_weapon',
  'weapons_explosives',
  'narcotics',
  'prostitution',
  'illegal_gambling',
  'wildlife',
] as const;
type Category = (typeof PRODUCT_CATEGORIES)[number];

interface Props {
  kind: 'clip' | 'ad';
  media: Media;
  fileName: string;
  onClose: () => void;
}

const iso = (local: string) => (local ? localInputToIso(local, browserOffsetMinutes(local)) : null);

export function MediaContentForm({ kind, media, fileName, onClose }: Props) {
  const [f, setF] = useState({
    title: fileName.replace(/\.[^.]+$/, ''),
    tags: '',
    validFrom: '',
    validTo: '',
    advertiser: '',
    productCategory: '' as Category | '',
    licenceRef: '',
    displaySeconds: '',
  });
  const [proofs, setProofs] = useState<{ media: Media; name: string }[]>([]);
  const [errors, setErrors] = useState<Partial<Record<'title' | 'advertiser' | 'productCategory' | 'validTo', MessageKey>>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<Content | null>(null);
  const onProof = useCallback((m: Media, name: string) => setProofs((p) => [...p, { media: m, name }]), []);
  const set = (patch: Partial<typeof f>) => setF((x) => ({ ...x, ...patch }));

  async function create(e: Event) {
    e.preventDefault();
    const found: typeof errors = {};
    if (!f.title.trim()) found.title = 'editor.titleRequired';
    if (kind === 'ad' && !f.advertiser.trim()) found.advertiser = 'editor.advertiserRequired';
    if (kind === 'ad' && !f.productCategory) found.productCategory = 'editor.fixErrors';
    if (f.validFrom && f.validTo && f.validTo <= f.validFrom) found.validTo = 'editor.validityOrder';
    setErrors(found);
    if (Object.keys(found).length) return;
    const seconds = Number(f.displaySeconds);
    const input: CreateContentInput = {
      kind,
      title: f.title.trim(),
      tags: [
        ...new Set(
          f.tags
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ],
      validFrom: iso(f.validFrom),
      validTo: iso(f.validTo),
      mediaSha256: media.sha256,
      ...(media.kind === 'image' && Number.isInteger(seconds) && seconds >= 2 ? { displaySeconds: seconds } : {}),
      ...(kind === 'ad'
        ? {
            advertiser: f.advertiser.trim(),
            productCategory: f.productCategory as Category,
            ...(f.licenceRef.trim() ? { licenceRef: f.licenceRef.trim() } : {}),
            proofs: proofs.map((p) => ({ sha256: p.media.sha256 })),
          }
        : {}),
    };
    setBusy(true);
    setError(null);
    try {
      setCreated(await createContent(input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const err = (k: keyof typeof errors) => (errors[k] ? t(errors[k]!) : null);
  const input = (k: 'title' | 'tags' | 'advertiser' | 'licenceRef', label: MessageKey) => (
    <Field id={`mc-${k}`} label={t(label)} error={err(k as keyof typeof errors)}>
      <input
        id={`mc-${k}`}
        class={controls.input}
        value={f[k]}
        aria-invalid={err(k as keyof typeof errors) ? 'true' : undefined}
        aria-describedby={describedBy(`mc-${k}`, undefined, err(k as keyof typeof errors))}
        onInput={(e) => set({ [k]: e.currentTarget.value })}
        data-testid={`mc-${k}`}
      />
    </Field>
  );

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
          {input('title', 'field.title')}
          {input('tags', 'field.tags')}
          <div class={controls.grid}>
            {(['validFrom', 'validTo'] as const).map((k) => (
              <Field
                key={k}
                id={`mc-${k}`}
                label={t(k === 'validFrom' ? 'field.validFrom' : 'field.validTo')}
                error={k === 'validTo' ? err('validTo') : null}
              >
                <input
                  id={`mc-${k}`}
                  type="datetime-local"
                  class={controls.input}
                  value={f[k]}
                  onInput={(e) => set({ [k]: e.currentTarget.value })}
                />
              </Field>
            ))}
            {media.kind === 'image' && (
              <Field id="mc-seconds" label={t('field.displaySeconds')}>
                <input
                  id="mc-seconds"
                  type="number"
                  min={2}
                  max={3600}
                  class={controls.input}
                  value={f.displaySeconds}
                  onInput={(e) => set({ displaySeconds: e.currentTarget.value })}
                />
              </Field>
            )}
          </div>
          {kind === 'ad' && (
            <>
              {input('advertiser', 'field.advertiser')}
              <Field id="mc-category" label={t('field.productCategory')} error={err('productCategory')}>
                <select
                  id="mc-category"
                  class={controls.input}
                  value={f.productCategory}
                  aria-invalid={err('productCategory') ? 'true' : undefined}
                  onChange={(e) => set({ productCategory: e.currentTarget.value as Category })}
                  data-testid="mc-category"
                >
                  <option value="">{t('form.categoryChoose')}</option>
                  {PRODUCT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {t(`cat.${c}`)}
                    </option>
                  ))}
                </select>
              </Field>
              {input('licenceRef', 'field.licenceRef')}
              <fieldset class={styles.proofs}>
                <legend>{t('field.proofs')}</legend>
                <p class={controls.muted}>{t('form.proofsHint')}</p>
                <Uploader
                  accept="document"
                  dropLabel="upload.dropProofs"
                  pickerAccept="application/pdf"
                  onUploaded={onProof}
                  testId="proof-uploader"
                />
              </fieldset>
            </>
          )}
          {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
          <div class={controls.row}>
            <button type="submit" class={controls.primary} disabled={busy} data-testid="mc-create">
              {busy ? t('form.creating') : t('form.create')}
            </button>
            <button type="button" class={controls.button} onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
