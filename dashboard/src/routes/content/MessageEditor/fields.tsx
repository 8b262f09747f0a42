// The message editor's fields, each labelled, with its error read together with the control.
import { t, type MessageKey } from '../../../lib/i18n';
import { NumberField, SelectField, TextAreaField, TextField } from '../../../components/Field/index';
import controls from '../../../components/controls.module.css';
import type { FormErrors, MessageForm, Style, Voice } from './form';
import styles from './style.module.css';

const STYLES: Style[] = ['led', 'kiosk', 'ticker'];
const VOICES: [Voice, MessageKey][] = [
  ['vi', 'voice.vi'],
  ['vi-vn-x-central', 'voice.central'],
  ['vi-vn-x-south', 'voice.south'],
];

interface Props {
  form: MessageForm;
  errors: FormErrors;
  onChange: (patch: Partial<MessageForm>) => void;
}

export function MessageFields({ form, errors, onChange }: Props) {
  const err = (k: keyof MessageForm) => (errors[k] ? t(errors[k]!) : null);
  const text = (k: 'title' | 'tags' | 'sourceRef', label: MessageKey) => (
    <TextField id={`msg-${k}`} label={t(label)} error={err(k)} value={form[k]} onValue={(v) => onChange({ [k]: v })} testId={`msg-${k}`} />
  );
  return (
    <div class={styles.fields}>
      {text('title', 'field.title')}
      <TextAreaField
        id="msg-body"
        label={t('field.body')}
        error={err('body')}
        rows={6}
        value={form.body}
        onValue={(body) => onChange({ body })}
        testId="msg-body"
      />
      {text('tags', 'field.tags')}
      <div class={controls.grid}>
        {(['validFrom', 'validTo'] as const).map((k) => (
          <TextField
            key={k}
            id={`msg-${k}`}
            type="datetime-local"
            label={t(k === 'validFrom' ? 'field.validFrom' : 'field.validTo')}
            error={err(k)}
            value={form[k]}
            onValue={(v) => onChange({ [k]: v })}
          />
        ))}
        <SelectField
          id="msg-style"
          label={t('field.style')}
          value={form.style}
          choices={STYLES.map((v) => ({ value: v, label: t(`style.${v}`) }))}
          onValue={(v) => v && onChange({ style: v })}
        />
        <SelectField
          id="msg-voice"
          label={t('field.voice')}
          value={form.voice}
          choices={VOICES.map(([v, key]) => ({ value: v, label: t(key) }))}
          onValue={(v) => v && onChange({ voice: v })}
        />
        <NumberField
          id="msg-speed"
          label={t('field.speed')}
          min={80}
          max={450}
          step={10}
          value={form.speed}
          onValue={(speed) => onChange({ speed })}
        />
        <NumberField
          id="msg-seconds"
          label={t('field.displaySeconds')}
          min={2}
          max={3600}
          value={form.displaySeconds}
          onValue={(displaySeconds) => onChange({ displaySeconds })}
        />
      </div>
      {text('sourceRef', 'field.sourceRef')}
      <label class={styles.check}>
        <input type="checkbox" checked={form.public} onChange={(e) => onChange({ public: e.currentTarget.checked })} data-testid="msg-public" />
        <span>
          {t('field.public')}
          <small class={styles.hint}>{t('field.publicHint')}</small>
        </span>
      </label>
    </div>
  );
}
