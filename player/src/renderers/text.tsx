// Text slides (bản tin chữ): title and body set in Be Vietnam Pro, sized for the target — LED landscape,
// kiosk portrait or a narrow ticker that scrolls one line — then shrunk step by step until a long message
// fits the screen. Line height leaves room for stacked Vietnamese diacritics (ệ, ỗ, ữ) so marks never
// touch the line above.
import { useLayoutEffect, useRef } from 'preact/hooks';
import styles from './style.module.css';
import type { RendererProps } from './types';

/** Scale the slide's type down (custom property --fit) until its content no longer overflows. */
function useFitText(key: string) {
  const ref = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    let fit = 1;
    el.style.setProperty('--fit', '1');
    for (let i = 0; i < 10 && el.scrollHeight > el.clientHeight + 1; i++) {
      fit *= 0.88;
      el.style.setProperty('--fit', fit.toFixed(3));
    }
  }, [key]);
  return ref;
}

export function TextRenderer({ item, active }: RendererProps) {
  const text = item.text;
  const ref = useFitText(text ? `${text.style}\n${text.title}\n${text.body}` : '');
  if (!text) return null;
  if (text.style === 'ticker') {
    const line = text.title ? `${text.title} — ${text.body}` : text.body;
    return (
      <div class={styles.ticker} lang="vi">
        <span
          class={active ? styles.tickerRun : styles.tickerLine}
          style={{ animationDuration: `${Math.max(5, item.durationMs / 1000)}s` }}
        >
          {line}
        </span>
      </div>
    );
  }
  return (
    <article ref={ref} class={text.style === 'kiosk' ? styles.slideKiosk : styles.slideLed} lang="vi">
      {text.title && <h1 class={styles.title}>{text.title}</h1>}
      <p class={styles.body}>{text.body}</p>
    </article>
  );
}
