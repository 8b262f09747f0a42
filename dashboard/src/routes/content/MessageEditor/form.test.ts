import { describe, expect, it } from 'vitest';
import type { Content } from '../../../lib/content-api';
import { EMPTY_FORM, checkForm, formFromContent, toInput } from './form';

describe('checkForm', () => {
  it('asks for a title and a body', () => {
    expect(checkForm(EMPTY_FORM)).toEqual({ title: 'editor.titleRequired', body: 'editor.bodyRequired' });
    expect(checkForm({ ...EMPTY_FORM, title: '  ', body: 'x' })).toEqual({ title: 'editor.titleRequired' });
  });

  it('refuses a validity window that ends before it starts', () => {
    const f = { ...EMPTY_FORM, title: 'a', body: 'b', validFrom: '2025-03-02T08:00', validTo: '2025-03-01T08:00' };
    expect(checkForm(f)).toEqual({ validTo: 'editor.validityOrder' });
    expect(checkForm({ ...f, validTo: '2025-03-03T08:00' })).toEqual({});
  });
});

describe('toInput', () => {
  it('trims text, splits and de-duplicates tags, and leaves out empty optional fields', () => {
    const input = toInput({ ...EMPTY_FORM, title: ' Tiêu đề ', body: ' Nội dung ', tags: 'vệ sinh, , tổ 3, vệ sinh' });
    expect(input).toMatchObject({
      title: 'Tiêu đề',
      body: 'Nội dung',
      tags: ['vệ sinh', 'tổ 3'],
      validFrom: null,
      validTo: null,
      speed: 150,
    });
    expect(input).not.toHaveProperty('displaySeconds');
    expect(input).not.toHaveProperty('sourceRef');
  });

  it('sends validity as ISO with an offset and drops an out-of-range speed', () => {
    const input = toInput({ ...EMPTY_FORM, title: 't', body: 'b', validFrom: '2025-03-01T08:00', speed: '999', displaySeconds: '12' });
    expect(input.validFrom).toMatch(/^2025-03-01T08:00:00[+-]\d{2}:\d{2}$/);
    expect(input).not.toHaveProperty('speed');
    expect(input.displaySeconds).toBe(12);
  });
});

describe('public on the ward portal', () => {
  it('sends the checkbox as the version field public, and reads it back from the latest version', () => {
    expect(toInput({ ...EMPTY_FORM, title: 't', body: 'b' }).public).toBe(false);
    expect(toInput({ ...EMPTY_FORM, title: 't', body: 'b', public: true }).public).toBe(true);
    const latest = { title: 't', body: 'b', tags: [], validFrom: null, validTo: null, fields: { public: true } };
    expect(formFromContent({ latest } as unknown as Content).public).toBe(true);
    expect(formFromContent({ latest: { ...latest, fields: {} } } as unknown as Content).public).toBe(false);
  });
});
