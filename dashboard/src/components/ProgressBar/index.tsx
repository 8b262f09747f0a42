// A labelled progress bar. value = null means "working, amount unknown" (the server's ingest stages).
import styles from './style.module.css';

interface Props {
  label: string;
  /** 0–100, or null for indeterminate. */
  value: number | null;
  tone?: 'normal' | 'done' | 'error';
  valueText?: string;
}

export function ProgressBar({ label, value, tone = 'normal', valueText }: Props) {
  const v = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      class={`${styles.track} ${styles[tone]}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={v ?? undefined}
      aria-valuetext={valueText}
    >
      <div class={v === null ? styles.indeterminate : styles.bar} style={v === null ? undefined : { width: `${v}%` }} />
    </div>
  );
}
