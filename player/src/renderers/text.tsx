// Text slides (bản tin chữ): title and body set in Be Vietnam Pro, sized for the target — LED landscape,
// kiosk portrait or a narrow ticker that scrolls one line. Line height leaves room for stacked Vietnamese
// diacritics (ệ, ỗ, ữ) so marks never touch the line above.
import styles from './style.module.css';
import type { RendererProps } from './types';

export function TextRenderer({ item, active }: RendererProps) {
  const text = item.text;
  if (!text) return null;
  if (text.style === 'ticker') {
    const line = text.title ? `${text.title} — ${text.body}` : text.body;
    return (
      <div class={styles.ticker} lang="vi">
        <span class={active ? styles.tickerRun : styles.tickerLine} style={{ animationDuration: `${Math.max(5, item.durationMs / 1000)}s` }}>
          {line}
        </span>
      </div>
    );
  }
  return (
    <article class={text.style === 'kiosk' ? styles.slideKiosk : styles.slideLed} lang="vi">
      {text.title && <h1 class={styles.title}>{text.title}</h1>}
      <p class={styles.body}>{text.body}</p>
    </article>
  );
}
