// The stage: the item playing now, full screen, with the next one already mounted and hidden so its file is
// fetched and decoded ahead. Both layers are keyed by play key, so at the boundary Preact keeps the very
// element that preloaded and only flips it visible: no gap, no reload.
import type { DeviceKind, PlayerCore } from '../../core/player-core';
import type { TimelineItem } from '@bantin/protocol/core';
import type { LiveSource } from '../../media/live-socket';
import { useCoreState } from '../../lib/use-core';
import type { MediaUrls } from '../../media/urls';
import { useMediaUrl } from '../../media/use-media-url';
import { needsFile, rendererFor } from '../../renderers';
import styles from './style.module.css';

interface SlotProps {
  item: TimelineItem;
  playKey: string;
  active: boolean;
  offsetMs: number;
  volume: number;
  kind: DeviceKind;
  core: PlayerCore;
  urls: MediaUrls;
  live?: LiveSource | null;
}

function Slot({ item, playKey, active, offsetMs, volume, kind, core, urls, live }: SlotProps) {
  const src = useMediaUrl(urls, needsFile(item) ? item.sha256 : null);
  const Render = rendererFor(item);
  return (
    <section
      class={active ? styles.layer : styles.hidden}
      data-testid="player-item"
      data-item-id={item.id}
      data-kind={item.kind}
      data-active={active ? 'true' : 'false'}
      aria-hidden={!active}
    >
      <Render
        item={item}
        src={src}
        active={active}
        offsetMs={offsetMs}
        volume={volume}
        muted={kind !== 'speaker' && item.muted === true}
        onError={() => core.mediaFailed(playKey)}
        live={live}
      />
    </section>
  );
}

/** `live`: how a speaker opens a live feed's socket (live items); screens have none. */
export function Stage({ core, urls, kind, live }: { core: PlayerCore; urls: MediaUrls; kind: DeviceKind; live?: LiveSource | null }) {
  const state = useCoreState(core);
  const now = state.now;
  const layers: SlotProps[] = [];
  const common = { volume: state.volume, kind, core, urls, live };
  if (!state.alert && now?.item && core.canShow(now.item)) {
    layers.push({ ...common, item: now.item, playKey: now.playKey, active: true, offsetMs: now.offsetMs });
  }
  if (now?.next && now.nextChangeAt !== null && core.canShow(now.next)) {
    layers.push({ ...common, item: now.next, playKey: `${now.next.id}@${now.nextChangeAt}`, active: false, offsetMs: 0 });
  }
  return (
    <main class={styles.stage} data-testid="player-stage" data-device-kind={kind}>
      {layers.map((l) => (
        <Slot key={l.playKey} {...l} />
      ))}
    </main>
  );
}
