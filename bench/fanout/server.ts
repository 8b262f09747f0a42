// Fan-out bench, server process: the real composed bantin server (temp data dir, starter pack, N paired
// devices, compiled timelines) listening on 127.0.0.1 with the realtime hub. Driven over IPC by run.ts.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { loadConfig } from '../../server/src/config';
import { compose } from '../../server/src/main';
import { createLogger } from '../../server/src/log';
import { deviceRepo } from '../../server/src/repos/device-repo';
import { createTimelineFrames } from '../../server/src/realtime/device-hub';

const N = Number(process.argv[2] ?? 10_000);
const send = (m: unknown) => process.send!(m);
const now = () => performance.timeOrigin + performance.now();
/** Device kinds, cycled (BENCH_KINDS, e.g. "speaker" or "led,led,led,kiosk,speaker"). */
const KINDS = (process.env.BENCH_KINDS ?? 'led,led,led,kiosk,speaker').split(',') as ('led' | 'kiosk' | 'speaker')[];

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-fanout-'));
  const config = loadConfig({ BANTIN_DATA_DIR: dataDir, BANTIN_ADMIN_PASSWORD: 'bench-password-1', BANTIN_HORIZON_DAYS: '2', BANTIN_LOG_LEVEL: 'error' });
  const ctx = await compose(config, { log: createLogger('error') });
  await ctx.seedAdmin();
  await ctx.seedStarterPack();
  const tokens: string[] = [];
  const now0 = Date.now();
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < N; i++) {
      const kind = KINDS[i % KINDS.length]!;
      const id = await deviceRepo.insert(tx, {
        kind, name: `bench-${i}`, residential_group: null, address: null, lat: null, lon: null,
        orientation: kind === 'kiosk' ? 'portrait' : 'landscape', resolution: null, volume: null,
        operating_hours: null, quiet_hours: null, broadcast_slots: null,
      }, now0);
      const token = randomBytes(24).toString('base64url');
      await deviceRepo.setToken(tx, id, createHash('sha256').update(token).digest('hex'), now0);
      tokens.push(token);
    }
  });
  const compiled = await ctx.timeline.recompileAll();
  const server = serve({ fetch: ctx.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((res) => (server.listening ? res() : server.once('listening', () => res())));
  ctx.realtime.attach(server);
  const tokenFile = path.join(dataDir, 'tokens.json');
  fs.writeFileSync(tokenFile, JSON.stringify(tokens));
  send({ type: 'ready', port: (server.address() as AddressInfo).port, tokenFile, compiled: compiled.compiled });

  const actor = { id: 1, name: 'admin' };
  process.on('message', async (m: { type: string }) => {
    if (m.type === 'rss') {
      (globalThis as { gc?: () => void }).gc?.();
      await new Promise((r) => setTimeout(r, 200));
      const m = process.memoryUsage();
      send({ type: 'rss', rss: m.rss, heap: m.heapUsed + m.external, connected: ctx.realtime.devices.connectedCount() });
    } else if (m.type === 'alert') {
      const t0 = now();
      const alert = await ctx.alerts.issue(actor, { text: 'Bão số 3 đổ bộ trong 2 giờ tới: người dân ở trong nhà, tránh xa cây lớn và cột điện.', target: { all: true, deviceIds: [], groupIds: [], kinds: [] } });
      send({ type: 'alert', t0, bytes: JSON.stringify({ type: 'alert.v1', action: 'start', id: String(alert.id), text: alert.text }).length });
    } else if (m.type === 'settle') {
      // The alert's (deferred) recompile and speech rendering, so the next phase measures only its own change.
      // Speech rendering ends with an `update`, whose recompile is itself deferred: wait past both.
      const pause = () => new Promise((r) => setTimeout(r, 1000));
      await pause();
      await ctx.alerts.settle();
      await pause();
      await ctx.timeline.settled();
      send({ type: 'settled' });
    } else if (m.type === 'schedule') {
      // Each round schedules another message, so every round changes every device's timeline.
      const round = (m as { round?: number }).round ?? 0;
      const contents = await ctx.db.all<{ id: number }>('SELECT id FROM content WHERE approved_version_id IS NOT NULL ORDER BY id LIMIT 1 OFFSET ?', [round]);
      const day = new Intl.DateTimeFormat('en-CA', { timeZone: config.tz }).format(new Date());
      // When the timeline service hands the first and the last changed timeline to the hub (which sends it at once).
      let first = 0;
      let last = 0;
      const off = ctx.bus.on('timeline.changed', () => {
        last = now();
        first ||= last;
      });
      const t0 = now();
      await ctx.schedules.create(actor, {
        name: `bench ${round}`, class: 'priority', contentId: contents[0]!.id,
        target: { deviceIds: [], groupIds: [], kinds: ['led', 'kiosk', 'speaker'] },
        when: { dateFrom: day, dateTo: day, daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '23:59' }] },
      });
      // create() returns after the recompile has stored every timeline and the hub has sent them all.
      const done = now() - t0;
      off();
      const sample = (await ctx.timeline.getTimeline(1))!;
      // The frame device 1 was sent (players offer bantin.deflate), and the same message as plain text.
      const frames = createTimelineFrames();
      send({
        type: 'schedule', t0, recompileAndSendMs: done, firstPushMs: first - t0, lastPushMs: last - t0,
        frame: frames(sample, true).toString('base64'),
        textBytes: frames(sample, false).length,
        v1Bytes: Buffer.byteLength(JSON.stringify({ type: 'timeline.v1', timeline: sample })),
      });
    } else if (m.type === 'stop') {
      ctx.realtime.close();
      server.closeAllConnections();
      server.close();
      await ctx.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
      process.exit(0);
    }
  });
}
main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
