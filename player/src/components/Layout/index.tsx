// A screen's layout (bố cục): the layout's canvas scaled to fit the screen, each region where the layout puts it
// — the main programme (the stage), the scrolling ticker (chữ chạy), the clock, the ward's banner and fixed
// pictures. An alert is drawn by the player over all of it; this component knows nothing of alerts.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { clockText, TICKER_SPEED_DEFAULT, type DeviceLayout, type Region, type Segment, type TimelineItem } from '@bantin/protocol/core';
import type { DeviceKind, PlayerCore } from '../../core/player-core';
import type { Clock } from '../../lib/clock';
import type { MediaUrls } from '../../media/urls';
import { useMediaUrl } from '../../media/use-media-url';
import { Stage } from '../Stage';
import styles from './style.module.css';

/** What separates the ticker's texts, and one loop of them from the next. */
export const TICKER_SEPARATOR = '\u2003\u2022\u2003';

/** One loop of the ticker: every text of the segment in order, each followed by the separator. */
export function tickerLine(items: readonly TimelineItem[]): string {
  let line = '';
  for (const it of items) {
    const t = it.text;
    if (!t) continue;
    const one = t.title ? `${t.title} — ${t.body}` : t.body;
    if (one.trim()) line += one.replace(/\s+/g, ' ').trim() + TICKER_SEPARATOR;
  }
  return line;
}

/** Seconds one loop takes at `speed` characters a second (never under one second). */
export function tickerLoopSeconds(line: string, speed: number): number {
  return Math.max(1, line.length / Math.max(1, speed));
}

/** Where a canvas of width × height is drawn on a vw × vh screen: the largest scale at which it fits, centred. */
export function canvasFit(width: number, height: number, vw: number, vh: number) {
  const scale = Math.min(vw / width, vh / height);
  return { scale, left: (vw - width * scale) / 2, top: (vh - height * scale) / 2 };
}

/** The screen's size in CSS pixels, kept up to date on resize. */
export function useViewport(): { vw: number; vh: number } {
  // 0 × 0 where there is no window (rendered to a string in tests): callers fall back to the canvas size.
  const measure = () => (typeof window === 'undefined' ? { vw: 0, vh: 0 } : { vw: window.innerWidth, vh: window.innerHeight });
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const on = () => setSize(measure());
    on();
    window.addEventListener('resize', on);
    return () => window.removeEventListener('resize', on);
  }, []);
  return size;
}

/** The box on the screen, in CSS pixels, of the layout's first region of this kind; null when it has none. */
export function regionOnScreen(body: DeviceLayout['body'], kind: Region['kind'], vw: number, vh: number) {
  const r = body.regions.find((x) => x.kind === kind);
  if (!r) return null;
  const fit = canvasFit(body.width, body.height, vw || body.width, vh || body.height);
  return { left: fit.left + r.x * fit.scale, top: fit.top + r.y * fit.scale, width: r.w * fit.scale, height: r.h * fit.scale };
}

function box(r: Region): JSX.CSSProperties {
  const s = r.style ?? {};
  const out: JSX.CSSProperties = { left: `${r.x}px`, top: `${r.y}px`, width: `${r.w}px`, height: `${r.h}px`, zIndex: r.z };
  if (s.color) out.color = s.color;
  if (s.background) out.background = s.background;
  return out;
}

const fontOf = (r: Region, share: number) => `${r.style?.fontPx ?? Math.max(8, Math.round(r.h * share))}px`;

function Ticker({ region, segment, clock }: { region: Region; segment: Segment | null; clock: Clock }) {
  const line = segment ? tickerLine(segment.items) : '';
  const seconds = tickerLoopSeconds(line, region.style?.speed ?? TICKER_SPEED_DEFAULT);
  // The phase is taken once per line: every screen on the same segment scrolls in step, and a re-render
  // (new media, a volume change) does not move the text. The two copies make the loop seamless.
  const delay = useMemo(() => (segment ? ((clock.now() - segment.start) / 1000) % seconds : 0), [line, segment?.start, seconds]);
  return (
    <div
      class={`${styles.region} ${styles.ticker}`}
      style={{ ...box(region), fontSize: fontOf(region, 0.6) }}
      data-testid="region-ticker"
      data-region={region.id}
      lang="vi"
    >
      {line && (
        <div
          key={line}
          class={styles.track}
          style={{ animationDuration: `${seconds}s`, animationDelay: `-${delay.toFixed(3)}s` }}
          data-testid="ticker-track"
        >
          <span class={styles.copy} style={{ minWidth: `${region.w}px` }}>
            {line}
          </span>
          <span class={styles.copy} style={{ minWidth: `${region.w}px` }} aria-hidden="true">
            {line}
          </span>
        </div>
      )}
    </div>
  );
}

