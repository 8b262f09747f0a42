import { describe, expect, it } from 'vitest';
import {
  bytesToFloats,
  dbfsOf,
  extensionOf,
  FLOOR_DB,
  formatElapsed,
  levelPercent,
  levelVerdict,
  MAX_RECORDING_MS,
  MIC_CONSTRAINTS,
  micErrorKind,
  pickRecordingType,
  recordingFileName,
  rmsOf,
} from './mic';

const sine = (amplitude: number, n = 4800, period = 48) =>
  Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * i) / period));

describe('rmsOf and dbfsOf', () => {
  it('gives a full-scale square wave 0 dBFS and a full-scale sine −3.01 dBFS', () => {
    expect(dbfsOf(rmsOf([1, -1, 1, -1]))).toBe(0);
    expect(rmsOf(sine(1))).toBeCloseTo(Math.SQRT1_2, 6);
    expect(dbfsOf(rmsOf(sine(1)))).toBeCloseTo(-3.0103, 3);
  });

  it('takes 6.02 dB off for every halving of the amplitude', () => {
    expect(dbfsOf(0.5)).toBeCloseTo(-6.0206, 3);
    expect(dbfsOf(0.25)).toBeCloseTo(-12.0412, 3);
    expect(dbfsOf(rmsOf(sine(0.1)))).toBeCloseTo(-23.0103, 3);
  });

  it('reports silence, an empty buffer and nonsense as the floor, and never more than 0 dBFS', () => {
    expect(rmsOf([])).toBe(0);
    expect(dbfsOf(rmsOf(new Float32Array(2048)))).toBe(FLOOR_DB);
    expect(dbfsOf(Number.NaN)).toBe(FLOOR_DB);
    expect(dbfsOf(1e-9)).toBe(FLOOR_DB);
    expect(dbfsOf(2)).toBe(0);
    expect(dbfsOf(0.001, -40)).toBe(-40);
  });

  it('reads byte time-domain data with 128 as zero', () => {
    expect(Array.from(bytesToFloats([128, 0, 255, 64]))).toEqual([0, -1, 127 / 128, -0.5]);
    expect(dbfsOf(rmsOf(bytesToFloats([128, 128, 128])))).toBe(FLOOR_DB);
  });
});

describe('levelPercent and levelVerdict', () => {
  it('fills the bar linearly in dB from −60 (empty) to 0 (full)', () => {
    expect(levelPercent(-90)).toBe(0);
    expect(levelPercent(-60)).toBe(0);
    expect(levelPercent(-30)).toBe(50);
    expect(levelPercent(-15)).toBe(75);
    expect(levelPercent(0)).toBe(100);
    expect(levelPercent(3)).toBe(100);
    expect(levelPercent(Number.NaN)).toBe(0);
  });

  it('says nothing is heard below −50, quiet below −30, too loud above −3', () => {
    expect(levelVerdict(FLOOR_DB)).toBe('silent');
    expect(levelVerdict(-45)).toBe('low');
    expect(levelVerdict(-21)).toBe('good');
    expect(levelVerdict(-3)).toBe('good');
    expect(levelVerdict(-1)).toBe('loud');
  });
});

describe('recording limits and names', () => {
  it('shows elapsed time as m:ss, ten minutes at the limit', () => {
    expect(formatElapsed(0)).toBe('0:00');
    expect(formatElapsed(3_999)).toBe('0:03');
    expect(formatElapsed(61_000)).toBe('1:01');
    expect(formatElapsed(MAX_RECORDING_MS)).toBe('10:00');
    expect(formatElapsed(-5)).toBe('0:00');
  });

  it('prefers WebM/Opus and falls back to what the browser offers, or lets it choose', () => {
    expect(pickRecordingType(() => true)).toBe('audio/webm;codecs=opus');
    expect(pickRecordingType((t) => t === 'audio/ogg;codecs=opus' || t === 'audio/mp4')).toBe('audio/ogg;codecs=opus');
    expect(pickRecordingType((t) => t === 'audio/mp4')).toBe('audio/mp4');
    expect(
      pickRecordingType(() => {
        throw new Error('no');
      }),
    ).toBeNull();
    expect(pickRecordingType(() => false)).toBeNull();
  });

  it('names the file after the local time it was made, with the extension of its format', () => {
    const at = new Date(2026, 2, 1, 9, 5);
    expect(recordingFileName(at, 'audio/webm;codecs=opus')).toBe('ghi-am-2026-03-01-0905.webm');
    expect(recordingFileName(at, 'audio/ogg; codecs=opus')).toBe('ghi-am-2026-03-01-0905.ogg');
    expect(recordingFileName(at, 'audio/mp4')).toBe('ghi-am-2026-03-01-0905.m4a');
    expect(extensionOf('')).toBe('.webm');
  });

  it('asks for the raw microphone: no echo cancellation, noise suppression or gain control', () => {
    expect(MIC_CONSTRAINTS.audio).toEqual({ echoCancellation: false, noiseSuppression: false, autoGainControl: false });
  });
});

describe('micErrorKind', () => {
  const named = (name: string) => Object.assign(new Error(name), { name });
  it('tells a refused permission, a missing microphone and a busy one apart', () => {
    expect(micErrorKind(named('NotAllowedError'))).toBe('denied');
    expect(micErrorKind(named('SecurityError'))).toBe('denied');
    expect(micErrorKind(named('NotFoundError'))).toBe('no-device');
    expect(micErrorKind(named('OverconstrainedError'))).toBe('no-device');
    expect(micErrorKind(named('NotReadableError'))).toBe('busy');
    expect(micErrorKind(named('NotSupportedError'))).toBe('unsupported');
    expect(micErrorKind(new TypeError('x'))).toBe('failed');
    expect(micErrorKind('nope')).toBe('failed');
  });
});
