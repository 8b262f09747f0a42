// Property tests of the compiler over random devices, schedules, content states and instants. The oracle
// below re-derives, from the inputs alone and by the simplest means, what must hold at an instant.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileTimelines } from './compile';
import { classRank, joinTimelines, whatPlaysAt, type DeviceTimeline, type Segment } from './protocol';
import { targetsDevice } from './targeting';
import { DAY_START, inputArb } from '../../../test/factories/schedule-arbitraries';
import { activeAt, inWindow, local, playable, versionsById } from '../../../test/factories/schedule-oracle';
import type { CompileInput, DeviceInput } from './types';

const H = 3_600_000;
const FROM = DAY_START;
const TO = DAY_START + 48 * H;
const opts = { from: FROM, to: TO };

function emergencyAt(input: CompileInput, d: DeviceInput, t: number): boolean {
  return input.alerts.some(
    (a) =>
      targetsDevice(a.target, d) &&
      a.from <= t &&
      t < a.to &&
      playable(d.kind === 'speaker' ? (a.speechItem ?? a.item) : a.item, d, t, false),
  );
}
function inSlot(d: DeviceInput, t: number): boolean {
  const { min } = local(t);
  const slots = d.broadcastSlots ?? [
    { start: '06:00', end: '06:30' },
    { start: '17:00', end: '17:30' },
  ];
  return slots.some((w) => inWindow(w, min)) && !inWindow({ start: '21:00', end: '06:00' }, min);
}

/** What class must play on d at t (null = nothing), by the rules of ARCHITECTURE.md. */
function expectedClass(input: CompileInput, d: DeviceInput, t: number): Segment['class'] | null {
  if (emergencyAt(input, d, t)) return 'emergency';
  if (d.kind === 'speaker') return inSlot(d, t) ? 'normal' : null; // class inside a slot is checked separately
  const h = d.operatingHours;
  if (h && !inWindow(h, local(t).min)) return null;
  for (const cls of ['priority', 'normal'] as const) {
    if (input.schedules.some((s) => s.class === cls && activeAt(s, input, d, t))) return cls;
  }
  return 'fallback';
}

const instants = fc.array(fc.integer({ min: FROM, max: TO - 1 }), { minLength: 10, maxLength: 30 });

describe('compileTimelines (properties)', () => {
  it('lets the highest active class win, covers operating hours and slots, and stays silent elsewhere', () => {
    fc.assert(
      fc.property(inputArb, instants, (input, ts) => {
        const all = compileTimelines(input, opts);
        for (const d of input.devices) {
          const tl = all.get(d.id)!;
          for (const t of ts) {
            const got = whatPlaysAt(tl, t);
            const want = expectedClass(input, d, t);
            const seg = tl.segments.find((s) => s.start <= t && t < s.end) ?? null;
            expect(got.segment).toBe(seg);
            if (got.item) expect(seg!.items).toContain(got.item);
            if (want === null) expect(seg).toBeNull();
            else if (d.kind === 'speaker' && want === 'normal') expect(seg?.mode).toBe('once');
            else expect(seg?.class === 'ads' ? 'fallback' : seg?.class).toBe(want);
          }
        }
      }),
    );
  });

  it('never lets an unapproved or expired version, or a misplaced ad, reach a device', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const versions = versionsById(input);
        for (const [id, tl] of compileTimelines(input, opts)) {
          const d = input.devices.find((x) => x.id === id)!;
          for (const s of tl.segments) {
            let pos = s.start - (s.phaseMs ?? 0);
            for (const it of s.items) {
              const v = versions.get(it.versionId)!;
              expect(v.state).toBe('approved');
              // Loop items may play anywhere in the segment; once items only in their own slot of time.
              const [a, b] = s.mode === 'loop' ? [s.start, s.end] : [Math.max(pos, s.start), Math.min(pos + it.durationMs, s.end)];
              if (b > a) {
                expect(v.validFrom ?? -Infinity).toBeLessThanOrEqual(a);
                expect(v.validTo ?? Infinity).toBeGreaterThanOrEqual(b);
              }
              if (v.isAd) expect([d.kind, it.muted]).toEqual(['led', true]);
              pos += it.durationMs;
            }
          }
        }
      }),
    );
  });

  it('keeps segments sorted, disjoint and inside the range', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        for (const tl of compileTimelines(input, opts).values()) {
          tl.segments.forEach((s, i) => {
            expect(s.end).toBeGreaterThan(s.start);
            expect(s.start).toBeGreaterThanOrEqual(FROM);
            expect(s.end).toBeLessThanOrEqual(TO);
            if (i > 0) expect(tl.segments[i - 1]!.end).toBeLessThanOrEqual(s.start);
          });
        }
      }),
    );
  });

  it('holds the ad share within each hour to within one item', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const shares = input.schedules.filter((s) => s.class === 'ads').map((s) => s.adShare ?? 0.2);
        const maxShare = Math.max(0, ...shares);
        const maxAd = Math.max(0, ...input.contents.filter((c) => c.isAd).map((c) => c.durationMs));
        const adVersions = new Set(input.contents.filter((c) => c.isAd).map((c) => c.versionId));
        for (const tl of compileTimelines(input, opts).values()) {
          for (let h = FROM; h < TO; h += H) {
            let ad = 0;
            for (let t = h; t < h + H;) {
              const r = whatPlaysAt(tl, t);
              const n = Math.min(r.nextChangeAt ?? h + H, h + H);
              if (r.item && adVersions.has(r.item.versionId)) ad += n - t;
              t = n;
            }
            expect(ad).toBeLessThanOrEqual(maxShare * H + maxAd);
          }
        }
      }),
    );
  });

  it('compiles [a,c] exactly as [a,b] joined with [b,c]', () => {
    const cut = fc.tuple(fc.integer({ min: 0, max: 20 * H }), fc.integer({ min: 1, max: 28 * H - 1 }));
    fc.assert(
      fc.property(inputArb, cut, (input, [off, mid]) => {
        const a = FROM + off;
        const c = a + 28 * H;
        const b = a + mid;
        const whole = compileTimelines(input, { from: a, to: c });
        const left = compileTimelines(input, { from: a, to: b });
        const right = compileTimelines(input, { from: b, to: c });
        for (const [id, tl] of whole) {
          const joined: DeviceTimeline = joinTimelines(left.get(id)!, right.get(id)!);
          expect(joined).toEqual(tl);
        }
      }),
    );
  });

  it('ranks classes emergency > priority > normal > ads > fallback', () => {
    expect(['fallback', 'ads', 'normal', 'priority', 'emergency'].map((c) => classRank(c as Segment['class']))).toEqual([1, 2, 3, 4, 5]);
  });
});
