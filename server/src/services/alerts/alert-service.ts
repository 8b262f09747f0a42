// Emergency alerts (cảnh báo khẩn cấp): issue (which approves the text), update, cancel, expire, acknowledge.
// Every change goes on the event bus at once with the audience (`alert.changed`), so the realtime hub
// interrupts connected devices without waiting for a timeline recompile; the alerts table is also what the
// timeline compiler reads, so offline devices get the alert in their next timeline.
import type { Db, Queryable } from '../../db/sqlite';
import type { AlertMessage, AlertSeverity } from '@bantin/protocol';
import { alertRepo, type AlertRow, type AlertTarget } from '../../repos/alert-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import type { Logger } from '../../log';
import type { BusEvents, EventBus } from '../event-bus';

export type DeviceKind = 'led' | 'kiosk' | 'speaker';
export type { AlertTarget };
export type AlertInput = {
  text: string;
  audioSha256?: string | null;
  target: AlertTarget;
  repeatMin?: number;
  severity?: AlertSeverity;
  /** Epoch ms; default: two hours from now. */
  expiresAt?: number;
};
export type AlertStatus = 'active' | 'cancelled' | 'expired';
export type AlertView = {
  id: number;
  text: string;
  severity: AlertSeverity;
  audioSha256: string | null;
  speechSha256: string | null;
  target: AlertTarget;
  repeatMin: number;
  startsAt: string;
  expiresAt: string;
  endedAt: string | null;
  status: AlertStatus;
  source: string;
  capIdentifier: string | null;
  issuedBy: number | null;
  ackCount: number;
};
export type AlertDetail = AlertView & { acks: { deviceId: number; deviceName: string | null; ackedAt: string }[] };
export type AlertChange = BusEvents['alert.changed'];

/** What the alert service needs from the speech renderer and the media store. */
export type SpeechDeps = {
  render(text: string): Promise<{ wav: Buffer; durationMs: number }>;
  store(wav: Buffer, durationMs: number, name: string): Promise<string>;
};

const DEFAULT_TTL_MS = 2 * 3600_000;
const MAX_TTL_MS = 7 * 86_400_000;
export const deviceMediaUrl = (sha: string) => `/api/device/media/${sha}`;

const statusOf = (r: AlertRow, now: number): AlertStatus =>
  r.cancelled_at === null ? (r.expires_at > now ? 'active' : 'expired') : r.cancelled_at >= r.expires_at ? 'expired' : 'cancelled';

export function toAlertMessage(r: AlertRow, action: AlertMessage['action']): AlertMessage {
  const link = (sha: string | null) => (sha ? { url: deviceMediaUrl(sha), sha256: sha } : null);
  return {
    type: 'alert.v1',
    action,
    id: String(r.id),
    text: r.text,
    severity: r.severity as AlertSeverity,
    audio: link(r.audio_sha256),
    speech: link(r.speech_sha256),
    repeatEveryMs: r.repeat_min * 60_000,
    startsAt: r.starts_at,
    expiresAt: r.expires_at,
  };
}

