import { describe, expect, it } from 'vitest';
import { ingestCodeOf as codeOf } from '../../../test/support/ingest-error';
import { MAX_FILE_NAME_BYTES, sanitiseFileName } from './sanitise-file-name';

describe('sanitiseFileName', () => {
  it('keeps an ordinary Vietnamese name', () => {
    expect(sanitiseFileName('Quy tắc ứng xử – phường 5.mp4')).toBe('Quy tắc ứng xử – phường 5.mp4');
  });

  it('normalises decomposed Vietnamese (NFD from macOS) to NFC', () => {
    const nfd = 'Thông báo.png'.normalize('NFD');
    expect(nfd).not.toBe('Thông báo.png');
    expect(sanitiseFileName(nfd)).toBe('Thông báo.png');
  });

  it('decodes a name given as UTF-8 bytes', () => {
    expect(sanitiseFileName(new TextEncoder().encode('loa phát thanh.mp3'))).toBe('loa phát thanh.mp3');
  });

  it('strips the client path some browsers send', () => {
    expect(sanitiseFileName('C:\\Users\\lan\\Videos\\clip.mp4')).toBe('clip.mp4');
    expect(sanitiseFileName('/home/lan/clip.mp4')).toBe('clip.mp4');
  });

  it.each(['../../etc/passwd', '..\\..\\boot.ini', 'a/../b.png', '..'])('rejects path traversal in %j', (name) => {
    expect(codeOf(() => sanitiseFileName(name))).toBe('file_name_invalid');
  });

  it('rejects bytes that are not UTF-8', () => {
    expect(codeOf(() => sanitiseFileName(Uint8Array.from([0x61, 0xff, 0xfe, 0x2e, 0x6d])))).toBe('file_name_invalid');
    expect(codeOf(() => sanitiseFileName(Uint8Array.from([0xc3, 0x28])))).toBe('file_name_invalid');
  });

  it('rejects strings that carry a replacement character or a lone surrogate', () => {
    expect(codeOf(() => sanitiseFileName('clip\ufffd.mp4'))).toBe('file_name_invalid');
    expect(codeOf(() => sanitiseFileName('clip\ud800.mp4'))).toBe('file_name_invalid');
  });

  it.each(['a\u0000b.png', 'line\nbreak.png', 'bell\u0007.png', 'c1\u0085.png', 'gpj\u202e.exe'])(
    'rejects control and bidi-override characters in %j',
    (name) => {
      expect(codeOf(() => sanitiseFileName(name))).toBe('file_name_invalid');
    },
  );

  it.each(['', '   ', '...', 'dir/'])('rejects the empty name %j', (name) => {
    expect(codeOf(() => sanitiseFileName(name))).toBe('file_name_invalid');
  });

  it('shortens a long name to the byte limit, on a character boundary, keeping the extension', () => {
    const long = `${'phường '.repeat(60)}.webm`;
    const result = sanitiseFileName(long);
    expect(Buffer.byteLength(result)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(result.endsWith('.webm')).toBe(true);
    expect(result).not.toContain('\ufffd');
    expect(result.normalize('NFC')).toBe(result);
  });
});
