// A receiver that stops reading must not hold the others up or make the server's memory grow: against a
// real server and a real ffmpeg tone made 20× faster than real time (so socket buffers fill in seconds),
// one listener never reads, one reads normally. The stuck one is cut off once its backlog passes the bound;
// the normal one keeps getting everything the encoder makes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../test/support/realtime-server';
import { createToneZoneSource, type ToneZone } from '../../../test/support/tone-zone-source';
import { addReceiver, addStreamZone } from '../../../test/support/stream-zones';
import { decodeMp3, openStream, openStuckStream } from '../../../test/support/stream-client';
import { maxBacklogBytes } from './zone-fanout';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;

describe('a listener that never reads', () => {
  const zones = new Map<number, ToneZone>();
  const tone = createToneZoneSource(zones, { speed: 20 });
  let s: TestServer;
  let zone = 0;
  let path = '';

  beforeAll(async () => {
    s = await startTestServer({ zoneAudio: tone.source });
    zone = await addStreamZone(s, 'nhanh', { bitrateKbps: 128 });
    zones.set(zone, { title: 'Nhanh', bitrateKbps: 128 });
    path = (await addReceiver(s, zone)).mp3Path;
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    tone.stop();
  });

  it('is dropped while the normal listener keeps up, and memory stays flat', async () => {
    expect(maxBacklogBytes(128)).toBe(256 * 1024);
    expect(maxBacklogBytes(32)).toBe(120_000); // 30 s of 32 kbit/s
    let produced = 0;
    const tap = tone.source.subscribe(zone, (b) => (produced += b.length))!;
    try {
      const stuck = openStuckStream(`http://${s.base}${path}`);
      await new Promise((r) => setTimeout(r, 500));
      const normal = await openStream(`http://${s.base}${path}`);
      const startProduced = produced;
      const startNormal = normal.received();
      global.gc?.();
      const before = process.memoryUsage();
      const deadline = Date.now() + 90_000;
      // The server cuts it off: it leaves the zone's listeners, and its socket ends once it reads again.
      while (s.fanout.listenerCount(zone) > 1 && Date.now() < deadline) await sleep(100);
      expect(s.fanout.listenerCount(zone)).toBe(1);
      stuck.drain();
      while (!stuck.closed() && Date.now() < deadline) await sleep(100);
      expect(stuck.closed()).toBe(true);
      // Keep streaming a while after the drop: the remaining listener goes on, memory does not grow.
      const atDrop = produced;
      while (produced - atDrop < 4 * 1024 * 1024 && Date.now() < deadline + 60_000) await sleep(100);
      global.gc?.();
      const after = process.memoryUsage();
      const got = normal.received() - startNormal;
      const made = produced - startProduced;
      console.log(
        `slow listener: dropped after ${mib(atDrop - startProduced)} produced; normal listener got ${mib(got)} of ${mib(made)};` +
          ` rss ${mib(before.rss)} → ${mib(after.rss)}, heap ${mib(before.heapUsed)} → ${mib(after.heapUsed)}`,
      );
      expect(normal.closed()).toBe(false);
      // Everything made since it joined, but what is still in flight on the loopback.
      expect(made - got).toBeLessThan(1024 * 1024);
      expect(s.fanout.listenerCount(zone)).toBe(1);
      // Far less than the megabytes produced: what the stuck listener was sent is not kept anywhere.
      expect(after.heapUsed - before.heapUsed).toBeLessThan(32 * 1024 * 1024);
      normal.close();
      const d = await decodeMp3(normal.bytes().subarray(0, 512 * 1024));
      expect(d.code).toBe(0);
    } finally {
      tap();
    }
  }, 240_000);
});
