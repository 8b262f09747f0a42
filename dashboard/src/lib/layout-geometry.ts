// The arithmetic of the layout editor: regions move and resize on the layout's canvas in canvas pixels,
// snap to a grid and to the canvas edges, and never leave the canvas or shrink below the smallest region.
import { REGION_MIN, type Region } from '@bantin/protocol/core';

/** Canvas pixels per snap step. */
export const SNAP_PX = 20;

export type Canvas = { width: number; height: number };
export type Box = Pick<Region, 'x' | 'y' | 'w' | 'h'>;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
/** Nearest multiple of the step, or the limit itself when that is nearer (a 1080 canvas still reaches 1080). */
export function snap(v: number, limit: number, step = SNAP_PX): number {
  const s = Math.round(v / step) * step;
  return Math.abs(limit - v) < Math.abs(s - v) ? limit : s;
}

/** The box moved by (dx, dy) canvas pixels, snapped, kept whole inside the canvas. */
export function moveBox(b: Box, dx: number, dy: number, c: Canvas): Box {
  const x = clamp(snap(b.x + dx, c.width - b.w), 0, c.width - b.w);
  const y = clamp(snap(b.y + dy, c.height - b.h), 0, c.height - b.h);
  return { ...b, x, y };
}

/** The box with its bottom-right corner dragged by (dx, dy), snapped, at least REGION_MIN, inside the canvas. */
export function resizeBox(b: Box, dx: number, dy: number, c: Canvas): Box {
  const right = clamp(snap(b.x + b.w + dx, c.width), b.x + REGION_MIN, c.width);
  const bottom = clamp(snap(b.y + b.h + dy, c.height), b.y + REGION_MIN, c.height);
  return { ...b, w: right - b.x, h: bottom - b.y };
}

/** The scale that fits the canvas into a frame of the given width (and height, when given). */
export function fitScale(c: Canvas, frameWidth: number, frameHeight = Infinity): number {
  return Math.min(frameWidth / c.width, frameHeight / c.height, 1);
}
