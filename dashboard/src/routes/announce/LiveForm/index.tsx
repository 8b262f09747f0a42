// What a live announcement goes out as: the groups (LiveTargets), the class — "Ưu tiên", or "Khẩn cấp" for
// those who may also issue alerts — with what each means for quiet hours, and an optional title.
import { announceText } from '../../../lib/messages/announce';
import { TextField } from '../../../components/Field/index';
import type { LiveTarget } from '../live-api';
import type { LiveClass } from '../live-session';
import { LiveTargets } from '../LiveTargets/index';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

export interface LiveDraft {
  picked: number[];
  cls: LiveClass;
  title: string;
}

export const EMPTY_DRAFT: LiveDraft = { picked: [], cls: 'priority', title: '' };
export const MAX_TITLE = 200;

interface Props {
  groups: readonly LiveTarget[];
  draft: LiveDraft;
  onDraft: (patch: Partial<LiveDraft>) => void;
  /** May speak as "Khẩn cấp" (alerts.issue as well as live.announce). */
  canEmergency: boolean;
  targetError: boolean;
  disabled: boolean;
}

export function LiveForm({ groups, draft, onDraft, canEmergency, targetError, disabled }: Props) {
  const { t } = announceText;
  const classes: LiveClass[] = canEmergency ? ['priority', 'emergency'] : ['priority'];
  return (
    <div class={styles.form}>
      <LiveTargets
        groups={groups}
        picked={draft.picked}
        onChange={(picked) => onDraft({ picked })}
        error={targetError}
        disabled={disabled}
      />
      <fieldset class={styles.group} disabled={disabled}>
        <legend class={styles.legend}>{t('live.class')}</legend>
        <div class={controls.choices}>
          {classes.map((c) => (
            <label key={c} class={controls.choice}>
              <input
                type="radio"
                name="live-class"
                value={c}
                checked={draft.cls === c}
                onChange={() => onDraft({ cls: c })}
                data-testid={`live-class-${c}`}
              />
              {t(`live.class.${c}`)}
            </label>
          ))}
        </div>
        <p class={`${controls.muted} ${styles.note}`}>
          {t('live.quiet.priority')}
          {canEmergency && ` ${t('live.quiet.emergency')}`}
        </p>
      </fieldset>
      <fieldset class={styles.group} disabled={disabled}>
        <TextField
          id="live-title"
          label={t('live.titleField')}
          hint={t('live.titleHint')}
          maxLength={MAX_TITLE}
          value={draft.title}
          onValue={(title) => onDraft({ title })}
          testId="live-title"
        />
      </fieldset>
    </div>
  );
}
