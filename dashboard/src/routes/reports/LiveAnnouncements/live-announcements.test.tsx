// The live announcements table under proof of play: one row each, the recording as a player that loads nothing
// until asked (only when there is one), lengths and end reasons in both languages, the server's CSV, an empty state.
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it } from 'vitest';
import { lang } from '../../../lib/i18n';
import { LiveAnnouncements, liveCsvHref, liveDuration, type LiveEntry } from './index';

const SHA = 'a'.repeat(64);
const entry = (id: number, over: Partial<LiveEntry> = {}): LiveEntry => ({
  id,
  startedAt: '2026-11-03T01:00:00.000Z',
  endedAt: '2026-11-03T01:02:09.000Z',
  durationMs: 129_000,
  class: 'priority',
  title: '',
  speaker: 'Nguyễn Văn An',
  groups: 'Loa chợ, Loa khu phố 1',
  speakers: 2,
  zones: 1,
  endReason: 'stopped',
  recordingSha256: SHA,
  ...over,
});
const items = [
  entry(1, { title: 'Thông báo cắt nước <tổ 5>' }),
  entry(2, { class: 'emergency', speaker: 'Trần Thị Bình', groups: '#999', endReason: 'dropped', recordingSha256: null, durationMs: 95_000 }),
  entry(3, { endedAt: null, durationMs: null, endReason: null, recordingSha256: null }),
];
const range = { from: '2026-11-01', to: '2026-11-30' };
const render = (list: LiveEntry[] = items) => renderToString(<LiveAnnouncements items={list} range={range} region="" />);
const count = (html: string, needle: string) => html.split(needle).length - 1;

afterEach(() => {
  lang.value = 'vi';
});

describe('LiveAnnouncements', () => {
  it('lists one row per announcement, with a player that preloads nothing only where there is a recording', () => {
    const html = render();
    expect(html).toContain('data-testid="report-live"');
    expect(count(html, 'data-testid="report-live-row"')).toBe(3);
    expect(count(html, '<audio')).toBe(1);
    expect(html).toMatch(new RegExp(`<audio[^>]*preload="none"[^>]*src="/api/media/${SHA}"`));
    expect(html).toMatch(/<audio[^>]*controls/);
    expect(count(html, 'Không có bản ghi')).toBe(2);
    for (const text of ['Nguyễn Văn An', 'Trần Thị Bình', 'Loa chợ, Loa khu phố 1', '#999', 'Ưu tiên', 'Khẩn cấp', 'Người nói kết thúc', 'Mất kết nối', '2 phút 9 giây']) {
      expect(html, text).toContain(text);
    }
    expect(html).toContain('Thông báo cắt nước &lt;tổ 5');
    expect(html).not.toContain('<tổ 5');
    expect(html).toContain('3 lần phát trực tiếp, tổng 4 phút');
  });

  it('says "Đang phát" for one on air, and speaks English when asked', () => {
    expect(liveDuration(items[2]!, 'vi')).toBe('Đang phát');
    expect(liveDuration(items[1]!, 'en')).toBe('1 min 35 s');
    lang.value = 'en';
    const html = render();
    for (const text of ['Live announcements', 'Speaker', 'Recording', 'Emergency', 'Connection lost', 'On air', 'No recording']) expect(html, text).toContain(text);
  });

  it("links the server's CSV of the range, and shows an empty state without a table", () => {
    expect(liveCsvHref(range)).toBe('/api/reports/plays.csv?from=2026-11-01&to=2026-11-30&table=live');
    expect(liveCsvHref(range, 'main')).toBe('/api/reports/plays.csv?from=2026-11-01&to=2026-11-30&region=main&table=live');
    const html = render([]);
    expect(html).toContain('data-testid="report-live-empty"');
    expect(html).not.toContain('<table');
    expect(html).toContain('0 lần phát trực tiếp');
  });
});
