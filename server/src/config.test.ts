import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8080, tz: 'Asia/Ho_Chi_Minh', logLevel: 'info', horizonDays: 7, lufsTarget: -16 });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.maxUploadBytes).toBe(2 * 1024 ** 3);
  });

  it('names every bad variable in one bilingual error', () => {
    try {
      loadConfig({ PORT: 'abc', BANTIN_TZ: 'Mars/Olympus', BANTIN_LOG_LEVEL: 'loud', BANTIN_ADMIN_PASSWORD: 'short' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      for (const v of ['PORT', 'BANTIN_TZ', 'BANTIN_LOG_LEVEL', 'BANTIN_ADMIN_PASSWORD']) expect(msg).toContain(v);
      expect(msg).toMatch(/không hợp lệ/);
    }
  });

  it('reads the default LED operating hours, or always on', () => {
    expect(loadConfig({}).ledHours).toEqual({ start: '05:30', end: '22:00' });
    expect(loadConfig({ BANTIN_LED_HOURS: '06:00-23:30' }).ledHours).toEqual({ start: '06:00', end: '23:30' });
    expect(loadConfig({ BANTIN_LED_HOURS: 'always' }).ledHours).toBeNull();
    expect(() => loadConfig({ BANTIN_LED_HOURS: '25:00-26:00' })).toThrow(/BANTIN_LED_HOURS/);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(8080);
  });
});
