// Scales for the hand-made SVG charts of the reports (no chart library: the dashboard has a size budget).
// Pure arithmetic: domain → pixels, "nice" tick values, and band positions for bars.

/** Maps [d0, d1] linearly onto [r0, r1]; a zero-width domain maps everything to r0. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0;
  return (v) => (span === 0 ? r0 : r0 + ((v - d0) / span) * (r1 - r0));
}

/** A round step (1, 2 or 5 × 10ⁿ) that splits [0, max] into about `count` parts. */
export function niceStep(max: number, count: number): number {
  if (!(max > 0) || count < 1) return 1;
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  const nice = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10;
  return nice * mag;
}

/** Ticks 0, step, 2·step … up to the first value ≥ max (so the axis covers the data). Integers stay integers. */
export function niceTicks(max: number, count = 5, integer = false): number[] {
  let step = niceStep(max, count);
  if (integer) step = Math.max(1, Math.round(step));
  const ticks = [0];
  while (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Positions of n bars across [r0, r1]: each band's start and width, with `padding` (0..1) between bars. */
export function bandScale(n: number, r0: number, r1: number, padding = 0.2): { x: (i: number) => number; width: number } {
  if (n <= 0) return { x: () => r0, width: 0 };
  const step = (r1 - r0) / n;
  const width = step * (1 - padding);
  return { x: (i) => r0 + i * step + (step - width) / 2, width };
}

/** The SVG path of a polyline through points, skipping nulls (gaps in a series). */
export function linePath(points: readonly ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${round(p.x)},${round(p.y)}`;
    pen = true;
  }
  return d;
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
