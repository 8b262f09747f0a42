// Text under review with the pre-check findings marked where they point (their spans). Each mark
// carries the finding's message as its accessible description and tooltip, in the UI language.
import { lang } from '../../../lib/i18n';
import { segmentText, type Finding } from '../../../lib/highlight';
import styles from './style.module.css';

interface Props {
  text: string;
  findings: readonly Finding[];
  field: string;
  testId?: string;
}

export function HighlightedText({ text, findings, field, testId }: Props) {
  const segments = segmentText(text, findings, field);
  return (
    <p class={styles.text} lang="vi" data-testid={testId}>
      {segments.map((s) => {
        if (s.findings.length === 0) return s.text;
        const why = s.findings.map((i) => findings[i]!.message[lang.value]).join(' · ');
        return (
          <mark
            key={s.start}
            class={`${styles.mark} ${styles[s.severity ?? 'info']}`}
            title={why}
            aria-label={`${s.text} (${why})`}
            data-testid="finding-mark"
          >
            {s.text}
            <sup class={styles.ref} aria-hidden="true">
              {s.findings.map((i) => i + 1).join(',')}
            </sup>
          </mark>
        );
      })}
    </p>
  );
}
