// The visual layout editor: the canvas to scale with its regions (drag to move, corner to resize, snapping),
// the selected region's exact numbers, colours and content, and saving — every save is a new version that
// waits for a reviewer, while the approved one stays on screens.
import { useState } from 'preact/hooks';
import { layoutProblems, REGION_KINDS, TICKER_SPEED_DEFAULT, TICKER_SPEED_MAX, TICKER_SPEED_MIN, type LayoutBody, type Region, type RegionKind } from '@bantin/protocol/core';
import { createLayout, updateLayout, type Layout } from '../../../lib/layouts-api';
import { SNAP_PX } from '../../../lib/layout-geometry';
import { layoutsText } from '../../../lib/messages/layouts';
import { NumberField, SelectField, TextField } from '../../../components/Field/index';
import { FormActions } from '../../../components/FormActions/index';
import { ErrorNotice } from '../../../components/ErrorNotice/index';
import { LayoutCanvas } from '../LayoutCanvas/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export type Draft = { id: number | null; name: string; body: LayoutBody };
type ContentChoice = { id: number; title: string };

interface Props {
  draft: Draft;
  contents: ContentChoice[];
  tz: string;
  onClose: () => void;
  onSaved: (l: Layout) => void;
}

const DEFAULT_BOX: Record<RegionKind, (b: LayoutBody) => Omit<Region, 'id' | 'kind' | 'z'>> = {
  main: (b) => ({ x: 0, y: 0, w: b.width, h: b.height }),
  ticker: (b) => ({ x: 0, y: b.height - 120, w: b.width, h: 120, style: { color: '#ffeb3b', background: '#0d47a1', fontPx: 64 } }),
  clock: (b) => ({ x: b.width - 480, y: 0, w: 480, h: 140, style: { color: '#ffffff', background: '#b71c1c', fontPx: 40 } }),
  banner: (b) => ({ x: 0, y: 0, w: Math.min(b.width, 1440), h: 140, style: { color: '#ffffff', background: '#b71c1c', fontPx: 64 } }),
  image: () => ({ x: 0, y: 0, w: 200, h: 200 }),
};

