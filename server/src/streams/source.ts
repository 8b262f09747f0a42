// The seam between a zone's encoder (what goes out) and the network fan-out (who hears it). One encoder per
// zone, however many listeners: the fan-out subscribes to a zone's encoded MP3 bytes and never slows the
// encoder down — a listener that cannot keep up is the fan-out's problem, not the encoder's.

/** One as-run span of a zone: what actually went out, from when to when, and why. */
export type AsRunSpan = {
  zoneId: number;
  /** Content id of the item, or null for silence / the attention tone. */
  contentId: number | null;
  title: string;
  startMs: number;
  endMs: number;
  /** Why it played: the schedule's class, an alert, or nothing scheduled. */
  reason: 'emergency' | 'priority' | 'normal' | 'fallback' | 'alert-tone' | 'silence' | 'quiet-hours';
};

export interface ZoneAudioSource {
  /**
   * Subscribes to a zone's encoded MP3 from now on (whole MP3 frames per call); returns the unsubscribe.
   * Returns null when the zone is not a running stream zone.
   */
  subscribe(zoneId: number, sink: (mp3: Buffer) => void): (() => void) | null;
  /** The title on air now, for ICY StreamTitle; '' during silence. */
  nowPlaying(zoneId: number): string;
  /** The zone's encoding (for icy-br and the response headers), or null when not running. */
  format(zoneId: number): { bitrateKbps: number; channels: 1 | 2 } | null;
  /**
   * The absolute path of one file of the zone's HLS output (`index.m3u8` or a segment name), or null when the
   * zone is not running or the name is not one of its current files (never a path outside its folder).
   */
  hlsFile(zoneId: number, name: string): string | null;
}
