// Integration-test factories for retention: rows written straight into the real SQLite file, each with the one
// timestamp the purge looks at.
import type { Queryable } from '../../src/db/sqlite';

export const vn = (s: string) => Date.parse(`${s}+07:00`);
export const DAY = 86_400_000;

let seq = 0;
const uid = (prefix: string) => `${prefix}-${process.pid}-${++seq}`;

export async function addDevice(q: Queryable, o: { kind?: 'led' | 'kiosk' | 'speaker'; deletedAt?: number } = {}) {
  const r = await q.run('INSERT INTO devices (kind, name, deleted_at, created_at, updated_at) VALUES (?, ?, ?, 0, 0)', [
    o.kind ?? 'led',
    uid('thiết bị'),
    o.deletedAt ?? null,
  ]);
  return r.lastID;
}

export async function addPlay(q: Queryable, deviceId: number, startedAt: number, eventId = uid('play')) {
  await q.run(
    `INSERT INTO plays (event_id, device_id, content_id, version_id, sha256, class, started_at, ended_at, result, received_at)
     VALUES (?, ?, NULL, NULL, NULL, 'normal', ?, ?, 'completed', ?)`,
    [eventId, deviceId, startedAt, startedAt + 10_000, startedAt + 20_000],
  );
  return eventId;
}

export async function addAlert(q: Queryable, at: number) {
  const r = await q.run(
    `INSERT INTO alerts (text, target, starts_at, expires_at, created_at, updated_at) VALUES ('Cảnh báo ngập', '{"all":true}', ?, ?, ?, ?)`,
    [at, at + 3_600_000, at, at],
  );
  return r.lastID;
}

export const addAck = (q: Queryable, alertId: number, deviceId: number, ackedAt: number) =>
  q.run('INSERT INTO alert_acks (alert_id, device_id, acked_at) VALUES (?, ?, ?)', [alertId, deviceId, ackedAt]);

export async function addFeedback(
  q: Queryable,
  deviceId: number,
  createdAt: number,
  o: { phone?: string; retainUntil?: number | null; comment?: string } = {},
) {
  const id = uid('fb');
  await q.run(
    `INSERT INTO feedback (event_id, device_id, rating, topic, comment, phone, consent_at, retain_until, created_at, received_at)
     VALUES (?, ?, 4, 'Thủ tục', ?, ?, ?, ?, ?, ?)`,
    [
      id,
      deviceId,
      o.comment ?? 'Cán bộ nhiệt tình',
      o.phone ?? null,
      o.phone ? createdAt : null,
      o.retainUntil ?? null,
      createdAt,
      createdAt,
    ],
  );
  return id;
}

export async function addSession(q: Queryable, deviceId: number, connectedAt: number, disconnectedAt: number | null) {
  const r = await q.run('INSERT INTO device_sessions (device_id, connected_at, disconnected_at) VALUES (?, ?, ?)', [
    deviceId,
    connectedAt,
    disconnectedAt,
  ]);
  return r.lastID;
}
