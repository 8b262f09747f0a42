// Fragile browser APIs behind try/catch (kiosk and LED-controller browsers are locked down): service worker
// registration, storage estimate and persistence, the attention tone.

export function registerServiceWorker(): void {
  try {
    if (!isSecureContext || !('serviceWorker' in navigator)) return;
    navigator.serviceWorker.register('/player/sw.js', { scope: '/player/' }).catch(() => undefined);
  } catch {
    // no service worker: media plays from IndexedDB blobs
  }
}

export function serviceWorkerServes(): boolean {
  try {
    return Boolean(navigator.serviceWorker?.controller);
  } catch {
    return false;
  }
}

export async function freeStorageBytes(): Promise<number | null> {
  try {
    const e = await navigator.storage.estimate();
    return e.quota !== undefined && e.usage !== undefined ? Math.max(0, e.quota - e.usage) : null;
  } catch {
    return null;
  }
}

/** Ask the browser not to evict our cache and database under storage pressure. */
export function persistStorage(): void {
  try {
    void navigator.storage?.persist?.().catch(() => undefined);
  } catch {
    // not offered
  }
}

/** Three-note attention tone (hiệu lệnh chú ý) before an emergency message; no file needed. */
export async function playAttentionTone(volume: number): Promise<void> {
  try {
    const Ctx = typeof AudioContext === 'undefined' ? undefined : AudioContext;
    if (!Ctx) return;
    const ctx = new Ctx();
    const gain = ctx.createGain();
    gain.gain.value = Math.max(0, Math.min(1, volume / 100)) * 0.6;
    gain.connect(ctx.destination);
    const t = ctx.currentTime + 0.05;
    [880, 660, 880].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      osc.frequency.value = hz;
      osc.connect(gain);
      osc.start(t + i * 0.5);
      osc.stop(t + i * 0.5 + 0.4);
    });
    await new Promise((r) => setTimeout(r, 1700));
    await ctx.close();
  } catch {
    // no audio output: the speech still follows
  }
}

/** Plays an audio URL to its end (or failure), at volume 0–100. `signal` stops it. */
export function playToEnd(url: string, volume: number, signal: { stopped: boolean; stop?: () => void }): Promise<void> {
  return new Promise((resolve) => {
    try {
      const audio = new Audio(url);
      audio.volume = Math.max(0, Math.min(1, volume / 100));
      const done = () => {
        audio.onended = audio.onerror = null;
        audio.pause();
        audio.removeAttribute('src');
        resolve();
      };
      audio.onended = audio.onerror = done;
      signal.stop = done;
      if (signal.stopped) return done();
      audio.play().catch(done);
    } catch {
      resolve();
    }
  });
}
