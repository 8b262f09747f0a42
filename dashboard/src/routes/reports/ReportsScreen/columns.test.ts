import { describe, expect, it } from 'vitest';
import { playColumns, reportNumbers, uptimeColumns } from './columns';

const playsRow = { label: 'Màn hình chợ', plays: 40, seconds: 12 * 60, completed: 40, interrupted: 0, failed: 0, devices: 1 };

describe('report columns', () => {
  it('show minutes of play as minutes, not as "0 giờ"', () => {
    const col = playColumns(reportNumbers('vi')).find((c) => c.key === 'hours')!;
    expect(col.render(playsRow as never)).toBe('12 phút');
    expect(col.render({ ...playsRow, seconds: 3_900 } as never)).toBe('1 giờ 5 phút');
  });

  it('show online and operating time the same way', () => {
    const cols = uptimeColumns(reportNumbers('en'), 'en');
    const row = { onlineSeconds: 600, operatingSeconds: 7_200 } as never;
    expect(cols.find((c) => c.key === 'online')!.render(row)).toBe('10 min');
    expect(cols.find((c) => c.key === 'operating')!.render(row)).toBe('2 h');
  });

  it('show where on the screen the plays of a row were shown', () => {
    const col = playColumns(reportNumbers('vi')).find((c) => c.key === 'region')!;
    expect(col.header).toBe('Vùng');
    expect(col.render({ ...playsRow, regions: ['main', 'ticker'] } as never)).toBe('Chính, Chữ chạy');
    expect(col.csv!({ ...playsRow, regions: ['ticker'] } as never)).toBe('Chữ chạy');
  });
});
