import { describe, expect, it } from 'vitest';
import { liveSha256, type TimelineItem } from '@bantin/protocol/core';
import { item } from '../test-support/timelines';
import { AudioRenderer } from './audio';
import { needsFile, rendererFor } from './index';
import { canPlayLive, LiveRenderer } from './live';

const relay: TimelineItem = { ...item('relay', 60_000, 'audio'), sha256: liveSha256('relay:3'), live: { id: 'relay:3', title: 'VOV1' } };

describe('rendererFor', () => {
  it('picks the live renderer for a live item, and the kind’s renderer otherwise', () => {
    expect(rendererFor(relay)).toBe(LiveRenderer);
    expect(rendererFor(item('clip', 5000, 'audio'))).toBe(AudioRenderer);
  });

  it('fetches no file for a live item', () => {
    expect(needsFile(relay)).toBe(false);
    expect(needsFile(item('clip', 5000, 'audio'))).toBe(true);
    expect(needsFile(item('slide', 5000, 'text'))).toBe(false);
  });
});

describe('canPlayLive', () => {
  it('is false without MediaSource (the renderer then reports a failure)', () => {
    expect(typeof MediaSource).toBe('undefined');
    expect(canPlayLive()).toBe(false);
  });
});
