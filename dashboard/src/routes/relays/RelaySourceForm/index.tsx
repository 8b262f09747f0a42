// Add a relay source or change one (admins): its name, stream address and whether internal addresses are
// allowed, with a warning on that box. The server checks the address; its refusal is shown as it says it.
import { useState } from 'preact/hooks';
import { relaysText } from '../../../lib/messages/relays';
import { relayDraftErrors, type RelayDraft } from '../../../lib/relay-view';
import { createRelaySource, updateRelaySource, type RelaySource } from '../../../lib/relays-api';
import { t as common } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { TextField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  /** The source being changed, or null for a new one. */
  source: RelaySource | null;
  onSaved: (s: RelaySource) => void;
  onCancel: () => void;
}

export function RelaySourceForm({ source, onSaved, onCancel }: Props) {
  const { t, tf } = relaysText;
  const [draft, setDraft] = useState<RelayDraft>({ name: source?.name ?? '', url: source?.url ?? '', allowPrivate: source?.allowPrivate ?? false });
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const errors = checked ? relayDraftErrors(draft) : {};

  async function save(e: Event) {
    e.preventDefault();
    setChecked(true);
    if (Object.keys(relayDraftErrors(draft)).length) return;
    setBusy(true);
    setError(null);
    const input = { name: draft.name.trim(), url: draft.url.trim(), allowPrivate: draft.allowPrivate };
    try {
      onSaved(source ? await updateRelaySource(source.id, input) : await createRelaySource(input));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form class={styles.form} onSubmit={save} noValidate data-testid="relay-source-form" aria-labelledby="relay-source-form-h">
      <h2 id="relay-source-form-h" class={controls.heading}>
        {source ? tf('form.titleEdit', { name: source.name }) : t('form.titleNew')}
      </h2>
      <TextField
        id="relay-source-name"
        label={t('form.name')}
        hint={t('form.nameHint')}
        error={errors.name ? t(errors.name) : null}
        maxLength={100}
        value={draft.name}
        onValue={(name) => setDraft({ ...draft, name })}
        testId="relay-source-name"
      />
      <TextField
        id="relay-source-url"
        label={t('form.url')}
        hint={t('form.urlHint')}
        error={errors.url ? t(errors.url) : null}
        maxLength={2048}
        inputMode="text"
        placeholder="https://"
        value={draft.url}
        onValue={(url) => setDraft({ ...draft, url })}
        testId="relay-source-url"
      />
      <div class={styles.private}>
        <label class={styles.check}>
          <input
            type="checkbox"
            checked={draft.allowPrivate}
            onChange={(e) => setDraft({ ...draft, allowPrivate: e.currentTarget.checked })}
            aria-describedby="relay-source-private-warning"
            data-testid="relay-source-allow-private"
          />
          {t('form.allowPrivate')}
        </label>
        <p id="relay-source-private-warning" class={draft.allowPrivate ? styles.warning : styles.hint} data-testid="relay-source-private-warning">
          {t('form.allowPrivateWarning')}
        </p>
      </div>
      {source && <p class={styles.hint}>{t('form.review')}</p>}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} testId="relay-source-form-error" />}
      <FormActions
        label={busy ? t('form.saving') : t('form.save')}
        disabled={busy}
        testId="relay-source-save"
        cancelLabel={common('common.cancel')}
        onCancel={onCancel}
        cancelTestId="relay-source-cancel"
      />
    </form>
  );
}
