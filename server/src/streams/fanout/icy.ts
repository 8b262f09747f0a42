// ICY (SHOUTcast/Icecast) in-stream metadata: a client that sends `Icy-MetaData: 1` gets `icy-metaint: N`
// and, after every N audio bytes, one length byte L followed by L×16 bytes of text such as
// `StreamTitle='Bản tin sáng';` padded with NUL bytes (L = 0: no text this time). Players (VLC, mpv,
// hardware receivers) show the title; clients that did not ask get the plain MP3.

/** Audio bytes between two metadata blocks; 16000 is the value SHOUTcast and Icecast use. */
export const ICY_METAINT = 16000;
const MAX_TEXT = 255 * 16;

/**
 * One metadata block for `title`. The value is delimited by quotes and ended by `';`, and players do not
 * unescape it, so a straight quote in a title is written as the typographic one (’) and stays readable.
 */
export function icyMetadataBlock(title: string): Buffer {
  const clean = title.replace(/'/g, '’').replace(/[\r\n\0]+/g, ' ');
  let text = Buffer.from(`StreamTitle='${clean}';`, 'utf8');
  if (text.length > MAX_TEXT) {
    // Cut the title on a character boundary so the block fits one length byte.
    let cut = clean;
    while (Buffer.byteLength(`StreamTitle='${cut}';`) > MAX_TEXT) cut = cut.slice(0, -1);
    text = Buffer.from(`StreamTitle='${cut}';`, 'utf8');
  }
  const blocks = Math.ceil(text.length / 16);
  const out = Buffer.alloc(1 + blocks * 16);
  out[0] = blocks;
  text.copy(out, 1);
  return out;
}

/** Interleaves metadata into one listener's audio: returns the bytes to send for each audio chunk. */
export function createIcyInterleaver(titleOf: () => string, metaint = ICY_METAINT) {
  let untilMeta = metaint;
  return (audio: Buffer): Buffer[] => {
    const parts: Buffer[] = [];
    let at = 0;
    while (audio.length - at >= untilMeta) {
      parts.push(audio.subarray(at, at + untilMeta), icyMetadataBlock(titleOf()));
      at += untilMeta;
      untilMeta = metaint;
    }
    if (at < audio.length) {
      parts.push(audio.subarray(at));
      untilMeta -= audio.length - at;
    }
    return parts;
  };
}
