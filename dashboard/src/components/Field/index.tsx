// A labelled form control with an optional hint and error. The control itself is the child; pass it
// `id` and `aria-describedby={describedBy(id, hint, error)}` so the hint and error are read with it.
import type { ComponentChildren } from 'preact';
import styles from './style.module.css';

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  children: ComponentChildren;
}

export function describedBy(id: string, hint?: string, error?: string | null): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Field({ id, label, hint, error, children }: Props) {
  return (
    <div class={styles.field}>
      <label class={styles.label} for={id}>
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class={styles.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class={styles.error} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
