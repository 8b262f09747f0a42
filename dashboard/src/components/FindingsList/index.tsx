// The pre-check findings of a version as a numbered list (numbers match the marks in the text),
// each with its severity, the field it concerns and its message in the UI language.
import { lang, t, type MessageKey } from '../../lib/i18n';
import type { Finding } from '../../lib/highlight';
import styles from './style.module.css';

const FIELD_KEYS: Record<string, MessageKey> = {
  title: 'fieldname.title',
  body: 'fieldname.body',
  caption: 'fieldname.caption',
  claim: 'fieldname.claim',
  productCategory: 'fieldname.productCategory',
  proofs: 'fieldname.proofs',
  media: 'fieldname.media',
  displaySeconds: 'fieldname.displaySeconds',
  answer1: 'fieldname.answer1',
  answer2: 'fieldname.answer2',
  answer3: 'fieldname.answer3',
  answer4: 'fieldname.answer4',
  explanation: 'quiz.explanation',
};

export function FindingsList({ findings }: { findings: readonly Finding[] }) {
  if (findings.length === 0) return <p class={styles.none}>{t('review.noFindings')}</p>;
  return (
    <ol class={styles.list} data-testid="findings">
      {findings.map((f, i) => (
        <li key={i} class={`${styles.item} ${styles[f.severity]}`} data-rule={f.ruleId} value={i + 1}>
          <span class={styles.severity}>{t(`severity.${f.severity}`)}</span>
          <span class={styles.field}>{FIELD_KEYS[f.field] ? t(FIELD_KEYS[f.field]!) : f.field}</span>
          <span class={styles.message}>{f.message[lang.value]}</span>
        </li>
      ))}
    </ol>
  );
}
