// What the server acknowledged, as facts the data directory must still show after any number of kills.
// A fact holds the last acknowledged value plus the values a write in flight at a kill may have left
// (`maybe`): a request that got no answer may or may not have committed, and both outcomes are correct.
// After each restart the checker compares, then adopts what it saw, so an unanswered write is judged once.
export type VState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn' | 'expired';

export type VersionFact = { id: number; contentId: number; number: number; sha: string; state: VState; maybe: Set<VState> };
export type ContentFact = {
  id: number;
  kind: 'message' | 'clip';
  owner: string;
  /** One operation at a time per content item, across staff clients. */
  busy: boolean;
  /** An edit got no answer: the item may have versions this ledger does not know yet. */
  unknownVersions: boolean;
  /** Newest version number acknowledged as approved: the playing version is that one or newer. */
  approvedNumber: number | null;
};
export type MediaFact = { sha256: string; size: number; kind: 'image' | 'audio'; owner: string; used: boolean };
export type ScheduleFact = { id: number; contentId: number; owner: string; name: string; maybe: Set<string>; busy: boolean };
export type DeviceFact = { id: number; kind: 'led' | 'kiosk'; name: string; maybe: Set<string>; tokenHash: string | null; busy: boolean };

export class Ledger {
  readonly media = new Map<string, MediaFact>();
  readonly contents = new Map<number, ContentFact>();
  readonly versions = new Map<number, VersionFact>();
  readonly schedules = new Map<number, ScheduleFact>();
  readonly devices = new Map<number, DeviceFact>();
  readonly users = new Map<string, string[]>();
  /** eventId → device id, for every play record the server acknowledged. */
  readonly plays = new Map<string, number>();
  /** Acknowledged writes by kind (one per 2xx write request, one per acknowledged play record). */
  readonly acked = new Map<string, number>();
  /** Facts found missing or wrong after a restart, each counted once. */
  readonly lost = new Map<string, string>();
  /** Unexpected answers (4xx/5xx) by route, for the report. */
  readonly httpErrors = new Map<string, number>();

  ack(kind: string, n = 1): void {
    this.acked.set(kind, (this.acked.get(kind) ?? 0) + n);
  }

  get ackedTotal(): number {
    let n = 0;
    for (const v of this.acked.values()) n += v;
    return n;
  }

  lose(key: string, detail: string): void {
    if (this.lost.has(key)) return;
    this.lost.set(key, detail);
    process.stderr.write(`LOST ${key}: ${detail}\n`);
  }

  httpError(what: string, status: number, body: unknown): void {
    const key = `${what} ${status}`;
    const n = (this.httpErrors.get(key) ?? 0) + 1;
    this.httpErrors.set(key, n);
    if (n <= 3) process.stderr.write(`unexpected ${key}: ${JSON.stringify(body).slice(0, 300)}\n`);
  }

  versionsOf(contentId: number): VersionFact[] {
    return [...this.versions.values()].filter((v) => v.contentId === contentId).sort((a, b) => a.number - b.number);
  }

  latestOf(contentId: number): VersionFact | undefined {
    return this.versionsOf(contentId).at(-1);
  }

  addVersion(v: { id: number; contentId: number; number: number; sha: string; state: VState }): VersionFact {
    const fact: VersionFact = { ...v, maybe: new Set() };
    this.versions.set(v.id, fact);
    return fact;
  }
}

export function pick<T>(xs: readonly T[]): T | undefined {
  return xs.length ? xs[Math.floor(Math.random() * xs.length)] : undefined;
}
