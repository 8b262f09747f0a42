// Property tests of the ticker track over random devices, schedules, content states and instants: some of the
// random contents are ticker texts (chữ chạy), every screen has a ticker region. The oracle re-derives from the
// inputs alone which class of ticker text must scroll at an instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { isTickerItem, normalizeSegments, whatPlaysAt, type DeviceTimeline, type Segment } from './protocol';
import { contentArb, DAY_START, inputArb, targetArb, windowArb } from '../../../test/factories/schedule-arbitraries';
import { activeAt, inWindow, local, playable, versionsById } from '../../../test/factories/schedule-oracle';
import type { CompileInput, ContentVersionInput, DeviceInput, ScheduleInput } from './types';

const H = 3_600_000;
const FROM = DAY_START;
const TO = DAY_START + 48 * H;
const opts = { from: FROM, to: TO };

const isTicker = (c: ContentVersionInput) => c.kind === 'text' && c.text?.style === 'ticker';

const TICKERS = ['t0', 't1', 't2'];
const asTicker = (c: ContentVersionInput): ContentVersionInput => ({
  ...c,
  kind: 'text',
  text: { title: `Tin ${c.contentId}`, body: `Chữ chạy ${c.contentId}`, style: 'ticker' },
});

/** Ticker schedules: one ticker text or the playlist (which then holds one), in a class a ticker text can take. */
const tickerScheduleArb = (id: string): fc.Arbitrary<ScheduleInput> =>
  fc
    .record({
      cls: fc.constantFrom('priority', 'normal', 'normal', 'fallback'),
      target: targetArb,
      contentId: fc.constantFrom(...TICKERS),
      day: fc.integer({ min: -1, max: 1 }),
      days: fc.integer({ min: 0, max: 2 }),
      dow: fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }),
      windows: fc.array(windowArb, { minLength: 1, maxLength: 3 }),
    })
    .map((r) => {
      const date = (n: number) => new Date(DAY_START + 7 * H + n * 86_400_000).toISOString().slice(0, 10);
      return {
        id,
        target: r.target,
        class: r.cls as ScheduleInput['class'],
        what: { contentId: r.contentId },
        when: { dateFrom: date(r.day), dateTo: date(r.day + r.days), daysOfWeek: r.dow, windows: r.windows },
        order: 0,
      };
    });

/** Random inputs with ticker texts (some unapproved or out of validity) and their schedules; every screen has a ticker region. */
const tickerInputArb: fc.Arbitrary<CompileInput> = fc
  .record({
    input: inputArb,
    tickers: fc.tuple(...TICKERS.map((id) => contentArb(id, false))),
    schedules: fc.array(fc.constant(0), { minLength: 1, maxLength: 5 }).chain((xs) => fc.tuple(...xs.map((_, i) => tickerScheduleArb(`t${i}`)))),
  })
  .map(({ input, tickers, schedules }) => ({
    ...input,
    devices: input.devices.map((d) => (d.kind === 'speaker' ? d : { ...d, ticker: true })),
    contents: [...input.contents, ...tickers.map(asTicker)],
    schedules: [...input.schedules, ...schedules],
  }));

/** The class whose ticker texts must scroll on d at t, or null when none may. */
function expectedTickerClass(input: CompileInput, d: DeviceInput, t: number): Segment['class'] | null {
  const h = d.operatingHours;
  if (h && !inWindow(h, local(t).min)) return null;
  const ok = (c: ContentVersionInput) => isTicker(c) && playable(c, d, t, false);
  for (const cls of ['priority', 'normal', 'fallback'] as const) {
    if (input.schedules.some((s) => s.class === cls && activeAt(s, input, d, t, ok))) return cls;
  }
  // The default fallback loop, when it holds ticker texts.
  return (input.fallback[d.kind] ?? []).some((id) => input.contents.some((c) => c.contentId === id && ok(c))) ? 'fallback' : null;
}

const instants = fc.array(fc.integer({ min: FROM, max: TO - 1 }), { minLength: 10, maxLength: 30 });
const track = (tl: DeviceTimeline): DeviceTimeline => ({ ...tl, segments: tl.ticker ?? [] });

describe('the ticker track (properties)', () => {
  it('scrolls, without a gap, the ticker texts of the highest class that has any, within operating hours', () => {
    fc.assert(
      fc.property(tickerInputArb, instants, (input, ts) => {
        const all = compileTimelines(input, opts);
        for (const d of input.devices) {
          const tl = all.get(d.id)!;
          if (d.kind === 'speaker') {
            expect(tl.ticker).toBeUndefined();
            continue;
          }
          for (const t of ts) {
            const want = expectedTickerClass(input, d, t);
            const got = whatPlaysAt(track(tl), t);
            if (want === null) {
              expect(got.segment).toBeNull();
              continue;
            }
            // No gap: while a ticker text may scroll, a segment of the right class covers the instant.
            expect(got.segment?.class, `${d.id} at ${new Date(t).toISOString()}`).toBe(want);
            expect(got.item && isTickerItem(got.item)).toBe(true);
          }
        }
      }),
    );
  });

  it('holds only approved ticker texts inside their validity, in sorted disjoint segments within the range', () => {
    fc.assert(
      fc.property(tickerInputArb, (input) => {
        const versions = versionsById(input);
        for (const tl of compileTimelines(input, opts).values()) {
          (tl.ticker ?? []).forEach((s, i, segs) => {
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.start).toBeGreaterThanOrEqual(FROM);
            expect(s.end).toBeLessThanOrEqual(TO);
            if (i > 0) expect(segs[i - 1]!.end).toBeLessThanOrEqual(s.start);
            expect(s.mode).toBe('loop');
            for (const it of s.items) {
              expect(isTickerItem(it)).toBe(true);
              const v = versions.get(it.versionId)!;
              expect(v.state).toBe('approved');
              expect(v.validFrom ?? -Infinity).toBeLessThanOrEqual(s.start);
              expect(v.validTo ?? Infinity).toBeGreaterThanOrEqual(s.end);
            }
          });
        }
      }),
    );
  });

  it('compiles [a,c] exactly as [a,b] joined with [b,c], so a text never jumps at a recompile', () => {
    const cut = fc.integer({ min: 1, max: 28 * H - 1 });
    fc.assert(
      fc.property(tickerInputArb, cut, (input, mid) => {
        const [a, c] = [FROM, FROM + 28 * H];
        const whole = compileTimelines(input, { from: a, to: c });
        const left = compileTimelines(input, { from: a, to: a + mid });
        const right = compileTimelines(input, { from: a + mid, to: c });
        for (const [id, tl] of whole) {
          // Joined at the cut, a segment split there continues with the same items and loop phase.
          expect(normalizeSegments([...(left.get(id)!.ticker ?? []), ...(right.get(id)!.ticker ?? [])])).toEqual(tl.ticker ?? []);
        }
      }),
    );
  });
});
