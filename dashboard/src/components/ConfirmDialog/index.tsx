// A modal question before an action that cannot be undone: a native <dialog> opened with showModal(), so
// focus is trapped inside, Escape cancels, and focus goes back to the button that opened it. The confirm
// button is the second choice on purpose: cancel comes first and has the focus.
import { useLayoutEffect, useRef } from 'preact/hooks';
import controls from '../controls.module.css';
import styles from './style.module.css';

interface Props {
  /** Test id prefix: `${id}-dialog`, `${id}-confirm`, `${id}-cancel`. */
  id: string;
  open: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog(p: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useLayoutEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (p.open && !d.open) d.showModal();
    else if (!p.open && d.open) d.close();
  }, [p.open]);

  return (
    <dialog
      ref={dialog}
      class={styles.dialog}
      aria-labelledby={`${p.id}-title`}
      aria-describedby={`${p.id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        if (!p.busy) p.onCancel();
      }}
      data-testid={`${p.id}-dialog`}
    >
      <h2 id={`${p.id}-title`} class={styles.title}>
        {p.title}
      </h2>
      <p id={`${p.id}-message`} class={styles.message}>
        {p.message}
      </p>
      <div class={controls.row}>
        <button type="button" class={controls.button} disabled={p.busy} onClick={p.onCancel} data-testid={`${p.id}-cancel`}>
          {p.cancelLabel}
        </button>
        <button type="button" class={controls.danger} disabled={p.busy} onClick={p.onConfirm} data-testid={`${p.id}-confirm`}>
          {p.busy ? p.busyLabel : p.confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
