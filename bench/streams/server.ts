// The bantin side of the streams bench, in its own process so that its CPU and memory are measured apart from
// the listeners: a composed server on a loopback port with BENCH_ZONES stream zones, each a loudspeaker group
// whose all-day slot plays a 440 Hz clip, one receiver per zone, and an emergency alert with a 1 kHz clip.
// It answers the bench over IPC: 'alert' (to every zone; replies when the POST returned) and 'cancel'.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestServer } from '../../server/test/support/realtime-server';
import { addReceiver } from '../../server/test/support/stream-zones';
import { storeGeneratedTone } from '../../server/test/factories/media';
import { addContent, callerFor, everyDay } from '../../server/test/factories/scheduling';

const ZONES = Number(process.env.BENCH_ZONES ?? 50);
const ALL_DAY = [{ start: '00:00', end: '24:00' }];
const send = (m: unknown) => process.send!(m);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-bench-streams-'));
const s = await startTestServer();
const ed = await callerFor(s, 'bench-editor', ['editor']);
const clipSha = await storeGeneratedTone(s.media, dir, 'clip.wav', ['-f', 'lavfi', '-i', 'sine=frequency=440:duration=600'], 600_000);
const alertSha = await storeGeneratedTone(s.media, dir, 'alert.wav', ['-f', 'lavfi', '-i', 'sine=frequency=1000:duration=3'], 3000);
const clip = await addContent(s, { media: 'audio', mediaSha: clipSha, durationMs: 600_000, title: 'Bản tin 440 Hz' });
const groups: number[] = [];
const zones: { groupId: number; mp3Path: string }[] = [];
for (let i = 0; i < ZONES; i++) {
  const g = await ed('POST', '/api/groups', { name: `Tổ dân phố ${i + 1}`, broadcastSlots: ALL_DAY });
  if (g.status !== 201) throw new Error(`group: ${g.status} ${JSON.stringify(g.body)}`);
  groups.push(g.body.id);
}
const today = new Date().toISOString().slice(0, 10);
const sched = await ed('POST', '/api/schedules', { class: 'normal', contentId: clip, target: { groupIds: groups }, when: everyDay('2026-01-01', '2030-12-31', ALL_DAY) });
if (sched.status !== 201) throw new Error(`schedule: ${sched.status} ${JSON.stringify(sched.body)} (${today})`);
for (const [i, g] of groups.entries()) {
  const z = await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: `zone-${i + 1}`, quietHours: null });
  if (z.status !== 200) throw new Error(`zone: ${z.status} ${JSON.stringify(z.body)}`);
}
await s.streamEngine.settled();
for (const g of groups) zones.push({ groupId: g, mp3Path: (await addReceiver(s, g)).mp3Path });

let alertId: number | null = null;
process.on('message', async (m: { op: string }) => {
  if (m.op === 'alert') {
    const postedAt = Date.now();
    const r = await ed('POST', '/api/alerts', { text: 'Báo động thử', audioSha256: alertSha, target: { groupIds: groups } });
    alertId = r.body.id;
    send({ op: 'alerted', postedAt, status: r.status });
  } else if (m.op === 'cancel') {
    await ed('POST', `/api/alerts/${alertId}/cancel`, {});
    send({ op: 'cancelled' });
  } else if (m.op === 'stop') {
    await s.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    process.exit(0);
  }
});
send({ op: 'ready', base: s.base, zones, encoders: s.streamEngine.pids().length });
