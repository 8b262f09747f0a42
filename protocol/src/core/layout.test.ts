import { describe, expect, it } from 'vitest';
import { layoutProblems, normalizeLayout, STARTER_LAYOUTS, type LayoutBody, type Region } from './layout';

const main: Region = { id: 'main', kind: 'main', x: 0, y: 0, w: 1920, h: 960, z: 0 };
const body = (regions: Region[], canvas: Partial<LayoutBody> = {}): LayoutBody => ({ orientation: 'landscape', width: 1920, height: 1080, regions, ...canvas });
const codes = (b: LayoutBody) => layoutProblems(b).map((p) => (p.region ? `${p.code}:${p.region}` : p.code));

describe('layout rules', () => {
  it('accepts every starter layout, and their regions lie inside the canvas', () => {
    expect(STARTER_LAYOUTS.map((l) => [l.key, layoutProblems(l.body)])).toEqual(STARTER_LAYOUTS.map((l) => [l.key, []]));
    expect(new Set(STARTER_LAYOUTS.map((l) => l.key)).size).toBe(STARTER_LAYOUTS.length);
  });

  it('names each problem and the region it concerns', () => {
    expect(codes(body([]))).toEqual(['region_count', 'main_count']);
    expect(codes(body([main, { ...main, id: 'main' }]))).toEqual(['region_id_duplicate:main', 'main_count']);
    expect(codes(body([main, { id: 'T', kind: 'ticker', x: 0, y: 960, w: 1920, h: 121, z: 1 }]))).toEqual(['region_id:T', 'region_outside:T']);
    expect(codes(body([main, { id: 't', kind: 'ticker', x: 0, y: 960, w: 10, h: 120, z: 1 }]))).toEqual(['region_too_small:t']);
    expect(codes(body([main, { id: 'c', kind: 'clock', x: 0, y: 0, w: 100, h: 100, z: 101, style: { color: 'red' } }]))).toEqual([
      'region_z:c',
      'region_style:c',
    ]);
    expect(codes(body([main, { id: 'b', kind: 'banner', x: 0, y: 0, w: 100, h: 100, z: 1, contentId: 0 }]))).toEqual(['region_content:b']);
    expect(codes(body([{ ...main, contentId: 3 }]))).toEqual(['region_content:main']);
    const t = { id: 't1', kind: 'ticker', x: 0, y: 960, w: 960, h: 120, z: 1 } as const;
    expect(codes(body([main, t, { ...t, id: 't2', x: 960 }]))).toEqual(['single_kind:ticker']);
    expect(codes(body([main], { width: 10 }))).toEqual(['canvas_size']);
    expect(codes(body([{ ...main, w: 1080, h: 1080 }], { orientation: 'portrait' }))).toEqual(['canvas_orientation']);
    expect(codes(body([{ ...main, kind: 'poster' as never }]))).toEqual(['region_kind:main', 'main_count']);
  });

  it('normalises to one text per layout: z then id order, known keys only, lower-case colours', () => {
    const a = body([
      { id: 'z', kind: 'clock', x: 0, y: 960, w: 300, h: 120, z: 2, style: { color: '#FFFFFF' } },
      { ...main, extra: 1 } as Region,
      { id: 'b', kind: 'banner', x: 300, y: 960, w: 300, h: 120, z: 2, style: {} },
    ]);
    expect(normalizeLayout(a).regions).toEqual([
      main,
      { id: 'b', kind: 'banner', x: 300, y: 960, w: 300, h: 120, z: 2 },
      { id: 'z', kind: 'clock', x: 0, y: 960, w: 300, h: 120, z: 2, style: { color: '#ffffff' } },
    ]);
    expect(JSON.stringify(normalizeLayout(normalizeLayout(a)))).toBe(JSON.stringify(normalizeLayout(a)));
  });
});

describe('clock text', () => {
  it('writes the local date and time in Vietnamese in the given zone', async () => {
    const { clockText } = await import('./layout');
    const t = Date.parse('2026-12-03T15:30:00Z');
    expect(clockText(t, 'Asia/Ho_Chi_Minh')).toBe('Thứ Năm, 03/12/2026 · 22:30');
    expect(clockText(t, 'UTC')).toBe('Thứ Năm, 03/12/2026 · 15:30');
    expect(clockText(Date.parse('2026-12-06T17:05:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Thứ Hai, 07/12/2026 · 00:05');
    expect(clockText(Date.parse('2026-12-06T16:59:00Z'), 'Asia/Ho_Chi_Minh')).toBe('Chủ Nhật, 06/12/2026 · 23:59');
  });
});
