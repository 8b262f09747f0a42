// Discreet "this is me" overlay for the identify command, so staff can tell which screen is which.
import { useEffect, useState } from 'preact/hooks';
import { strings } from '../../lib/strings';
import styles from './style.module.css';

export function IdentifyOverlay({ until, now, label }: { until: number; now: () => number; label: string }) {
  const [, setTick] = useState(0);
  const left = until - now();
  useEffect(() => {
    if (left <= 0) return;
    const t = setTimeout(() => setTick((n) => n + 1), left);
    return () => clearTimeout(t);
  }, [until, left > 0]);
  if (left <= 0) return null;
  return (
    <div class={styles.overlay} data-testid="identify-overlay">
      <strong>{strings.identifyVi}</strong>
      <span lang="en">{strings.identifyEn}</span>
      <span class={styles.label}>{label}</span>
    </div>
  );
}