export function LayoutEditor({ draft: initial, contents, tz, onClose, onSaved }: Props) {
  const { t, tf } = layoutsText;
  const [draft, setDraft] = useState<Draft>(initial);
  const [selected, setSelected] = useState<string | null>(initial.body.regions.find((r) => r.kind !== 'main')?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [nameError, setNameError] = useState<string | null>(null);
  const body = draft.body;
  const problems = layoutProblems(body);
  const region = body.regions.find((r) => r.id === selected) ?? null;
  const titleOf = (id: number) => contents.find((c) => c.id === id)?.title ?? null;

  const setRegion = (id: string, patch: Partial<Region>) =>
    setDraft((d) => ({ ...d, body: { ...d.body, regions: d.body.regions.map((r) => (r.id === id ? { ...r, ...patch } : r)) } }));
  const setStyle = (id: string, patch: NonNullable<Region['style']>) => setRegion(id, { style: { ...body.regions.find((r) => r.id === id)?.style, ...patch } });
  const addRegion = (kind: RegionKind) => {
    let n = 1;
    while (body.regions.some((r) => r.id === `${kind}${n === 1 ? '' : `-${n}`}`)) n++;
    const id = `${kind}${n === 1 ? '' : `-${n}`}`;
    const z = Math.min(100, Math.max(0, ...body.regions.map((r) => r.z)) + 1);
    setDraft((d) => ({ ...d, body: { ...d.body, regions: [...d.body.regions, { id, kind, z, ...DEFAULT_BOX[kind](d.body) }] } }));
    setSelected(id);
  };
  const removeRegion = (id: string) => {
    setDraft((d) => ({ ...d, body: { ...d.body, regions: d.body.regions.filter((r) => r.id !== id) } }));
    setSelected(null);
  };
  const num = (v: string) => (v.trim() === '' ? 0 : Math.round(Number(v)));

  async function save(e: Event) {
    e.preventDefault();
    if (!draft.name.trim()) return setNameError(t('editor.needName'));
    setNameError(null);
    setBusy(true);
    setError(null);
    try {
      const input = { name: draft.name.trim(), ...body };
      onSaved(draft.id === null ? await createLayout(input) : await updateLayout(draft.id, input));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class={controls.section} onSubmit={(e) => void save(e)} data-testid="layout-editor" aria-labelledby="layout-editor-title">
      <h2 id="layout-editor-title" class={controls.heading}>
        {draft.id === null ? t('editor.titleNew') : tf('editor.titleEdit', { name: initial.name })}
      </h2>
      <TextField id="layout-name" label={t('editor.name')} value={draft.name} maxLength={100} error={nameError} onValue={(name) => setDraft((d) => ({ ...d, name }))} testId="layout-name" />
      <p class={controls.muted}>
        {tf('editor.canvas', { width: body.width, height: body.height, orientation: body.orientation })} · {tf('editor.hint', { grid: SNAP_PX })}
      </p>
      <div class={styles.editor}>
        <div>
          <LayoutCanvas
            body={body}
            contentTitle={titleOf}
            tz={tz}
            selected={selected}
            onSelect={setSelected}
            onChange={(id, box) => setRegion(id, box)}
          />
          <div class={controls.row} role="group" aria-label={t('editor.add')}>
            {REGION_KINDS.filter((k) => k !== 'main').map((k) => (
              <button key={k} type="button" class={controls.button} onClick={() => addRegion(k)} data-testid={`layout-add-${k}`}>
                + {t(`kind.${k}`)}
              </button>
            ))}
          </div>
          {problems.length > 0 && (
            <div class={styles.problems} role="status" data-testid="layout-problems">
              {t('editor.problems')}{' '}
              {problems.map((p) => `${t(`problem.${p.code}`)}${p.region ? ` (${p.region})` : ''}`).join('; ')}
            </div>
          )}
        </div>
        {region && (
          <fieldset class={controls.fieldset} data-testid="layout-region-panel">
            <legend>{tf('editor.region', { id: region.id })}</legend>
            <SelectField<RegionKind>
              id="layout-kind"
              testId="layout-kind"
              label={t('editor.kind')}
              value={region.kind}
              choices={REGION_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
              onValue={(kind) => kind && setRegion(region.id, { kind, ...(kind === 'banner' || kind === 'image' ? {} : { contentId: undefined }) })}
            />
            {(['x', 'y', 'w', 'h', 'z'] as const).map((k) => (
              <NumberField key={k} id={`layout-${k}`} testId={`layout-${k}`} label={t(`editor.${k}`)} value={region[k]} min={0} onValue={(v) => setRegion(region.id, { [k]: num(v) })} />
            ))}
            {region.kind !== 'main' && (
              <>
                <label class={controls.muted} for="layout-color">
                  {t('editor.color')}{' '}
                  <input id="layout-color" class={styles.colour} type="color" value={region.style?.color ?? '#ffffff'} onInput={(e) => setStyle(region.id, { color: e.currentTarget.value })} />
                </label>{' '}
                <label class={controls.muted} for="layout-background">
                  {t('editor.background')}{' '}
                  <input id="layout-background" class={styles.colour} type="color" value={region.style?.background ?? '#333333'} onInput={(e) => setStyle(region.id, { background: e.currentTarget.value })} />
                </label>
                <NumberField id="layout-font" label={t('editor.fontPx')} value={region.style?.fontPx ?? ''} min={8} onValue={(v) => setStyle(region.id, { fontPx: v.trim() === '' ? undefined : num(v) })} />
                {region.kind === 'ticker' && (
                  <NumberField
                    id="layout-speed"
                    testId="layout-speed"
                    label={t('editor.speed')}
                    hint={tf('editor.speedHint', { min: TICKER_SPEED_MIN, max: TICKER_SPEED_MAX, value: TICKER_SPEED_DEFAULT })}
                    value={region.style?.speed ?? ''}
                    min={TICKER_SPEED_MIN}
                    max={TICKER_SPEED_MAX}
                    onValue={(v) => setStyle(region.id, { speed: v.trim() === '' ? undefined : num(v) })}
                  />
                )}
              </>
            )}
            {(region.kind === 'banner' || region.kind === 'image') && (
              <SelectField<string>
                id="layout-content"
                testId="layout-content"
                label={t('editor.content')}
                value={region.contentId === undefined ? '' : String(region.contentId)}
                placeholder={t('editor.noContent')}
                choices={contents.map((c) => ({ value: String(c.id), label: c.title }))}
                onValue={(v) => setRegion(region.id, { contentId: v === '' ? undefined : Number(v) })}
              />
            )}
            {region.kind !== 'main' && (
              <button type="button" class={controls.button} onClick={() => removeRegion(region.id)}>
                {t('editor.remove')}
              </button>
            )}
          </fieldset>
        )}
      </div>
      {error != null && <ErrorNotice error={error} onDismiss={() => setError(null)} />}
      <FormActions label={busy ? t('editor.saving') : t('editor.save')} disabled={busy || problems.length > 0} testId="layout-save" cancelLabel={t('editor.close')} onCancel={onClose} />
    </form>
  );
}
