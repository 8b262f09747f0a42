// Fullscreen helpers. Kiosk browsers are often already full screen, may lack the API, or reject the
// request without a user gesture; none of that may crash the player, so every call resolves to a boolean.

interface FullscreenDocument {
  fullscreenElement?: Element | null;
  exitFullscreen?: () => Promise<void>;
}

interface FullscreenTarget {
  requestFullscreen?: (options?: FullscreenOptions) => Promise<void>;
}

export function isFullscreen(doc: FullscreenDocument = document): boolean {
  try {
    return Boolean(doc.fullscreenElement);
  } catch {
    return false;
  }
}

/** Asks for full screen; resolves true when granted, false when unsupported or refused. */
export async function enterFullscreen(target: FullscreenTarget = document.documentElement): Promise<boolean> {
  try {
    if (typeof target.requestFullscreen !== 'function') return false;
    await target.requestFullscreen({ navigationUI: 'hide' });
    return true;
  } catch {
    return false;
  }
}

export async function exitFullscreen(doc: FullscreenDocument = document): Promise<boolean> {
  try {
    if (!doc.fullscreenElement || typeof doc.exitFullscreen !== 'function') return false;
    await doc.exitFullscreen();
    return true;
  } catch {
    return false;
  }
}
