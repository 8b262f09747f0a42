// Pairing by code: staff type the 6-digit code the player shows, name the device, say what kind it is
// and where it stands; the server creates the device and the player collects its token by itself.
import { useState } from 'preact/hooks';
import { claimPairingCode, DEVICE_KINDS, type DeviceGroup, type DeviceKind } from '../../../lib/devices-api';
import { devicesText } from '../../../lib/messages/devices';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, SelectField, TextField, describedBy } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  groups: readonly DeviceGroup[];
  onPaired: () => void;
}

const num = (s: string) => (s.trim() === '' ? null : Number(s.replace(',', '.')));

export function PairDeviceForm({ groups, onPaired }: Props) {
  const { t, tf } = devicesText;
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<DeviceKind>('speaker');
  const [residentialGroup, setResidentialGroup] = useState('');
  const [address, setAddress] = useState('');
  const [lat, setLat] = useState('');
  const [lon, setLon] = useState('');
  const [groupIds, setGroupIds] = useState<number[]>([]);
  const [problem, setProblem] = useState<{ field: 'code' | 'name'; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);

  /** After a pairing every field starts empty: the next device stands somewhere else. */
  function clear() {
    setCode('');
    setName('');
    setResidentialGroup('');
    setAddress('');
    setLat('');
    setLon('');
    setGroupIds([]);
  }

  async function submit(e: Event) {
    e.preventDefault();
    const c = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(c)) return setProblem({ field: 'code', text: t('pair.badCode') });
    if (!name.trim()) return setProblem({ field: 'name', text: t('pair.needName') });
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      const device = await claimPairingCode({
        code: c,
        device: {
          name: name.trim(),
          kind,
          residentialGroup: residentialGroup.trim() || null,
          address: address.trim() || null,
          lat: num(lat),
          lon: num(lon),
          groupIds,
        },
      });
      setDone(tf('pair.done', { name: device.name }));
      clear();
      onPaired();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const codeError = problem?.field === 'code' ? problem.text : null;
  const nameError = problem?.field === 'name' ? problem.text : null;
  return (
    <form onSubmit={submit} class={styles.form} aria-labelledby="pair-title" data-testid="pair-form" noValidate>
      <h2 id="pair-title" class={controls.heading}>
        {t('pair.title')}
      </h2>
      <p class={controls.muted}>{t('pair.intro')}</p>
      <div class={controls.grid}>
        <Field id="pair-code" label={t('pair.code')} error={codeError}>
          <input
            id="pair-code"
            class={`${controls.input} ${styles.code}`}
            inputMode="numeric"
            autoComplete="off"
            maxLength={7}
            value={code}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-invalid={codeError ? 'true' : undefined}
            aria-describedby={describedBy('pair-code', undefined, codeError)}
            data-testid="pair-code"
          />
        </Field>
        <TextField
          id="pair-name"
          label={t('pair.name')}
          hint={t('pair.nameHint')}
          error={nameError}
          maxLength={100}
          value={name}
          onValue={setName}
          testId="pair-name"
        />
        <SelectField
          id="pair-kind"
          label={t('pair.kind')}
          value={kind}
          choices={DEVICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          onValue={(k) => k && setKind(k)}
          testId="pair-kind"
        />
        <TextField
          id="pair-rg"
          label={t('pair.group')}
          maxLength={100}
          value={residentialGroup}
          onValue={setResidentialGroup}
          testId="pair-rg"
        />
        <TextField id="pair-address" label={t('pair.address')} maxLength={200} value={address} onValue={setAddress} testId="pair-address" />
        <TextField id="pair-lat" label={t('pair.lat')} inputMode="decimal" value={lat} onValue={setLat} />
        <TextField id="pair-lon" label={t('pair.lon')} inputMode="decimal" value={lon} onValue={setLon} />
      </div>
      {groups.length > 0 && (
        <fieldset class={styles.groups}>
          <legend>{t('pair.groups')}</legend>
          {groups.map((g) => (
            <label key={g.id} class={controls.choice}>
              <input
                type="checkbox"
                checked={groupIds.includes(g.id)}
                onChange={(e) => setGroupIds(e.currentTarget.checked ? [...groupIds, g.id] : groupIds.filter((x) => x !== g.id))}
              />
              {g.name}
            </label>
          ))}
        </fieldset>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId="pair-done">
          {done}
        </Notice>
      )}
      {busy && <ProgressBar label={t('pair.submitting')} value={null} />}
      <button type="submit" class={controls.primary} disabled={busy} data-testid="pair-submit">
        {busy ? t('pair.submitting') : t('pair.submit')}
      </button>
    </form>
  );
}
