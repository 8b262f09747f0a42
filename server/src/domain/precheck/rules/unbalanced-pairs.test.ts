import { describe, expect, it } from 'vitest';
import { DEFAULT_PRECHECK_SETTINGS } from '../types';
import { unbalancedMarks, unbalancedPairsRule } from './unbalanced-pairs';

const ctx = { now: 0, settings: DEFAULT_PRECHECK_SETTINGS };

describe('text.unbalanced_pairs', () => {
  it('says nothing about balanced quotes and brackets of every kind', () => {
    expect(unbalancedMarks('“Ngày hội” (đại đoàn kết) [2026] «toàn dân» "vui" và \'khỏe\'')).toEqual([]);
  });

  it('points at an opening bracket that is never closed', () => {
    const body = 'Họp tổ dân phố (tại nhà văn hóa';
    const [f] = unbalancedPairsRule.check({ kind: 'message', fields: { body } }, ctx);
    expect(f).toMatchObject({ ruleId: 'text.unbalanced_pairs', severity: 'warning', field: 'body', span: { start: 15, end: 16 } });
    expect(f?.message.vi).toContain('(');
  });

  it('points at a closer with no opener', () => {
    expect(unbalancedMarks('Giờ làm việc) 7h30')).toEqual([{ at: 12, ch: ')', kind: 'unopened' }]);
    expect(unbalancedMarks('Chú ý”')).toEqual([{ at: 5, ch: '”', kind: 'unopened' }]);
  });

  it('points at the odd straight double quote', () => {
    expect(unbalancedMarks('"Sống xanh" và "Sạch đẹp')).toEqual([{ at: 15, ch: '"', kind: 'unclosed' }]);
  });

  it('reports the opener left inside a closed pair', () => {
    expect(unbalancedMarks('(a [b)')).toEqual([{ at: 3, ch: '[', kind: 'unclosed' }]);
  });

  it('does not take apostrophes or minute marks for quotes', () => {
    expect(unbalancedMarks("Don't worry, đến 6h30' nhé, rock'n'roll, ’")).toEqual([]);
  });

  it('flags an unclosed single quote at a word edge', () => {
    expect(unbalancedMarks("Khẩu hiệu 'Sống xanh")).toEqual([{ at: 10, ch: "'", kind: 'unclosed' }]);
  });

  it('keeps spans valid in NFD text', () => {
    const body = 'Thông báo (khẩn'.normalize('NFD');
    const [f] = unbalancedPairsRule.check({ kind: 'message', fields: { body } }, ctx);
    expect(body.charAt(f?.span?.start ?? -1)).toBe('(');
  });

  it('checks titles as well as bodies', () => {
    const findings = unbalancedPairsRule.check({ kind: 'clip', fields: { title: '«Phim', body: 'ok' } }, ctx);
    expect(findings.map((f) => f.field)).toEqual(['title']);
  });
});
