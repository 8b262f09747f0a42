// Asks before the page is left while something would be lost or cut off: a recording waiting to be sent, or a
// live announcement on air (a tab closed by mistake).
import { useEffect } from 'preact/hooks';

export function useLeaveGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const guard = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [active]);
}
