import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, isoToLocalInput, localInputToIso, validityAt } from './datetime';

describe('localInputToIso', () => {
  it('adds the Vietnam offset to a local wall time', () => {
    expect(localInputToIso('2025-03-01T08:00', 420)).toBe('2025-03-01T08:00:00+07:00');
  });

  it('writes negative and half-hour offsets', () => {
    expect(localInputToIso('2025-03-01T08:00:30', -330)).toBe('2025-03-01T08:00:30-05:30');
  });

  it('returns null for empty or malformed input', () => {
    expect(localInputToIso('', 420)).toBeNull();
    expect(localInputToIso('01/03/2025 08:00', 420)).toBeNull();
  });
});

describe('isoToLocalInput', () => {
  it('shows a UTC instant as Vietnam wall time', () => {
    expect(isoToLocalInput('2025-03-01T01:00:00.000Z', 420)).toBe('2025-03-01T08:00');
  });

  it('round-trips with localInputToIso', () => {
    const iso = localInputToIso('2025-12-31T23:45', 420)!;
    expect(isoToLocalInput(iso, 420)).toBe('2025-12-31T23:45');
  });

  it('gives an empty value for null or garbage', () => {
    expect(isoToLocalInput(null, 420)).toBe('');
    expect(isoToLocalInput('soon', 420)).toBe('');
  });
});

describe('validityAt', () => {
  const now = Date.parse('2025-06-01T00:00:00Z');
  it('classifies open, future, current and ended windows', () => {
    expect(validityAt(null, null, now)).toBe('always');
    expect(validityAt('2025-07-01T00:00:00Z', null, now)).toBe('upcoming');
    expect(validityAt('2025-05-01T00:00:00Z', '2025-07-01T00:00:00Z', now)).toBe('current');
    expect(validityAt(null, '2025-06-01T00:00:00Z', now)).toBe('ended');
  });
});

describe('formatBytes and formatDuration', () => {
  it('uses a decimal comma in Vietnamese', () => {
    expect(formatBytes(1536 * 1024, 'vi')).toBe('1,5 MB');
    expect(formatBytes(1536 * 1024, 'en')).toBe('1.5 MB');
    expect(formatBytes(12, 'vi')).toBe('12 B');
  });

  it('formats milliseconds as m:ss', () => {
    expect(formatDuration(3_000)).toBe('0:03');
    expect(formatDuration(125_400)).toBe('2:05');
    expect(formatDuration(null)).toBe('');
  });
});
