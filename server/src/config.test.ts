import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

  it('reads the relay silence and the longest live announcement, with their bounds', () => {
    expect(loadConfig({})).toMatchObject({ relaySilenceMs: 10_000, liveMaxMs: 60 * 60_000 });
    expect(loadConfig({ BANTIN_LIVE_MAX_MIN: '15' }).liveMaxMs).toBe(15 * 60_000);
    for (const bad of ['0', '241', '1.5', 'abc']) expect(() => loadConfig({ BANTIN_LIVE_MAX_MIN: bad }), bad).toThrow(/BANTIN_LIVE_MAX_MIN/);
  });

  it('reads the default LED operating hours, or always on', () => {
    expect(loadConfig({}).ledHours).toEqual({ start: '05:30', end: '22:00' });
    expect(loadConfig({ BANTIN_LED_HOURS: '06:00-23:30' }).ledHours).toEqual({ start: '06:00', end: '23:30' });
    expect(loadConfig({ BANTIN_LED_HOURS: 'always' }).ledHours).toBeNull();
    expect(() => loadConfig({ BANTIN_LED_HOURS: '25:00-26:00' })).toThrow(/BANTIN_LED_HOURS/);
  });

  it('reads the ward named on the public portal and the portal origin, without a trailing slash', () => {
    expect(loadConfig({})).toMatchObject({ wardName: 'UBND phường Nam Định', publicUrl: null });
    expect(loadConfig({ BANTIN_WARD_NAME: ' UBND phường Trường Thi ', BANTIN_PUBLIC_URL: 'https://bantin.example.vn/' })).toMatchObject({
      wardName: 'UBND phường Trường Thi',
      publicUrl: 'https://bantin.example.vn',
    });
    expect(() => loadConfig({ BANTIN_PUBLIC_URL: 'javascript:alert(1)' })).toThrow(/BANTIN_PUBLIC_URL/);
  });

  it('reads the retention periods and the purge rule, with documented defaults', () => {
    expect(loadConfig({}).retention).toEqual({ playsDays: 730, feedbackDays: 365, logsDays: 90, cron: '15 2 * * *' });
    expect(loadConfig({}).logFiles).toBe(true);
    const c = loadConfig({
      BANTIN_RETAIN_PLAYS_DAYS: '1095',
      BANTIN_RETAIN_FEEDBACK_DAYS: '93',
      BANTIN_RETAIN_LOGS_DAYS: '1',
      BANTIN_RETENTION_CRON: ' 0  4 * * 1-5 ',
      BANTIN_LOG_FILES: '0',
    });
    expect(c.retention).toEqual({ playsDays: 1095, feedbackDays: 93, logsDays: 1, cron: '0 4 * * 1-5' });
    expect(c.logFiles).toBe(false);
  });

  it.each([
    ['BANTIN_RETAIN_PLAYS_DAYS', 'abc', /must be a number of days/],
    ['BANTIN_RETAIN_PLAYS_DAYS', '92', /at least 93 days/],
    ['BANTIN_RETAIN_PLAYS_DAYS', '365.5', /whole number of days/],
    ['BANTIN_RETAIN_FEEDBACK_DAYS', '30', /phải ít nhất 93 ngày/],
    ['BANTIN_RETAIN_FEEDBACK_DAYS', '36501', /at most 36500 days/],
    ['BANTIN_RETAIN_LOGS_DAYS', '0', /at least 1 day \(/],
    ['BANTIN_RETAIN_LOGS_DAYS', '-5', /at least 1 day \(/],
    ['BANTIN_RETENTION_CRON', 'nightly', /five-field cron rule/],
    ['BANTIN_RETENTION_CRON', '15 25 * * *', /five-field cron rule/],
    ['BANTIN_RETENTION_CRON', '0 15 2 * * *', /five-field cron rule/],
    ['BANTIN_LOG_FILES', 'yes', /must be 0 or 1/],
  ])('refuses %s=%s with a bilingual message naming it', (name, value, message) => {
    try {
      loadConfig({ [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const msg = (e as Error).message;
      expect(msg).toContain(`${name}:`);
      expect(msg).toMatch(message);
      expect(msg).toMatch(/Cấu hình không hợp lệ \/ Invalid configuration/);
    }
  });

  it('refuses ffmpeg / ffprobe paths that are not executable files, naming the variable', () => {
    expect(() => loadConfig({ BANTIN_FFMPEG_PATH: '/no/such/ffmpeg' })).toThrow(/BANTIN_FFMPEG_PATH/);
    const plain = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-cfg-')), 'ffprobe');
    fs.writeFileSync(plain, 'not a program', { mode: 0o644 });
    expect(() => loadConfig({ BANTIN_FFPROBE_PATH: plain })).toThrow(/BANTIN_FFPROBE_PATH/);
    expect(() => loadConfig({ BANTIN_FFPROBE_PATH: path.dirname(plain) })).toThrow(/BANTIN_FFPROBE_PATH/);
    expect(() => loadConfig({ BANTIN_FFMPEG_PATH: process.execPath, BANTIN_FFPROBE_PATH: process.execPath })).not.toThrow();
  });

  it('reads the Icecast source URL, refusing anything but icecast://user:password@host:port', () => {
    expect(loadConfig({}).icecast).toBeNull();
    expect(loadConfig({ BANTIN_ICECAST_URL: 'icecast://source:p%40ss@127.0.0.1:8000' }).icecast).toEqual({
      user: 'source',
      password: 'p@ss',
      host: '127.0.0.1',
      port: 8000,
    });
    for (const bad of ['http://source:x@h:8000', 'icecast://source@h:8000', 'icecast://source:x@h', 'icecast://source:x@h:8000/mount', 'nope']) {
      expect(() => loadConfig({ BANTIN_ICECAST_URL: bad }), bad).toThrow(/BANTIN_ICECAST_URL/);
    }
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(8080);
  });
});
