// Sleeping screens on the dashboard: a sleeping heartbeat shows "Đang nghỉ" (not offline, not playing) in the
// device list and the live panel, and the power panel says which override is in force until when.
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { activePowerOverride, deviceView, liveCounts, liveStatus, sleepingCount } from '../../../lib/device-view';
import type { Device } from '../../../lib/devices-api';
import { lang } from '../../../lib/i18n';
import { EMPTY_LIVE, applyFrame, type LiveState } from '../../../lib/live-status';
import { LiveDevices } from '../../../components/LiveDevices/index';
import { live } from '../../../lib/live-status';
import { ScreenPower } from '../ScreenPower/index';
import { infoColumns } from './columns';
import type { DeviceActions } from './use-device-actions';

const device = (id: number, kind: Device['kind'] = 'led', over: Partial<Device> = {}): Device => ({
  id,
  name: `Màn hình ${id}`,
  kind,
  location: { residentialGroup: null, address: null, lat: null, lon: null },
  orientation: 'landscape',
  resolution: null,
  volume: null,
  operatingHours: kind === 'led' ? { start: '05:30', end: '22:00' } : null,
  quietHours: null,
  broadcastSlots: null,
  groupIds: [],
  powerOverride: null,
  paired: true,
  tokenIssuedAt: null,
  lastSeenAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...over,
});
const frame = (deviceId: string, online: boolean, sleeping?: boolean) =>
  JSON.stringify({
    type: 'device.status.v1',
    deviceId,
    online,
    lastSeenAt: 5,
    nowPlaying: null,
    cache: { files: 1, missing: 0, bytes: 1, timelineVersion: null },
    freeBytes: null,
    errors: [],
    playerVersion: '0.1.0',
    ...(sleeping === undefined ? {} : { sleeping }),
  });
const liveOf = (...frames: string[]): LiveState => frames.reduce(applyFrame, EMPTY_LIVE);

describe('a sleeping screen', () => {
  it('is "Đang nghỉ" in the device list, apart from online and offline', () => {
    lang.value = 'vi';
    const state = liveOf(frame('1', true, true), frame('2', true), frame('3', false, true));
    const views = [1, 2, 3].map((id) => deviceView(device(id), state));
    expect(views.map(liveStatus)).toEqual(['sleeping', 'online', 'offline']);
    const col = infoColumns([], new Map(), 'vi').find((c) => c.key === 'status')!;
    expect(views.map((v) => col.csv!(v))).toEqual(['Đang nghỉ', 'Trực tuyến', 'Mất kết nối']);
    const html = renderToString(<>{col.render(views[0]!)}</>);
    expect(html).toContain('data-status="sleeping"');
    expect(html).toContain('Đang nghỉ');
    lang.value = 'en';
    expect(col.csv!(views[0]!)).toBe('Sleeping');
    lang.value = 'vi';
  });

  it('counts as online (it is connected) and sleeping, never as offline; a speaker never sleeps', () => {
    const state = liveOf(frame('1', true, true), frame('2', true), frame('4', true, true));
    const views = [deviceView(device(1), state), deviceView(device(2, 'kiosk'), state), deviceView(device(4, 'speaker'), state)];
    expect(liveCounts(views)).toEqual({ online: 3, offline: 0, playing: 0 });
    expect(sleepingCount(views)).toBe(1);
    expect(views[2]!.sleeping).toBe(false);
    // The feed drops the flag it cannot read, and a later awake heartbeat clears it.
    expect(applyFrame(EMPTY_LIVE, frame('1', true, 'yes' as never)).devices['1']).not.toHaveProperty('sleeping');
    expect(deviceView(device(1), liveOf(frame('1', true, true), frame('1', true))).sleeping).toBe(false);
  });

  it('shows in the live panel with its own count and label', () => {
    lang.value = 'vi';
    live.value = liveOf(frame('1', true, true), frame('2', true));
    const html = renderToString(<LiveDevices devices={[device(1), device(2)]} />);
    expect(html).toMatch(/data-testid="live-sleeping"[^>]*>1</);
    expect(html).toContain('data-status="sleeping"');
    expect(html).toContain('Đang nghỉ');
    live.value = EMPTY_LIVE;
  });
});

describe('the power panel', () => {
  const actions = { busy: false, power: async () => undefined, setPowering: () => undefined } as unknown as DeviceActions;
  const now = Date.parse('2026-03-02T15:00:00Z');

  it('tells the override in force and until when, with wake, sleep, back to schedule and the durations', () => {
    lang.value = 'vi';
    const d = device(7, 'led', { powerOverride: { state: 'asleep', since: '2026-03-02T14:30:00Z', until: '2026-03-02T16:00:00Z' } });
    expect(activePowerOverride(d, now)?.state).toBe('asleep');
    const html = renderToString(<ScreenPower v={deviceView(d, liveOf(frame('7', true, true)))} actions={actions} now={now} />);
    expect(html).toContain('data-state="asleep"');
    expect(html).toContain('Đã tắt đến');
    for (const label of [
      'Bật màn hình',
      'Tắt màn hình',
      'Theo giờ hoạt động',
      '30 phút',
      '1 giờ',
      '2 giờ',
      '4 giờ',
      '8 giờ',
      'Đang nghỉ',
      '05:30–22:00',
    ]) {
      expect(html).toContain(label);
    }
  });

  it('says it follows the operating hours once the override has ended', () => {
    const d = device(7, 'kiosk', { powerOverride: { state: 'awake', since: '2026-03-02T13:00:00Z', until: '2026-03-02T14:00:00Z' } });
    expect(activePowerOverride(d, now)).toBeNull();
    const html = renderToString(<ScreenPower v={deviceView(d, EMPTY_LIVE)} actions={actions} now={now} />);
    expect(html).toContain('data-state="schedule"');
    expect(html).toContain('Đang theo giờ hoạt động.');
    expect(html).toContain('luôn bật');
  });
});
