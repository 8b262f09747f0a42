import { describe, expect, it } from 'vitest';
import type { AlertMessage } from '@bantin/protocol/core';
import { createAlertBook } from './alerts';

function alert(id: string, startsAt: number, expiresAt: number, action: AlertMessage['action'] = 'start'): AlertMessage {
  return {
    type: 'alert.v1',
    action,
    id,
    text: `Cảnh báo ${id}`,
    severity: 'severe',
    audio: null,
    speech: null,
    repeatEveryMs: 600_000,
    startsAt,
    expiresAt,
  };
}

describe('createAlertBook', () => {
  it('shows the most recently started alert until it is cancelled', () => {
    const book = createAlertBook();
    book.apply(alert('a', 0, 1000));
    book.apply(alert('b', 10, 1000));
    expect(book.active(20)?.id).toBe('b');
    book.apply(alert('b', 10, 1000, 'cancel'));
    expect(book.active(20)?.id).toBe('a');
    book.apply(alert('a', 0, 1000, 'cancel'));
    expect(book.active(20)).toBeNull();
  });

  it('updates an alert in place', () => {
    const book = createAlertBook([alert('a', 0, 1000)]);
    book.apply({ ...alert('a', 0, 2000, 'update'), text: 'Mới' });
    expect(book.size()).toBe(1);
    expect(book.active(1500)?.text).toBe('Mới');
  });

  it('ends an alert at its expiry and tells when the answer next changes', () => {
    const book = createAlertBook([alert('a', 0, 1000), alert('later', 500, 800)]);
    expect(book.nextChangeAt(0)).toBe(500);
    expect(book.nextChangeAt(600)).toBe(800);
    expect(book.active(1000)).toBeNull();
    expect(book.expire(1000)).toBe(true);
    expect(book.size()).toBe(0);
    expect(book.nextChangeAt(1000)).toBeNull();
  });

  it('stays bounded however many alerts arrive', () => {
    const book = createAlertBook();
    for (let i = 0; i < 1000; i++) book.apply(alert(`x${i}`, 0, 1e12));
    expect(book.size()).toBe(20);
    expect(book.active(1)?.id).toBe('x999');
  });
});
