// A device group's stream zone: whether the server plays the group as a live audio stream for IP receivers,
// how it is encoded (name, bitrate, mono/stereo, volume, quiet hours), and the addresses receivers tune in to.
// Read-only for roles that may not change devices.
import { useEffect, useState } from 'preact/hooks';
import { ZONE_BITRATES, deleteStreamZone, putStreamZone, suggestSlug, type StreamZone } from '../../../lib/stream-zones-api';
import { streamZonesText } from '../../../lib/messages/stream-zones';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, describedBy } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Draft = { slug: string; bitrateKbps: number; channels: 1 | 2; volume: number; quietStart: string; quietEnd: string; enabled: boolean };
const draftOf = (zone: StreamZone | undefined, groupName: string): Draft => ({
  slug: zone?.slug ?? suggestSlug(groupName),
  bitrateKbps: zone?.bitrateKbps ?? 64,
  channels: zone?.channels ?? 1,
  volume: zone?.volume ?? 100,
  quietStart: zone?.quietHours?.start ?? '',
  quietEnd: zone?.quietHours?.end ?? '',
  enabled: zone?.enabled ?? true,
});
const absolute = (p: string) => new URL(p, location.origin).href;

interface Props {
  groupId: number;
  groupName: string;
  zone: StreamZone | undefined;
  canWrite: boolean;
  onChanged: () => void;
}

export function StreamZoneForm({ groupId, groupName, zone, canWrite, onChanged }: Props) {
  const { t, tf } = streamZonesText;
  const [draft, setDraft] = useState(() => draftOf(zone, groupName));
  useEffect(() => setDraft(draftOf(zone, groupName)), [zone, groupName]);
  const [problem, setProblem] = useState<{ slug?: string; quiet?: string }>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const id = (name: string) => `zone-${groupId}-${name}`;

  async function run(action: () => Promise<unknown>, message: string) {
    setError(null);
    setBusy(true);
    try {
      await action();
      setDone(message);
      onChanged();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function save(e: Event) {
    e.preventDefault();
    const slug = draft.slug.trim();
    const next = {
      slug: SLUG.test(slug) ? undefined : t('slugBad'),
      quiet: !draft.quietStart !== !draft.quietEnd ? t('quietBad') : undefined,
    };
    setProblem(next);
    if (next.slug || next.quiet) return;
    const quietHours = draft.quietStart ? { start: draft.quietStart, end: draft.quietEnd } : null;
    const input = { slug, bitrateKbps: draft.bitrateKbps, channels: draft.channels, volume: draft.volume, quietHours, enabled: draft.enabled };
    void run(() => putStreamZone(groupId, input), tf('saved', { slug }));
  }

  return (
    <form onSubmit={save} noValidate class={controls.stack} data-testid={`stream-zone-form-${groupId}`}>
      <p class={controls.muted}>{t('intro')}</p>
      <fieldset class={controls.fieldset} disabled={!canWrite || busy}>
        <legend>{tf('title', { name: groupName })}</legend>
        <div class={controls.grid}>
          <Field id={id('slug')} label={t('slug')} hint={t('slugHint')} error={problem.slug}>
            <input
              id={id('slug')}
              class={controls.input}
              maxLength={40}
              value={draft.slug}
              onInput={(e) => set('slug', e.currentTarget.value)}
              aria-invalid={problem.slug ? 'true' : undefined}
              aria-describedby={describedBy(id('slug'), t('slugHint'), problem.slug)}
              data-testid={id('slug')}
            />
          </Field>
          <Field id={id('bitrate')} label={t('bitrate')}>
            <select id={id('bitrate')} class={controls.input} value={String(draft.bitrateKbps)} onChange={(e) => set('bitrateKbps', Number(e.currentTarget.value))} data-testid={id('bitrate')}>
              {ZONE_BITRATES.map((b) => (
                <option key={b} value={String(b)}>
                  {b}
                </option>
              ))}
            </select>
          </Field>
          <Field id={id('channels')} label={t('channels')}>
            <select id={id('channels')} class={controls.input} value={String(draft.channels)} onChange={(e) => set('channels', e.currentTarget.value === '2' ? 2 : 1)} data-testid={id('channels')}>
              <option value="1">{t('mono')}</option>
              <option value="2">{t('stereo')}</option>
            </select>
          </Field>
          <Field id={id('volume')} label={t('volume')}>
            <input
              id={id('volume')}
              type="number"
              min={0}
              max={100}
              class={controls.input}
              value={draft.volume}
              onInput={(e) => set('volume', Math.max(0, Math.min(100, Math.round(Number(e.currentTarget.value) || 0))))}
              data-testid={id('volume')}
            />
          </Field>
          <Field id={id('quiet-start')} label={t('quietStart')} hint={t('quietHint')} error={problem.quiet}>
            <input
              id={id('quiet-start')}
              type="time"
              class={controls.input}
              value={draft.quietStart}
              onInput={(e) => set('quietStart', e.currentTarget.value)}
              aria-describedby={describedBy(id('quiet-start'), t('quietHint'), problem.quiet)}
              data-testid={id('quiet-start')}
            />
          </Field>
          <Field id={id('quiet-end')} label={t('quietEnd')}>
            <input id={id('quiet-end')} type="time" class={controls.input} value={draft.quietEnd} onInput={(e) => set('quietEnd', e.currentTarget.value)} data-testid={id('quiet-end')} />
          </Field>
        </div>
        <label class={controls.choice}>
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set('enabled', e.currentTarget.checked)} data-testid={id('enabled')} />
          {t('enabled')}
        </label>
        {canWrite && (
          <div class={controls.row}>
            <button type="submit" class={controls.primary} data-testid={id('save')}>
              {busy ? t('saving') : t('save')}
            </button>
            {zone && (
              <button type="button" class={controls.danger} onClick={() => void run(() => deleteStreamZone(groupId), t('removed'))} data-testid={id('remove')}>
                {t('remove')}
              </button>
            )}
          </div>
        )}
      </fieldset>
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId={id('done')}>
          {done}
        </Notice>
      )}
      {zone ? (
        <dl class={styles.urls} data-testid={id('urls')}>
          <dt>{t('urls')}</dt>
          <dd>
            {t('urlMp3')}: <code>{absolute(zone.urls.mp3)}</code>
          </dd>
          <dd>
            {t('urlHls')}: <code>{absolute(zone.urls.hls)}</code>
          </dd>
          {zone.urls.icecast && (
            <dd>
              {t('urlIcecast')}: <code>{zone.urls.icecast}</code>
            </dd>
          )}
        </dl>
      ) : (
        <p class={controls.muted}>{t('none')}</p>
      )}
    </form>
  );
}
