// A labelled form control with an optional hint and error. The control itself is the child; pass it
// `id` and `aria-describedby={describedBy(id, hint, error)}` so the hint and error are read with it.
import type { ComponentChildren } from 'preact';
import controls from '../controls.module.css';
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

interface ControlProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  testId?: string;
}

/** The attributes every labelled control carries: its style, its invalid state and what describes it. */
function controlAttrs({ id, hint, error, testId }: ControlProps) {
  return {
    id,
    class: controls.input,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy(id, hint, error),
    'data-testid': testId,
  };
}

interface NumberProps extends ControlProps {
  value: number | string;
  min?: number;
  max?: number;
  step?: number;
  /** The field's text as typed (an empty field gives ''). */
  onValue: (value: string) => void;
}

/** A labelled number input. */
export function NumberField(p: NumberProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      <input
        {...controlAttrs(p)}
        type="number"
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
    </Field>
  );
}

interface TextProps extends ControlProps {
  value: string;
  type?: 'text' | 'datetime-local' | 'date' | 'time' | 'password' | 'search';
  maxLength?: number;
  required?: boolean;
  autoComplete?: string;
  placeholder?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  onValue: (value: string) => void;
}

/** A labelled text input (or date, time, password). */
export function TextField(p: TextProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      <input
        {...controlAttrs(p)}
        type={p.type}
        maxLength={p.maxLength}
        required={p.required}
        autoComplete={p.autoComplete}
        placeholder={p.placeholder}
        inputMode={p.inputMode}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
    </Field>
  );
}

interface TextAreaProps extends ControlProps {
  value: string;
  rows?: number;
  maxLength?: number;
  onValue: (value: string) => void;
}

/** A labelled multi-line text box. */
export function TextAreaField(p: TextAreaProps) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      <textarea
        {...controlAttrs(p)}
        rows={p.rows}
        maxLength={p.maxLength}
        value={p.value}
        onInput={(e) => p.onValue(e.currentTarget.value)}
      />
    </Field>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
}

interface SelectProps<T extends string> extends ControlProps {
  value: T | '';
  choices: readonly Choice<T>[];
  /** A first, empty choice ("—", "Chọn…") that stands for nothing chosen. */
  placeholder?: string;
  onValue: (value: T | '') => void;
}

/** A labelled drop-down list of choices. */
export function SelectField<T extends string>(p: SelectProps<T>) {
  return (
    <Field id={p.id} label={p.label} hint={p.hint} error={p.error}>
      <select {...controlAttrs(p)} value={p.value} onChange={(e) => p.onValue(e.currentTarget.value as T | '')}>
        {p.placeholder !== undefined && <option value="">{p.placeholder}</option>}
        {p.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}
