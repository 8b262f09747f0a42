// The ticker track: ticker texts scheduled like any content, compiled beside the main track for screens whose
// layout has a ticker region.
import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { isTickerItem, mainTrack, whatPlaysAt, type DeviceTimeline, type Segment } from './protocol';
import { baseInput, content, device, schedule, vn } from '../../../test/factories/schedule';
import type { CompileInput } from './types';

const DAY = '2026-03-02';
const opts = { from: vn(DAY), to: vn(DAY) + 86_400_000, tz: 'Asia/Ho_Chi_Minh' };
const ticker = (id: string, over = {}) => content(id, { kind: 'text', text: { title: id, body: `chữ chạy ${id}`, style: 'ticker' }, ...over });
const at = (segs: Segment[] | undefined, time: string) => whatPlaysAt({ segments: segs ?? [] } as unknown as DeviceTimeline, vn(DAY, time));

function input(): CompileInput {
  const i = baseInput({ devices: [device('led1', 'led', { ticker: true }), device('led2', 'led')] });
  i.contents.push(content('c1'), ticker('t1'), ticker('t2'));
  i.schedules.push(
    schedule('s1'),
    schedule('st', { what: { contentId: 't1' }, when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '06:00', end: '12:00' }] } }),
    schedule('sp', { class: 'priority', what: { contentId: 't2' }, when: { dateFrom: DAY, dateTo: DAY, daysOfWeek: [1], windows: [{ start: '09:00', end: '09:30' }] } }),
  );
  return i;
}

describe('ticker track', () => {
  it('is compiled only for screens with a ticker region, from ticker texts only', () => {
    const all = compileTimelines(input(), opts);
    const led1 = all.get('led1')!;
    expect(all.get('led2')!.ticker).toBeUndefined();
    expect(led1.ticker!.length).toBeGreaterThan(0);
    expect(led1.ticker!.every((s) => s.items.length > 0 && s.items.every(isTickerItem))).toBe(true);
    expect(led1.version).not.toBe(all.get('led2')!.version);
  });

  it('plays the highest class with ticker texts, and returns to the normal one after', () => {
    const tl = compileTimelines(input(), opts).get('led1')!;
    expect(at(tl.ticker, '08:00').item?.contentId).toBe('t1');
    expect(at(tl.ticker, '09:10').item?.contentId).toBe('t2');
    expect(at(tl.ticker, '09:10').segment?.class).toBe('priority');
    expect(at(tl.ticker, '10:00').item?.contentId).toBe('t1');
    expect(at(tl.ticker, '13:00').item).toBeNull();
    // Outside operating hours (05:30–22:00) nothing scrolls.
    expect(at(tl.ticker, '05:00').item).toBeNull();
  });

  it('keeps a ticker text out of it outside its validity', () => {
    const i = input();
    i.contents = i.contents.map((c) => (c.contentId === 't1' ? { ...c, validTo: vn(DAY, '08:00') } : c));
    const tl = compileTimelines(i, opts).get('led1')!;
    expect(at(tl.ticker, '07:30').item?.contentId).toBe('t1');
    expect(at(tl.ticker, '08:30').item).toBeNull();
  });

  it('has no gap while ticker texts are scheduled, and one segment over the hours it does not change', () => {
    const tl = compileTimelines(input(), opts).get('led1')!;
    const segs = tl.ticker!.filter((s) => s.start >= vn(DAY, '06:00') && s.end <= vn(DAY, '12:00'));
    for (let k = 1; k < segs.length; k++) expect(segs[k]!.start).toBe(segs[k - 1]!.end);
    expect(segs[0]!.start).toBe(vn(DAY, '06:00'));
    expect(segs[segs.length - 1]!.end).toBe(vn(DAY, '12:00'));
    expect(segs.length).toBe(3); // 06:00–09:00, priority 09:00–09:30, 09:30–12:00
  });

  it('leaves the main track as before, and a layout player takes the ticker texts out of its main region', () => {
    const tl = compileTimelines(input(), opts).get('led1')!;
    const plain = compileTimelines(input(), opts).get('led2')!;
    expect(tl.segments).toEqual(plain.segments);
    const withLayout = { ...tl, layout: { id: '2', versionId: '2', tz: 'Asia/Ho_Chi_Minh', body: { orientation: 'landscape' as const, width: 1920, height: 1080, regions: [
      { id: 'main', kind: 'main' as const, x: 0, y: 0, w: 1920, h: 960, z: 0 },
      { id: 'ticker', kind: 'ticker' as const, x: 0, y: 960, w: 1920, h: 120, z: 1 },
    ] }, content: {} } };
    const main = mainTrack(withLayout);
    expect(tl.segments.some((s) => s.items.some(isTickerItem))).toBe(true);
    expect(main.some((s) => s.items.some(isTickerItem))).toBe(false);
    expect(at(main, '08:00').item?.contentId).toBe('c1');
  });
});
