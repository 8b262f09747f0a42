// Device groups: create one, see each group's members and change them (a checkbox per device), the group's
// iCalendar feed link, and whether it is played as a live audio stream (stream zone). Read-only for viewers.
import { useEffect, useState } from 'preact/hooks';
import { addGroupMembers, createGroup, groupCalendarUrl, removeGroupMember, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { devicesText } from '../../../lib/messages/devices';
import { DataTable, type Column } from '../../../components/DataTable/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { Field, describedBy } from '../../../components/Field/index';
import { Notice } from '../../../components/Notice/index';
import { ProgressBar } from '../../../components/ProgressBar/index';
import { SubscribeLink } from '../SubscribeLink/index';
import { StreamZoneForm } from '../StreamZoneForm/index';
import { listStreamZones } from '../../../lib/stream-zones-api';
import { streamZonesText } from '../../../lib/messages/stream-zones';
import { useResource } from '../../../lib/use-resource';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface Props {
  groups: readonly DeviceGroup[];
  devices: readonly Device[];
  canWrite: boolean;
  onChanged: () => void;
}

export function GroupManager({ groups, devices, canWrite, onChanged }: Props) {
  const { t, tf } = devicesText;
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  // A ticked box stays ticked while the change is on its way; fresh groups from the server replace it.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  useEffect(() => setPending({}), [groups]);
  const zones = useResource(listStreamZones, [groups]);

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

  function create(e: Event) {
    e.preventDefault();
    const n = name.trim();
    if (!n) return setProblem(t('groups.needName'));
    setProblem(null);
    void run(
      async () => {
        await createGroup({ name: n });
        setName('');
      },
      tf('groups.created', { name: n }),
    );
  }

  const toggle = (g: DeviceGroup, d: Device, on: boolean) => {
    setPending((p) => ({ ...p, [`${g.id}-${d.id}`]: on }));
    void run(() => (on ? addGroupMembers(g.id, [d.id]) : removeGroupMember(g.id, d.id)), t('groups.saved'));
  };

  const columns: Column<DeviceGroup>[] = [
    { key: 'name', header: t('col.name'), render: (g) => g.name, csv: (g) => g.name },
    {
      key: 'count',
      header: t('groups.countCol'),
      render: (g) => tf('groups.count', { n: g.deviceIds.length }),
      csv: (g) => g.deviceIds.length,
      nowrap: true,
    },
    {
      key: 'members',
      header: t('groups.membersCol'),
      render: (g) =>
        devices
          .filter((d) => g.deviceIds.includes(d.id))
          .map((d) => d.name)
          .join(', '),
      csv: (g) =>
        devices
          .filter((d) => g.deviceIds.includes(d.id))
          .map((d) => d.name)
          .join('; '),
    },
    { key: 'ics', header: t('groups.calendar'), render: (g) => <a href={groupCalendarUrl(g.id)}>{t('groups.calendar')}</a> },
    { key: 'subscribe', header: t('groups.subscribe'), render: (g) => <SubscribeLink groupId={g.id} groupName={g.name} /> },
  ];

  return (
    <div data-testid="group-manager">
      {canWrite && (
        <form onSubmit={create} class={controls.row} noValidate>
          <Field id="group-name" label={t('groups.name')} hint={t('groups.nameHint')} error={problem}>
            <input
              id="group-name"
              class={controls.input}
              maxLength={100}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={describedBy('group-name', t('groups.nameHint'), problem)}
              data-testid="group-name"
            />
          </Field>
          <button type="submit" class={controls.primary} disabled={busy} data-testid="group-create">
            {busy ? t('groups.creating') : t('groups.create')}
          </button>
        </form>
      )}
      {busy && <ProgressBar label={t('groups.creating')} value={null} />}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      {done && (
        <Notice tone="success" onDismiss={() => setDone(null)} testId="group-done">
          {done}
        </Notice>
      )}
      <DataTable
        caption={t('groups.title')}
        columns={columns}
        rows={groups}
        rowKey={(g) => g.id}
        empty={t('groups.empty')}
        csvName={t('groups.csv')}
        testId="group-list"
      />
      {canWrite &&
        groups.map((g) => (
          <details key={g.id} class={styles.members}>
            <summary>{tf('groups.members', { name: g.name })}</summary>
            <fieldset class={controls.choices} disabled={busy}>
              <legend class={controls.srOnly}>{tf('groups.members', { name: g.name })}</legend>
              {devices.map((d) => (
                <label key={d.id} class={controls.choice}>
                  <input
                    type="checkbox"
                    checked={pending[`${g.id}-${d.id}`] ?? g.deviceIds.includes(d.id)}
                    onChange={(e) => toggle(g, d, e.currentTarget.checked)}
                    data-testid={`member-${g.id}-${d.id}`}
                  />
                  {d.name}
                </label>
              ))}
            </fieldset>
          </details>
        ))}
      {zones.error != null && <ErrorNotice error={zones.error} onRetry={zones.reload} />}
      {zones.data &&
        groups.map((g) => (
          <details key={`zone-${g.id}`} class={styles.members} data-testid={`stream-zone-${g.id}`}>
            <summary>{streamZonesText.tf('title', { name: g.name })}</summary>
            <StreamZoneForm
              groupId={g.id}
              groupName={g.name}
              zone={zones.data?.find((z) => z.groupId === g.id)}
              canWrite={canWrite}
              onChanged={zones.reload}
            />
          </details>
        ))}
    </div>
  );
}
