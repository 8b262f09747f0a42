// Timeline compiler bench: 10,000 devices, 200 groups, 2,000 schedule entries, 48 h horizon.
// Measures a full compile and an incremental recompile after one schedule edit that touches one group
// (affectedDevices + compileDevice), then prints exactly one JSON line. Run: npx tsx bench/compile.ts
import { affectedDevices, compileDevice, compileTimelines, createCompileCache } from '../server/src/domain/schedule';
import type { CompileInput, DeviceKind, ScheduleInput } from '../server/src/domain/schedule/types';
import { baseInput, content, device, schedule, target, vn } from '../server/test/factories/schedule';

const DEVICES = 10_000;
const GROUPS = 200;
const ENTRIES = 2_000;
const HORIZON_H = 48;
/** Groups per device (default 1). 2+ makes almost every device's program unique: the no-sharing worst case. */
const GROUPS_PER_DEVICE = Number(process.env.BENCH_GROUPS_PER_DEVICE ?? 1);

/** Deterministic PRNG (mulberry32) so every run compiles the same world. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clock(min: number): string {
  return `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
}

function world(): CompileInput {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const kinds: DeviceKind[] = ['led', 'led', 'kiosk', 'speaker', 'speaker'];
  const input = baseInput();
  for (let i = 0; i < DEVICES; i++) {
    const groupIds = [`g${i % GROUPS}`];
    while (groupIds.length < GROUPS_PER_DEVICE) groupIds.push(`g${Math.floor(r() * GROUPS)}`);
    input.devices.push(device(`d${i}`, pick(kinds), { groupIds }));
  }
  for (let i = 0; i < 400; i++) {
    const kind = i % 5 === 0 ? 'audio' : i % 3 === 0 ? 'video' : 'image';
    input.contents.push(content(`c${i}`, { kind, durationMs: 10_000 + (i % 7) * 5_000 }));
  }
  for (let i = 0; i < 100; i++) input.contents.push(content(`ad${i}`, { isAd: true, durationMs: 15_000 }));
  for (let i = 0; i < 100; i++) {
    input.playlists.push({ id: `p${i}`, items: [0, 1, 2, 3].map((k) => ({ contentId: `c${(i * 4 + k) % 400}` })) });
  }
  for (let i = 0; i < ENTRIES; i++) {
    const cls = i % 10 === 0 ? 'ads' : i % 20 === 1 ? 'priority' : 'normal';
    const start = 300 + Math.floor(r() * 60) * 15;
    const when: ScheduleInput['when'] =
      i % 10 === 3
        ? { rrule: `DTSTART:20260101T${clock(start).replace(':', '')}00\nRRULE:FREQ=DAILY`, durationMin: 30 }
        : {
            dateFrom: '2026-01-01',
            dateTo: '2026-12-31',
            daysOfWeek: [1, 2, 3, 4, 5, 6, 7],
            windows: [{ start: clock(start), end: clock(start + 60 + Math.floor(r() * 4) * 30) }],
          };
    const tgt =
      i % 50 === 7
        ? target({ deviceIds: [`d${Math.floor(r() * DEVICES)}`] })
        : target({ groupIds: [`g${i % GROUPS}`], kinds: cls === 'ads' ? ['led'] : [] });
    const what = cls === 'ads' ? { contentId: `ad${i % 100}` } : i % 2 ? { playlistId: `p${i % 100}` } : { contentId: `c${i % 400}` };
    input.schedules.push(schedule(`s${i}`, { class: cls, target: tgt, what, when, adShare: cls === 'ads' ? 0.2 : undefined }));
  }
  return input;
}

const input = world();
const opts = { from: vn('2026-03-02'), to: vn('2026-03-02') + HORIZON_H * 3_600_000, tz: 'Asia/Ho_Chi_Minh' };
const cache = createCompileCache();

let t0 = performance.now();
const all = compileTimelines(input, opts, cache);
const fullMs = performance.now() - t0;
if (all.size !== DEVICES) throw new Error(`compiled ${all.size} devices`);

// Edit one group-targeted schedule: move its window by an hour.
const idx = input.schedules.findIndex((s) => s.target.groupIds.length === 1 && 'windows' in s.when);
const before = input.schedules[idx]!;
if (!('windows' in before.when)) throw new Error('no calendar schedule to edit');
const after: ScheduleInput = { ...before, when: { ...before.when, windows: [{ start: '12:00', end: '13:30' }] } };
const edited: CompileInput = { ...input, schedules: input.schedules.map((s, i) => (i === idx ? after : s)) };

t0 = performance.now();
const ids = affectedDevices({ type: 'schedule', before, after }, edited);
const updated = ids.map((id) => compileDevice(edited, id, opts, cache));
const incrementalMs = performance.now() - t0;
if (updated.some((t) => !t) || ids.length === 0) throw new Error('incremental recompile failed');

const peakRssMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    bench: 'compile',
    devices: DEVICES,
    groups: GROUPS,
    entries: ENTRIES,
    horizon_h: HORIZON_H,
    full_ms: Math.round(fullMs),
    incremental_ms: Math.round(incrementalMs * 10) / 10,
    peak_rss_mb: Math.round(peakRssMb),
  }),
);
