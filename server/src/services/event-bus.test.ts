import { describe, expect, it } from 'vitest';
import { createEventBus } from './event-bus';

describe('event bus', () => {
  it('calls listeners in order at once and resolves emit after the async ones finished', async () => {
    const bus = createEventBus();
    const seen: string[] = [];
    bus.on('content.changed', () => void seen.push('sync'));
    bus.on('content.changed', async () => {
      await new Promise((r) => setTimeout(r, 20));
      seen.push('async');
    });
    const done = bus.emit('content.changed', { contentId: 1 });
    expect(seen).toEqual(['sync']);
    await done;
    expect(seen).toEqual(['sync', 'async']);
  });

  it('reports a failing listener, sync or async, and still runs the others', async () => {
    const errors: string[] = [];
    const bus = createEventBus({ onError: (event, err) => errors.push(`${event}: ${(err as Error).message}`) });
    let ran = 0;
    bus.on('device.changed', () => {
      throw new Error('sync');
    });
    bus.on('device.changed', () => Promise.reject(new Error('async')));
    bus.on('device.changed', () => void ran++);
    await expect(bus.emit('device.changed', { deviceId: 1 })).resolves.toBeUndefined();
    expect(ran).toBe(1);
    expect(errors).toEqual(['device.changed: sync', 'device.changed: async']);
  });

  it('stops calling a listener once unsubscribed', async () => {
    const bus = createEventBus();
    let n = 0;
    const off = bus.on('playlist.changed', () => void n++);
    await bus.emit('playlist.changed', { playlistId: 1 });
    off();
    await bus.emit('playlist.changed', { playlistId: 1 });
    expect(n).toBe(1);
  });
});
