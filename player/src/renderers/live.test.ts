import { describe, expect, it } from 'vitest';
import { liveSha256, type TimelineItem } from '@bantin/protocol/core';
import { item } from '../test-support/timelines';
import { AudioRenderer } from './audio';
import { needsFile, rendererFor } from './index';
import { attachLiveAudio, canPlayLive, LiveRenderer } from './live';

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

describe('attachLiveAudio', () => {
  it('ignores the updateend of an append aborted by close (the removed SourceBuffer is never read)', () => {
    class FakeSourceBuffer extends EventTarget {
      updating = false;
      mode = 'segments';
      removed = false;
      appended = 0;
      get buffered(): TimeRanges {
        if (this.removed) throw new Error("Failed to read the 'buffered' property from 'SourceBuffer': removed");
        return { length: 1, start: () => 0, end: () => 0.5 } as unknown as TimeRanges;
      }
      appendBuffer() {
        this.appended++;
        this.updating = true;
      }
    }
    class FakeMediaSource extends EventTarget {
      readyState: 'closed' | 'open' | 'ended' = 'closed';
      sb = new FakeSourceBuffer();
      addSourceBuffer() {
        return this.sb;
      }
      endOfStream() {
        this.readyState = 'ended';
      }
    }
    const made: FakeMediaSource[] = [];
    const g = globalThis as unknown as Record<string, unknown>;
    const saved = { MediaSource: g.MediaSource, createObjectURL: URL.createObjectURL, revokeObjectURL: URL.revokeObjectURL };
    g.MediaSource = class extends FakeMediaSource {
      constructor() {
        super();
        made.push(this);
      }
    };
    URL.createObjectURL = () => 'blob:live';
    URL.revokeObjectURL = () => undefined;
    try {
      const el = { paused: true, currentTime: 0, src: '', play: () => Promise.resolve(), pause() {}, removeAttribute() {}, load() {} };
      const failures: string[] = [];
      const audio = attachLiveAudio(el as unknown as HTMLAudioElement, () => failures.push('fail'));
      const ms = made[0]!;
      ms.readyState = 'open';
      ms.dispatchEvent(new Event('sourceopen'));
      audio.append(new ArrayBuffer(64));
      expect(ms.sb.appended).toBe(1);
      // The feed ends while the append runs: the browser detaches the MediaSource and aborts the append.
      audio.close();
      ms.readyState = 'closed';
      ms.sb.removed = true;
      ms.sb.updating = false;
      expect(() => ms.sb.dispatchEvent(new Event('updateend'))).not.toThrow();
      expect(failures).toEqual([]);
    } finally {
      g.MediaSource = saved.MediaSource;
      URL.createObjectURL = saved.createObjectURL;
      URL.revokeObjectURL = saved.revokeObjectURL;
    }
  });
});
