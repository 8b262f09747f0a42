// Emergency alert on a loudspeaker: attention tone, then the recorded audio (or else the speech), again every
// repeatEveryMs until cancel or expiry — quiet hours do not apply. Renders nothing visible.
import { useEffect } from 'preact/hooks';
import { playAttentionTone, playToEnd } from '../../lib/browser';
import type { AlertMessage } from '@bantin/protocol/core';
import type { MediaUrls } from '../../media/urls';

export function AlertSpeaker({ alert, urls, volume }: { alert: AlertMessage; urls: MediaUrls; volume: number }) {
  const link = alert.audio ?? alert.speech; // recorded audio when given, else the rendered speech
  useEffect(() => {
    const signal: { stopped: boolean; stop?: () => void } = { stopped: false };
    let timer: ReturnType<typeof setTimeout> | undefined;
    let busy = false;
    async function round() {
      if (signal.stopped) return;
      if (alert.repeatEveryMs > 0) timer = setTimeout(round, alert.repeatEveryMs);
      if (busy) return; // the previous round is still speaking
      busy = true;
      try {
        await playAttentionTone(volume);
        const url = link && !signal.stopped ? await urls.acquire(link.sha256) : null;
        if (url && link) {
          await playToEnd(url, volume, signal);
          urls.release(link.sha256);
        }
      } finally {
        busy = false;
      }
    }
    void round();
    return () => {
      signal.stopped = true;
      signal.stop?.();
      clearTimeout(timer);
    };
  }, [alert.id, alert.startsAt, alert.repeatEveryMs, link?.sha256, urls, volume]);
  return null;
}
