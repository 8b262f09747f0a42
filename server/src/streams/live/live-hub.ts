// The live feeds on air (relays of external stations, later live announcements): each is published once, as
// MP3 frames from its one encoder, and heard by any number of players (over the live socket) at once. The hub
// only fans frames out; who may hear which feed is the live socket's business (the device's own timeline).
/** ffmpeg output arguments of the MP3 every live feed carries (mono speech and music at loudspeaker quality,
 *  64 kb/s, no tags, flushed frame by frame) to `out`. */
export const liveMp3Output = (out: string): string[] => [
  '-c:a',
  'libmp3lame',
  '-b:a',
  '64k',
  '-id3v2_version',
  '0',
  '-write_xing',
  '0',
  '-flush_packets',
  '1',
  '-f',
  'mp3',
  out,
];

export type LiveSink = {
  /** One or more whole MP3 frames. */
  frames: (mp3: Buffer) => void;
  /** The feed went off air (ended, or its source failed). */
  ended: () => void;
};

export type LivePublisher = {
  /** Whole MP3 frames as they are encoded. */
  write: (mp3: Buffer) => void;
  /** Off air: every listener is told, and the id may be published again. */
  end: () => void;
};

type Feed = { sinks: Set<LiveSink>; title: string; startedAt: number };

export function createLiveHub(clock: () => number = Date.now) {
  const feeds = new Map<string, Feed>();
  return {
    /** Puts a feed on air; a feed already on air under this id is ended first. */
    publish(id: string, title: string): LivePublisher {
      if (feeds.has(id)) endFeed(id);
      const feed: Feed = { sinks: new Set(), title, startedAt: clock() };
      feeds.set(id, feed);
      return {
        write(mp3) {
          if (feeds.get(id) !== feed) return;
          for (const s of feed.sinks) {
            // A failing listener must not stop the others, nor the feed.
            try {
              s.frames(mp3);
            } catch {
              feed.sinks.delete(s);
            }
          }
        },
        end: () => {
          if (feeds.get(id) === feed) endFeed(id);
        },
      };
    },
    /** Hears a feed; null when it is not on air. Answers the function that stops hearing it. */
    subscribe(id: string, sink: LiveSink): (() => void) | null {
      const feed = feeds.get(id);
      if (!feed) return null;
      feed.sinks.add(sink);
      return () => void feed.sinks.delete(sink);
    },
    isOn: (id: string) => feeds.has(id),
    /** The feeds on air now, with how many hear each (dashboard, tests). */
    onAir: () => [...feeds.entries()].map(([id, f]) => ({ id, title: f.title, startedAt: f.startedAt, listeners: f.sinks.size })),
  };

  function endFeed(id: string) {
    const feed = feeds.get(id);
    if (!feed) return;
    feeds.delete(id);
    for (const s of feed.sinks) {
      try {
        s.ended();
      } catch {
        // nothing more to tell it
      }
    }
    feed.sinks.clear();
  }
}
export type LiveHub = ReturnType<typeof createLiveHub>;
