// The as-run log of the zone streams end to end: a real server, a real ffmpeg tone per zone, receivers
// connecting over HTTP, and the encoder's 'stream.as-run' reports. Spans are stored once per zone, only for
// the time a receiver listened, and show in every proof-of-play report marked as-run with the zone as place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { startTestServer, type TestServer } from '../../../test/support/realtime-server';
import { createToneZoneSource, type ToneZone } from '../../../test/support/tone-zone-source';
import { addReceiver, addStreamZone } from '../../../test/support/stream-zones';
import { openStream } from '../../../test/support/stream-client';
import { AS_RUN_LABEL } from '../../reports/types';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const vnDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

describe('stream as-run', () => {
  const zones = new Map<number, ToneZone>();
  const tone = createToneZoneSource(zones);
  let s: TestServer;
  let zone = 0;
  let quiet = 0;
  let mp3 = '';
  let quietMp3 = '';
  let session: { cookie: string; csrf: string };
  const rows = () => s.db.all<{ zone_id: number; started_at: number; ended_at: number; title: string }>('SELECT * FROM stream_as_run ORDER BY started_at');

  beforeAll(async () => {
    s = await startTestServer({ zoneAudio: tone.source });
    zone = await addStreamZone(s, 'to-7', { name: 'Vùng tổ 7' });
    quiet = await addStreamZone(s, 'to-8', { name: 'Vùng tổ 8' });
    zones.set(zone, { title: 'Bản tin' });
    zones.set(quiet, { title: 'Không ai nghe' });
    mp3 = (await addReceiver(s, zone)).mp3Path;
    quietMp3 = (await addReceiver(s, quiet)).mp3Path;
    session = await s.login('admin');
  }, 120_000);
  afterAll(async () => {
    await s?.stop();
    tone.stop();
  });

  it('stores a span once per zone, clipped to the time a receiver was connected', async () => {
    const t0 = Date.now();
    await sleep(300);
    const one = await openStream(`http://${s.base}${mp3}`);
    const two = await openStream(`http://${s.base}${mp3}`);
    await sleep(600);
    one.close();
    two.close();
    while (s.fanout.listenerCount(zone) > 0) await sleep(20);
    const t1 = Date.now();
    await sleep(300);
    // The encoder reports a span that began before anyone listened and ended after they left — twice.
    const span = { zoneId: zone, contentId: null, title: 'Bản tin sáng', startMs: t0, endMs: Date.now(), reason: 'normal' as const };
    await s.bus.emit('stream.as-run', span);
    await s.bus.emit('stream.as-run', span);
    // Nobody listened to the other zone: nothing is stored for it.
    await s.bus.emit('stream.as-run', { ...span, zoneId: quiet, title: 'Không ai nghe' });
    const stored = await rows();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.zone_id).toBe(zone);
    expect(stored[0]!.started_at).toBeGreaterThan(t0 + 250);
    expect(stored[0]!.ended_at).toBeLessThanOrEqual(t1);
    expect(stored[0]!.ended_at - stored[0]!.started_at).toBeGreaterThanOrEqual(500);
    // A later span while nobody listens is not stored either.
    const later = Date.now();
    await sleep(50);
    await s.bus.emit('stream.as-run', { ...span, title: 'Sau khi nghỉ', startMs: later, endMs: Date.now() });
    expect(await rows()).toHaveLength(1);
    // A receiver of the quiet zone for a moment: its span is stored for that zone.
    const q = await openStream(`http://${s.base}${quietMp3}`);
    const qFrom = Date.now();
    await sleep(300);
    q.close();
    while (s.fanout.listenerCount(quiet) > 0) await sleep(20);
    await s.bus.emit('stream.as-run', { ...span, zoneId: quiet, title: 'Loa tổ 8', startMs: qFrom - 1000, endMs: Date.now() });
    expect((await rows()).map((r) => r.title)).toEqual(['Bản tin sáng', 'Loa tổ 8']);
  }, 60_000);

  it('shows the as-run in the proof-of-play reports (JSON, CSV, XLSX, print, /api/plays), marked and placed', async () => {
    const today = vnDate(Date.now());
    const get = (p: string) => s.request(p, { cookie: session.cookie });
    const plays = (await (await get(`/api/reports/plays?from=${today}&to=${today}&groupBy=content`)).json()) as { asRun: Record<string, unknown>[] };
    expect(plays.asRun).toEqual(
      expect.arrayContaining([expect.objectContaining({ source: 'as-run', label: AS_RUN_LABEL, place: 'Vùng tổ 7', title: 'Bản tin sáng', spans: 1 })]),
    );
    const csv = await (await get(`/api/reports/plays.csv?from=${today}&to=${today}&groupBy=device`)).text();
    expect(csv).toContain(`${AS_RUN_LABEL},Vùng tổ 7,Bản tin sáng,1,`);
    const [year, month] = today.split('-').map(Number) as [number, number];
    const period = `period=month&year=${year}&index=${month}`;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await get(`/api/reports/periodic.xlsx?${period}`)).arrayBuffer());
    const sheet = wb.getWorksheet('Phát thực tế (as-run)')!;
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([AS_RUN_LABEL, 'Vùng tổ 7', 'Bản tin sáng', 1, expect.any(Number)]);
    const html = await (await get(`/api/reports/periodic.html?${period}`)).text();
    expect(html).toContain('Phát thực tế trên luồng vùng (as-run)');
    expect(html).toContain('Vùng tổ 8');
    const log = (await (await get('/api/plays')).json()) as { asRun: { place: string; label: string; title: string }[] };
    expect(log.asRun.map((a) => [a.place, a.title, a.label])).toEqual([
      ['Vùng tổ 8', 'Loa tổ 8', AS_RUN_LABEL],
      ['Vùng tổ 7', 'Bản tin sáng', AS_RUN_LABEL],
    ]);
  }, 60_000);
});
