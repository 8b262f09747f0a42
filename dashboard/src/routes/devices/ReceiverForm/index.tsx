// "Thêm bộ thu IP": staff name an IP receiver, say where it stands and which stream zone it hears; the
// server answers with its stream URL (secret token inside), which is shown here once with a copy button.
import { useState } from 'preact/hooks';
import { createReceiver, type DeviceGroup, type ReceiverCreated } from '../../../lib/devices-api';
import { devicesText } from '../../../lib/messages/devices';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { SelectField, TextField } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import { OnceUrl, absoluteUrl } from '../../../components/OnceUrl/index';
import controls from '../../../components/controls.module.css';
import styles from '../PairDeviceForm/style.module.css';

interface Props {
  groups: readonly DeviceGroup[];
  onAdded: () => void;
}

export function ReceiverForm({ groups, onAdded }: Props) {
  const { t, tf } = devicesText;
  const [name, setName] = useState('');
  const [address, setAddress] = useState('');
  const [zone, setZone] = useState('');
  const [problem, setProblem] = useState<{ field: 'name' | 'zone'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ReceiverCreated | null>(null);

  async function submit(e: Event) {
    e.preventDefault();
    if (!name.trim()) return setProblem({ field: 'name', text: t('recv.needName') });
    if (!zone) return setProblem({ field: 'zone', text: t('recv.needZone') });
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      setCreated(await createReceiver({ name: name.trim(), address: address.trim() || null, groupId: Number(zone) }));
      setName('');
      setAddress('');
      onAdded();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} class={styles.form} aria-labelledby="recv-title" data-testid="receiver-form" noValidate>
      <h2 id="recv-title" class={controls.heading}>
        {t('recv.title')}
      </h2>
      <p class={controls.muted}>{t('recv.intro')}</p>
      <div class={controls.grid}>
        <TextField
          id="recv-name"
          label={t('recv.name')}
          error={problem?.field === 'name' ? problem.text : null}
          maxLength={100}
          value={name}
          onValue={setName}
          testId="receiver-name"
        />
        <TextField id="recv-address" label={t('recv.address')} maxLength={200} value={address} onValue={setAddress} testId="receiver-address" />
        <SelectField
          id="recv-zone"
          label={t('recv.zone')}
          error={problem?.field === 'zone' ? problem.text : null}
          value={zone}
          placeholder={t('recv.zonePick')}
          choices={groups.map((g) => ({ value: String(g.id), label: g.name }))}
          onValue={setZone}
          testId="receiver-zone"
        />
      </div>
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {created && (
        <Notice tone="success" onDismiss={() => setCreated(null)} testId="receiver-done">
          {tf('recv.done', { name: created.device.name })}
          <OnceUrl label={t('recv.mp3')} url={absoluteUrl(created.access.mp3Path)} testId="receiver-mp3-url" />
          <OnceUrl label={t('recv.hls')} url={absoluteUrl(created.access.hlsPath)} testId="receiver-hls-url" />
        </Notice>
      )}
      <button type="submit" class={controls.primary} disabled={busy} data-testid="receiver-submit">
        {busy ? t('recv.submitting') : t('recv.submit')}
      </button>
    </form>
  );
}
