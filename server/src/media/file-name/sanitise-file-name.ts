// Makes an uploaded file name safe to keep and show. The name is display data only (content lives under
// its sha256), but it reaches the dashboard, reports and Content-Disposition headers, so it is checked:
// valid UTF-8, NFC (Vietnamese typed on different keyboards compares equal), no control or bidi-override
// characters, no path, bounded length.
import { IngestError } from '../errors';

export const MAX_FILE_NAME_BYTES = 200;

// C0, DEL, C1 controls, and the bidi embedding/override/isolate marks that can disguise an extension.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function invalid(vi: string, en: string): IngestError {
  return new IngestError('file_name_invalid', 400, { vi: `Tên tệp không hợp lệ: ${vi}`, en: `Invalid file name: ${en}` });
}

function decode(raw: string | Uint8Array): string {
  if (typeof raw === 'string') {
    // U+FFFD is what a lenient decoder left where bytes were not UTF-8: treat it as the invalid bytes it was.
    if (LONE_SURROGATE.test(raw) || raw.includes('\ufffd')) throw invalid('không phải UTF-8.', 'not valid UTF-8.');
    return raw;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(raw);
  } catch {
    throw invalid('không phải UTF-8.', 'not valid UTF-8.');
  }
}

const utf8Length = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Cuts the stem (keeping the extension) on a code point boundary until the name fits. */
function limitLength(name: string, maxBytes: number): string {
  if (utf8Length(name) <= maxBytes) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = Array.from(extension ? name.slice(0, dot) : name);
  while (stem.length > 0 && utf8Length(stem.join('') + extension) > maxBytes) stem.pop();
  return stem.join('').trimEnd() + extension;
}

export function sanitiseFileName(raw: string | Uint8Array, maxBytes = MAX_FILE_NAME_BYTES): string {
  const name = decode(raw).normalize('NFC');
  if (FORBIDDEN.test(name)) throw invalid('có ký tự điều khiển.', 'contains control characters.');
  const segments = name.split(/[\\/]/);
  if (segments.some((segment) => segment.trim() === '..')) {
    throw invalid('không được chứa đường dẫn "..".', 'must not contain a ".." path.');
  }
  // Some browsers send the full client path (C:\Users\…\clip.mp4): keep only the last part.
  const base = (segments[segments.length - 1] ?? '').trim().replace(/^\ufeff/, '').replace(/[. ]+$/, '');
  if (base === '' || /^\.+$/.test(base)) throw invalid('tên trống.', 'the name is empty.');
  return limitLength(base, maxBytes);
}
