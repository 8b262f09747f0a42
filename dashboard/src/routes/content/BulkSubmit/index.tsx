// Submitting several drafts at once: "Chọn tất cả" and the "Gửi duyệt" button over the library, and the
// confirmation of a submission ("Đã gửi duyệt 3 mục.") with every refused item and the server's reason.
import { useState } from 'preact/hooks';
import { submitMany, type SubmitManyResult } from '../../../lib/content-api';
import { lang, t, tf } from '../../../lib/i18n';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Notice } from '../../../components/Notice/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

/** What a submission of several items did: how many went to review, and which did not and why. */
export function SubmitOutcome({ result, titleOf }: { result: SubmitManyResult; titleOf: (id: number) => string }) {
  return (
    <>
      {result.submitted.length > 0 && (
        <Notice tone="success" testId="submit-outcome">
          {tf('bulk.submitted', { n: result.submitted.length })}
        </Notice>
      )}
      {result.refused.length > 0 && (
        <Notice tone="error" testId="submit-refused">
          <p>{tf('bulk.refused', { n: result.refused.length })}</p>
          <ul class={styles.refused}>
            {result.refused.map((r) => (
              <li key={r.id}>
                <strong>{titleOf(r.id)}</strong>: {r.message[lang.value]}
              </li>
            ))}
          </ul>
        </Notice>
      )}
    </>
  );
}

/** Submits the items and keeps the outcome to show; `onDone` runs after every answer (reload, clear). */
export function useSubmitMany(onDone: () => void) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitManyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  async function run(items: { id: number; number?: number }[]) {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await submitMany(items));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return { busy, result, error, run, dismissError: () => setError(null) };
}

interface BarProps {
  /** The ids of the drafts the list shows that this person may submit. */
  drafts: readonly number[];
  selected: readonly number[];
  onSelected: (next: number[]) => void;
  titleOf: (id: number) => string;
  onSubmitted: () => void;
}

export function BulkSubmitBar({ drafts, selected, onSelected, titleOf, onSubmitted }: BarProps) {
  const submit = useSubmitMany(onSubmitted);
  const all = drafts.length > 0 && drafts.every((id) => selected.includes(id));
  return (
    <div class={styles.bulk} data-testid="bulk-submit">
      <div class={controls.row}>
        <label class={`${controls.choice} ${styles.all}`}>
          <input
            type="checkbox"
            checked={all}
            disabled={drafts.length === 0}
            onChange={(e) => onSelected(e.currentTarget.checked ? [...drafts] : [])}
            data-testid="select-all"
          />
          {t('bulk.selectAll')}
        </label>
        <button
          type="button"
          class={controls.primary}
          disabled={submit.busy || selected.length === 0}
          onClick={() => submit.run(selected.map((id) => ({ id })))}
          data-testid="bulk-submit-button"
        >
          {submit.busy ? t('bulk.submitting') : tf('bulk.submit', { n: selected.length })}
        </button>
      </div>
      {submit.error ? <ErrorNotice error={submit.error} onDismiss={submit.dismissError} /> : null}
      {submit.result && <SubmitOutcome result={submit.result} titleOf={titleOf} />}
    </div>
  );
}
