// A playlist while it is being edited: its items in order, each with the duration it will play. An item
// without its own duration plays for its content's natural length (the approved version's), so a new
// version of a clip keeps playing whole; a duration is stored only when the person changed it.
import type { Content } from './content-api';
import type { CreatePlaylistInput, Playlist } from './playlists-api';

export interface DraftItem {
  /** Stable across moves, so the same content twice in a list stays two rows. */
  key: number;
  contentId: number;
  /** Its own duration, or null for the content's natural length. */
  durationMs: number | null;
}

export interface Draft {
  name: string;
  items: DraftItem[];
}

/** The server's bounds of an item's own duration (1 s – 60 min). */
export const MIN_ITEM_MS = 1000;
export const MAX_ITEM_MS = 3_600_000;

let nextKey = 1;
export const newItem = (contentId: number, durationMs: number | null = null): DraftItem => ({ key: nextKey++, contentId, durationMs });

export function draftOf(p: Playlist | null): Draft {
  return { name: p?.name ?? '', items: (p?.items ?? []).map((i) => newItem(i.contentId, i.durationMs ?? null)) };
}

/** The natural length of a content: its approved version's duration, or null when nothing of it is approved. */
export const naturalMs = (c: Content | undefined): number | null => c?.playing?.durationMs ?? null;

/** How long an item plays; an item whose content is no longer approved does not play at all. */
export function playMs(item: DraftItem, contents: ReadonlyMap<number, Content>): number {
  const natural = naturalMs(contents.get(item.contentId));
  return natural === null ? 0 : (item.durationMs ?? natural);
}

export const totalMs = (items: readonly DraftItem[], contents: ReadonlyMap<number, Content>): number =>
  items.reduce((sum, i) => sum + playMs(i, contents), 0);

/** The list with the item at `from` moved to position `to` (both clamped to the list). */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const out = [...items];
  if (from < 0 || from >= out.length) return out;
  const [moved] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, moved!);
  return out;
}

/** A duration typed in seconds: its own ms, null when it equals the natural length, NaN when not a number. */
export function durationFromSeconds(text: string, natural: number | null): number | null {
  const ms = Math.round(Number(text.replace(',', '.')) * 1000);
  if (text.trim() === '' || !Number.isFinite(ms)) return Number.NaN;
  return natural !== null && ms === natural ? null : ms;
}

export type DraftProblem = 'editor.needName' | 'editor.needItems' | 'editor.badDuration';

export function checkDraft(d: Draft): DraftProblem | null {
  if (!d.name.trim()) return 'editor.needName';
  if (d.items.length === 0) return 'editor.needItems';
  const bad = d.items.some((i) => i.durationMs !== null && !(i.durationMs >= MIN_ITEM_MS && i.durationMs <= MAX_ITEM_MS));
  return bad ? 'editor.badDuration' : null;
}

export function inputOf(d: Draft): CreatePlaylistInput {
  return {
    name: d.name.trim(),
    items: d.items.map((i) => (i.durationMs === null ? { contentId: i.contentId } : { contentId: i.contentId, durationMs: i.durationMs })),
  };
}
