// fast-check generators of random compiler inputs around one day, for the property tests.
import fc from 'fast-check';
import { baseInput, content, device, fakeSha } from './schedule';
import type {
  AlertInput,
  ClockWindow,
  CompileInput,
  ContentVersionInput,
  DeviceInput,
  DeviceKind,
  ScheduleInput,
  TargetInput,
} from '../../src/domain/schedule/types';
import { formatClock } from '../../src/domain/schedule/zone';

export const DAY = '2026-03-02'; // Monday
export const DAY_START = Date.parse(`${DAY}T00:00:00+07:00`);
const H = 3_600_000;

export const windowArb: fc.Arbitrary<ClockWindow> = fc
  .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 600 }))
  .map(([s, len]) => ({ start: formatClock(s), end: formatClock(Math.min(1440, s + len)) }));

const kindArb = fc.constantFrom<DeviceKind>('led', 'led', 'kiosk', 'speaker');
const GROUPS = ['g1', 'g2'];

const deviceArb = (id: string): fc.Arbitrary<DeviceInput> =>
  fc
    .record({
      kind: kindArb,
      groups: fc.subarray(GROUPS),
      hours: fc.option(fc.tuple(fc.integer({ min: 180, max: 540 }), fc.integer({ min: 1000, max: 1440 })), { nil: null }),
      slots: fc.option(fc.array(windowArb, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    })
    .map(({ kind, groups, hours, slots }) =>
      device(id, kind, {
        groupIds: groups,
        operatingHours: kind === 'speaker' || !hours ? null : { start: formatClock(hours[0]), end: formatClock(hours[1]) },
        ...(kind === 'speaker' && slots ? { broadcastSlots: slots } : {}),
      }),
    );

const offsetArb = fc.option(fc.integer({ min: -6 * H, max: 54 * H }), { nil: null });

export const contentArb = (id: string, isAd: boolean): fc.Arbitrary<ContentVersionInput> =>
  fc
    .record({
      kind: isAd ? fc.constant('image' as const) : fc.constantFrom('image', 'video', 'text', 'audio', 'speech'),
      state: fc.constantFrom('approved', 'approved', 'approved', 'pending', 'rejected', 'withdrawn'),
      from: offsetArb,
      to: offsetArb,
      dur: fc.integer({ min: 1_000, max: 120_000 }),
    })
    .map((r) =>
      content(id, {
        kind: r.kind,
        state: r.state as ContentVersionInput['state'],
        validFrom: r.from === null ? null : DAY_START + r.from,
        validTo: r.to === null ? null : DAY_START + r.to,
        durationMs: r.dur,
        isAd,
      }),
    );

const CONTENT_IDS = ['c0', 'c1', 'c2', 'c3'];
const AD_IDS = ['ad0', 'ad1'];

export const targetArb: fc.Arbitrary<TargetInput> = fc.record({
  deviceIds: fc.subarray(['d0', 'd1', 'd2']),
  groupIds: fc.subarray(GROUPS),
  kinds: fc.subarray<DeviceKind>(['led', 'kiosk', 'speaker']),
});

const scheduleArb = (id: string): fc.Arbitrary<ScheduleInput> =>
  fc
    .record({
      cls: fc.constantFrom('priority', 'normal', 'normal', 'ads', 'ads', 'fallback'),
      target: targetArb,
      contentId: fc.constantFrom(...CONTENT_IDS, 'pl'),
      adId: fc.constantFrom(...AD_IDS),
      dateFrom: fc.integer({ min: -1, max: 1 }),
      days: fc.integer({ min: 0, max: 2 }),
      dow: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
      share: fc.integer({ min: 5, max: 50 }),
      order: fc.integer({ min: 0, max: 2 }),
      rrule: fc.option(fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 240 })), { freq: 4, nil: null }),
    })
    .map((r) => {
      const date = (n: number) => new Date(DAY_START + 7 * H + n * 86_400_000).toISOString().slice(0, 10);
      const cls = r.cls as ScheduleInput['class'];
      return {
        id,
        target: r.target,
        class: cls,
        what: cls === 'ads' ? { contentId: r.adId } : r.contentId === 'pl' ? { playlistId: 'pl' } : { contentId: r.contentId },
        when: r.rrule
          ? {
              rrule: `DTSTART:${date(r.dateFrom).replaceAll('-', '')}T${formatClock(r.rrule[0]).replace(':', '')}00\nRRULE:FREQ=DAILY`,
              durationMin: r.rrule[1],
            }
          : { dateFrom: date(r.dateFrom), dateTo: date(r.dateFrom + r.days), daysOfWeek: r.dow, windows: r.windows },
        order: r.order,
        ...(cls === 'ads' ? { adShare: r.share / 100 } : {}),
      };
    });

const alertArb: fc.Arbitrary<AlertInput> = fc
  .record({ target: targetArb, from: fc.integer({ min: 0, max: 46 * H }), len: fc.integer({ min: 60_000, max: 3 * H }) })
  .map((r) => ({
    id: 'e1',
    target: r.target,
    from: DAY_START + r.from,
    to: DAY_START + r.from + r.len,
    item: content('alert-text', { kind: 'text', sha256: fakeSha('alert'), text: { title: 'Khẩn', body: 'Bão', style: 'led' } }),
    speechItem: content('alert-speech', { kind: 'speech', durationMs: 20_000 }),
  }));

export const inputArb: fc.Arbitrary<CompileInput> = fc
  .record({
    devices: fc.tuple(deviceArb('d0'), deviceArb('d1'), deviceArb('d2')),
    contents: fc.tuple(...CONTENT_IDS.map((id) => contentArb(id, false)), ...AD_IDS.map((id) => contentArb(id, true))),
    schedules: fc
      .array(fc.integer({ min: 0, max: 0 }), { maxLength: 6 })
      .chain((xs) => fc.tuple(...xs.map((_, i) => scheduleArb(`s${i}`)))),
    alerts: fc.option(alertArb, { nil: undefined }),
  })
  .map((r) =>
    baseInput({
      devices: [...r.devices],
      contents: [...baseInput().contents, ...r.contents],
      playlists: [{ id: 'pl', items: [{ contentId: 'c0' }, { contentId: 'c1', durationMs: 8_000 }, { contentId: 'c2' }] }],
      schedules: [...r.schedules],
      alerts: r.alerts ? [r.alerts] : [],
    }),
  );
