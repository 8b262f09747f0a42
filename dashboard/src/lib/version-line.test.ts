import { describe, expect, it } from 'vitest';
import { versionLineOf, versionLineText } from './version-line';

const v = (id: number, number: number, state: 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'expired') => ({
  id,
  number,
  state,
});

describe('versionLineOf', () => {
  it('names the playing version and the newer draft after an edit', () => {
    const line = versionLineOf({ playing: v(1, 1, 'approved'), latest: v(2, 2, 'draft') });
    expect(line).toEqual({ playing: 1, pending: { number: 2, state: 'draft' } });
    expect(versionLineText(line, 'vi')).toBe('Phiên bản đang phát: v1 · Bản nháp mới: v2');
    expect(versionLineText(line, 'en')).toBe('Playing version: v1 · New draft: v2');
  });

  it('has nothing pending when the latest version is the one playing', () => {
    const line = versionLineOf({ playing: v(2, 2, 'approved'), latest: v(2, 2, 'approved') });
    expect(line.pending).toBeNull();
    expect(versionLineText(line, 'vi')).toBe('Phiên bản đang phát: v2');
  });

  it('says nothing plays after a revocation', () => {
    const line = versionLineOf({ playing: null, latest: v(2, 2, 'withdrawn') });
    expect(versionLineText(line, 'vi')).toBe('Không có phiên bản nào đang phát · Bản mới đã rút: v2');
  });

  it('names a submitted version waiting beside the playing one', () => {
    const line = versionLineOf({ playing: v(1, 1, 'approved'), latest: v(3, 2, 'submitted') });
    expect(versionLineText(line, 'en')).toBe('Playing version: v1 · New version awaiting review: v2');
  });
});
