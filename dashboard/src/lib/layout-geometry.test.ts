import { describe, expect, it } from 'vitest';
import { fitScale, moveBox, resizeBox, snap } from './layout-geometry';

const canvas = { width: 1920, height: 1080 };

describe('layout editor geometry', () => {
  it('snaps to the grid, or to the canvas edge when that is nearer', () => {
    expect([snap(29, 1080), snap(31, 1080), snap(1075, 1080), snap(1065, 1080)]).toEqual([20, 40, 1080, 1060]);
  });

  it('moves a region by whole snap steps and keeps it inside the canvas', () => {
    const b = { x: 0, y: 960, w: 1920, h: 120 };
    expect(moveBox(b, 7, -33, canvas)).toEqual({ x: 0, y: 920, w: 1920, h: 120 });
    expect(moveBox(b, 500, 500, canvas)).toEqual({ x: 0, y: 960, w: 1920, h: 120 });
    expect(moveBox({ x: 100, y: 100, w: 300, h: 200 }, -1000, -1000, canvas)).toEqual({ x: 0, y: 0, w: 300, h: 200 });
  });

  it('resizes from the bottom-right corner, never below the smallest region or past the canvas', () => {
    const b = { x: 100, y: 100, w: 300, h: 200 };
    expect(resizeBox(b, 52, 11, canvas)).toEqual({ x: 100, y: 100, w: 360, h: 220 });
    expect(resizeBox(b, -1000, -1000, canvas)).toEqual({ x: 100, y: 100, w: 16, h: 16 });
    expect(resizeBox(b, 5000, 5000, canvas)).toEqual({ x: 100, y: 100, w: 1820, h: 980 });
  });

  it('fits the canvas into the frame, never enlarging it', () => {
    expect(fitScale(canvas, 960)).toBe(0.5);
    expect(fitScale({ width: 1080, height: 1920 }, 960, 480)).toBe(0.25);
    expect(fitScale({ width: 200, height: 100 }, 960)).toBe(1);
  });
});
