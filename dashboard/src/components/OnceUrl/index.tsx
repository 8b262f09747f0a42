// A secret address shown once (a receiver's stream URL): a read-only field that selects itself on focus, and
// a copy button.
import { useState } from 'preact/hooks';
import { devicesText } from '../../lib/messages/devices';
import controls from '../controls.module.css';

/** A path of this server as an absolute URL, as it is pasted into another device. */
export const absoluteUrl = (p: string) => new URL(p, location.origin).href;

/** Copies text; a locked-down browser without the clipboard API leaves the field selected instead. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function OnceUrl({ label, url, testId }: { label: string; url: string; testId: string }) {
  const { t } = devicesText;
  const [copied, setCopied] = useState(false);
  return (
    <p>
      <label>
        {label}
        <input class={controls.input} readOnly value={url} data-testid={testId} onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" class={controls.button} data-testid={`${testId}-copy`} onClick={() => void copyText(url).then(setCopied)}>
        {copied ? t('recv.copied') : t('recv.copy')}
      </button>
    </p>
  );
}

