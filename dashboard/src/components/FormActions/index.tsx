// The row that ends a form: its submit button (saying what it is doing while busy) and the way out of it.
import controls from '../controls.module.css';

interface Props {
  /** The submit button's words (the caller says "Đang lưu…" while busy). */
  label: string;
  disabled?: boolean;
  testId?: string;
  cancelLabel: string;
  onCancel: () => void;
  cancelDisabled?: boolean;
  cancelTestId?: string;
}

export function FormActions(p: Props) {
  return (
    <div class={controls.row}>
      <button type="submit" class={controls.primary} disabled={p.disabled} data-testid={p.testId}>
        {p.label}
      </button>
      <button type="button" class={controls.button} onClick={p.onCancel} disabled={p.cancelDisabled} data-testid={p.cancelTestId}>
        {p.cancelLabel}
      </button>
    </div>
  );
}
