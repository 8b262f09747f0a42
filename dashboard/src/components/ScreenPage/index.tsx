// A screen's frame: its title as the page heading and document title. For now the screens are
// placeholders; each real screen will render its body as children.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import styles from './style.module.css';

interface Props {
  title: MessageKey;
  children?: ComponentChildren;
  /** Use the whole main area (tables, side-by-side review) instead of a reading width. */
  wide?: boolean;
  /** Actions shown next to the heading. */
  actions?: ComponentChildren;
}

export function ScreenPage({ title, children, wide = false, actions }: Props) {
  const heading = t(title);
  useEffect(() => {
    document.title = `${heading} · ${t('app.name')}`;
  }, [heading]);
  return (
    <section class={wide ? styles.wide : styles.page} aria-labelledby="screen-title">
      <div class={styles.head}>
        <h1 id="screen-title" class={styles.title} data-testid="screen-title">
          {heading}
        </h1>
        {actions && <div class={styles.actions}>{actions}</div>}
      </div>
      {children ?? <p class={styles.note}>{t('page.placeholder')}</p>}
    </section>
  );
}
