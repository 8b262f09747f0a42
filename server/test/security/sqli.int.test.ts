// SQL injection: SQL strings in every query parameter and path parameter the API declares (read
// from its own OpenAPI document), as login names and passwords, and in every text field a person or a kiosk
// can fill. Refused requests answer 4xx and leave the database byte for byte as it was (schema and every
// row); searches treat the strings as literal text; accepted text is stored exactly and read back identical.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from '../support/realtime-server';
import { callerFor, type Caller } from '../factories/scheduling';
import { SQL_PAYLOADS } from '../../../e2e/payloads';
import { snapshotDb } from '../support/db-snapshot';

/** More SQL than the shared corpus: stacked queries, comments, numeric and hex tricks, a NUL. */
const SQL = [
  ...SQL_PAYLOADS,
  '1; DELETE FROM users',
  '1) OR (1=1',
  "1' AND sleep(5)--",
  '0x31 OR 1=1',
  '1/**/OR/**/1=1',
  "admin'--",
  '1e999',
  '-1',
  'NULL',
  "\u0000' OR 1=1 --",
];

type Op = { method: string; path: string; params: { name: string; in: 'path' | 'query' }[] };

let s: TestServer;
let staff: { cookie: string; csrf: string };
let deviceToken: string;
let editor: Caller;
let reviewer: Caller;
let admin: Caller;

/** Sends a request as the all-roles user, with a device token too, so no access rule stops it early. */
const send = (method: string, url: string, body?: string, headers: Record<string, string> = {}) =>
  s.request(url, { method, cookie: staff.cookie, csrf: staff.csrf, body, headers: { authorization: `Bearer ${deviceToken}`, ...headers } });

beforeAll(async () => {
  s = await startTestServer();
  staff = await s.createUser('kiemtra', ['admin', 'editor', 'reviewer', 'ad_reviewer', 'viewer']);
  deviceToken = (await s.createDevice('kiosk', 'Kiosk một cửa')).token;
  editor = await callerFor(s, 'bientap', ['editor']);
  reviewer = await callerFor(s, 'duyet', ['reviewer']);
  admin = await callerFor(s, 'quantri', ['admin']);
  // Drafts to search among: one titled with each SQL string, tagged with it, and one that only mentions it.
  for (const p of SQL_PAYLOADS) {
    const r = await editor('POST', '/api/content', { kind: 'message', title: p, body: `Nội dung: ${p}`, tags: [p.slice(0, 40).trim()] });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
  }
});
afterAll(() => s.stop());

/** Every operation with a path or query parameter, from the API's own OpenAPI document. */
async function operations(): Promise<Op[]> {
  const doc = (await (await s.request('/api/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: Op['params'] }>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([, op]) => (op.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query'))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, params: (op.parameters ?? []).filter((p) => p.in === 'path' || p.in === 'query') })),
  );
}

/** The URL of an operation with `value` in one parameter and plausible values in the others. */
function urlWith(op: Op, target: string, value: string): string {
  const plausible = (name: string) => (name === 'sha256' ? 'a'.repeat(64) : name === 'uploadId' ? 'upload-0001' : name === 'file' ? '1.xlsx' : '1');
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(name === target ? value : plausible(name)));
  const query = op.params.find((p) => p.in === 'query' && p.name === target);
  return query ? `${path}?${new URLSearchParams({ [target]: value })}` : path;
}

