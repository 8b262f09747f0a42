// The field groups of the schedule editor: name and class (with the ad share), what plays (approved
// content or a playlist), and where (groups, kinds, single devices).
import type { Content } from '../../../lib/content-api';
import { DEVICE_KINDS, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { schedulesText } from '../../../lib/messages/schedules';
import type { FormState } from '../../../lib/schedule-form';
import { SCHEDULE_CLASSES, type Playlist } from '../../../lib/schedules-api';
import type { RelaySource } from '../../../lib/relays-api';
import { CheckboxGroup } from '../../../components/CheckboxGroup/index';
import { NumberField, SelectField, TextField } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';

interface FormProps {
  f: FormState;
  set: (patch: Partial<FormState>) => void;
}

export function NameClassFields({ f, set }: FormProps) {
  const { t } = schedulesText;
  return (
    <div class={controls.grid}>
      <TextField
        id="sch-name"
        label={t('editor.name')}
        hint={t('editor.nameHint')}
        maxLength={200}
        value={f.name}
        onValue={(name) => set({ name })}
      />
      <SelectField
        id="sch-class"
        label={t('editor.class')}
        value={f.cls}
        choices={SCHEDULE_CLASSES.map((c) => ({ value: c, label: t(`class.${c}`) }))}
        onValue={(cls) => cls && set({ cls })}
      />
      {f.cls === 'ads' && (
        <NumberField
          id="sch-adshare"
          label={t('editor.adShare')}
          min={1}
          max={100}
          value={f.adSharePct}
          onValue={(v) => set({ adSharePct: Number(v) })}
        />
      )}
    </div>
  );
}

export function WhatFields({
  f,
  set,
  contents,
  playlists,
  relays,
}: FormProps & { contents: readonly Content[]; playlists: readonly Playlist[]; relays: readonly RelaySource[] }) {
  const { t } = schedulesText;
  return (
    <fieldset class={controls.fieldset}>
      <legend>{t('editor.whatKind')}</legend>
      <div class={controls.row}>
        {(['content', 'playlist', 'relay'] as const).map((k) => (
          <label key={k} class={controls.choice}>
            <input
              type="radio"
              name="sch-what"
              checked={f.whatKind === k}
              onChange={() => set({ whatKind: k })}
              data-testid={`sch-what-${k}`}
            />
            {t(k === 'content' ? 'editor.content' : k === 'playlist' ? 'editor.playlist' : 'editor.relay')}
          </label>
        ))}
      </div>
      {f.whatKind === 'content' ? (
        <ContentPicker f={f} set={set} contents={contents} />
      ) : f.whatKind === 'playlist' ? (
        <PlaylistPicker f={f} set={set} playlists={playlists} />
      ) : (
        <RelayPicker f={f} set={set} relays={relays} />
      )}
    </fieldset>
  );
}

function ContentPicker({ f, set, contents }: FormProps & { contents: readonly Content[] }) {
  const { t } = schedulesText;
  const approved = contents.filter((c) => c.playing !== null);
  return (
    <SelectField
      id="sch-content"
      label={t('editor.pickContent')}
      hint={approved.length === 0 ? t('editor.noContent') : undefined}
      value={f.contentId === null ? '' : String(f.contentId)}
      placeholder="—"
      choices={approved.map((c) => ({ value: String(c.id), label: c.playing?.title ?? `#${c.id}` }))}
      onValue={(v) => set({ contentId: v ? Number(v) : null })}
      testId="sch-content"
    />
  );
}

function PlaylistPicker({ f, set, playlists }: FormProps & { playlists: readonly Playlist[] }) {
  const { t } = schedulesText;
  return (
    <SelectField
      id="sch-playlist"
      label={t('editor.pickPlaylist')}
      hint={playlists.length === 0 ? t('editor.noPlaylist') : undefined}
      value={f.playlistId === null ? '' : String(f.playlistId)}
      placeholder="—"
      choices={playlists.map((p) => ({ value: String(p.id), label: p.name }))}
      onValue={(v) => set({ playlistId: v ? Number(v) : null })}
      testId="sch-playlist"
    />
  );
}

/** Approved relay sources only: a pending change of a source keeps its approved URL on air. */
function RelayPicker({ f, set, relays }: FormProps & { relays: readonly RelaySource[] }) {
  const { t } = schedulesText;
  const approved = relays.filter((r) => r.approved !== null);
  return (
    <SelectField
      id="sch-relay"
      label={t('editor.pickRelay')}
      hint={approved.length === 0 ? t('editor.noRelay') : t('editor.relayHint')}
      value={f.relaySourceId === null ? '' : String(f.relaySourceId)}
      placeholder="—"
      choices={approved.map((r) => ({ value: String(r.id), label: r.name }))}
      onValue={(v) => set({ relaySourceId: v ? Number(v) : null })}
      testId="sch-relay"
    />
  );
}

export function TargetFields({ f, set, devices, groups }: FormProps & { devices: readonly Device[]; groups: readonly DeviceGroup[] }) {
  const { t } = schedulesText;
  return (
    <fieldset class={controls.fieldset}>
      <legend>{t('editor.targets')}</legend>
      <CheckboxGroup
        legend={t('editor.groups')}
        options={groups.map((g) => ({ value: g.id, label: g.name }))}
        selected={f.groupIds}
        onChange={(groupIds) => set({ groupIds })}
        testId="sch-group"
      />
      <CheckboxGroup
        legend={t('editor.kinds')}
        options={DEVICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
        selected={f.kinds}
        onChange={(kinds) => set({ kinds })}
      />
      <CheckboxGroup
        legend={t('editor.devices')}
        options={devices.map((d) => ({ value: d.id, label: d.name }))}
        selected={f.deviceIds}
        onChange={(deviceIds) => set({ deviceIds })}
      />
    </fieldset>
  );
}
