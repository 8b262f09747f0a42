// Assigning layouts: a screen (LED or kiosk) or a group gets a layout, or none (full screen). A device's own
// layout comes before its group's; only the layout's approved version ever reaches the screen.
import { useState } from 'preact/hooks';
import { assignLayout, type Layout, type LayoutAssignment } from '../../../lib/layouts-api';
import type { Device, DeviceGroup } from '../../../lib/devices-api';
import { layoutsText } from '../../../lib/messages/layouts';
import { SelectField } from '../../../components/Field/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import controls from '../../../components/controls.module.css';

interface Props {
  layouts: Layout[];
  devices: Device[];
  groups: DeviceGroup[];
  assignments: LayoutAssignment[];
  canWrite: boolean;
  onAssigned: () => void;
}

export function AssignPanel({ layouts, devices, groups, assignments, canWrite, onAssigned }: Props) {
  const { t, tf } = layoutsText;
  const [layout, setLayout] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const screens = devices.filter((d) => d.kind === 'led' || d.kind === 'kiosk');
  const targets = [
    ...screens.map((d) => ({ value: `d${d.id}`, label: tf('assign.device', { name: d.name }) })),
    ...groups.map((g) => ({ value: `g${g.id}`, label: tf('assign.group', { name: g.name }) })),
  ];
  const nameOfTarget = (a: LayoutAssignment) =>
    a.deviceId !== null
      ? tf('assign.device', { name: devices.find((d) => d.id === a.deviceId)?.name ?? `#${a.deviceId}` })
      : tf('assign.group', { name: groups.find((g) => g.id === a.groupId)?.name ?? `#${a.groupId}` });

  async function submit(e: Event) {
    e.preventDefault();
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      const id = Number(target.slice(1));
      await assignLayout({ layoutId: layout === '' || layout === 'none' ? null : Number(layout), ...(target.startsWith('d') ? { deviceId: id } : { groupId: id }) });
      onAssigned();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class={controls.section} aria-labelledby="layout-assign" data-testid="layout-assign">
      <h2 id="layout-assign" class={controls.heading}>
        {t('assign.title')}
      </h2>
      {canWrite && (
        <form class={controls.row} onSubmit={(e) => void submit(e)}>
          <SelectField<string>
            id="assign-layout"
            testId="assign-layout"
            label={t('assign.layout')}
            value={layout}
            choices={[{ value: 'none', label: t('assign.none') }, ...layouts.map((l) => ({ value: String(l.id), label: l.name }))]}
            onValue={setLayout}
          />
          <SelectField<string> id="assign-target" testId="assign-target" label={t('assign.target')} value={target} placeholder="—" choices={targets} onValue={setTarget} />
          <button type="submit" class={controls.primary} disabled={busy || !target || !layout} data-testid="assign-submit">
            {t('assign.submit')}
          </button>
        </form>
      )}
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <h3 class={controls.heading}>{t('assign.current')}</h3>
      {assignments.length === 0 ? (
        <p class={controls.muted}>{t('assign.empty')}</p>
      ) : (
        <ul data-testid="layout-assignments">
          {assignments.map((a) => (
            <li key={`${a.deviceId ?? ''}-${a.groupId ?? ''}`}>
              {nameOfTarget(a)} → {layouts.find((l) => l.id === a.layoutId)?.name ?? `#${a.layoutId}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
