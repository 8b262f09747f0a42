// Pre-check findings highlighted in the reviewed text: a finding's span (UTF-16 offsets into one field,
// as the server's pre-checks compute them) becomes a marked segment. Overlapping spans merge into one
// segment that lists every finding covering it, so nothing is hidden and nothing is marked twice.
import type { Finding } from './content-api';

export type { Finding };
type Severity = Finding['severity'];

interface Segment {
  text: string;
  start: number;
  /** Indexes into the findings array of those covering this segment; empty = plain text. */
  findings: number[];
  /** The worst severity among them, for the colour. */
  severity: Severity | null;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * Cuts `text` into consecutive segments at every span boundary of the findings on `field`. Spans are
 * clamped to the text; empty or out-of-range spans mark nothing. Joining the segments gives back `text`.
 */
export function segmentText(text: string, findings: readonly Finding[], field: string): Segment[] {
  const spans = findings
    .map((f, index) => ({ f, index }))
    .filter(({ f }) => f.field === field && f.span)
    .map(({ f, index }) => ({
      index,
      severity: f.severity,
      start: Math.max(0, Math.min(text.length, f.span!.start)),
      end: Math.max(0, Math.min(text.length, f.span!.end)),
    }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) cuts.add(s.start).add(s.end);
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering = spans.filter((s) => s.start <= start && s.end >= end);
    const severity = covering.reduce<Severity | null>((worst, s) => (!worst || RANK[s.severity] > RANK[worst] ? s.severity : worst), null);
    const last = segments[segments.length - 1];
    const ids = covering.map((s) => s.index);
    // Neighbours covered by exactly the same findings read as one mark.
    if (last && sameIds(last.findings, ids)) last.text += text.slice(start, end);
    else segments.push({ text: text.slice(start, end), start, findings: ids, severity });
  }
  return segments;
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The worst severity among findings, or null when there are none. */
export function worstSeverity(findings: readonly Finding[]): Severity | null {
  return findings.reduce<Severity | null>((w, f) => (!w || RANK[f.severity] > RANK[w] ? f.severity : w), null);
}
