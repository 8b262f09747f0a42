// Reads an ICY-interleaved stream back into audio bytes and StreamTitle values, the way a player does.
import { ICY_METAINT } from '../../src/streams/fanout/icy';

export function createIcyReader(metaint = ICY_METAINT) {
  let untilMeta = metaint;
  let pending = Buffer.alloc(0);
  let metaLeft = -1; // -1: expecting audio or a length byte
  const audio: Buffer[] = [];
  const titles: string[] = [];
  return {
    audio,
    titles,
    push(chunk: Buffer) {
      let at = 0;
      while (at < chunk.length) {
        if (metaLeft < 0 && untilMeta > 0) {
          const n = Math.min(untilMeta, chunk.length - at);
          audio.push(chunk.subarray(at, at + n));
          untilMeta -= n;
          at += n;
        } else if (metaLeft < 0) {
          metaLeft = chunk[at++]! * 16;
          pending = Buffer.alloc(0);
        } else {
          const n = Math.min(metaLeft, chunk.length - at);
          pending = Buffer.concat([pending, chunk.subarray(at, at + n)]);
          metaLeft -= n;
          at += n;
        }
        if (metaLeft === 0) {
          const text = pending.toString('utf8').replace(/\0+$/, '');
          const m = /StreamTitle='(.*?)';/s.exec(text);
          if (m) titles.push(m[1]!);
          metaLeft = -1;
          untilMeta = metaint;
        }
      }
    },
  };
}
