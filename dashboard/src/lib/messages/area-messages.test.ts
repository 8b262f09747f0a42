import { describe, expect, it } from 'vitest';
import { fillTemplate } from '../area-i18n';
import { alertsText } from './alerts';
import { devicesText } from './devices';
import { layoutsText } from './layouts';
import { playNowText } from './play-now';
import { relaysText } from './relays';
import { reportsText } from './reports';
import { schedulesText } from './schedules';

const areas = { schedules: schedulesText, devices: devicesText, alerts: alertsText, reports: reportsText, playNow: playNowText, layouts: layoutsText, relays: relaysText };

describe('area dictionaries', () => {
  for (const [name, area] of Object.entries(areas)) {
    it(`${name}: has the same keys in Vietnamese and English, none empty, with the same placeholders`, () => {
      const vi = area.dictionaries.vi as Record<string, string>;
      const en = area.dictionaries.en as Record<string, string>;
      expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
      for (const key of Object.keys(vi)) {
        expect(vi[key]!.trim(), key).not.toBe('');
        expect(en[key]!.trim(), key).not.toBe('');
        const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(names(en[key]!), key).toEqual(names(vi[key]!));
      }
    });
  }

  it('says the alert button in Vietnamese as the ward calls it', () => {
    expect(alertsText.tl('vi', 'issue.open')).toBe('Phát cảnh báo khẩn');
    expect(reportsText.tl('vi', 'periodic.xlsx')).toBe('Tải XLSX');
    expect(reportsText.tl('vi', 'periodic.print')).toBe('Bản in');
  });

  it('names every recurrence choice with everyday words, not the raw word RRULE', () => {
    for (const key of ['preset.daily', 'preset.weekdays', 'preset.broadcast', 'preset.custom', 'preset.rrule'] as const) {
      expect(schedulesText.tl('vi', key), key).not.toMatch(/RRULE/);
    }
    expect(schedulesText.tl('vi', 'preset.rrule')).toBe('Quy tắc lặp');
  });
});

describe('fillTemplate', () => {
  it('fills known placeholders and leaves unknown ones visible', () => {
    expect(fillTemplate('Cảnh báo #{id} {x}', { id: 4 })).toBe('Cảnh báo #4 {x}');
  });
});
