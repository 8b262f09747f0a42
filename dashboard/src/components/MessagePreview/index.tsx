// A text message as it will look on each kind of screen: the LED wall (landscape 16:9), the kiosk
// (portrait 9:16) and the ticker strip. Same font as the player (Be Vietnam Pro), so diacritics and
// line breaks match what residents will see.
import { t } from '../../lib/i18n';
import type { MessageKey } from '../../lib/i18n';
import styles from './style.module.css';

export type PreviewSize = 'led' | 'kiosk' | 'ticker';
const LABELS: Record<PreviewSize, MessageKey> = { led: 'preview.led', kiosk: 'preview.kiosk', ticker: 'preview.ticker' };

interface Props {
  title: string;
  body: string;
  sizes?: readonly PreviewSize[];
  /** The style chosen for the message; its preview is marked. */
  chosen?: PreviewSize;
}

export function MessagePreview({ title, body, sizes = ['led', 'kiosk', 'ticker'], chosen }: Props) {
  const empty = !title.trim() && !body.trim();
  return (
    <div class={styles.previews} data-testid="message-preview">
      {sizes.map((size) => (
        <figure key={size} class={`${styles.figure} ${styles[`fig_${size}`]}`} data-size={size}>
          <figcaption class={styles.caption}>
            {t(LABELS[size])}
            {chosen === size && ' ✓'}
          </figcaption>
          <div class={`${styles.screen} ${styles[size]}`} lang="vi" data-testid={`preview-${size}`}>
            {empty ? (
              <p class={styles.empty}>{t('preview.empty')}</p>
            ) : size === 'ticker' ? (
              <p class={styles.tickerText}>
                <strong>{title}</strong>
                {body && ` — ${body.replace(/\s+/g, ' ')}`}
              </p>
            ) : (
              <>
                <p class={styles.title}>{title}</p>
                <p class={styles.body}>{body}</p>
              </>
            )}
          </div>
        </figure>
      ))}
    </div>
  );
}
