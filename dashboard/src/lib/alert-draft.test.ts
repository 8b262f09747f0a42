import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, alertInput, checkDraft, reachedDevices } from './alert-draft';

const devices = [
  { id: 1, kind: 'speaker' as const, groupIds: [3] },
  { id: 2, kind: 'led' as const, groupIds: [3] },
  { id: 3, kind: 'speaker' as const, groupIds: [4] },
];

describe('alert draft', () => {
  it('needs text, then a target, then at least one reached device', () => {
    expect(checkDraft(EMPTY_DRAFT, devices)).toBe('issue.needText');
    const text = { ...EMPTY_DRAFT, text: 'Bão số 3 đổ bộ' };
    expect(checkDraft(text, devices)).toBeNull();
    expect(checkDraft({ ...text, all: false }, devices)).toBe('issue.needTarget');
    expect(checkDraft({ ...text, all: false, groupIds: [9] }, devices)).toBe('issue.noDevice');
    expect(checkDraft(text, [])).toBe('issue.noDevice');
  });

  it('reaches every device for the whole ward, and the speakers of a group when narrowed', () => {
    expect(reachedDevices({ ...EMPTY_DRAFT, text: 'x' }, devices).map((d) => d.id)).toEqual([1, 2, 3]);
    expect(reachedDevices({ ...EMPTY_DRAFT, all: false, groupIds: [3], kinds: ['speaker'] }, devices).map((d) => d.id)).toEqual([1]);
  });

  it('sends trimmed text, the target without leftovers of the other choice, and the expiry from now', () => {
    const now = Date.UTC(2026, 8, 2, 1, 0);
    const body = alertInput({ ...EMPTY_DRAFT, text: '  Sơ tán ngay  ', groupIds: [3], expiryMin: 120, repeatMin: 5 }, now);
    expect(body).toEqual({
      text: 'Sơ tán ngay',
      target: { all: true, deviceIds: [], groupIds: [], kinds: [] },
      repeatMin: 5,
      severity: 'severe',
      expiresAt: '2026-09-02T03:00:00.000Z',
    });
  });
});
