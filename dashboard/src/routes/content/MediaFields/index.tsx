// The fields of a clip or an ad, shared by "create from an upload" and "edit": title, tags, validity,
// display time for a picture and, for an ad, the advertiser, product category, licence reference and
// the proof documents (a PDF or a picture each, uploaded right here; removable before saving).
import { useCallback } from 'preact/hooks';
import type { Media } from '../../../lib/content-api';
import { t, tf, type MessageKey } from '../../../lib/i18n';
import { PRODUCT_CATEGORIES, type MediaForm, type MediaFormErrors, type MediaKind, type Proof } from '../../../lib/media-form';
import { NumberField, SelectField, TextAreaField, TextField } from '../../../components/Field/index';
import { Uploader } from '../Uploader/index';
import { AdPrecheck } from '../AdPrecheck/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  kind: MediaKind;
  form: MediaForm;
  errors: MediaFormErrors;
  mediaKind: Media['kind'];
  proofs: readonly Proof[];
  onChange: (patch: Partial<MediaForm>) => void;
  onProofs: (next: (proofs: readonly Proof[]) => Proof[]) => void;
}

type TextKey = 'title' | 'tags' | 'advertiser' | 'licenceRef';

export function MediaFields({ kind, form, errors, mediaKind, proofs, onChange, onProofs }: Props) {
  const err = (k: keyof MediaFormErrors) => (errors[k] ? t(errors[k]!) : null);
  const onProof = useCallback(
    (m: Media, name: string) => onProofs((p) => (p.some((x) => x.sha256 === m.sha256) ? [...p] : [...p, { sha256: m.sha256, name }])),
    [onProofs],
  );

  const text = (k: TextKey, label: MessageKey) => {
    const error = k === 'title' || k === 'advertiser' ? err(k) : null;
    return (
      <TextField id={`mc-${k}`} label={t(label)} error={error} value={form[k]} onValue={(v) => onChange({ [k]: v })} testId={`mc-${k}`} />
    );
  };

  return (
    <>
      {text('title', 'field.title')}
      {text('tags', 'field.tags')}
      <div class={controls.grid}>
        {(['validFrom', 'validTo'] as const).map((k) => {
          const error = k === 'validTo' ? err('validTo') : null;
          return (
            <TextField
              key={k}
              id={`mc-${k}`}
              type="datetime-local"
              label={t(k === 'validFrom' ? 'field.validFrom' : 'field.validTo')}
              error={error}
              value={form[k]}
              onValue={(v) => onChange({ [k]: v })}
              testId={`mc-${k}`}
            />
          );
        })}
        {mediaKind === 'image' && (
          <NumberField
            id="mc-seconds"
            label={t('field.displaySeconds')}
            error={err('displaySeconds')}
            min={2}
            max={3600}
            value={form.displaySeconds}
            onValue={(displaySeconds) => onChange({ displaySeconds })}
            testId="mc-seconds"
          />
        )}
      </div>
      {kind === 'ad' && (
        <>
          {text('advertiser', 'field.advertiser')}
          <TextAreaField
            id="mc-claim"
            label={t('field.claim')}
            hint={t('form.claimHint')}
            rows={3}
            maxLength={2000}
            value={form.claim ?? ''}
            onValue={(claim) => onChange({ claim })}
            testId="mc-claim"
          />
          <SelectField
            id="mc-category"
            label={t('field.productCategory')}
            error={err('productCategory')}
            value={form.productCategory}
            placeholder={t('form.categoryChoose')}
            choices={PRODUCT_CATEGORIES.map((c) => ({ value: c, label: t(`cat.${c}`) }))}
            onValue={(productCategory) => onChange({ productCategory })}
            testId="mc-category"
          />
          {text('licenceRef', 'field.licenceRef')}
          <fieldset class={styles.proofs}>
            <legend>{t('field.proofs')}</legend>
            <p class={controls.muted}>{t('form.proofsHint')}</p>
            <ProofList proofs={proofs} onRemove={(sha) => onProofs((p) => p.filter((x) => x.sha256 !== sha))} />
            <Uploader
              accept="proof"
              dropLabel="upload.dropProofs"
              pickerAccept="application/pdf,image/*"
              onUploaded={onProof}
              testId="proof-uploader"
              purpose={t('fieldname.proofs')}
            />
          </fieldset>
          <AdPrecheck
            draft={{
              kind: 'ad',
              title: form.title.trim(),
              ...(form.claim?.trim() ? { claim: form.claim.trim() } : {}),
              ...(form.productCategory ? { productCategory: form.productCategory } : {}),
              proofs: proofs.map((p) => ({
                sha256: p.sha256,
                ...(p.issuedAt !== undefined ? { issuedAt: new Date(p.issuedAt).toISOString() } : {}),
              })),
            }}
          />
        </>
      )}
    </>
  );
}

function ProofList({ proofs, onRemove }: { proofs: readonly Proof[]; onRemove: (sha256: string) => void }) {
  if (proofs.length === 0) return <p class={styles.none}>{t('form.noProofs')}</p>;
  return (
    <ul class={styles.list} aria-label={t('form.proofsList')} data-testid="proof-list">
      {proofs.map((p, i) => {
        const name = p.name ?? tf('form.proofN', { n: i + 1 });
        return (
          <li key={p.sha256} class={styles.proof} data-testid="proof">
            <a href={`/api/media/${p.sha256}`} target="_blank" rel="noopener" aria-label={tf('form.proofOpen', { name })}>
              {name}
            </a>
            <span class={controls.mono} title={p.sha256}>
              {p.sha256.slice(0, 12)}…
            </span>
            <button type="button" class={controls.button} onClick={() => onRemove(p.sha256)} aria-label={tf('form.proofRemove', { name })}>
              {t('form.remove')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
