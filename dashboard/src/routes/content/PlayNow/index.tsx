// "Phát ngay" on an approved item: a button that opens a small form (groups, devices, how many times and
// how far apart) and creates a priority schedule entry starting now.
import { useState } from 'preact/hooks';
import { listDevices, listGroups } from '../../../lib/devices-api';
import { playNowText } from '../../../lib/messages/play-now';
import { playNow } from '../../../lib/play-now-api';
import { useResource } from '../../../lib/use-resource';
import { CheckboxGroup } from '../../../components/CheckboxGroup/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, describedBy } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const { t, tf } = playNowText;
const clamp = (v: number, lo: number, hi: number, fallback: number) =>
  Number.isFinite(v) ? Math.min(hi, Math.max(lo, Math.round(v))) : fallback;

function PlayNowForm({ contentId, onClose, onDone }: { contentId: number; onClose: () => void; onDone: (message: string) => void }) {
  const res = useResource(async () => {
    const [groups, devices] = await Promise.all([listGroups(), listDevices()]);
    return { groups, devices };
  }, []);
  const [groupIds, setGroupIds] = useState<number[]>([]);
  const [deviceIds, setDeviceIds] = useState<number[]>([]);
  const [repeat, setRepeat] = useState(1);
  const [intervalMin, setIntervalMin] = useState(5);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missing, setMissing] = useState(false);

  async function submit(e: Event) {
    e.preventDefault();
    if (groupIds.length + deviceIds.length === 0) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const entry = await playNow({ contentId, target: { groupIds, deviceIds }, repeat, intervalMin });
      onDone(tf('done', { id: entry.id, times: repeat }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class={styles.form} onSubmit={submit} aria-labelledby="play-now-h" data-testid="play-now-form">
      <h3 id="play-now-h" class={styles.title}>
        {t('title')}
      </h3>
      <p class={controls.muted}>{t('intro')}</p>
      {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      {res.error && !res.data ? <ErrorNotice error={res.error} onRetry={res.reload} /> : null}
      {!res.data && !res.error && <p role="status">{t('loading')}</p>}
      {res.data && (
        <>
          {res.data.groups.length > 0 ? (
            <CheckboxGroup
              legend={t('groups')}
              options={res.data.groups.map((g) => ({ value: g.id, label: g.name }))}
              selected={groupIds}
              onChange={(v) => (setGroupIds(v), setMissing(false))}
              testId="play-now-group"
              disabled={busy}
            />
          ) : (
            <p class={controls.muted}>{t('noGroups')}</p>
          )}
          {res.data.devices.length > 0 && (
            <CheckboxGroup
              legend={t('devices')}
              options={res.data.devices.map((d) => ({ value: d.id, label: d.name }))}
              selected={deviceIds}
              onChange={(v) => (setDeviceIds(v), setMissing(false))}
              testId="play-now-device"
              disabled={busy}
            />
          )}
          {missing && (
            <p class={styles.error} role="alert" data-testid="play-now-missing">
              {t('pickTarget')}
            </p>
          )}
          <div class={styles.numbers}>
            <Field id="play-now-repeat" label={t('repeat')} hint={t('repeatHint')}>
              <input
                id="play-now-repeat"
                class={controls.input}
                type="number"
                inputMode="numeric"
                min={1}
                max={10}
                value={repeat}
                aria-describedby={describedBy('play-now-repeat', t('repeatHint'))}
                onInput={(e) => setRepeat(clamp(e.currentTarget.valueAsNumber, 1, 10, 1))}
                data-testid="play-now-repeat"
              />
            </Field>
            <Field id="play-now-interval" label={t('interval')} hint={t('intervalHint')}>
              <input
                id="play-now-interval"
                class={controls.input}
                type="number"
                inputMode="numeric"
                min={1}
                max={120}
                value={intervalMin}
                disabled={repeat <= 1}
                aria-describedby={describedBy('play-now-interval', t('intervalHint'))}
                onInput={(e) => setIntervalMin(clamp(e.currentTarget.valueAsNumber, 1, 120, 5))}
                data-testid="play-now-interval"
              />
            </Field>
          </div>
          <p class={controls.muted}>{t('speakerHint')}</p>
        </>
      )}
      <FormActions
        label={busy ? t('submitting') : t('submit')}
        disabled={busy || !res.data}
        testId="play-now-submit"
        cancelLabel={t('cancel')}
        onCancel={onClose}
        cancelDisabled={busy}
        cancelTestId="play-now-cancel"
      />
    </form>
  );
}

/** The "Phát ngay" button and, once pressed, its form; the outcome is shown by the caller's notice. */
export function PlayNowAction({ contentId, onDone }: { contentId: number; onDone: (message: string) => void }) {
  const [open, setOpen] = useState(false);
  return (
    <div class={styles.action}>
      {!open && (
        <button type="button" class={controls.primary} onClick={() => setOpen(true)} data-testid="play-now">
          {t('open')}
        </button>
      )}
      {open && (
        <PlayNowForm
          contentId={contentId}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            onDone(message);
          }}
        />
      )}
    </div>
  );
}