export function createAlertService(deps: { db: Db; clock: () => number; audit: AuditService; bus: EventBus; log: Logger; speech?: SpeechDeps }) {
  const pending = new Set<Promise<unknown>>();
  let timer: NodeJS.Timeout | null = null;

  const view = (r: AlertRow, ackCount: number): AlertView => ({
    id: r.id,
    text: r.text,
    severity: r.severity as AlertSeverity,
    audioSha256: r.audio_sha256,
    speechSha256: r.speech_sha256,
    target: r.target,
    repeatMin: r.repeat_min,
    startsAt: new Date(r.starts_at).toISOString(),
    expiresAt: new Date(r.expires_at).toISOString(),
    endedAt: r.cancelled_at === null ? null : new Date(r.cancelled_at).toISOString(),
    status: statusOf(r, deps.clock()),
    source: r.source,
    capIdentifier: r.cap_identifier,
    issuedBy: r.issued_by,
    ackCount,
  });

  const announce = async (q: Queryable, r: AlertRow, action: AlertMessage['action']) => {
    const deviceIds = await alertRepo.audience(q, r.target);
    const change: AlertChange = { action, message: toAlertMessage(r, action), deviceIds };
    await deps.bus.emit('alert.changed', change);
  };

  const checkInput = async (q: Queryable, input: AlertInput, now: number) => {
    const expiresAt = input.expiresAt ?? now + DEFAULT_TTL_MS;
    if (expiresAt <= now || expiresAt > now + MAX_TTL_MS) throw new AppError(400, 'alert_bad_expiry');
    const t = input.target;
    if (!t.all && t.deviceIds.length + t.groupIds.length + t.kinds.length === 0) throw new AppError(400, 'alert_no_target');
    if (input.audioSha256 && !(await alertRepo.audioFile(q, input.audioSha256))) throw new AppError(400, 'alert_audio_not_found');
    return expiresAt;
  };

  /** Renders the text as speech off the request path; devices get an `update` carrying it when ready. */
  const renderSpeech = (id: number, text: string) => {
    const speech = deps.speech;
    if (!speech) return;
    const job = (async () => {
      const { wav, durationMs } = await speech.render(text);
      const sha = await speech.store(wav, durationMs, `alert-${id}.wav`);
      const row = await deps.db.transaction(async (tx) => {
        await alertRepo.setSpeech(tx, id, sha, deps.clock());
        return (await alertRepo.findById(tx, id))!;
      });
      if (statusOf(row, deps.clock()) === 'active') await announce(deps.db, row, 'update');
    })().catch((err: unknown) => deps.log.error('alert speech failed', { alertId: id, err }));
    pending.add(job);
    void job.finally(() => pending.delete(job));
  };

  const service = {
    async issue(actor: Actor, input: AlertInput, origin: { source?: 'dashboard' | 'cap'; capIdentifier?: string; audit?: Record<string, unknown> } = {}) {
      const now = deps.clock();
      const row = await deps.db.transaction(async (tx) => {
        const expiresAt = await checkInput(tx, input, now);
        const id = await alertRepo.insert(
          tx,
          {
            text: input.text,
            audio_sha256: input.audioSha256 ?? null,
            speech_sha256: null,
            target: JSON.stringify(input.target),
            repeat_min: input.repeatMin ?? 10,
            severity: input.severity ?? 'severe',
            starts_at: now,
            expires_at: expiresAt,
            source: origin.source ?? 'dashboard',
            cap_identifier: origin.capIdentifier ?? null,
            issued_by: actor.id,
          },
          now,
        );
        // Issuing is the approval of this exact text: the issuer is on record.
        await deps.audit.append(tx, actor, {
          action: 'alert.issue',
          target: `alert:${id}`,
          summary: { text: input.text, target: input.target, expiresAt, approvedBy: actor.name, ...origin.audit },
        });
        return (await alertRepo.findById(tx, id))!;
      });
      await announce(deps.db, row, 'start');
      renderSpeech(row.id, row.text);
      this.armExpiry();
      return view(row, 0);
    },

    async update(actor: Actor, id: number, input: AlertInput, audit: Record<string, unknown> = {}) {
      const now = deps.clock();
      const { row, textChanged } = await deps.db.transaction(async (tx) => {
        const before = await alertRepo.findById(tx, id);
        if (!before) throw new AppError(404, 'alert_not_found');
        if (statusOf(before, now) !== 'active') throw new AppError(409, 'alert_ended');
        const expiresAt = await checkInput(tx, input, now);
        const fields = { text: input.text, severity: input.severity ?? before.severity, repeat_min: input.repeatMin ?? before.repeat_min };
        await alertRepo.update(tx, id, { ...fields, expires_at: expiresAt, target: JSON.stringify(input.target) }, now);
        await deps.audit.append(tx, actor, { action: 'alert.update', target: `alert:${id}`, summary: { text: [before.text, input.text], expiresAt, ...audit } });
        return { row: (await alertRepo.findById(tx, id))!, textChanged: before.text !== input.text };
      });
      await announce(deps.db, row, 'update');
      if (textChanged) renderSpeech(row.id, row.text);
      this.armExpiry();
      return view(row, 0);
    },

    async cancel(actor: Actor, id: number, audit: Record<string, unknown> = {}) {
      const now = deps.clock();
      const row = await deps.db.transaction(async (tx) => {
        const before = await alertRepo.findById(tx, id);
        if (!before) throw new AppError(404, 'alert_not_found');
        if (statusOf(before, now) !== 'active') throw new AppError(409, 'alert_ended');
        await alertRepo.end(tx, id, now, now);
        await deps.audit.append(tx, actor, { action: 'alert.cancel', target: `alert:${id}`, summary: { ...audit } });
        return (await alertRepo.findById(tx, id))!;
      });
      await announce(deps.db, row, 'cancel');
      return this.get(id);
    },

    /** Ends every alert whose expiry has passed and tells their devices; the timer and a job both call it. */
    async expireDue(): Promise<number> {
      const now = deps.clock();
      const ended = await deps.db.transaction(async (tx) => {
        const due = await alertRepo.listDueToExpire(tx, now);
        for (const r of due) {
          await alertRepo.end(tx, r.id, r.expires_at, now);
          await deps.audit.append(tx, { id: null, name: 'system' }, { action: 'alert.expire', target: `alert:${r.id}`, summary: {} });
        }
        return Promise.all(due.map(async (r) => (await alertRepo.findById(tx, r.id))!));
      });
      for (const r of ended) await announce(deps.db, r, 'cancel');
      return ended.length;
    },

    /** Sets one timer for the next expiry (re-armed on every change). */
    armExpiry() {
      void alertRepo.nextExpiry(deps.db).then((t) => {
        if (timer) clearTimeout(timer);
        timer = null;
        if (t === null) return;
        const wait = Math.min(Math.max(0, t - deps.clock()) + 50, 2 ** 31 - 1);
        timer = setTimeout(() => void service.expireDue().then(() => service.armExpiry()), wait);
        timer.unref();
      });
    },
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
    /** Waits for background speech rendering (tests, shutdown). */
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },

    async list(limit = 100): Promise<AlertView[]> {
      const rows = await alertRepo.list(deps.db, limit);
      const counts = new Map((await alertRepo.ackCounts(deps.db, rows.map((r) => r.id))).map((c) => [c.alert_id, c.n]));
      return rows.map((r) => view(r, counts.get(r.id) ?? 0));
    },

    async get(id: number): Promise<AlertDetail> {
      const r = await alertRepo.findById(deps.db, id);
      if (!r) throw new AppError(404, 'alert_not_found');
      const acks = await alertRepo.acks(deps.db, id);
      return {
        ...view(r, acks.length),
        acks: acks.map((a) => ({ deviceId: a.device_id, deviceName: a.device_name, ackedAt: new Date(a.acked_at).toISOString() })),
      };
    },

    /** alert.v1 `start` messages of the active alerts that reach this device (sent on connect). */
    async activeFor(device: { id: number; kind: string }): Promise<AlertMessage[]> {
      const active = await alertRepo.listActive(deps.db, deps.clock());
      if (active.length === 0) return [];
      const groups = new Set(await alertRepo.groupIdsOfDevice(deps.db, device.id));
      return active
        .filter((r) => {
          const t = r.target;
          return t.all || t.deviceIds.includes(device.id) || t.kinds.includes(device.kind as DeviceKind) || t.groupIds.some((g) => groups.has(g));
        })
        .map((r) => toAlertMessage(r, 'start'));
    },

    /**
     * alert.v1 `cancel` messages of the alerts this device took (acknowledged) and that were cancelled before
     * their expiry (sent on connect): a device that was offline at the cancel still holds them.
     */
    async cancelledFor(device: { id: number }): Promise<AlertMessage[]> {
      return (await alertRepo.listCancelledHeldBy(deps.db, device.id, deps.clock())).map((r) => toAlertMessage(r, 'cancel'));
    },

    /** Files of active alerts that reach this device: it may download them. */
    async activeFilesFor(device: { id: number; kind: string }): Promise<Set<string>> {
      const files = new Set<string>();
      for (const m of await this.activeFor(device)) for (const l of [m.audio, m.speech]) if (l) files.add(l.sha256);
      return files;
    },

    /** A device acknowledges an alert; stored once, then dashboards hear of it. */
    async ack(alertId: number, deviceId: number): Promise<boolean> {
      const at = deps.clock();
      if (!(await alertRepo.findById(deps.db, alertId))) return false;
      const fresh = await alertRepo.insertAck(deps.db, alertId, deviceId, at);
      if (fresh) await deps.bus.emit('alert.acked', { alertId, deviceId, at });
      return true;
    },
  };
  return service;
}
export type AlertService = ReturnType<typeof createAlertService>;
