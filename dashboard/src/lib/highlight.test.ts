import { describe, expect, it } from 'vitest';
import { segmentText, worstSeverity, type Finding } from './highlight';

const finding = (over: Partial<Finding>): Finding => ({
  ruleId: 'ad.superlative',
  severity: 'warning',
  field: 'body',
  span: null,
  message: { vi: 'Từ ngữ so sánh nhất', en: 'Superlative' },
  ...over,
});

describe('segmentText', () => {
  it('marks the span of a finding and leaves the rest plain', () => {
    const text = 'Sản phẩm tốt nhất thị trường';
    const start = text.indexOf('tốt nhất');
    const segs = segmentText(text, [finding({ span: { start, end: start + 'tốt nhất'.length } })], 'body');
    expect(segs.map((s) => [s.text, s.findings])).toEqual([
      ['Sản phẩm ', []],
      ['tốt nhất', [0]],
      [' thị trường', []],
    ]);
    expect(segs[1]!.severity).toBe('warning');
  });

  it('ignores findings of other fields and findings without a span', () => {
    const segs = segmentText('Xin chào', [finding({ field: 'title', span: { start: 0, end: 3 } }), finding({ span: null })], 'body');
    expect(segs).toEqual([{ text: 'Xin chào', start: 0, findings: [], severity: null }]);
  });

  it('splits overlapping spans and colours the overlap with the worst severity', () => {
    const segs = segmentText(
      'abcdefgh',
      [finding({ span: { start: 1, end: 5 } }), finding({ severity: 'error', span: { start: 3, end: 7 } })],
      'body',
    );
    expect(segs.map((s) => [s.text, s.findings, s.severity])).toEqual([
      ['a', [], null],
      ['bc', [0], 'warning'],
      ['de', [0, 1], 'error'],
      ['fg', [1], 'error'],
      ['h', [], null],
    ]);
  });

  it('clamps spans that run past the text and drops empty ones', () => {
    const segs = segmentText('abc', [finding({ span: { start: 2, end: 99 } }), finding({ span: { start: 5, end: 9 } })], 'body');
    expect(segs.map((s) => s.text)).toEqual(['ab', 'c']);
    expect(segs[1]!.findings).toEqual([0]);
  });

  it('always joins back to the original text', () => {
    const text = 'Điều 7: không quảng cáo thuốc lá';
    const fs = [
      finding({ span: { start: 0, end: 6 } }),
      finding({ span: { start: 4, end: 20 } }),
      finding({ span: { start: 20, end: 32 } }),
    ];
    expect(
      segmentText(text, fs, 'body')
        .map((s) => s.text)
        .join(''),
    ).toBe(text);
  });

  it('returns no segments for empty text', () => {
    expect(segmentText('', [finding({ span: { start: 0, end: 2 } })], 'body')).toEqual([]);
  });
});

describe('worstSeverity', () => {
  it('picks error over warning over info, null for none', () => {
    expect(worstSeverity([])).toBeNull();
    expect(worstSeverity([finding({ severity: 'info' }), finding({ severity: 'error' }), finding({})])).toBe('error');
  });
});
