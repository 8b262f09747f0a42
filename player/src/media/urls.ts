// Turns a verified file's sha256 into a URL a media element can load. With the service worker in control
// the URL is /player/media/<sha256> (served from the Cache API, no copy in memory); otherwise an object URL
// of the stored Blob, counted per sha and revoked when the last renderer lets go, so 24 h of play does not
// leak object URLs.
import { MEDIA_PATH, type MediaStore } from './store';

export interface MediaUrls {
  acquire(sha256: string): Promise<string | null>;
  release(sha256: string): void;
  /** Object URLs currently alive (bounded by the renderers on stage). */
  live(): number;
}

export interface MediaUrlDeps {
  store: MediaStore;
  /** True when a service worker controls this page and serves MEDIA_PATH. */
  swServes(): boolean;
  createObjectURL?(blob: Blob): string;
  revokeObjectURL?(url: string): void;
}

export function createMediaUrls(deps: MediaUrlDeps): MediaUrls {
  const create = deps.createObjectURL ?? ((b) => URL.createObjectURL(b));
  const revoke = deps.revokeObjectURL ?? ((u) => URL.revokeObjectURL(u));
  const held = new Map<string, { url: string; count: number }>();
  return {
    async acquire(sha) {
      if (deps.store.kind === 'cache' && deps.swServes()) return MEDIA_PATH + sha;
      const known = held.get(sha);
      if (known) {
        known.count++;
        return known.url;
      }
      const blob = await deps.store.blob(sha);
      if (!blob) return null;
      const again = held.get(sha); // another acquire may have won the race while we awaited
      if (again) {
        again.count++;
        return again.url;
      }
      const url = create(blob);
      held.set(sha, { url, count: 1 });
      return url;
    },
    release(sha) {
      const h = held.get(sha);
      if (!h) return;
      if (--h.count > 0) return;
      held.delete(sha);
      revoke(h.url);
    },
    live: () => held.size,
  };
}