describe('SQL strings in query and path parameters', () => {
  it('never answer 500 and change nothing in the database', async () => {
    const ops = await operations();
    expect(ops.length).toBeGreaterThan(30);
    const before = await snapshotDb(s.db);
    const answers: string[] = [];
    for (const op of ops) {
      for (const param of op.params) {
        for (const p of SQL) {
          const url = urlWith(op, param.name, p);
          const res = await send(op.method, url, op.method === 'GET' ? undefined : '{}');
          await res.arrayBuffer();
          answers.push(`${op.method} ${url} -> ${res.status}`);
          expect(res.status, `${op.method} ${url}`).toBeLessThan(500);
          // Only free-text search parameters may take SQL; every id, number, enum and date refuses it ("-1" is
          // a plain integer, a valid epoch-ms instant).
          const freeText = op.path === '/api/content' && (param.name === 'q' || param.name === 'tag');
          if (!freeText && !/^-?\d+$/.test(p)) {
            expect(res.status, `${op.method} ${url}`).toBeGreaterThanOrEqual(400);
          }
        }
      }
    }
    expect(answers.length).toBeGreaterThan(500);
    const after = await snapshotDb(s.db);
    expect(after.counts).toEqual(before.counts);
    expect(after.hash).toBe(before.hash);
  });

  it('search and tag filter treat them as literal text', async () => {
    type Item = { id: number; latest: { title: string; body: string; tags: string[] } };
    const all = (await editor<Item[]>('GET', '/api/content?limit=200')).body;
    expect(all.length).toBeGreaterThanOrEqual(SQL_PAYLOADS.length);
    for (const p of SQL) {
      const q = p.slice(0, 200);
      const found = await editor<Item[]>('GET', `/api/content?limit=200&q=${encodeURIComponent(q)}`);
      if (q.includes('\u0000')) {
        // LIKE would read the pattern only up to the NUL, i.e. "%": every item. The search refuses it.
        expect(found.status, q).toBe(400);
        continue;
      }
      expect(found.status, q).toBe(200);
      // SQLite's LIKE folds ASCII case only; every string here is ASCII.
      const has = (text: string) => text.toLowerCase().includes(q.toLowerCase());
      const expected = all.filter((c) => has(c.latest.title) || has(c.latest.body)).map((c) => c.id);
      expect(found.body.map((c) => c.id).sort(), q).toEqual(expected.sort());
      const tag = p.slice(0, 40).trim();
      const tagged = await editor<Item[]>('GET', `/api/content?limit=200&tag=${encodeURIComponent(tag)}`);
      expect(tagged.status, tag).toBe(200);
      expect(tagged.body.map((c) => c.id).sort(), tag).toEqual(all.filter((c) => c.latest.tags.includes(tag)).map((c) => c.id).sort());
    }
    // A tag with a NUL is compared as a whole string (no LIKE): it matches no item.
    const nulTag = await editor<Item[]>('GET', `/api/content?limit=200&tag=${encodeURIComponent("\u0000' OR 1=1 --")}`);
    expect(nulTag.status).toBe(200);
    expect(nulTag.body).toEqual([]);
    // Each titled draft is found by its own string (the filter is not simply returning nothing).
    for (const p of SQL_PAYLOADS) {
      const found = (await editor<Item[]>('GET', `/api/content?limit=200&q=${encodeURIComponent(p)}`)).body;
      expect(found.map((c) => c.latest.title), p).toContain(p);
    }
  });

  it('ids with SQL in the path of writes are refused before anything is written', async () => {
    const before = await snapshotDb(s.db);
    const writes: [string, (id: string) => string, unknown][] = [
      ['POST', (id) => `/api/content/${id}/versions`, { title: 'Sửa' }],
      ['POST', (id) => `/api/content/${id}/versions/1/submit`, undefined],
      ['POST', (id) => `/api/content/1/versions/${id}/withdraw`, { reason: 'Rút' }],
      ['PATCH', (id) => `/api/devices/${id}`, { name: 'Đổi tên' }],
      ['DELETE', (id) => `/api/devices/${id}`, undefined],
      ['POST', (id) => `/api/devices/${id}/revoke`, undefined],
      ['POST', (id) => `/api/devices/${id}/commands`, { name: 'identify' }],
      ['PATCH', (id) => `/api/groups/${id}`, { name: 'Đổi tên' }],
      ['DELETE', (id) => `/api/groups/${id}`, undefined],
      ['POST', (id) => `/api/groups/${id}/members`, { deviceIds: [1] }],
      ['DELETE', (id) => `/api/groups/1/members/${id}`, undefined],
      ['PATCH', (id) => `/api/playlists/${id}`, { name: 'Đổi tên' }],
      ['DELETE', (id) => `/api/playlists/${id}`, undefined],
      ['PATCH', (id) => `/api/schedules/${id}`, { name: 'Đổi tên' }],
      ['DELETE', (id) => `/api/schedules/${id}`, undefined],
      ['POST', (id) => `/api/alerts/${id}/cancel`, undefined],
      ['PATCH', (id) => `/api/users/${id}`, { disabled: true }],
    ];
    for (const [method, url, body] of writes) {
      for (const p of SQL) {
        const res = await send(method, url(encodeURIComponent(p)), body === undefined ? undefined : JSON.stringify(body));
        expect(res.status, `${method} ${url(p)}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${method} ${url(p)}`).toBeLessThan(500);
      }
    }
    const after = await snapshotDb(s.db);
    expect(after.hash).toBe(before.hash);
  });
});

describe('SQL strings as login name and password', () => {
  it('never sign anyone in and change nothing', async () => {
    const before = await snapshotDb(s.db);
    const tries = [
      ...SQL.map((p) => ({ username: p, password: p })),
      ...["' OR '1'='1", "admin'--", "x' OR 1=1 --"].map((p) => ({ username: 'quantri', password: p })),
    ];
    for (const body of tries) {
      const res = await s.request('/api/session', { method: 'POST', body: JSON.stringify(body) });
      expect([400, 401, 429], JSON.stringify(body)).toContain(res.status);
      expect(res.headers.get('set-cookie'), JSON.stringify(body)).toBeNull();
    }
    expect((await snapshotDb(s.db)).hash).toBe(before.hash);
  });
});

