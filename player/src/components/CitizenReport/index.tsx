// Kiosk report form (Phản ánh): a citizen reports a Code of Conduct violation or false news — category, where
// it was seen, a description and, only with consent, a phone number. Returns to the loop after the idle
// timeout. The kiosk forms share one stylesheet, so they look and feel the same under a finger.
import { useState } from 'preact/hooks';
import { REPORT_CATEGORIES, REPORT_DESCRIPTION_MAX, REPORT_LINK_MAX, REPORT_PLATFORMS } from '@bantin/protocol/core';
import { REPORT_CATEGORY_LABELS, REPORT_PLATFORM_LABELS, strings } from '../../lib/strings';
import { useIdleClose } from '../../lib/use-idle-close';
import styles from '../FeedbackForm/style.module.css';
import { PhoneConsent } from '../PhoneConsent';
import { emptyReport, validateReport, type ReportDraft, type ValidReport } from './validate';

interface Props {
  now(): number;
  submit(report: ValidReport): Promise<void>;
  close(): void;
}

function Choices<K extends string>(props: {
  keys: readonly K[];
  labels: Record<K, readonly [string, string]>;
  value: K | null;
  testid: string;
  pick(k: K): void;
}) {
  return (
    <div class={styles.row}>
      {props.keys.map((k) => (
        <button
          type="button"
          key={k}
          class={styles.choice}
          aria-pressed={props.value === k}
          data-testid={`${props.testid}-${k}`}
          onClick={() => props.pick(k)}
        >
          {props.labels[k][0]} <span lang="en">· {props.labels[k][1]}</span>
        </button>
      ))}
    </div>
  );
}

export function CitizenReport({ now, submit, close }: Props) {
  const [draft, setDraft] = useState<ReportDraft>(emptyReport);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  // Touch and keys restart the inactivity timer (see FeedbackForm for why not `input`).
  const poke = useIdleClose(close, sent);
  const update = (patch: Partial<ReportDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setError(null);
  };

  async function onSubmit(e: Event) {
    e.preventDefault();
    const r = validateReport(draft, now());
    if (!r.ok) return setError(r.error);
    await submit(r.report);
    setSent(true);
  }

  if (sent) {
    return (
      <div class={styles.panel} data-testid="report-thanks">
        <p class={styles.thanks}>{strings.reportThanksVi}</p>
        <p lang="en">{strings.reportThanksEn}</p>
      </div>
    );
  }

  return (
    <form class={styles.panel} data-testid="report-form" onSubmit={onSubmit} onPointerDown={poke} onKeyDown={poke}>
      <h1 class={styles.title}>
        {strings.reportTitleVi} <span lang="en">{strings.reportTitleEn}</span>
      </h1>
      <fieldset class={styles.group}>
        <legend>
          {strings.reportCategoryVi} <span lang="en">· {strings.reportCategoryEn}</span>
        </legend>
        <Choices
          keys={REPORT_CATEGORIES}
          labels={REPORT_CATEGORY_LABELS}
          value={draft.category}
          testid="report-category"
          pick={(category) => update({ category })}
        />
      </fieldset>
      <fieldset class={styles.group}>
        <legend>
          {strings.reportWhereVi} <span lang="en">· {strings.reportWhereEn}</span>
        </legend>
        <Choices
          keys={REPORT_PLATFORMS}
          labels={REPORT_PLATFORM_LABELS}
          value={draft.platform}
          testid="report-platform"
          pick={(platform) => update({ platform })}
        />
      </fieldset>
      <label class={styles.group}>
        <span>
          {strings.reportLinkVi} <span lang="en">· {strings.reportLinkEn}</span>
        </span>
        <input
          class={styles.input}
          type="url"
          inputMode="url"
          autoComplete="off"
          maxLength={REPORT_LINK_MAX}
          value={draft.link}
          data-testid="report-link"
          onInput={(e) => update({ link: e.currentTarget.value })}
        />
      </label>
      <label class={styles.group}>
        <span>
          {strings.reportDescriptionVi} <span lang="en">· {strings.reportDescriptionEn}</span>
        </span>
        <textarea
          class={styles.input}
          rows={4}
          maxLength={REPORT_DESCRIPTION_MAX}
          value={draft.description}
          data-testid="report-description"
          onInput={(e) => update({ description: e.currentTarget.value })}
        />
      </label>
      <PhoneConsent
        phone={draft.phone}
        consent={draft.consent}
        about={strings.reportAboutVi}
        testid="report"
        onPhone={(phone) => update({ phone })}
        onConsent={(consent) => update({ consent })}
      />
      {error && (
        <p class={styles.error} role="alert">
          {error}
        </p>
      )}
      <div class={styles.row}>
        <button type="submit" class={styles.submit} data-testid="report-submit">
          {strings.reportSubmitVi}
        </button>
        <button type="button" class={styles.choice} onClick={close}>
          {strings.cancelVi}
        </button>
      </div>
    </form>
  );
}
