// The staff side of the crash test: two editors, a reviewer and an administrator, each a loop of real API
// calls — uploads (made on the fly, some of several MB, streamed slowly), messages and clips, edits,
// submissions, approvals and rejections, schedules and their edits, device pairing and renames. Every 2xx
// answer becomes a fact in the ledger; a write that got no answer is recorded as "maybe" on its fact.
import { createHash, randomInt } from 'node:crypto';
import { NoAnswer, NotSent, type Api, type Gate, type Reply, type Session } from './api';
import { Ledger, pick, type ContentFact, type VState } from './ledger';
import { makePng, makeWav } from './media-gen';

type VersionBody = { id: number; contentId: number; number: number; state: VState; versionSha256: string };
type ContentBody = { id: number; kind: 'message' | 'clip'; latest: VersionBody };
type MediaBody = { sha256: string; size: number; kind: string };

export type PairedDevice = { id: number; kind: 'led' | 'kiosk'; token: string };

export type StaffDeps = {
  api: Api;
  ledger: Ledger;
  gate: Gate;
  maxDevices: number;
  onPaired: (d: PairedDevice) => void;
  stopped: () => boolean;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');

const PHRASES = [
  'Tôn trọng, bảo vệ quyền và lợi ích hợp pháp của tổ chức, cá nhân trên không gian mạng',
  'Không đăng tải thông tin sai sự thật, xúc phạm danh dự người khác',
  'Lịch tiêm chủng cho trẻ em tại trạm y tế phường vào sáng thứ Bảy',
  'Phường tổ chức ra quân dọn vệ sinh môi trường khu dân cư',
  'Người dân thực hiện thủ tục hành chính trực tuyến trên Cổng dịch vụ công',
  'Cảnh giác trước các cuộc gọi lừa đảo giả danh cơ quan công an',
];
/** Picture size index: small ones more often, some of several MB (1200×1000 ≈ 3.6 MB, 1800×1400 ≈ 7.6 MB). */
const SIZE_WEIGHTS = [3, 3, 2, 2, 2, 1];

function weightedIndex(weights: readonly number[]): number {
  let r = Math.random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; i++) if ((r -= weights[i]!) < 0) return i;
  return weights.length - 1;
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function createStaff(deps: StaffDeps) {
  const { api, ledger } = deps;
  const sessions = new Map<string, Session>();

  /** Runs one call; NotSent and NoAnswer propagate, any other status than `ok` is counted and returns null. */
  async function call<T>(what: string, ok: number, run: () => Promise<Reply<T>>): Promise<T | null> {
    const r = await run();
    if (r.status !== ok) {
      ledger.httpError(what, r.status, r.body);
      return null;
    }
    return r.body;
  }

  const mine = (owner: string) => [...ledger.contents.values()].filter((c) => c.owner === owner && !c.busy && !c.unknownVersions);
  const settled = (c: ContentFact) => ledger.versionsOf(c.id).every((v) => v.maybe.size === 0);

  // ---------------------------------------------------------------- editor actions

  async function upload(s: Session) {
    const file = Math.random() < 0.25 ? makeWav() : await makePng(weightedIndex(SIZE_WEIGHTS));
    const body = await call<MediaBody>('POST /api/media', 201, () => api.upload(s, file.bytes, file.name));
    if (!body) return;
    ledger.ack('upload');
    if (body.sha256 !== file.sha256 || body.size !== file.bytes.length) {
      ledger.lose(`media:${file.sha256}`, `answer names ${body.sha256}/${body.size}, sent ${file.bytes.length} bytes`);
      return;
    }
    ledger.media.set(file.sha256, { sha256: file.sha256, size: file.bytes.length, kind: file.kind, owner: s.username, used: false });
  }

  function recordCreated(owner: string, body: ContentBody) {
    ledger.ack('content.create');
    ledger.contents.set(body.id, { id: body.id, kind: body.kind, owner, busy: false, unknownVersions: false, approvedNumber: null });
    ledger.addVersion({ id: body.latest.id, contentId: body.id, number: body.latest.number, sha: body.latest.versionSha256, state: body.latest.state });
  }

  async function createClip(s: Session) {
    const m = pick([...ledger.media.values()].filter((f) => f.owner === s.username && !f.used));
    if (!m) return upload(s);
    m.used = true;
    const input = { kind: 'clip', title: `${pick(PHRASES)} (${randomInt(1000)})`, mediaSha256: m.sha256, ...(m.kind === 'image' ? { displaySeconds: 5 + randomInt(20) } : {}) };
    const body = await call<ContentBody>('POST /api/content clip', 201, () => api.json(s, 'POST', '/api/content', input));
    if (body) recordCreated(s.username, body);
  }

  async function createMessage(s: Session) {
    const input = { kind: 'message', title: `Thông báo số ${randomInt(10_000)}`, body: `${pick(PHRASES)}. ${pick(PHRASES)}.` };
    const body = await call<ContentBody>('POST /api/content message', 201, () => api.json(s, 'POST', '/api/content', input));
    if (body) recordCreated(s.username, body);
  }

  async function edit(s: Session) {
    const c = pick(mine(s.username).filter((x) => settled(x) && ledger.latestOf(x.id)?.state !== 'submitted'));
    if (!c) return createMessage(s);
    c.busy = true;
    // An edit withdraws the item's pending drafts and submissions (superseded) in the same transaction.
    const pending = ledger.versionsOf(c.id).filter((v) => v.state === 'draft' || v.state === 'submitted');
    for (const v of pending) v.maybe.add('withdrawn');
    try {
      const patch = c.kind === 'message' ? { body: `${pick(PHRASES)} — cập nhật ${randomInt(1000)}.` } : { title: `${pick(PHRASES)} (sửa ${randomInt(1000)})` };
      const body = await call<ContentBody>('POST /api/content/{id}/versions', 201, () => api.json(s, 'POST', `/api/content/${c.id}/versions`, patch));
      if (!body) {
        for (const v of pending) v.maybe.delete('withdrawn');
        return;
      }
      ledger.ack('content.edit');
      for (const v of pending) {
        v.state = 'withdrawn';
        v.maybe.clear();
      }
      ledger.addVersion({ id: body.latest.id, contentId: c.id, number: body.latest.number, sha: body.latest.versionSha256, state: body.latest.state });
    } catch (err) {
      if (err instanceof NoAnswer) c.unknownVersions = true;
      else for (const v of pending) v.maybe.delete('withdrawn');
      throw err;
    } finally {
      c.busy = false;
    }
  }

  async function submit(s: Session) {
    const c = pick(mine(s.username).filter((x) => settled(x) && ledger.latestOf(x.id)?.state === 'draft'));
    if (!c) return edit(s);
    const v = ledger.latestOf(c.id)!;
    c.busy = true;
    v.maybe.add('submitted');
    try {
      const body = await call<VersionBody>('POST submit', 200, () => api.json(s, 'POST', `/api/content/${c.id}/versions/${v.number}/submit`));
      if (!body) {
        v.maybe.delete('submitted');
        return;
      }
      ledger.ack('content.submit');
      v.state = 'submitted';
      v.maybe.clear();
    } catch (err) {
      if (err instanceof NotSent) v.maybe.delete('submitted');
      throw err;
    } finally {
      c.busy = false;
    }
  }

  async function schedule(s: Session) {
    const c = pick([...ledger.contents.values()].filter((x) => x.owner === s.username && x.approvedNumber !== null));
    if (!c) return submit(s);
    const now = Date.now();
    const paired = [...ledger.devices.values()].filter((d) => d.tokenHash);
    const useIds = paired.length > 0 && Math.random() < 0.5;
    const target = useIds
      ? { deviceIds: paired.filter(() => Math.random() < 0.5).map((d) => d.id).concat(paired[0]!.id), groupIds: [], kinds: [] }
      : { deviceIds: [], groupIds: [], kinds: ['led', 'kiosk'] };
    const name = `Lịch ${randomInt(100_000)}`;
    const input = {
      name,
      class: Math.random() < 0.2 ? 'priority' : 'normal',
      contentId: c.id,
      target: { ...target, deviceIds: [...new Set(target.deviceIds)] },
      when: { dateFrom: isoDate(now - 86_400_000), dateTo: isoDate(now + 30 * 86_400_000), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '24:00' }] },
    };
    const body = await call<{ id: number; name: string }>('POST /api/schedules', 201, () => api.json(s, 'POST', '/api/schedules', input));
    if (!body) return;
    ledger.ack('schedule.create');
    ledger.schedules.set(body.id, { id: body.id, contentId: c.id, owner: s.username, name: body.name, maybe: new Set(), busy: false });
  }

  async function editSchedule(s: Session) {
    const f = pick([...ledger.schedules.values()].filter((x) => x.owner === s.username && !x.busy && x.maybe.size === 0));
    if (!f) return schedule(s);
    const name = `Lịch ${randomInt(100_000)} (sửa)`;
    f.busy = true;
    f.maybe.add(name);
    try {
      const body = await call<{ name: string }>('PATCH /api/schedules/{id}', 200, () => api.json(s, 'PATCH', `/api/schedules/${f.id}`, { name, order: randomInt(-10, 10) }));
      if (!body) {
        f.maybe.delete(name);
        return;
      }
      ledger.ack('schedule.patch');
      f.name = body.name;
      f.maybe.clear();
    } catch (err) {
      if (err instanceof NotSent) f.maybe.delete(name);
      throw err;
    } finally {
      f.busy = false;
    }
  }

  const EDITOR_ACTIONS: [number, (s: Session) => Promise<void>][] = [
    [3, upload],
    [3, createClip],
    [2, createMessage],
    [2, edit],
    [4, submit],
    [2, schedule],
    [2, editSchedule],
  ];

  // ---------------------------------------------------------------- reviewer

  async function review(s: Session) {
    const queue = await call<{ version: VersionBody }[]>('GET /api/reviews', 200, () => api.json(s, 'GET', '/api/reviews'));
    const known = (queue ?? [])
      .map((q) => ledger.versions.get(q.version.id))
      .filter((v) => v && v.state === 'submitted' && v.maybe.size === 0 && !ledger.contents.get(v.contentId)?.busy);
    const v = pick(known);
    if (!v) return sleep(150);
    const c = ledger.contents.get(v.contentId)!;
    const approve = Math.random() < 0.85;
    const to: VState = approve ? 'approved' : 'rejected';
    c.busy = true;
    v.maybe.add(to);
    try {
      const input = approve ? { versionId: v.id, decision: 'approve' } : { versionId: v.id, decision: 'reject', reason: 'Cần sửa lại nội dung / needs changes' };
      const body = await call<VersionBody>('POST /api/reviews', 200, () => api.json(s, 'POST', '/api/reviews', input));
      if (!body) {
        v.maybe.delete(to);
        return;
      }
      ledger.ack(approve ? 'review.approve' : 'review.reject');
      v.state = to;
      v.maybe.clear();
      if (approve) c.approvedNumber = Math.max(c.approvedNumber ?? 0, v.number);
    } catch (err) {
      if (err instanceof NotSent) v.maybe.delete(to);
      throw err;
    } finally {
      c.busy = false;
    }
  }

  // ---------------------------------------------------------------- administrator

  /** A token whose collection got no answer: try once more after the restart (a spent code answers 409). */
  let uncollected: { code: string; secret: string; deviceId: number } | null = null;

  async function collect(code: string, secret: string, deviceId: number) {
    uncollected = { code, secret, deviceId };
    const r = await api.json<{ deviceId: number; token: string }>(null, 'POST', '/api/pairing/token', { code, secret });
    uncollected = null;
    if (r.status !== 200) {
      if (r.status !== 409) ledger.httpError('POST /api/pairing/token', r.status, r.body);
      return;
    }
    ledger.ack('pairing.token');
    const d = ledger.devices.get(deviceId)!;
    d.tokenHash = sha256(r.body.token);
    deps.onPaired({ id: deviceId, kind: d.kind, token: r.body.token });
  }

  async function pair(s: Session) {
    if (uncollected) return collect(uncollected.code, uncollected.secret, uncollected.deviceId);
    const codeReply = await api.json<{ code: string; secret: string }>(null, 'POST', '/api/pairing/codes');
    if (codeReply.status !== 201) {
      if (codeReply.status !== 429) ledger.httpError('POST /api/pairing/codes', codeReply.status, codeReply.body);
      return sleep(500);
    }
    const { code, secret } = codeReply.body;
    const kind = Math.random() < 0.7 ? 'led' : 'kiosk';
    const name = `${kind === 'led' ? 'Màn hình LED' : 'Kiosk một cửa'} ${randomInt(1000)}`;
    const claimed = await call<{ id: number; name: string }>('POST /api/pairing/claim', 200, () =>
      api.json(s, 'POST', '/api/pairing/claim', { code, device: { name, kind, residentialGroup: `Tổ ${1 + randomInt(20)}` } }),
    );
    if (!claimed) return;
    ledger.ack('pairing.claim');
    ledger.devices.set(claimed.id, { id: claimed.id, kind, name: claimed.name, maybe: new Set(), tokenHash: null, busy: false });
    await collect(code, secret, claimed.id);
  }

  async function renameDevice(s: Session) {
    const d = pick([...ledger.devices.values()].filter((x) => !x.busy && x.maybe.size === 0));
    if (!d) return sleep(200);
    const name = `${d.kind === 'led' ? 'Màn hình LED' : 'Kiosk một cửa'} ${randomInt(1000)} (đổi tên)`;
    d.busy = true;
    d.maybe.add(name);
    try {
      const body = await call<{ name: string }>('PATCH /api/devices/{id}', 200, () => api.json(s, 'PATCH', `/api/devices/${d.id}`, { name }));
      if (!body) {
        d.maybe.delete(name);
        return;
      }
      ledger.ack('device.patch');
      d.name = body.name;
      d.maybe.clear();
    } catch (err) {
      if (err instanceof NotSent) d.maybe.delete(name);
      throw err;
    } finally {
      d.busy = false;
    }
  }

  async function admin(s: Session) {
    const paired = [...ledger.devices.values()].filter((d) => d.tokenHash).length;
    if (paired < deps.maxDevices && Math.random() < 0.6) return pair(s);
    await renameDevice(s);
    await sleep(300);
  }

  // ---------------------------------------------------------------- loops

  async function loop(username: string, step: (s: Session) => Promise<unknown>) {
    while (!deps.stopped()) {
      await deps.gate.pass();
      if (deps.stopped()) return;
      try {
        await step(sessions.get(username)!);
      } catch (err) {
        if (!(err instanceof NotSent || err instanceof NoAnswer)) {
          ledger.httpError(`client error (${username})`, 0, err instanceof Error ? err.stack ?? err.message : String(err));
        }
      }
      await sleep(20 + randomInt(120));
    }
  }

  const editorStep = (s: Session) => {
    const i = weightedIndex(EDITOR_ACTIONS.map(([w]) => w));
    return EDITOR_ACTIONS[i]![1](s);
  };

  return {
    sessions,

    /** Creates the staff accounts (as admin) and logs everyone in, through `checker` (which ignores the gate). */
    async setup(checker: Api, adminPassword: string) {
      const api = checker;
      const adminSession = await api.login('admin', adminPassword);
      sessions.set('admin', adminSession);
      for (const [username, roles] of [
        ['bientap1', ['editor']],
        ['bientap2', ['editor']],
        ['kiemduyet', ['reviewer']],
      ] as const) {
        const password = `${username}-mat-khau-1`;
        const r = await api.json(adminSession, 'POST', '/api/users', { username, displayName: username, password, roles });
        if (r.status !== 201) throw new Error(`create user ${username}: ${r.status} ${JSON.stringify(r.body)}`);
        ledger.ack('user.create');
        ledger.users.set(username, [...roles]);
        sessions.set(username, await api.login(username, password));
      }
    },

    /** Every staff session must survive the kills (sessions live in the database). `checker` ignores the gate. */
    async checkSessions(checker: Api) {
      for (const [username, s] of sessions) {
        const r = await checker.json<{ user: { username: string } }>(s, 'GET', '/api/session');
        if (r.status === 200 && r.body.user.username === username) continue;
        ledger.lose(`session:${username}`, `GET /api/session answered ${r.status}`);
        sessions.set(username, await checker.login(username, s.password));
      }
    },

    run(): Promise<void[]> {
      return Promise.all([loop('bientap1', editorStep), loop('bientap2', editorStep), loop('kiemduyet', review), loop('admin', admin)]);
    },
  };
}
export type Staff = ReturnType<typeof createStaff>;
