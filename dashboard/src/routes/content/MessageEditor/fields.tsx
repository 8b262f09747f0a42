// The message editor's fields, each labelled, with its error read together with the control.
import { t, type MessageKey } from '../../../lib/i18n';
import { Field, describedBy } from '../../../components/Field/index';
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
    <Field id={`msg-${k}`} label={t(label)} error={err(k)}>
      <input
        id={`msg-${k}`}
        class={controls.input}
        value={form[k]}
        aria-invalid={errors[k] ? 'true' : undefined}
        aria-describedby={describedBy(`msg-${k}`, undefined, err(k))}
        onInput={(e) => onChange({ [k]: e.currentTarget.value })}
        data-testid={`msg-${k}`}
      />
    </Field>
  );
  return (
    <div class={styles.fields}>
      {text('title', 'field.title')}
      <Field id="msg-body" label={t('field.body')} error={err('body')}>
        <textarea
          id="msg-body"
          class={controls.input}
          rows={6}
          value={form.body}
          aria-invalid={errors.body ? 'true' : undefined}
          aria-describedby={describedBy('msg-body', undefined, err('body'))}
          onInput={(e) => onChange({ body: e.currentTarget.value })}
          data-testid="msg-body"
        />
      </Field>
      {text('tags', 'field.tags')}
      <div class={controls.grid}>
        {(['validFrom', 'validTo'] as const).map((k) => (
          <Field key={k} id={`msg-${k}`} label={t(k === 'validFrom' ? 'field.validFrom' : 'field.validTo')} error={err(k)}>
            <input
              id={`msg-${k}`}
              type="datetime-local"
              class={controls.input}
              value={form[k]}
              aria-invalid={errors[k] ? 'true' : undefined}
              aria-describedby={describedBy(`msg-${k}`, undefined, err(k))}
              onInput={(e) => onChange({ [k]: e.currentTarget.value })}
            />
          </Field>
        ))}
        <Field id="msg-style" label={t('field.style')}>
          <select
            id="msg-style"
            class={controls.input}
            value={form.style}
            onChange={(e) => onChange({ style: e.currentTarget.value as Style })}
          >
            {STYLES.map((s) => (
              <option key={s} value={s}>
                {t(`style.${s}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="msg-voice" label={t('field.voice')}>
          <select
            id="msg-voice"
            class={controls.input}
            value={form.voice}
            onChange={(e) => onChange({ voice: e.currentTarget.value as Voice })}
          >
            {VOICES.map(([v, key]) => (
              <option key={v} value={v}>
                {t(key)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="msg-speed" label={t('field.speed')}>
          <input
            id="msg-speed"
            type="number"
            min={80}
            max={450}
            step={10}
            class={controls.input}
            value={form.speed}
            onInput={(e) => onChange({ speed: e.currentTarget.value })}
          />
        </Field>
        <Field id="msg-seconds" label={t('field.displaySeconds')}>
          <input
            id="msg-seconds"
            type="number"
            min={2}
            max={3600}
            class={controls.input}
            value={form.displaySeconds}
            onInput={(e) => onChange({ displaySeconds: e.currentTarget.value })}
          />
        </Field>
      </div>
      {text('sourceRef', 'field.sourceRef')}
    </div>
  );
}
