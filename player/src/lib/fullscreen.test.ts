import { describe, expect, it } from 'vitest';
import { enterFullscreen, exitFullscreen, isFullscreen } from './fullscreen';

describe('fullscreen helpers', () => {
  it('reports false when the API is missing', async () => {
    expect(await enterFullscreen({})).toBe(false);
    expect(await exitFullscreen({})).toBe(false);
    expect(isFullscreen({})).toBe(false);
  });

  it('reports false when the browser refuses without a user gesture', async () => {
    const target = { requestFullscreen: () => Promise.reject(new TypeError('Permissions check failed')) };
    expect(await enterFullscreen(target)).toBe(false);
  });

  it('reports true when the request is granted', async () => {
    const target = { requestFullscreen: () => Promise.resolve() };
    expect(await enterFullscreen(target)).toBe(true);
  });

  it('exits only when something is full screen', async () => {
    let exited = false;
    const doc = { fullscreenElement: {} as Element, exitFullscreen: async () => void (exited = true) };
    expect(isFullscreen(doc)).toBe(true);
    expect(await exitFullscreen(doc)).toBe(true);
    expect(exited).toBe(true);
  });
});
