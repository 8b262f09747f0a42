// Live items (tiếp âm) in the player core: a speaker may always play one (no file, it is heard over the live
// socket), a screen never; proof of play records them like any other item.
import { describe, expect, it } from 'vitest';
import { liveSha256, type TimelineItem } from '@bantin/protocol/core';
import { HOUR, setupCore, T0 } from '../test-support/core-harness';
import { item, segment, timeline } from '../test-support/timelines';

const tick = () => new Promise((r) => setImmediate(r));

const relay: TimelineItem = {
  ...item('relay-item', HOUR, 'audio'),
  sha256: liveSha256('relay:7'),
  live: { id: 'relay:7', title: 'VOV1' },
};
const jingle = item('jingle', 10_000, 'audio');
/** The live item is in no media manifest: only the jingle's file is. */
const day = {
  ...timeline(T0, T0 + 24 * HOUR, [segment(T0, T0 + HOUR, [relay], { mode: 'once' }), segment(T0 + HOUR, T0 + 2 * HOUR, [jingle])]),
};
day.media = day.media.filter((m) => m.sha256 !== relay.sha256);

describe('live items in the player core', () => {
  it('a speaker can always show a live item, though no file of it is ready', async () => {
    const { core } = setupCore('speaker');
    core.start(day);
    await tick();
    expect(core.canShow(relay)).toBe(true);
    expect(core.state().now?.item?.id).toBe('relay-item');
  });

  it('a screen never shows one', async () => {
    for (const kind of ['led', 'kiosk'] as const) {
      const { core } = setupCore(kind);
      core.start(day);
      await tick();
      expect(core.canShow(relay), kind).toBe(false);
    }
  });

  it('records the live item as played on a speaker, and as failed on a screen', async () => {
    for (const [kind, result] of [
      ['speaker', 'completed'],
      ['led', 'failed'],
    ] as const) {
      const { clock, core, playsStore } = setupCore(kind);
      core.start(day);
      await tick();
      clock.advance(HOUR + 1000);
      await tick();
      const records = (await playsStore.oldest(100)).filter((r) => r.contentId === relay.contentId);
      expect(
        records.map((r) => r.result),
        kind,
      ).toEqual([result]);
    }
  });
});
