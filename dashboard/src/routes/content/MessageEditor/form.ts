// The message editor's form state and its checks, apart from the component so they stay plain data.
import type { Content, CreateContentInput } from '../../../lib/content-api';
import { browserOffsetMinutes, isoToLocalInput, localInputToIso } from '../../../lib/datetime';
import type { MessageKey } from '../../../lib/i18n';

export type Style = 'led' | 'kiosk' | 'ticker';
export type Voice = 'vi' | 'vi-vn-x-central' | 'vi-vn-x-south';

export interface MessageForm {
  title: string;
  body: string;
  tags: string;
  validFrom: string;
  validTo: string;
  style: Style;
  voice: Voice;
  speed: string;
  displaySeconds: string;
  sourceRef: string;
  /** Shown on the ward portal once approved (Công khai trên cổng thông tin). */
  public: boolean;
}

export const EMPTY_FORM: MessageForm = {
  title: '',
  body: '',
  tags: '',
  validFrom: '',
  validTo: '',
  style: 'led',
  voice: 'vi',
  speed: '150',
  displaySeconds: '',
  sourceRef: '',
  public: false,
};

export function formFromContent(c: Content): MessageForm {
  const v = c.latest;
  if (!v) return EMPTY_FORM;
  const f = v.fields;
  const offset = browserOffsetMinutes();
  return {
    title: v.title,
    body: v.body,
    tags: v.tags.join(', '),
    validFrom: isoToLocalInput(v.validFrom, offset),
    validTo: isoToLocalInput(v.validTo, offset),
    style: (f.style as Style) ?? 'led',
    voice: (f.voice as Voice) ?? 'vi',
    speed: typeof f.speed === 'number' ? String(f.speed) : '150',
    // An explicitly chosen display time is kept; the computed one is recomputed after an edit.
    displaySeconds: '',
    sourceRef: typeof f.sourceRef === 'string' ? f.sourceRef : '',
    public: f.public === true,
  };
}

export type FormErrors = Partial<Record<keyof MessageForm, MessageKey>>;

export function checkForm(f: MessageForm): FormErrors {
  const errors: FormErrors = {};
  if (!f.title.trim()) errors.title = 'editor.titleRequired';
  if (!f.body.trim()) errors.body = 'editor.bodyRequired';
  if (f.validFrom && f.validTo && f.validTo <= f.validFrom) errors.validTo = 'editor.validityOrder';
  return errors;
}

/** The API body for the form (the editor sends the same fields to create and to edit). */
export function toInput(f: MessageForm): Omit<CreateContentInput, 'kind'> & { title: string } {
  const tags = [
    ...new Set(
      f.tags
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
  const speed = Number(f.speed);
  const seconds = Number(f.displaySeconds);
  return {
    title: f.title.trim(),
    body: f.body.trim(),
    tags,
    validFrom: f.validFrom ? localInputToIso(f.validFrom, browserOffsetMinutes(f.validFrom)) : null,
    validTo: f.validTo ? localInputToIso(f.validTo, browserOffsetMinutes(f.validTo)) : null,
    style: f.style,
    voice: f.voice,
    ...(Number.isInteger(speed) && speed >= 80 && speed <= 450 ? { speed } : {}),
    ...(f.displaySeconds && Number.isInteger(seconds) ? { displaySeconds: seconds } : {}),
    ...(f.sourceRef.trim() ? { sourceRef: f.sourceRef.trim() } : {}),
    public: f.public,
  };
}
