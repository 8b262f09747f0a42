import { describe, expect, it } from 'vitest';
import { nameMismatch } from './name-mismatch';

const png = { kind: 'image', format: 'png', extension: '.png' } as const;

describe('nameMismatch', () => {
  it('warns when a PNG image is named .mp4, in Vietnamese and English', () => {
    expect(nameMismatch('x.mp4', png)).toEqual({
      code: 'media_name_mismatch',
      params: { ext: '.mp4', kind: 'image', format: 'PNG' },
      vi: 'Tệp tên .mp4 nhưng nội dung là ảnh PNG',
      en: 'The file is named .mp4 but contains a PNG image',
    });
  });

  it('says nothing when the extension matches, whatever its case', () => {
    expect(nameMismatch('poster.PNG', png)).toBeNull();
  });

  it('accepts the usual other names of a container', () => {
    expect(nameMismatch('photo.jpeg', { kind: 'image', format: 'jpeg', extension: '.jpg' })).toBeNull();
    expect(nameMismatch('clip.mov', { kind: 'video', format: 'mp4', extension: '.mp4' })).toBeNull();
    expect(nameMismatch('song.mp4', { kind: 'audio', format: 'm4a', extension: '.m4a' })).toBeNull();
  });

  it('says nothing for a name without an extension', () => {
    expect(nameMismatch('poster', png)).toBeNull();
  });

  it('names a video with the right article in English', () => {
    expect(nameMismatch('clip.png', { kind: 'video', format: 'mp4', extension: '.mp4' })?.en).toBe('The file is named .png but contains an MP4 video');
  });
});
