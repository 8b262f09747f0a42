import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../../test/support/context';
import { createLogger } from '../../log';
import { startJobs } from '../../jobs/index';
import schedule from 'node-schedule';
import { RETENTION_JOB } from '../../jobs/table';
import { DAY, addAck, addAlert, addDevice, addFeedback, addPlay, addSession, vn } from '../../../test/factories/retention';

const NOW = vn('2025-06-15T02:15:00.000');
let t: TestCtx | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
});

const open = (env: Record<string, string>, clock = () => NOW) => createTestContext({ env, clock }).then((c) => (t = c));
const column = async <T>(sql: string, params: (string | number)[] = []) => (await t!.db.all<{ v: T }>(sql, params)).map((r) => r.v);
const auditRows = () =>
  t!.db.all<{ seq: number; actor: string; actor_id: number | null; action: string; target: string; summary: string }>(
    "SELECT seq, actor, actor_id, action, target, summary FROM audit_log WHERE action = 'retention.purge' ORDER BY seq",
  );

describe('retention purge', () => {
  it('removes exactly the rows older than each cutoff and keeps the instant of the cutoff itself', async () => {
    await open({ BANTIN_RETAIN_PLAYS_DAYS: '400', BANTIN_RETAIN_FEEDBACK_DAYS: '200', BANTIN_RETAIN_LOGS_DAYS: '100' });
    const db = t!.db;
    const plays = NOW - 400 * DAY;
    const feedback = NOW - 200 * DAY;
    const sessions = NOW - 100 * DAY;
    const dev = await addDevice(db);
    const gone = await addDevice(db, { deletedAt: plays - 5 * DAY });

    const p = { before: await addPlay(db, dev, plays - 1), at: await addPlay(db, dev, plays), after: await addPlay(db, dev, plays + 1) };
    await addPlay(db, gone, plays - 30 * DAY); // a deleted device's old play goes like any other
    const recent = await addPlay(db, gone, plays + 30 * DAY);

    const alert = await addAlert(db, plays - 2 * DAY);
    const [d1, d2, d3] = [await addDevice(db), await addDevice(db), await addDevice(db)];
    await addAck(db, alert, d1, plays - 1);
    await addAck(db, alert, d2, plays);
    await addAck(db, alert, d3, plays + 1);

    const kiosk = await addDevice(db, { kind: 'kiosk' });
    const later = NOW + 30 * DAY;
    const f = {
      before: await addFeedback(db, kiosk, feedback - 1, { phone: '0912000001', retainUntil: later }),
      at: await addFeedback(db, kiosk, feedback, { phone: '0912000002', retainUntil: later }),
      after: await addFeedback(db, kiosk, feedback + 1, { phone: '0912000003', retainUntil: later }),
    };

    const s = {
      before: await addSession(db, dev, sessions - DAY, sessions - 1),
      at: await addSession(db, dev, sessions - DAY, sessions),
      after: await addSession(db, dev, sessions - DAY, sessions + 1),
      spanning: await addSession(db, d1, sessions - 50 * DAY, NOW - DAY),
      open: await addSession(db, d2, sessions - 300 * DAY, null),
    };

    const r = await t!.retention.purge();
    expect(r.counts).toEqual({ plays: 2, alertAcks: 1, feedback: 1, feedbackPhones: 0, deviceSessions: 1, logFiles: 0 });
    expect(r.cutoffs).toMatchObject({ plays, feedback, connections: sessions, logs: sessions, phones: NOW });

    expect((await column<string>('SELECT event_id AS v FROM plays')).sort()).toEqual([p.at, p.after, recent].sort());
    expect(await column<number>('SELECT device_id AS v FROM alert_acks ORDER BY device_id')).toEqual([d2, d3]);
    expect((await column<string>('SELECT event_id AS v FROM feedback')).sort()).toEqual([f.at, f.after].sort());
    expect(await column<string>('SELECT phone AS v FROM feedback ORDER BY created_at')).toEqual(['0912000002', '0912000003']);
    expect(await column<number>('SELECT id AS v FROM device_sessions ORDER BY id')).toEqual([s.at, s.after, s.spanning, s.open]);
    // What the purged rows pointed at stays: the soft-deleted device and the alert.
    expect(await column<number>('SELECT count(*) AS v FROM devices WHERE id IN (?, ?)', [dev, gone])).toEqual([2]);
    expect(await column<number>('SELECT count(*) AS v FROM alerts WHERE id = ?', [alert])).toEqual([1]);
    expect(await column<number>('SELECT count(*) AS v FROM pragma_foreign_key_check')).toEqual([0]);

    // Nothing left to do: a second purge removes nothing and says so.
    expect((await t!.retention.purge()).counts).toEqual({
      plays: 0,
      alertAcks: 0,
      feedback: 0,
      feedbackPhones: 0,
      deviceSessions: 0,
      logFiles: 0,
    });
  });

  it('erases phone numbers at their own retention date, keeping the feedback, and never keeps one longer', async () => {
    await open({ BANTIN_RETAIN_FEEDBACK_DAYS: '365' });
    const db = t!.db;
    const kiosk = await addDevice(db, { kind: 'kiosk' });
    const at = NOW - 10 * DAY;
    const due = {
      past: await addFeedback(db, kiosk, at, { phone: '0912000011', retainUntil: NOW - 1 }),
      exactly: await addFeedback(db, kiosk, at, { phone: '0912000012', retainUntil: NOW }),
      noDate: await addFeedback(db, kiosk, at, { phone: '0912000013', retainUntil: null }),
    };
    const kept = await addFeedback(db, kiosk, at, { phone: '0912000014', retainUntil: NOW + 1 });
    const withoutPhone = await addFeedback(db, kiosk, at);
    // Consented for ten years, but the feedback itself is past its 365 days: it goes, number and all.
    const old = await addFeedback(db, kiosk, NOW - 365 * DAY - 1, { phone: '0912000015', retainUntil: NOW + 3650 * DAY });

    const r = await t!.retention.purge();
    expect(r.counts).toMatchObject({ feedback: 1, feedbackPhones: 3 });
    const rows = await db.all<{ event_id: string; phone: string | null; comment: string; rating: number }>(
      'SELECT event_id, phone, comment, rating FROM feedback',
    );
    const byId = new Map(rows.map((x) => [x.event_id, x]));
    expect(byId.has(old)).toBe(false);
    for (const id of Object.values(due))
      expect(byId.get(id)).toEqual({ event_id: id, phone: null, comment: 'Cán bộ nhiệt tình', rating: 4 });
    expect(byId.get(kept)?.phone).toBe('0912000014');
    expect(byId.get(withoutPhone)?.phone).toBeNull();
    expect(rows).toHaveLength(5);
  });

  it('deletes old daily log files only, and keeps connection history for a quarter even when logs are kept a week', async () => {
    await open({ BANTIN_RETAIN_LOGS_DAYS: '7' });
    const db = t!.db;
    const dir = path.join(t!.dataDir, 'logs');
    fs.mkdirSync(dir);
    // NOW is 2025-06-15 02:15 local; the cutoff 7 days back is 2025-06-08 02:15, so 06-07 is the last whole day before it.
    const names = [
      'bantin-2025-06-06.jsonl',
      'bantin-2025-06-07.jsonl',
      'bantin-2025-06-08.jsonl',
      'bantin-2025-06-15.jsonl',
      'bantin-2025-01-01.jsonl.gz',
      'readme.txt',
    ];
    for (const n of names) fs.writeFileSync(path.join(dir, n), '{}\n');
    const dev = await addDevice(db);
    const weekOld = await addSession(db, dev, NOW - 30 * DAY, NOW - 8 * DAY);
    await addSession(db, dev, NOW - 94 * DAY, NOW - 93 * DAY - 1); // ended just before the quarter floor

    const r = await t!.retention.purge();
    expect(r.counts).toMatchObject({ logFiles: 2, deviceSessions: 1 });
    expect(r.cutoffs.connections).toBe(NOW - 93 * DAY);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'bantin-2025-01-01.jsonl.gz',
      'bantin-2025-06-08.jsonl',
      'bantin-2025-06-15.jsonl',
      'readme.txt',
    ]);
    expect(await column<number>('SELECT id AS v FROM device_sessions')).toEqual([weekOld]);
  });

  it('writes one audit entry per purge, by system, with the counts, and the chain stays valid', async () => {
    await open({});
    const db = t!.db;
    const dev = await addDevice(db);
    for (let i = 0; i < 3; i++) await addPlay(db, dev, NOW - 731 * DAY - i);
    const before = (await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n;

    await t!.retention.purge();
    await t!.retention.purge();
    expect((await db.get<{ n: number }>('SELECT count(*) AS n FROM audit_log'))!.n).toBe(before + 2);
    const [first, second] = await auditRows();
    expect(first).toMatchObject({ actor: 'system', actor_id: null, target: 'retention' });
    const summary = JSON.parse(first!.summary);
    expect(summary).toMatchObject({
      plays: 3,
      alertAcks: 0,
      feedback: 0,
      feedbackPhones: 0,
      deviceSessions: 0,
      logFiles: 0,
      policy: { playsDays: 730, feedbackDays: 365, logsDays: 90, connectionsDays: 93 },
      cutoffs: { plays: new Date(NOW - 730 * DAY).toISOString() },
    });
    expect(JSON.parse(second!.summary)).toMatchObject({ plays: 0 });
    expect(await t!.audit.verify()).toEqual({ rows: before + 2, problems: [] });
  });

  it('records a purge that failed half-way, with what it had removed, and reports the failure', async () => {
    await open({});
    const db = t!.db;
    const dev = await addDevice(db);
    await addPlay(db, dev, NOW - 800 * DAY);
    // A folder the purge cannot list: the database part is done, the log part fails.
    fs.writeFileSync(path.join(t!.dataDir, 'logs'), 'not a folder');
    await expect(t!.retention.purge()).rejects.toThrow(/ENOTDIR/);
    const [row] = await auditRows();
    expect(JSON.parse(row!.summary)).toMatchObject({ plays: 1, error: expect.stringMatching(/ENOTDIR/) });
  });

  it('leaves generated reports alone: the archived XLSX still downloads, byte for byte, after its plays are purged', async () => {
    await open({ BANTIN_RETAIN_PLAYS_DAYS: '93' });
    const db = t!.db;
    const dev = await addDevice(db);
    for (let i = 0; i < 20; i++) await addPlay(db, dev, vn('2025-01-10T08:00:00') + i * 60_000);
    const entry = await t!.reports.generate({ id: null, name: 'system' }, { period: 'month', year: 2025, index: 1 }, 'schedule');
    const admin = await t!.login('admin');
    const get = () => t!.request(`/api/reports/periodic/archive/${entry.id}.xlsx`, { cookie: admin.cookie });
    const before = Buffer.from(await (await get()).arrayBuffer());

    expect((await t!.retention.purge()).counts.plays).toBe(20);
    expect(await column<number>('SELECT count(*) AS v FROM plays')).toEqual([0]);
    const res = await get();
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(before)).toBe(true);
    expect(await column<number>('SELECT count(*) AS v FROM reports WHERE id = ?', [entry.id])).toEqual([1]);
  });
});

