// Preact hook of the kiosk forms: close after INACTIVITY_MS without a touch (or THANKS_MS once sent), so the
// kiosk always returns to its loop. `poke` restarts the timer.
import { useEffect, useRef, useState } from 'preact/hooks';

export const INACTIVITY_MS = 60_000;
export const THANKS_MS = 4_000;

export function useIdleClose(close: () => void, sent: boolean): () => void {
  const [touch, setTouch] = useState(0);
  const closeRef = useRef(close);
  closeRef.current = close;
  useEffect(() => {
    const t = setTimeout(() => closeRef.current(), sent ? THANKS_MS : INACTIVITY_MS);
    return () => clearTimeout(t);
  }, [touch, sent]);
  return () => setTouch((n) => n + 1);
}
