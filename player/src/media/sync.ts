// Brings the local media store in line with a timeline's manifest: downloads what is missing one file at a
// time (a screen has little memory), keeps a file only if its sha256 and size match the manifest, and evicts
// files no longer referenced. The set it reports as ready is the only thing renderers may show.
import type { MediaRef } from '@bantin/protocol/core';
import type { MediaStore } from './store';

export interface MediaSyncDeps {
  store: MediaStore;
  fetchBytes(ref: MediaRef): Promise<ArrayBuffer>;
  hash(bytes: ArrayBuffer): Promise<string>;
  onError?(message: string): void;
  onReady?(sha256: string): void;
}

export interface SyncReport {
  ready: Set<string>;
  missing: string[];
  /** Bytes of the manifest files present. */
  bytes: number;
}

export interface MediaSync {
  /** Sync to `manifest`; `keep` are extra files to hold on to (an alert's speech). */
  sync(manifest: readonly MediaRef[], keep?: readonly MediaRef[]): Promise<SyncReport>;
  ready(): ReadonlySet<string>;
}

export function createMediaSync(deps: MediaSyncDeps): MediaSync {
  let ready = new Set<string>();
  let running: Promise<SyncReport> | null = null;
  let queued: { manifest: readonly MediaRef[]; keep: readonly MediaRef[] } | null = null;

  async function fetchVerified(ref: MediaRef): Promise<boolean> {
    let bytes: ArrayBuffer;
    try {
      bytes = await deps.fetchBytes(ref);
    } catch (err) {
      deps.onError?.(`media ${ref.sha256.slice(0, 12)}: ${err instanceof Error ? err.message : 'download failed'}`);
      return false;
    }
    const actual = await deps.hash(bytes);
    // Alert media links carry no size (size < 0): the sha256 alone decides.
    if (actual !== ref.sha256 || (ref.size >= 0 && bytes.byteLength !== ref.size)) {
      deps.onError?.(`media ${ref.sha256.slice(0, 12)}: sha256 or size mismatch, refused`);
      return false;
    }
    return deps.store.put(ref.sha256, bytes, ref.mime);
  }

  async function run(manifest: readonly MediaRef[], keep: readonly MediaRef[]): Promise<SyncReport> {
    const wanted = new Map<string, MediaRef>();
    for (const ref of [...keep, ...manifest]) wanted.set(ref.sha256, ref);
    let present: Set<string>;
    try {
      present = new Set(await deps.store.list());
    } catch {
      present = new Set();
    }
    for (const sha of present) if (!wanted.has(sha)) await deps.store.remove(sha).catch(() => undefined);
    ready = new Set([...present].filter((s) => wanted.has(s)));
    const missing: string[] = [];
    let bytes = 0;
    for (const ref of wanted.values()) {
      if (present.has(ref.sha256)) bytes += ref.size;
      else if (await fetchVerified(ref)) {
        // Usable as soon as it lands, not only when the whole manifest is in.
        ready.add(ref.sha256);
        bytes += ref.size;
        deps.onReady?.(ref.sha256);
      } else missing.push(ref.sha256);
    }
    return { ready, missing, bytes };
  }

  async function sync(manifest: readonly MediaRef[], keep: readonly MediaRef[] = []): Promise<SyncReport> {
    if (running) {
      // One sync at a time; only the latest request matters, so a burst of timelines costs one extra pass.
      queued = { manifest, keep };
      return running;
    }
    running = run(manifest, keep);
    try {
      return await running;
    } finally {
      running = null;
      const again = queued;
      queued = null;
      if (again) void sync(again.manifest, again.keep);
    }
  }

  return { sync, ready: () => ready };
}