describe('retention job', () => {
  it('is in the job table with BANTIN_RETENTION_CRON and node-schedule runs it in BANTIN_TZ', async () => {
    await open({ BANTIN_RETENTION_CRON: '45 4 * * 0', BANTIN_TZ: 'Asia/Ho_Chi_Minh' }, () => Date.now());
    const spec = t!.jobs.find((j) => j.name === RETENTION_JOB);
    expect(spec?.rule).toBe('45 4 * * 0');
    expect(t!.jobs.filter((j) => j.name === RETENTION_JOB)).toHaveLength(1);

    const started = startJobs([spec!], { tz: t!.config.tz, log: createLogger('silent') });
    try {
      expect(started.names).toEqual([RETENTION_JOB]);
      const next = schedule.scheduledJobs[RETENTION_JOB]!.nextInvocation()!;
      const local = new Date(next.getTime() + 7 * 3_600_000); // UTC+7, no daylight saving
      expect([local.getUTCDay(), local.getUTCHours(), local.getUTCMinutes()]).toEqual([0, 4, 45]);
      expect(next.getTime() - Date.now()).toBeLessThanOrEqual(7 * DAY);
    } finally {
      started.stop();
    }

    // The job's run is the purge itself: it leaves its audit entry.
    await spec!.run();
    expect(await auditRows()).toHaveLength(1);
  });

  it('defaults to 02:15 every night', async () => {
    await open({});
    expect(t!.jobs.find((j) => j.name === RETENTION_JOB)?.rule).toBe('15 2 * * *');
  });
});
