// Small factories for report integration tests: rows inserted straight into a real SQLite file, times given
// as local wall time in Asia/Ho_Chi_Minh ('2026-11-03 23:59').
import type { Queryable } from '../../src/db/sqlite';

/** Local wall time in UTC+7 → epoch ms. */
export const vn = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+07:00`);
export const CREATED = vn('2026-01-01 00:00');

export async function adminId(q: Queryable): Promise<number> {
  return (await q.get<{ id: number }>("SELECT id FROM users WHERE username = 'admin'"))!.id;
}

export async function addDevice(
  q: Queryable,
  d: { name: string; kind: 'led' | 'kiosk' | 'speaker'; group?: string | null; hours?: { start: string; end: string } | null; lastSeen?: number },
): Promise<number> {
  const r = await q.run(
    `INSERT INTO devices (kind, name, residential_group, operating_hours, last_seen_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [d.kind, d.name, d.group ?? null, d.hours ? JSON.stringify(d.hours) : null, d.lastSeen ?? null, CREATED, CREATED],
  );
  return r.lastID;
}

export async function addGroup(q: Queryable, name: string, deviceIds: number[]): Promise<number> {
  const id = (await q.run('INSERT INTO device_groups (name, created_at) VALUES (?, ?)', [name, CREATED])).lastID;
  for (const d of deviceIds) await q.run('INSERT INTO device_group_members (group_id, device_id) VALUES (?, ?)', [id, d]);
  return id;
}

export async function addContent(q: Queryable, owner: number, title: string, kind: 'message' | 'clip' | 'ad' = 'message'): Promise<number> {
  const id = (await q.run('INSERT INTO content (kind, owner_id, created_at, updated_at) VALUES (?, ?, ?, ?)', [kind, owner, CREATED, CREATED])).lastID;
  const v = (
    await q.run(
      `INSERT INTO content_versions (content_id, number, state, title, duration_ms, version_sha256, created_by, created_at)
       VALUES (?, 1, 'approved', ?, 15000, ?, ?, ?)`,
      [id, title, 'f'.repeat(64), owner, CREATED],
    )
  ).lastID;
  await q.run('UPDATE content SET latest_version_id = ?, approved_version_id = ? WHERE id = ?', [v, v, id]);
  return id;
}

let seq = 0;
export async function addPlay(
  q: Queryable,
  p: { device: number; content: number | null; at: string; seconds: number; result?: 'completed' | 'interrupted' | 'failed'; cls?: string },
) {
  const start = vn(p.at);
  await q.run(
    `INSERT INTO plays (event_id, device_id, content_id, version_id, sha256, class, started_at, ended_at, result, received_at)
     VALUES (?, ?, ?, NULL, NULL, ?, ?, ?, ?, ?)`,
    [`ev-${++seq}`, p.device, p.content, p.cls ?? 'normal', start, start + p.seconds * 1000, p.result ?? 'completed', start],
  );
}

export async function addFeedback(
  q: Queryable,
  f: { device: number; at: string; rating: number; topic: string; comment?: string | null; phone?: string | null },
) {
  const at = vn(f.at);
  await q.run(
    `INSERT INTO feedback (event_id, device_id, rating, topic, comment, phone, consent_at, retain_until, created_at, received_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [`fb-${++seq}`, f.device, f.rating, f.topic, f.comment ?? null, f.phone ?? null, f.phone ? at : null, f.phone ? at + 90 * 86_400_000 : null, at, at],
  );
}

export async function addAlert(q: Queryable, a: { text: string; at: string; by: number; acks: { device: number; at: string }[] }): Promise<number> {
  const at = vn(a.at);
  const id = (
    await q.run(
      `INSERT INTO alerts (text, target, starts_at, expires_at, issued_by, created_at, updated_at) VALUES (?, '{"all":true}', ?, ?, ?, ?, ?)`,
      [a.text, at, at + 3_600_000, a.by, at, at],
    )
  ).lastID;
  for (const k of a.acks) await q.run('INSERT INTO alert_acks (alert_id, device_id, acked_at) VALUES (?, ?, ?)', [id, k.device, vn(k.at)]);
  return id;
}
