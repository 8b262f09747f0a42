// Vietnamese / English switch. Each button names its language in that language, so a person who reads
// only one of them can still find it.
import { LANGS, lang, setLang, t } from '../../lib/i18n';
import styles from './style.module.css';

export function LangSwitch() {
  return (
    <div class={styles.switch} role="group" aria-label={t('lang.label')} data-testid="lang-switch">
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          class={styles.option}
          aria-pressed={lang.value === code}
          data-testid={`lang-${code}`}
          onClick={() => setLang(code)}
        >
          {t(`lang.${code}`)}
        </button>
      ))}
    </div>
  );
}