/** The clock's size: its style's, or as large as fits the region on one line (a glyph is about 0.56 em wide). */
const clockFont = (r: Region, text: string) =>
  r.style?.fontPx ? `${r.style.fontPx}px` : `${Math.max(8, Math.floor(Math.min(r.h * 0.4, (r.w * 0.92) / (text.length * 0.56))))}px`;

function ClockRegion({ region, clock, tz }: { region: Region; clock: Clock; tz: string }) {
  const [now, setNow] = useState(clock.now());
  useEffect(() => {
    let handle = clock.setTimeout(tick, 0);
    function tick() {
      const t = clock.now();
      setNow(t);
      // Re-armed at the next minute (a little after, so the minute has turned).
      handle = clock.setTimeout(tick, 60_000 - (((t % 60_000) + 60_000) % 60_000) + 20);
    }
    return () => clock.clearTimeout(handle);
  }, [clock]);
  const text = clockText(now, tz);
  return (
    <div
      class={`${styles.region} ${styles.text} ${styles.clock}`}
      style={{ ...box(region), fontSize: clockFont(region, text) }}
      data-testid="region-clock"
      data-region={region.id}
      lang="vi"
    >
      {text}
    </div>
  );
}

function ContentRegion({
  region,
  item,
  core,
  urls,
}: {
  region: Region;
  item: TimelineItem | undefined;
  core: PlayerCore;
  urls: MediaUrls;
}) {
  const image = item && item.kind === 'image' && core.canShow(item) ? item.sha256 : null;
  const src = useMediaUrl(urls, image);
  const text = item?.kind === 'text' ? item.text : undefined;
  return (
    <div
      class={`${styles.region} ${styles.text}`}
      style={{ ...box(region), fontSize: fontOf(region, 0.36) }}
      data-testid={`region-${region.kind}`}
      data-region={region.id}
      data-item-id={item?.id}
      lang="vi"
    >
      {src && <img class={styles.image} src={src} alt="" decoding="async" />}
      {text && (
        <div class={styles.banner}>
          {text.title && <strong>{text.title}</strong>}
          {text.body && <span>{text.body}</span>}
        </div>
      )}
    </div>
  );
}

export function LayoutView(props: {
  layout: DeviceLayout;
  ticker: Segment | null;
  core: PlayerCore;
  urls: MediaUrls;
  kind: DeviceKind;
  clock: Clock;
}) {
  const { layout, core, urls, kind, clock } = props;
  const { body } = layout;
  const { vw, vh } = useViewport();
  const fit = canvasFit(body.width, body.height, vw || body.width, vh || body.height);
  return (
    <div
      class={styles.canvas}
      data-testid="player-layout"
      data-layout-id={layout.id}
      style={{
        width: `${body.width}px`,
        height: `${body.height}px`,
        transform: `translate(${fit.left}px, ${fit.top}px) scale(${fit.scale})`,
      }}
    >
      {body.regions.map((r) => {
        if (r.kind === 'main') {
          return (
            <div key={r.id} class={styles.region} style={box(r)} data-testid="region-main" data-region={r.id}>
              <Stage core={core} urls={urls} kind={kind} />
            </div>
          );
        }
        if (r.kind === 'ticker') return <Ticker key={r.id} region={r} segment={props.ticker} clock={clock} />;
        if (r.kind === 'clock') return <ClockRegion key={r.id} region={r} clock={clock} tz={layout.tz} />;
        return <ContentRegion key={r.id} region={r} item={layout.content[r.id]} core={core} urls={urls} />;
      })}
    </div>
  );
}
