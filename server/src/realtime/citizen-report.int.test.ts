// Citizens' reports (citizen-report.v1) from kiosks over a real socket into the real SQLite file: exactly once
// per event id, kiosks only, rate-limited per kiosk, junk refused with a code, and a phone number kept only
// with consent and erased by the retention purge when a feedback phone would be.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../test/support/realtime-server';
import { addFeedback } from '../../test/factories/retention';

const DAY = 86_400_000;
let now = Date.parse('2026-11-30T02:00:00Z');
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ clock: () => now });
}, 120_000);
afterAll(() => s.stop());

const report = (extra: Record<string, unknown> = {}) => ({
  type: 'citizen-report.v1',
  eventId: randomUUID(),
  category: 'false_news',
  platform: 'zalo',
  description: 'Tin giả: phường cắt nước cả tuần',
  createdAt: now,
  ...extra,
});
const rows = (deviceId: number) =>
  s.db.all<{ event_id: string; phone: string | null; retain_until: number | null; status: string; link: string | null }>(
    'SELECT event_id, phone, retain_until, status, link FROM citizen_reports WHERE device_id = ? ORDER BY id',
    [deviceId],
  );
const kiosk = async () => {
  const d = await s.createDevice('kiosk');
  const c = await s.connect(d.token);
  await c.next('time.v1');
  return { d, c };
};

describe('citizen-report.v1', () => {
  it('stores a report once per event id, acknowledging every copy, also after a reconnect', async () => {
    const { d, c } = await kiosk();
    const r = report({ link: 'https://example.vn/bai?id=1' });
    c.send(r);
    expect((await c.next('citizen-report.ack.v1')).eventId).toBe(r.eventId);
    c.send(r);
    expect((await c.next('citizen-report.ack.v1')).eventId).toBe(r.eventId);
    c.close();
    await c.waitClosed();
    const again = await s.connect(d.token);
    await again.next('time.v1');
    again.send({ ...r, eventId: r.eventId.toUpperCase() });
    await again.next('citizen-report.ack.v1');
    expect(await rows(d.id)).toEqual([
      { event_id: r.eventId, phone: null, retain_until: null, status: 'new', link: 'https://example.vn/bai?id=1' },
    ]);
    again.close();
  });

  it('takes reports only from kiosks', async () => {
    const d = await s.createDevice('led');
    const c = await s.connect(d.token);
    await c.next('time.v1');
    const r = report();
    c.send(r);
    expect(await c.next('error.v1')).toMatchObject({ code: 'not_allowed', ref: 'citizen-report.v1', eventId: r.eventId });
    expect(await s.db.get('SELECT 1 FROM citizen_reports WHERE event_id = ?', [r.eventId])).toBeUndefined();
    c.close();
  });

  it('refuses junk with a clear code: no place, a bad link, an empty or oversized description, a phone without consent', async () => {
    const { d, c } = await kiosk();
    const junk = [
      report({ platform: undefined }),
      report({ link: 'javascript:alert(1)' }),
      report({ description: '' }),
      report({ description: 'x'.repeat(1001) }),
      report({ category: 'politics' }),
      report({ phone: '0912345678' }),
      report({ name: 'Nguyễn Văn A' }),
    ];
    for (const j of junk) {
      c.send(j);
      expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', ref: 'citizen-report.v1' });
    }
    // Blank after trimming passes the schema; the service refuses it and names the event, so the kiosk drops it.
    const blank = report({ description: '   ' });
    c.send(blank);
    expect(await c.next('error.v1')).toMatchObject({ code: 'invalid', eventId: blank.eventId, message: expect.stringContaining('mô tả') });
    expect(await rows(d.id)).toEqual([]);
    c.close();
  });

  it('rate-limits a kiosk to 10 reports a minute, and lets go after the minute', async () => {
    const { d, c } = await kiosk();
    for (let i = 0; i < 11; i++) c.send(report());
    expect(await c.collect('citizen-report.ack.v1', 500)).toHaveLength(10);
    expect(await c.next('error.v1')).toMatchObject({ code: 'rate_limited', ref: 'citizen-report.v1', eventId: expect.any(String) });
    now += 61_000;
    c.send(report());
    await c.next('citizen-report.ack.v1');
    expect(await rows(d.id)).toHaveLength(11);
    c.close();
  });

  it('keeps a phone only with consent, until its retention date, and the purge erases it when a feedback phone goes', async () => {
    const { d, c } = await kiosk();
    const consent = (days: number) => ({ given: true, at: now, retentionDays: days });
    const short = report({ phone: '0912 345 678', consent: consent(30) });
    const long = report({ phone: '0987.654.321', consent: consent(3650) });
    c.send(short);
    c.send(long);
    await c.next('citizen-report.ack.v1');
    await c.next('citizen-report.ack.v1');
    const stored = await rows(d.id);
    expect(stored.map((r) => r.phone)).toEqual(['0912345678', '0987654321']);
    expect(stored[0]!.retain_until).toBe(now + 30 * DAY);
    // A feedback phone with the same retention date, for comparison.
    await addFeedback(s.db, d.id, now, { phone: '0912000001', retainUntil: now + 30 * DAY });

    now += 29 * DAY;
    expect((await s.retention.purge()).reportPhones).toBe(0);
    now += 2 * DAY;
    const first = await s.retention.purge();
    expect(first.counts.feedbackPhones).toBe(1);
    expect(first.reportPhones).toBe(1);
    expect((await rows(d.id)).map((r) => r.phone)).toEqual([null, '0987654321']);
    // Past the feedback retention (365 days by default) feedback goes with its phone; a report keeps the case, not the phone.
    now += 340 * DAY;
    const second = await s.retention.purge();
    expect(second.counts.feedback).toBe(1);
    expect(second.reportPhones).toBe(1);
    expect((await rows(d.id)).map((r) => [r.phone, r.status])).toEqual([
      [null, 'new'],
      [null, 'new'],
    ]);
    const audit = await s.db.get<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE action = 'retention.purge' ORDER BY seq DESC LIMIT 1",
    );
    expect(JSON.parse(audit!.summary)).toMatchObject({ reportPhones: 1 });
    c.close();
  });
});
