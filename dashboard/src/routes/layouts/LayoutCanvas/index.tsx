// The layout drawn to scale: every region where the layout puts it, showing what it will show (the main
// programme, the ticker's text scrolling, the clock's time, the banner's approved content). In the editor a
// region moves when dragged and resizes from its corner handle, snapping to the grid (lib/layout-geometry).
import { useEffect, useRef, useState } from 'preact/hooks';
import { clockText, type LayoutBody, type Region } from '@bantin/protocol/core';
import { fitScale, moveBox, resizeBox, type Box } from '../../../lib/layout-geometry';
import { layoutsText } from '../../../lib/messages/layouts';
import styles from './style.module.css';

interface Props {
  body: LayoutBody;
  /** Text of the content a banner / image region shows, by content id. */
  contentTitle: (id: number) => string | null;
  tz: string;
  frameWidth?: number;
  selected?: string | null;
  onSelect?: (id: string) => void;
  /** Present in the editor: a region's new box after a drag. */
  onChange?: (id: string, box: Box) => void;
}

type Drag = { id: string; mode: 'move' | 'resize'; startX: number; startY: number; box: Box };

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(t);
  }, []);
  return now;
}

export function LayoutCanvas({ body, contentTitle, tz, frameWidth = 720, selected, onSelect, onChange }: Props) {
  const { t } = layoutsText;
  const scale = fitScale(body, frameWidth, 560);
  const drag = useRef<Drag | null>(null);
  const now = useNow();

  const start = (e: PointerEvent, r: Region, mode: Drag['mode']) => {
    onSelect?.(r.id);
    if (!onChange) return;
    e.preventDefault();
    e.stopPropagation();
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    drag.current = { id: r.id, mode, startX: e.clientX, startY: e.clientY, box: { x: r.x, y: r.y, w: r.w, h: r.h } };
  };
  const move = (e: PointerEvent) => {
    const d = drag.current;
    if (!d || !onChange) return;
    const dx = (e.clientX - d.startX) / scale;
    const dy = (e.clientY - d.startY) / scale;
    onChange(d.id, d.mode === 'move' ? moveBox(d.box, dx, dy, body) : resizeBox(d.box, dx, dy, body));
  };
  const end = () => {
    drag.current = null;
  };

  const inner = (r: Region) => {
    const fontPx = Math.max(9, Math.round((r.style?.fontPx ?? Math.min(r.h * 0.5, 64)) * scale));
    switch (r.kind) {
      case 'main':
        return <span>{t('kind.main')}</span>;
      case 'clock':
        return <span style={{ fontSize: fontPx }}>{clockText(now, tz)}</span>;
      case 'ticker':
        return (
          <span class={styles.ticker} style={{ fontSize: fontPx }}>
            {t('preview.ticker')}
          </span>
        );
      default:
        return <span style={{ fontSize: fontPx }}>{(r.contentId !== undefined && contentTitle(r.contentId)) || t(`kind.${r.kind}`)}</span>;
    }
  };

  return (
    <div
      class={styles.frame}
      style={{ width: Math.round(body.width * scale), height: Math.round(body.height * scale) }}
      data-testid="layout-canvas"
      data-scale={scale}
      onPointerMove={move}
      onPointerUp={end}
      onPointerCancel={end}
    >
      {body.regions.map((r) => (
        <div
          key={r.id}
          class={`${styles.region} ${r.kind === 'main' ? styles.main : ''} ${selected === r.id ? styles.selected : ''}`}
          style={{
            left: r.x * scale,
            top: r.y * scale,
            width: r.w * scale,
            height: r.h * scale,
            zIndex: r.z,
            color: r.style?.color,
            background: r.kind === 'main' ? undefined : (r.style?.background ?? '#333'),
          }}
          data-testid={`layout-region-${r.id}`}
          data-kind={r.kind}
          data-box={`${r.x},${r.y},${r.w},${r.h}`}
          onPointerDown={(e) => start(e, r, 'move')}
        >
          <span class={styles.label}>{r.id}</span>
          {inner(r)}
          {onChange && <span class={styles.handle} data-testid={`layout-handle-${r.id}`} onPointerDown={(e) => start(e, r, 'resize')} />}
        </div>
      ))}
    </div>
  );
}
