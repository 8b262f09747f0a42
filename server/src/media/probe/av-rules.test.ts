import { describe, expect, it } from 'vitest';
import { ingestCodeOf as codeOf } from '../../../test/support/ingest-error';
import { declaredDuration, evaluateAv } from './av-rules';
import type { FfprobeData, FfprobeStream } from './ffprobe';

const MAX = 50_000_000;
const h264: FfprobeStream = { index: 0, codec_type: 'video', codec_name: 'h264', pix_fmt: 'yuv420p', width: 1920, height: 1080 };
const aac: FfprobeStream = { index: 1, codec_type: 'audio', codec_name: 'aac' };
const data = (streams: FfprobeStream[], duration = '10.0'): FfprobeData => ({ streams, format: { duration } });

describe('evaluateAv', () => {
  it('accepts H.264 + AAC in MP4 as video with its size and duration', () => {
    expect(evaluateAv('mp4', data([h264, aac]), MAX)).toMatchObject({
      kind: 'video',
      mimeType: 'video/mp4',
      width: 1920,
      height: 1080,
      durationSeconds: 10,
      hasAudio: true,
    });
  });

  it('reports the upright size of a phone video stored with a 90° rotation', () => {
    const rotated = { ...h264, side_data_list: [{ rotation: -90 }] };
    expect(evaluateAv('mp4', data([rotated]), MAX)).toMatchObject({ width: 1080, height: 1920 });
  });

  it('treats MP3 cover art as a picture, not as video', () => {
    const cover: FfprobeStream = { index: 1, codec_type: 'video', codec_name: 'mjpeg', disposition: { attached_pic: 1 } };
    const mp3: FfprobeStream = { index: 0, codec_type: 'audio', codec_name: 'mp3' };
    expect(evaluateAv('mp3', data([mp3, cover]), MAX)).toMatchObject({ kind: 'audio', videoCodec: null });
  });

  it('treats an MP4 holding only AAC as M4A audio', () => {
    expect(evaluateAv('mp4', data([aac]), MAX)).toMatchObject({ kind: 'audio', mimeType: 'audio/mp4', extension: '.m4a' });
  });

  it.each([
    ['mp4', [{ ...h264, codec_name: 'vp9' }]],
    ['webm', [{ ...h264 }]],
    ['webm', [{ ...h264, codec_name: 'av1' }]],
    ['mp4', [h264, { ...aac, codec_name: 'ac3' }]],
    ['webm', [{ ...h264, codec_name: 'vp9' }, { ...aac }]],
    ['mp4', [{ ...h264, pix_fmt: 'yuv420p10le' }]],
    ['m4a', [{ ...aac, codec_name: 'alac' }]],
    ['ogg', [{ ...aac, codec_name: 'flac' }]],
    ['ogg', [{ ...h264, codec_name: 'theora' }]],
    ['wav', [{ ...aac, codec_name: 'pcm_mulaw' }]],
  ] as const)('refuses %s with streams %j as unsupported_codec', (format, streams) => {
    expect(codeOf(() => evaluateAv(format, data([...streams]), MAX))).toBe('unsupported_codec');
  });

  it('refuses a frame larger than the pixel limit', () => {
    expect(codeOf(() => evaluateAv('mp4', data([{ ...h264, width: 10000, height: 10000 }]), MAX))).toBe('too_many_pixels');
  });

  it('refuses a file whose duration cannot be read as truncated', () => {
    expect(codeOf(() => evaluateAv('mp4', data([h264], 'N/A'), MAX))).toBe('truncated');
  });

  it('refuses a container with no audio or video stream as corrupt', () => {
    expect(codeOf(() => evaluateAv('webm', data([]), MAX))).toBe('corrupt');
  });
});

describe('declaredDuration', () => {
  it('answers the longest duration the container or a stream declares, or null when none does (a live WebM)', () => {
    const opus: FfprobeStream = { index: 0, codec_type: 'audio', codec_name: 'opus' };
    expect(declaredDuration(data([opus], '3.008'))).toBe(3.008);
    expect(declaredDuration({ streams: [{ ...opus, duration: '4.5' }], format: { duration: '3' } })).toBe(4.5);
    expect(declaredDuration({ streams: [opus], format: {} })).toBeNull();
    expect(declaredDuration(data([opus], 'N/A'))).toBeNull();
  });
});
