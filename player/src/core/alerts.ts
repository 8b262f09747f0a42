// Emergency alerts (cảnh báo khẩn cấp) known to this device: start/update/cancel messages applied to a small
// map, the one to show at instant t (the most recently started that has begun and not expired), and when
// that answer next changes, so the core arms one timer for it. A cancelled alert leaves a tombstone (its
// cancel message, kept until the alert's own expiry): a start or update of it that arrives late, or comes
// back from storage, is ignored. Pure; time is a parameter.
import type { AlertMessage } from '@bantin/protocol/core';

const MAX_ALERTS = 20;
const MAX_CANCELLED = 50;

export interface AlertBook {
  /** Applies a message; returns true when the set of alerts changed. */
  apply(message: AlertMessage): boolean;
  active(t: number): AlertMessage | null;
  /** Drops expired alerts; returns true when any went. */
  expire(t: number): boolean;
  nextChangeAt(t: number): number | null;
  size(): number;
  /** The live alerts (not cancelled, not expired). */
  all(): AlertMessage[];
  /** Ids of the alerts known cancelled. */
  cancelledIds(): ReadonlySet<string>;
  /** What to store for a restart: the live alerts, then the cancel messages. */
  saved(): AlertMessage[];
}

export function createAlertBook(initial: readonly AlertMessage[] = []): AlertBook {
  const alerts = new Map<string, AlertMessage>();
  const cancelled = new Map<string, AlertMessage>();
  let cancelledIds: ReadonlySet<string> = new Set();
  const book: AlertBook = {
    apply(m) {
      if (m.action === 'cancel') {
        const fresh = !cancelled.has(m.id);
        cancelled.delete(m.id);
        cancelled.set(m.id, m);
        while (cancelled.size > MAX_CANCELLED) cancelled.delete(cancelled.keys().next().value as string);
        cancelledIds = new Set(cancelled.keys());
        return alerts.delete(m.id) || fresh;
      }
      if (cancelled.has(m.id)) return false;
      alerts.delete(m.id); // re-insert: map order is arrival order, used to bound the map
      alerts.set(m.id, m);
      while (alerts.size > MAX_ALERTS) alerts.delete(alerts.keys().next().value as string);
      return true;
    },
    active(t) {
      let best: AlertMessage | null = null;
      for (const a of alerts.values()) {
        if (a.startsAt <= t && t < a.expiresAt && (!best || a.startsAt >= best.startsAt)) best = a;
      }
      return best;
    },
    expire(t) {
      let gone = false;
      for (const [id, a] of alerts) {
        if (a.expiresAt <= t) gone = alerts.delete(id) || gone;
      }
      for (const [id, c] of cancelled) {
        if (c.expiresAt <= t) gone = cancelled.delete(id) || gone;
      }
      if (cancelled.size !== cancelledIds.size) cancelledIds = new Set(cancelled.keys());
      return gone;
    },
    nextChangeAt(t) {
      let next: number | null = null;
      for (const a of alerts.values()) {
        const at = a.startsAt > t ? a.startsAt : a.expiresAt;
        if (at > t && (next === null || at < next)) next = at;
      }
      return next;
    },
    size: () => alerts.size,
    all: () => [...alerts.values()],
    cancelledIds: () => cancelledIds,
    saved: () => [...alerts.values(), ...cancelled.values()],
  };
  for (const a of initial) book.apply(a);
  return book;
}
