// Pure rules of a content version: its canonical hash (what an approval binds to) and its display time.
import { createHash } from 'node:crypto';

export type VersionHashInput = {
  kind: string;
  title: string;
  body: string;
  fields: Record<string, unknown>;
  tags: string[];
  validFrom: number | null;
  validTo: number | null;
  durationMs: number;
  mediaSha256: string | null;
  speechSha256: string | null;
  files: string[];
};

function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const o = value as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

/** sha256 over every byte-relevant part of a version, the sha256 of each file it uses included. */
export function versionHash(v: VersionHashInput): string {
  return createHash('sha256').update(canonical(v), 'utf8').digest('hex');
}

/** Seconds a text needs on screen at a reading speed (words per minute), never under `min`. */
export function readingSeconds(text: string, wordsPerMinute: number, min = 8): number {
  const words = text.trim().split(/\s+/u).filter(Boolean).length;
  return Math.max(min, Math.ceil((words / wordsPerMinute) * 60) + 2);
}
