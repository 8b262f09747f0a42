// A consequential action in two steps: the button opens a confirmation that says what will happen and
// asks for the reason (required or optional), then a second button does it. Used to revoke an approval
// and to withdraw a version. Focus moves into the confirmation and back to the button on cancel.
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Field, describedBy } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  /** DOM id prefix and test id prefix ("revoke" → revoke-open, revoke-reason, revoke-confirm). */
  id: string;
  label: string;
  title: string;
  warning: string;
  reasonLabel: string;
  /** The message shown when the reason is required and empty; absent = the reason is optional. */
  reasonRequired?: string;
  confirmLabel: string;
  cancelLabel: string;
  busyLabel: string;
  danger?: boolean;
  busy: boolean;
  onConfirm: (reason: string) => Promise<boolean>;
}

export function ReasonConfirm(p: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const field = useRef<HTMLTextAreaElement>(null);
  const reasonId = `${p.id}-reason`;

  const wasOpen = useRef(false);
  // Before paint, so keys typed right after opening land in the reason; on closing, focus goes back.
  useLayoutEffect(() => {
    if (open) field.current?.focus();
    else if (wasOpen.current) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);

  function close() {
    setOpen(false);
    setReason('');
    setMissing(false);
  }

  async function confirm(e: Event) {
    e.preventDefault();
    if (p.reasonRequired && !reason.trim()) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setMissing(false);
    if (await p.onConfirm(reason.trim())) {
      setOpen(false);
      setReason('');
    }
  }

  const cls = p.danger ? controls.danger : controls.button;
  if (!open) {
    return (
      <button ref={opener} type="button" class={cls} disabled={p.busy} onClick={() => setOpen(true)} data-testid={`${p.id}-open`}>
        {p.label}
      </button>
    );
  }
  const error = missing ? (p.reasonRequired ?? null) : null;
  return (
    <form
      class={styles.confirm}
      role="group"
      aria-labelledby={`${p.id}-title`}
      aria-describedby={`${p.id}-warning`}
      onSubmit={confirm}
      onKeyDown={(e) => e.key === 'Escape' && close()}
      noValidate
      data-testid={`${p.id}-dialog`}
    >
      <p id={`${p.id}-title`} class={styles.title}>
        {p.title}
      </p>
      <p id={`${p.id}-warning`} class={styles.warning}>
        {p.warning}
      </p>
      <Field id={reasonId} label={p.reasonLabel} error={error}>
        <textarea
          ref={field}
          id={reasonId}
          class={controls.input}
          rows={2}
          value={reason}
          required={!!p.reasonRequired}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(reasonId, undefined, error)}
          onInput={(e) => setReason(e.currentTarget.value)}
          data-testid={reasonId}
        />
      </Field>
      <div class={controls.row}>
        <button type="submit" class={cls} disabled={p.busy} data-testid={`${p.id}-confirm`}>
          {p.busy ? p.busyLabel : p.confirmLabel}
        </button>
        <button type="button" class={controls.button} disabled={p.busy} onClick={close} data-testid={`${p.id}-cancel`}>
          {p.cancelLabel}
        </button>
      </div>
    </form>
  );
}
