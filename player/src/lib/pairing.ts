// Pairing (ghép nối): the player asks the server for a 6-digit code, shows it, and polls until staff have
// claimed it, then collects its device token once. The code and its secret are remembered (the server rate-
// limits new codes per address), the token goes to localStorage and IndexedDB.
export interface PairingCode {
  code: string;
  secret: string;
  expiresAt: number;
}

export type PollResult =
  { state: 'paired'; deviceId: string; token: string } | { state: 'waiting'; retryMs: number } | { state: 'expired' };

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const JSON_POST = { method: 'POST', headers: { 'Content-Type': 'application/json' } } as const;

function retryAfterMs(res: Response, fallback: number): number {
  const s = Number(res.headers.get('Retry-After'));
  return Number.isFinite(s) && s > 0 ? s * 1000 : fallback;
}

/** Asks for a new code; throws with `retryMs` when refused (rate limit, server down). */
export async function requestPairingCode(fetchFn: Fetch = fetch): Promise<PairingCode> {
  const res = await fetchFn('/api/pairing/codes', { ...JSON_POST, body: '{}' });
  if (!res.ok) throw Object.assign(new Error(`pairing code refused: ${res.status}`), { retryMs: retryAfterMs(res, 30_000) });
  const body = (await res.json()) as { code: string; secret: string; expiresAt: string | number };
  const expiresAt = typeof body.expiresAt === 'number' ? body.expiresAt : Date.parse(body.expiresAt);
  return { code: body.code, secret: body.secret, expiresAt: Number.isFinite(expiresAt) ? expiresAt : Date.now() + 600_000 };
}

/** One poll for the token. 409 = not claimed yet; 404 = code gone (ask for a new one). */
export async function pollPairingToken(pairing: PairingCode, fetchFn: Fetch = fetch, intervalMs = 3_000): Promise<PollResult> {
  let res: Response;
  try {
    res = await fetchFn('/api/pairing/token', { ...JSON_POST, body: JSON.stringify({ code: pairing.code, secret: pairing.secret }) });
  } catch {
    return { state: 'waiting', retryMs: intervalMs * 3 };
  }
  if (res.ok) {
    const body = (await res.json()) as { deviceId: number | string; token: string };
    return { state: 'paired', deviceId: String(body.deviceId), token: body.token };
  }
  if (res.status === 404) return { state: 'expired' };
  return { state: 'waiting', retryMs: retryAfterMs(res, intervalMs) };
}

export interface DeviceIdentity {
  id: string;
  kind: string;
  name: string;
}

/** Who this token belongs to: the identity, 'revoked' when the server refuses the token, null when unreachable. */
export async function fetchIdentity(token: string, fetchFn: Fetch = fetch): Promise<DeviceIdentity | 'revoked' | null> {
  try {
    const res = await fetchFn('/api/device/me', { headers: { Authorization: `Bearer ${token}` } });
    if (res.status === 401 || res.status === 403) return 'revoked';
    if (!res.ok) return null;
    const b = (await res.json()) as { id: number | string; kind: string; name: string };
    return { id: String(b.id), kind: b.kind, name: b.name };
  } catch {
    return null;
  }
}

export interface PairingFlowDeps {
  /** Show this code (null while none is available). */
  show(code: string | null): void;
  stopped(): boolean;
  load(): PairingCode | null;
  save(pairing: PairingCode | null): void;
  now(): number;
  sleep(ms: number): Promise<void>;
  fetchFn?: Fetch;
}

/** Runs pairing until a token arrives (or `stopped()`); reuses a remembered, unexpired code. */
export async function pairDevice(deps: PairingFlowDeps): Promise<{ deviceId: string; token: string } | null> {
  let pairing = deps.load();
  while (!deps.stopped()) {
    if (!pairing || pairing.expiresAt <= deps.now()) {
      deps.save(null);
      try {
        pairing = await requestPairingCode(deps.fetchFn);
        deps.save(pairing);
      } catch (err) {
        pairing = null;
        deps.show(null);
        await deps.sleep((err as { retryMs?: number }).retryMs ?? 30_000);
        continue;
      }
    }
    deps.show(pairing.code);
    const r = await pollPairingToken(pairing, deps.fetchFn);
    if (r.state === 'paired') {
      deps.save(null);
      return { deviceId: r.deviceId, token: r.token };
    }
    if (r.state === 'expired') pairing = null;
    else await deps.sleep(r.retryMs);
  }
  return null;
}
