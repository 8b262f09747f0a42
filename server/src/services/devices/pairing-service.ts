// Pairing (ghép nối): a new player asks for a 6-digit code and a secret; staff claim the code for a new or
// existing device; the player then trades code + secret for its long-lived token, exactly once. Codes last
// 10 minutes and are single-use; asking for codes and failed token attempts are rate-limited per IP, and
// claims of unknown codes per staff account (guessing codes is the only way to seize a player one cannot see).
import { randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../db/sqlite';
import { createThrottle } from '../../domain/throttle';
import { deviceRepo } from '../../repos/device-repo';
import { AppError } from '../app-error';
import type { Actor, AuditService } from '../accounts/audit-service';
import { hashToken, type DeviceCreate, type DeviceService, type DeviceView } from './device-service';
import type { EventBus } from '../event-bus';

export const CODE_TTL_MS = 10 * 60_000;
/** After a claim the player has this long to fetch its token. */
export const DELIVERY_GRACE_MS = 10 * 60_000;

export type PairingServiceDeps = {
  db: Db;
  clock: () => number;
  audit: AuditService;
  devices: DeviceService;
  bus: EventBus;
  limits?: { codesPerIp?: number; failedTokensPerIp?: number; failedClaimsPerUser?: number; windowMs?: number };
};

const tooMany = (ms: number) => {
  const seconds = Math.ceil(ms / 1000);
  return new AppError(429, 'too_many_attempts', { seconds }, { retryAfter: seconds });
};

const sameHash = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function createPairingService(deps: PairingServiceDeps) {
  const limits = { codesPerIp: 10, failedTokensPerIp: 30, failedClaimsPerUser: 10, windowMs: 10 * 60_000, ...deps.limits };
  const codes = createThrottle({ max: limits.codesPerIp, windowMs: limits.windowMs });
  const tokens = createThrottle({ max: limits.failedTokensPerIp, windowMs: limits.windowMs });
  const claims = createThrottle({ max: limits.failedClaimsPerUser, windowMs: limits.windowMs });

  return {
    /** Public: a player asks for a code to show on screen. */
    async requestCode(ip: string): Promise<{ code: string; secret: string; expiresAt: string }> {
      const now = deps.clock();
      const wait = codes.retryAfter(ip, now);
      if (wait > 0) throw tooMany(wait);
      codes.fail(ip, now);
      const secret = randomBytes(24).toString('base64url');
      const expiresAt = now + CODE_TTL_MS;
      return deps.db.transaction(async (tx) => {
        for (let attempt = 0; attempt < 20; attempt++) {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
          await deviceRepo.deleteStaleCode(tx, code, now);
          if (await deviceRepo.findCode(tx, code)) continue; // in use by another waiting player
          await deviceRepo.insertCode(tx, { code, secretHash: hashToken(secret), now, expiresAt });
          return { code, secret, expiresAt: new Date(expiresAt).toISOString() };
        }
        throw new AppError(503, 'unavailable');
      });
    },

    /** Staff bind a waiting code to a new device (given its details) or to an existing one (re-pairing). */
    async claim(actor: Actor, input: { code: string; device?: DeviceCreate; deviceId?: number }): Promise<DeviceView> {
      const now = deps.clock();
      const who = `${actor.id ?? ''}:${actor.name}`;
      const wait = claims.retryAfter(who, now);
      if (wait > 0) throw tooMany(wait);
      const out = await deps.db.transaction(async (tx) => {
        const row = await deviceRepo.findCode(tx, input.code);
        if (!row || (row.claimed_at === null && row.expires_at <= now)) {
          claims.fail(who, now);
          throw new AppError(404, 'pairing_code_unknown');
        }
        if (row.claimed_at !== null) throw new AppError(409, 'pairing_code_claimed');
        let device: DeviceView;
        if (input.deviceId !== undefined) {
          device = await deps.devices.viewInTx(tx, input.deviceId);
          // A receiver holds a stream URL, not a player's device token.
          if (device.kind === 'receiver') throw new AppError(409, 'receiver_not_pairable', { id: device.id });
        } else {
          device = await deps.devices.createInTx(tx, actor, input.device!);
        }
        await deviceRepo.claimCode(tx, input.code, device.id, now);
        await deps.audit.append(tx, actor, { action: 'pairing.claim', target: `device:${device.id}`, summary: { code: input.code } });
        return device;
      });
      if (input.deviceId === undefined) await deps.bus.emit('device.changed', { deviceId: out.id });
      return out;
    },

    /** Public: the player that asked for the code collects its token, once. The old token stops working. */
    async collectToken(ip: string, input: { code: string; secret: string }): Promise<{ deviceId: number; token: string }> {
      const now = deps.clock();
      const wait = tokens.retryAfter(ip, now);
      if (wait > 0) throw tooMany(wait);
      const token = `bt_${randomBytes(32).toString('base64url')}`;
      try {
        return await deps.db.transaction(async (tx) => {
          const row = await deviceRepo.findCode(tx, input.code);
          if (!row || !sameHash(row.secret_hash, hashToken(input.secret))) throw new AppError(404, 'pairing_code_unknown');
          if (row.delivered_at !== null) throw new AppError(409, 'pairing_token_delivered');
          if (row.claimed_at === null || row.device_id === null) {
            if (row.expires_at <= now) throw new AppError(404, 'pairing_code_unknown');
            throw new AppError(409, 'pairing_not_claimed');
          }
          if (row.claimed_at + DELIVERY_GRACE_MS <= now) throw new AppError(404, 'pairing_code_unknown');
          if (!(await deviceRepo.findById(tx, row.device_id))) throw new AppError(404, 'pairing_code_unknown');
          await deviceRepo.setToken(tx, row.device_id, hashToken(token), now);
          await deviceRepo.markDelivered(tx, input.code, now);
          await deps.audit.append(tx, { id: null, name: `device:${row.device_id}` }, {
            action: 'device.token_issued',
            target: `device:${row.device_id}`,
            summary: { code: input.code },
          });
          return { deviceId: row.device_id, token };
        });
      } catch (err) {
        // Polling before the claim is expected; only wrong or spent codes count towards the limit.
        if (err instanceof AppError && err.code !== 'pairing_not_claimed') tokens.fail(ip, now);
        throw err;
      }
    },
  };
}
export type PairingService = ReturnType<typeof createPairingService>;
