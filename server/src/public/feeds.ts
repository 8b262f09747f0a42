// The ward portal's feeds of public messages: Atom 1.0 (RFC 4287) and JSON Feed 1.1, pure renderers of a
// snapshot. Entry ids are urn:uuid: of the item's public id, so they survive new versions and new hosts.
import { escapeHtml } from '../reports/html-escape';
import type { PortalSnapshot, PublicItem } from '../services/public/portal-service';

/** Where the feed and the pages are reached: the public origin and the paths under it. */
export type PortalLinks = { origin: string };
export const FEED_TITLE = 'Thông tin công khai của phường / Public notices of the ward';
const NEVER = '1970-01-01T00:00:00.000Z';

export const pageUrl = (l: PortalLinks, publicId?: string) => `${l.origin}/p/${publicId ? encodeURIComponent(publicId) : ''}`;
export const feedUrl = (l: PortalLinks, format: 'atom' | 'json') => `${l.origin}/feed/messages.${format}`;

// XML 1.0 cannot carry these code points at all, not even escaped.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const xml = (s: string) => escapeHtml(s.replace(NOT_XML, ''));

function atomEntry(l: PortalLinks, i: PublicItem): string {
  return `<entry>
<id>urn:uuid:${xml(i.publicId)}</id>
<title type="text">${xml(i.title)}</title>
<updated>${i.updatedAt}</updated>
<published>${i.publishedAt}</published>
<link rel="alternate" type="text/html" hreflang="vi" href="${xml(pageUrl(l, i.publicId))}"/>
<content type="text" xml:lang="vi">${xml(i.body)}</content>
</entry>`;
}

export function renderAtom(s: PortalSnapshot, l: PortalLinks): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
<id>urn:uuid:${xml(s.feedId)}</id>
<title type="text">${xml(FEED_TITLE)}</title>
<subtitle type="text">${xml(s.publisher)}</subtitle>
<updated>${s.updatedAt ?? NEVER}</updated>
<author><name>${xml(s.publisher)}</name></author>
<link rel="self" type="application/atom+xml" href="${xml(feedUrl(l, 'atom'))}"/>
<link rel="alternate" type="text/html" hreflang="vi" href="${xml(pageUrl(l))}"/>
<generator>bantin</generator>
${s.items.map((i) => atomEntry(l, i)).join('\n')}
</feed>
`;
}

export function renderJsonFeed(s: PortalSnapshot, l: PortalLinks): string {
  const author = { name: s.publisher };
  return `${JSON.stringify(
    {
      version: 'https://jsonfeed.org/version/1.1',
      title: FEED_TITLE,
      home_page_url: pageUrl(l),
      feed_url: feedUrl(l, 'json'),
      description: s.publisher,
      language: 'vi',
      authors: [author],
      items: s.items.map((i) => ({
        id: `urn:uuid:${i.publicId}`,
        url: pageUrl(l, i.publicId),
        title: i.title,
        content_text: i.body,
        date_published: i.publishedAt,
        date_modified: i.updatedAt,
        language: 'vi',
      })),
    },
    null,
    2,
  )}\n`;
}
