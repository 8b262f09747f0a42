// Content decides what a file is; when its name says otherwise (an image named .mp4) the editor and the
// reviewer are told, in Vietnamese and English, with the facts as params.
import type { MediaInfo } from '../types';

export interface NameWarning {
  code: 'media_name_mismatch';
  params: { ext: string; kind: MediaInfo['kind']; format: string };
  vi: string;
  en: string;
}

/** True for a stored warning as nameMismatch wrote it. */
export const isNameWarning = (v: unknown): v is NameWarning =>
  typeof v === 'object' && v !== null && (v as NameWarning).code === 'media_name_mismatch' && typeof (v as NameWarning).vi === 'string' && typeof (v as NameWarning).en === 'string';

/** Names that fit each detected container, besides its own extension. */
const ALIASES: Record<string, readonly string[]> = {
  '.jpg': ['.jpeg', '.jpe', '.jfif'],
  '.mp4': ['.m4v', '.mov'],
  '.m4a': ['.mp4'],
  '.ogg': ['.oga', '.opus'],
  '.wav': ['.wave'],
  '.aac': ['.m4a'],
};
const KIND_WORDS: Record<MediaInfo['kind'], { vi: string; en: string }> = {
  image: { vi: 'ảnh', en: 'image' },
  video: { vi: 'video', en: 'video' },
  audio: { vi: 'âm thanh', en: 'audio' },
  document: { vi: 'tài liệu', en: 'document' },
};
// Read letter by letter (M-P-4), a name starting with one of these sounds like a vowel: "an MP4 video".
const article = (word: string) => (/^[AEFHILMNORSX]/.test(word) ? 'an' : 'a');

/** The warning for a file whose name's extension does not match its content, or null (also for no extension). */
export function nameMismatch(fileName: string, info: Pick<MediaInfo, 'kind' | 'format' | 'extension'>): NameWarning | null {
  const m = /(\.[^./\\]{1,10})$/.exec(fileName);
  if (!m) return null;
  const ext = m[1]!.toLowerCase();
  if (ext === info.extension || (ALIASES[info.extension] ?? []).includes(ext)) return null;
  const format = info.format.toUpperCase();
  const words = KIND_WORDS[info.kind];
  return {
    code: 'media_name_mismatch',
    params: { ext, kind: info.kind, format },
    vi: `Tệp tên ${ext} nhưng nội dung là ${words.vi} ${format}`,
    en: `The file is named ${ext} but contains ${article(format)} ${format} ${words.en}`,
  };
}
