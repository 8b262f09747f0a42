// The one line that tells which version of a content item plays and which newer one waits:
// "Phiên bản đang phát: v1 · Bản nháp mới: v2". An edit makes a new draft while the approved version
// keeps playing, so a person must see both numbers to know what the screens show now.
import type { ContentState } from './content-api';
import { fill, translate, type Lang, type MessageKey } from './i18n';

interface VersionRef {
  id: number;
  number: number;
  state: ContentState;
}

interface VersionLine {
  playing: number | null;
  /** The latest version when it is not the one playing. */
  pending: { number: number; state: ContentState } | null;
}

export function versionLineOf(c: { playing: VersionRef | null; latest: VersionRef | null }): VersionLine {
  const pending = c.latest && c.latest.id !== c.playing?.id ? { number: c.latest.number, state: c.latest.state } : null;
  return { playing: c.playing?.number ?? null, pending };
}

/** The line in a language, its parts joined by " · ". */
export function versionLineText(line: VersionLine, language: Lang): string {
  const parts = [
    line.playing === null
      ? translate(language, 'versions.nonePlaying')
      : fill(translate(language, 'versions.playing'), { n: line.playing }),
  ];
  if (line.pending)
    parts.push(fill(translate(language, `versions.${line.pending.state}` satisfies MessageKey), { n: line.pending.number }));
  return parts.join(' · ');
}
