// The field groups of the schedule editor: name and class (with the ad share), what plays (approved
// content or a playlist), and where (groups, kinds, single devices).
import type { Content } from '../../../lib/content-api';
import { DEVICE_KINDS, type Device, type DeviceGroup } from '../../../lib/devices-api';
import { schedulesText } from '../../../lib/messages/schedules';
import type { FormState } from '../../../lib/schedule-form';
import { SCHEDULE_CLASSES, type Playlist } from '../../../lib/schedules-api';
import { CheckboxGroup } from '../../../components/CheckboxGroup/index';
import { Field } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

interface FormProps {
  f: FormState;
  set: (patch: Partial<FormState>) => void;
}

export function NameClassFields({ f, set }: FormProps) {
  const { t } = schedulesText;
  return (
    <div class={controls.grid}>
      <Field id="sch-name" label={t('editor.name')} hint={t('editor.nameHint')}>
        <input
          id="sch-name"
          class={controls.input}
          value={f.name}
          maxLength={200}
          onInput={(e) => set({ name: e.currentTarget.value })}
          aria-describedby="sch-name-hint"
        />
      </Field>
      <Field id="sch-class" label={t('editor.class')}>
        <select
          id="sch-class"
          class={controls.input}
          value={f.cls}
          onChange={(e) => set({ cls: e.currentTarget.value as FormState['cls'] })}
        >
          {SCHEDULE_CLASSES.map((c) => (
            <option key={c} value={c}>
              {t(`class.${c}`)}
            </option>
          ))}
        </select>
      </Field>
      {f.cls === 'ads' && (
        <Field id="sch-adshare" label={t('editor.adShare')}>
          <input
            id="sch-adshare"
            type="number"
            min={1}
            max={100}
            class={controls.input}
            value={f.adSharePct}
            onInput={(e) => set({ adSharePct: Number(e.currentTarget.value) })}
          />
        </Field>
      )}
    </div>
  );
}

export function WhatFields({ f, set, contents, playlists }: FormProps & { contents: readonly Content[]; playlists: readonly Playlist[] }) {
  const { t } = schedulesText;
  return (
    <fieldset class={styles.fieldset}>
      <legend>{t('editor.whatKind')}</legend>
      <div class={controls.row}>
        {(['content', 'playlist'] as const).map((k) => (
          <label key={k} class={styles.choice}>
            <input type="radio" name="sch-what" checked={f.whatKind === k} onChange={() => set({ whatKind: k })} />
            {t(k === 'content' ? 'editor.content' : 'editor.playlist')}
          </label>
        ))}
      </div>
      {f.whatKind === 'content' ? (
        <ContentPicker f={f} set={set} contents={contents} />
      ) : (
        <PlaylistPicker f={f} set={set} playlists={playlists} />
      )}
    </fieldset>
  );
}

function ContentPicker({ f, set, contents }: FormProps & { contents: readonly Content[] }) {
  const { t } = schedulesText;
  const approved = contents.filter((c) => c.playing !== null);
  return (
    <Field id="sch-content" label={t('editor.pickContent')} hint={approved.length === 0 ? t('editor.noContent') : undefined}>
      <select
        id="sch-content"
        class={controls.input}
        value={f.contentId === null ? '' : String(f.contentId)}
        onChange={(e) => set({ contentId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        data-testid="sch-content"
      >
        <option value="">—</option>
        {approved.map((c) => (
          <option key={c.id} value={String(c.id)}>
            {c.playing?.title ?? `#${c.id}`}
          </option>
        ))}
      </select>
    </Field>
  );
}

function PlaylistPicker({ f, set, playlists }: FormProps & { playlists: readonly Playlist[] }) {
  const { t } = schedulesText;
  return (
    <Field id="sch-playlist" label={t('editor.pickPlaylist')} hint={playlists.length === 0 ? t('editor.noPlaylist') : undefined}>
      <select
        id="sch-playlist"
        class={controls.input}
        value={f.playlistId === null ? '' : String(f.playlistId)}
        onChange={(e) => set({ playlistId: e.currentTarget.value ? Number(e.currentTarget.value) : null })}
        data-testid="sch-playlist"
      >
        <option value="">—</option>
        {playlists.map((p) => (
          <option key={p.id} value={String(p.id)}>
            {p.name}
          </option>
        ))}
      </select>
    </Field>
  );
}

export function TargetFields({ f, set, devices, groups }: FormProps & { devices: readonly Device[]; groups: readonly DeviceGroup[] }) {
  const { t } = schedulesText;
  return (
    <fieldset class={styles.fieldset}>
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
