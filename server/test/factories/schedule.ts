// Small factories for the compiler's tests and bench: readable inputs with sane defaults.
import type { CompileInput, ContentVersionInput, DeviceInput, DeviceKind, ScheduleInput, TargetInput } from '../../src/domain/schedule/types';

/** A deterministic 64-hex "sha256" for a name. */
export function fakeSha(name: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0').repeat(8);
}

export function content(contentId: string, over: Partial<ContentVersionInput> = {}): ContentVersionInput {
  const versionId = over.versionId ?? `${contentId}.v1`;
  const sha256 = over.sha256 ?? fakeSha(versionId);
  return {
    contentId,
    versionId,
    sha256,
    kind: 'image',
    durationMs: 10_000,
    state: 'approved',
    validFrom: null,
    validTo: null,
    isAd: false,
    media: [{ sha256, size: 1000, mime: 'image/png', url: `/media/${sha256}` }],
    ...over,
  };
}

export function device(id: string, kind: DeviceKind, over: Partial<DeviceInput> = {}): DeviceInput {
  return {
    id,
    kind,
    name: id,
    groupIds: [],
    operatingHours: kind === 'speaker' ? null : { start: '05:30', end: '22:00' },
    ...over,
  };
}

export function target(over: Partial<TargetInput> = {}): TargetInput {
  return { deviceIds: [], groupIds: [], kinds: [], ...over };
}

export function schedule(id: string, over: Partial<ScheduleInput> = {}): ScheduleInput {
  return {
    id,
    target: target({ kinds: ['led', 'kiosk'] }),
    what: { contentId: 'c1' },
    class: 'normal',
    when: { dateFrom: '2026-01-01', dateTo: '2026-12-31', daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '07:00', end: '11:00' }] },
    ...over,
  };
}

export function baseInput(over: Partial<CompileInput> = {}): CompileInput {
  return {
    devices: [],
    contents: [
      content('fallback-screen', { durationMs: 15_000 }),
      content('fallback-speaker', { kind: 'audio', durationMs: 60_000 }),
      content('jingle', { kind: 'audio', durationMs: 5_000 }),
    ],
    playlists: [],
    schedules: [],
    alerts: [],
    fallback: { led: ['fallback-screen'], kiosk: ['fallback-screen'], speaker: ['fallback-speaker'] },
    jingleContentId: 'jingle',
    ...over,
  };
}

/** Epoch ms of a wall-clock time in Asia/Ho_Chi_Minh (UTC+7, no DST). */
export function vn(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+07:00`);
}
