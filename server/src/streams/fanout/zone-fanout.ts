// The listener fan-out of the zone streams: one subscription to a zone's encoded MP3 however many receivers
// listen (taken when the first comes, dropped after the last leaves). Every listener writes to its own
// socket; one whose unsent backlog passes the bound is cut off, so a stuck receiver never slows the encoder
// or the other listeners, and the server holds at most that bound per listener.
import type { ZoneAudioSource } from '../source';

/**
 * The most unsent bytes a listener may hold: ~30 s of the zone's audio, at most 256 KiB. A receiver behind
 * by more than that is not going to catch up (the stream is live); it reconnects and starts from now.
 */
export const maxBacklogBytes = (bitrateKbps: number) => Math.min(256 * 1024, Math.round((bitrateKbps * 1000 * 30) / 8));

/**
 * Frames a zone gathers before they go out to every listener in one write each. The encoder hands over a few
 * frames every ~100 ms; one write per listener per 200 ms instead cuts the per-listener cost (a syscall and a
 * socket buffer per write) while adding at most this much to what a listener hears late.
 */
export const COALESCE_MS = 200;

export type StreamSocket = {
  /** Sends audio (the listener adds its own metadata interleaving, if any). */
  send(mp3: Buffer): void;
  /** Bytes written but not yet taken by the network. */
  backlog(): number;
  /** Ends the connection now (dropped, revoked). */
  close(): void;
};

export type ListenerInfo = { receiverId: number; address: string | null; userAgent: string | null; since: number };
type Listener = ListenerInfo & { socket: StreamSocket };
type Zone = { unsubscribe: () => void; listeners: Set<Listener>; limit: number; queued: Buffer[]; timer: ReturnType<typeof setTimeout> | null };

export type FanoutEvents = {
  /** A listener joined or left a zone (for presence and as-run: who hears what, when). */
  onJoin?: (zoneId: number, l: ListenerInfo) => void;
  onLeave?: (zoneId: number, l: ListenerInfo, why: 'closed' | 'slow' | 'revoked' | 'stopped') => void;
};

export function createZoneFanout(source: ZoneAudioSource, events: FanoutEvents = {}) {
  const zones = new Map<number, Zone>();

  const remove = (zoneId: number, l: Listener, why: 'closed' | 'slow' | 'revoked' | 'stopped') => {
    const z = zones.get(zoneId);
    if (!z?.listeners.delete(l)) return;
    if (why !== 'closed') l.socket.close();
    if (z.listeners.size === 0) {
      zones.delete(zoneId);
      if (z.timer) clearTimeout(z.timer);
      z.unsubscribe();
    }
    events.onLeave?.(zoneId, l, why);
  };

  const flush = (zoneId: number, z: Zone) => {
    z.timer = null;
    if (zones.get(zoneId) !== z || z.queued.length === 0) return;
    const mp3 = z.queued.length === 1 ? z.queued[0]! : Buffer.concat(z.queued);
    z.queued = [];
    for (const l of [...z.listeners]) {
      if (l.socket.backlog() > z.limit) remove(zoneId, l, 'slow');
      else l.socket.send(mp3);
    }
  };
  const deliver = (zoneId: number, mp3: Buffer) => {
    const z = zones.get(zoneId);
    if (!z) return;
    z.queued.push(mp3);
    z.timer ??= setTimeout(() => flush(zoneId, z), COALESCE_MS);
  };

  return {
    /**
     * Adds a listener to a zone; returns the function that removes it (call it when its connection closes),
     * or null when the zone is not running.
     */
    join(zoneId: number, info: ListenerInfo, socket: StreamSocket): (() => void) | null {
      let z = zones.get(zoneId);
      if (!z) {
        const format = source.format(zoneId);
        if (!format) return null;
        const pending: Zone = { unsubscribe: () => undefined, listeners: new Set(), limit: maxBacklogBytes(format.bitrateKbps), queued: [], timer: null };
        zones.set(zoneId, pending);
        const unsubscribe = source.subscribe(zoneId, (mp3) => deliver(zoneId, mp3));
        if (!unsubscribe) {
          zones.delete(zoneId);
          return null;
        }
        pending.unsubscribe = unsubscribe;
        z = pending;
      }
      const l: Listener = { ...info, socket };
      z.listeners.add(l);
      events.onJoin?.(zoneId, info);
      return () => remove(zoneId, l, 'closed');
    },
    /** Closes every open stream of a receiver (its token was revoked or rotated, or it was removed). */
    closeReceiver(receiverId: number) {
      for (const [zoneId, z] of [...zones]) for (const l of [...z.listeners]) if (l.receiverId === receiverId) remove(zoneId, l, 'revoked');
    },
    /** Closes a zone's listeners (the zone was turned off). */
    closeZone(zoneId: number) {
      for (const l of [...(zones.get(zoneId)?.listeners ?? [])]) remove(zoneId, l, 'stopped');
    },
    listenerCount: (zoneId: number) => zones.get(zoneId)?.listeners.size ?? 0,
    /** A receiver's open connections, oldest first. */
    connectionsOf(receiverId: number) {
      const out: { address: string | null; userAgent: string | null; since: number }[] = [];
      for (const z of zones.values()) for (const l of z.listeners) if (l.receiverId === receiverId) out.push({ address: l.address, userAgent: l.userAgent, since: l.since });
      return out.sort((a, b) => a.since - b.since);
    },
    /** Ends everything (server stopping). */
    close() {
      for (const zoneId of [...zones.keys()]) this.closeZone(zoneId);
    },
  };
}
export type ZoneFanout = ReturnType<typeof createZoneFanout>;
