// Preact hook: a verified media file's object URL, held while the component shows it and released after.
import { useEffect, useState } from 'preact/hooks';
import type { MediaUrls } from './urls';

/** The URL of the file with this sha256 (null until ready, or when `sha256` is null); released on change/unmount. */
export function useMediaUrl(urls: MediaUrls, sha256: string | null): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (sha256 === null) return;
    let mounted = true;
    let held = false;
    urls.acquire(sha256).then(
      (url) => {
        held = url !== null;
        if (mounted) setSrc(url);
        else if (held) urls.release(sha256);
      },
      () => undefined,
    );
    return () => {
      mounted = false;
      if (held) urls.release(sha256);
    };
  }, [sha256, urls]);
  return sha256 === null ? null : src;
}