describe('SQL strings in every text field', () => {
  const P = SQL_PAYLOADS;
  const pick = (i: number) => P[i % P.length]!;

  it('are stored exactly and read back identical', async () => {
    const countsBefore = (await snapshotDb(s.db)).counts;
    for (let i = 0; i < P.length; i++) {
      const p = pick(i);
      // Content: title, body, tags, source; and a review decision's reason.
      const c = await editor<{ id: number }>('POST', '/api/content', { kind: 'message', title: p, body: `${p}\n${pick(i + 1)}`, tags: [p.slice(0, 40).trim()], sourceRef: p });
      expect(c.status, JSON.stringify(c.body)).toBe(201);
      const v = await editor<{ id: number; title: string; body: string; tags: string[]; fields: { sourceRef?: string } }>('GET', `/api/content/${c.body.id}/versions/1`);
      expect(v.body).toMatchObject({ title: p, body: `${p}\n${pick(i + 1)}`, tags: [p.slice(0, 40).trim()], fields: { sourceRef: p } });
      const submitted = await editor<{ id: number }>('POST', `/api/content/${c.body.id}/versions/1/submit`);
      expect((await reviewer('POST', '/api/reviews', { versionId: submitted.body.id, decision: 'reject', reason: p })).status).toBe(200);
      const history = await editor<{ decision: string; reason: string | null }[]>('GET', `/api/content/${c.body.id}/history`);
      expect(history.body.find((h) => h.decision === 'rejected')?.reason).toBe(p);

      // An ad's advertiser and licence.
      const adv = await editor<{ latest: { fields: Record<string, unknown> } }>('POST', '/api/content', {
        kind: 'ad', title: `Quảng cáo ${i}`, body: 'Khuyến mãi', advertiser: p, licenceRef: pick(i + 2), productCategory: 'food',
      });
      if (adv.status === 201) expect(adv.body.latest.fields).toMatchObject({ advertiser: p, licenceRef: pick(i + 2) });
      else expect(adv.status, JSON.stringify(adv.body)).toBe(400); // an ad without a picture may be refused; never a 500

      // Group, device, playlist, schedule, user.
      const g = await editor<{ id: number }>('POST', '/api/groups', { name: p, description: pick(i + 1), geocode: p.slice(0, 50).trim() });
      expect(g.status, JSON.stringify(g.body)).toBe(201);
      expect((await editor('GET', `/api/groups/${g.body.id}`)).body).toMatchObject({ name: p, description: pick(i + 1), geocode: p.slice(0, 50).trim() });
      const d = await editor<{ id: number }>('POST', '/api/devices', { name: p, kind: 'led', residentialGroup: pick(i + 1), address: pick(i + 2), groupIds: [g.body.id] });
      expect(d.status, JSON.stringify(d.body)).toBe(201);
      expect((await editor('GET', `/api/devices/${d.body.id}`)).body).toMatchObject({ name: p, location: { residentialGroup: pick(i + 1), address: pick(i + 2) } });
      const pl = await editor<{ id: number }>('POST', '/api/playlists', { name: p, items: [{ contentId: c.body.id }] });
      expect(pl.status, JSON.stringify(pl.body)).toBe(201);
      expect((await editor('GET', `/api/playlists/${pl.body.id}`)).body).toMatchObject({ name: p });
      const when = { dateFrom: '2026-01-01', dateTo: '2026-01-02', daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '06:00', end: '07:00' }] };
      const sc = await editor<{ id: number }>('POST', '/api/schedules', { name: p, class: 'normal', playlistId: pl.body.id, target: { groupIds: [g.body.id] }, when });
      expect(sc.status, JSON.stringify(sc.body)).toBe(201);
      expect((await editor('GET', `/api/schedules/${sc.body.id}`)).body).toMatchObject({ name: p });
      const u = await admin<{ id: number }>('POST', '/api/users', { username: `nguoi-dung-${i}`, displayName: p, password: 'mat-khau-rat-dai-1', roles: ['viewer'] });
      expect(u.status, JSON.stringify(u.body)).toBe(201);
      expect((await admin<{ id: number; displayName: string }[]>('GET', '/api/users')).body.find((x) => x.id === u.body.id)?.displayName).toBe(p);
    }
    // An RRULE made of SQL is refused as a schedule rule, not run.
    for (const p of P) {
      const res = await editor('POST', '/api/schedules', { name: 'Lặp', class: 'normal', contentId: 1, target: { kinds: ['led'] }, when: { rrule: p, durationMin: 30 } });
      expect(res.status, p).toBeGreaterThanOrEqual(400);
      expect(res.status, p).toBeLessThan(500);
    }
    // Every table is still there, with exactly the rows the calls above added.
    const after = (await snapshotDb(s.db)).counts;
    expect(Object.keys(after).sort()).toEqual(Object.keys(countsBefore).sort());
    expect(after.users! - countsBefore.users!).toBe(P.length);
    expect(after.device_groups! - countsBefore.device_groups!).toBe(P.length);
    expect(after.devices! - countsBefore.devices!).toBe(P.length);
    expect(after.schedules! - countsBefore.schedules!).toBe(P.length);
  });

  it('kiosk feedback over the device socket is stored exactly', async () => {
    const kiosk = await s.createDevice('kiosk', "Kiosk'); DROP TABLE feedback;--");
    const ws = await s.connect(kiosk.token);
    for (let i = 0; i < P.length; i++) {
      const eventId = randomUUID();
      ws.send({ type: 'feedback.v1', eventId, rating: 3, topic: pick(i), comment: `${pick(i)} ${pick(i + 1)}`, createdAt: Date.now() });
      await ws.next('feedback.ack.v1', 5_000, { eventId });
    }
    const rows = (await admin<{ feedback: { deviceName: string; topic: string; comment: string }[] }>('GET', '/api/feedback?limit=1000')).body.feedback;
    for (let i = 0; i < P.length; i++) {
      expect(rows).toContainEqual(expect.objectContaining({ deviceName: "Kiosk'); DROP TABLE feedback;--", topic: pick(i), comment: `${pick(i)} ${pick(i + 1)}` }));
    }
  });

  it('alert text, typed or from a CAP feed, is stored exactly; a CAP area made of SQL matches only the group of that exact name', async () => {
    const p = P[0]!;
    const typed = await editor<{ id: number; text: string }>('POST', '/api/alerts', { text: `${p}\n${P[1]}`, target: { kinds: ['speaker'] }, repeatMin: 0 });
    expect(typed.status, JSON.stringify(typed.body)).toBe(201);
    expect((await editor<{ text: string }>('GET', `/api/alerts/${typed.body.id}`)).body.text).toBe(`${p}\n${P[1]}`);

    const area = "' OR '1'='1";
    // The text-field test above already made a group of exactly this name (names are unique).
    const groups = (await editor<{ id: number; name: string }[]>('GET', '/api/groups')).body;
    const exact = groups.filter((g) => g.name === area).map((g) => g.id);
    expect(exact).toHaveLength(1);
    expect(groups.length).toBeGreaterThan(exact.length);
    const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
    const sent = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const expires = new Date(Date.now() + 3_600_000).toISOString().replace(/\.\d+Z$/, '+00:00');
    const cap = (areaDesc: string, ident: string) => `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2">
  <identifier>${xml(ident)}</identifier><sender>kttv@example.vn</sender><sent>${sent}</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>vi-VN</language><event>${xml(P[2]!)}</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
    <headline>${xml(p)}</headline><instruction>${xml(P[1]!)}</instruction><expires>${expires}</expires>
    <area><areaDesc>${xml(areaDesc)}</areaDesc></area></info>
</alert>`;
    const post = (body: string) => s.request('/api/alerts/cap', { method: 'POST', body, cookie: staff.cookie, csrf: staff.csrf, headers: { 'content-type': 'application/cap+xml' } });

    const matched = await post(cap(area, "KTTV'; DROP TABLE alerts;--"));
    const out = (await matched.json()) as { alertIds?: number[] };
    expect(matched.status, JSON.stringify(out)).toBe(201);
    expect(out.alertIds).toHaveLength(1);
    const alert = (await editor<{ text: string; target: { groupIds: number[] }; capIdentifier: string }>('GET', `/api/alerts/${out.alertIds![0]}`)).body;
    expect(alert.text).toBe(`${p}\n${P[1]}`);
    expect(alert.capIdentifier).toBe("kttv@example.vn,KTTV'; DROP TABLE alerts;--"); // sender,identifier
    expect(alert.target.groupIds).toEqual(exact);

    const before = await snapshotDb(s.db);
    const unmatched = await post(cap("x' OR '1'='1", 'KTTV-none'));
    expect(unmatched.status).toBeGreaterThanOrEqual(400);
    expect(unmatched.status).toBeLessThan(500);
    expect((await snapshotDb(s.db)).counts.alerts).toBe(before.counts.alerts);

    // Let the alerts' speech rendering finish before the database closes.
    for (const id of [typed.body.id, out.alertIds![0]!]) {
      for (let i = 0; i < 120 && !(await editor<{ speechSha256: string | null }>('GET', `/api/alerts/${id}`)).body.speechSha256; i++) await new Promise((r) => setTimeout(r, 250));
    }
  });
});
