// The ward portal's public pages, rendered on the server without script: the list of public messages (/p/),
// one message with its share link and Open Graph tags (/p/<publicId>), and the not-found page. Vietnamese
// first; every text from content or settings is escaped.
import { escapeHtml as esc } from '../reports/html-escape';
import type { PortalSnapshot, PublicItem } from '../services/public/portal-service';
import { FEED_TITLE, feedUrl, pageUrl, type PortalLinks } from './feeds';

export const PORTAL_CSS_PATH = '/p/portal.css';
const DESCRIPTION_CHARS = 200;

export type PageContext = PortalLinks & { publisher: string; tz: string };

const localTime = (p: PageContext, iso: string) =>
  new Intl.DateTimeFormat('vi-VN', { timeZone: p.tz, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const excerpt = (body: string) => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length <= DESCRIPTION_CHARS ? flat : `${flat.slice(0, DESCRIPTION_CHARS - 1).trimEnd()}…`;
};

function page(p: PageContext, o: { title: string; head?: string; main: string }): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(o.title)}</title>
<link rel="stylesheet" href="${PORTAL_CSS_PATH}">
<link rel="alternate" type="application/atom+xml" title="${esc(FEED_TITLE)}" href="${esc(feedUrl(p, 'atom'))}">
<link rel="alternate" type="application/feed+json" title="${esc(FEED_TITLE)}" href="${esc(feedUrl(p, 'json'))}">
${o.head ?? ''}</head>
<body>
<header><p>${esc(p.publisher)}</p></header>
<main>
${o.main}
</main>
<footer><p>Bản tin: <a href="${esc(feedUrl(p, 'atom'))}">Atom</a> · <a href="${esc(feedUrl(p, 'json'))}">JSON Feed</a> / Feeds</p></footer>
</body>
</html>
`;
}

const validity = (p: PageContext, i: PublicItem) =>
  `Đăng lúc ${esc(localTime(p, i.publishedAt))}${i.updatedAt !== i.publishedAt ? `, cập nhật ${esc(localTime(p, i.updatedAt))}` : ''}${
    i.validTo ? `. Hiệu lực đến ${esc(localTime(p, i.validTo))}` : ''
  }.`;

export function renderListPage(s: PortalSnapshot, p: PageContext): string {
  const items = s.items.length
    ? s.items
        .map(
          (i) => `<article>
<h2><a href="${esc(pageUrl(p, i.publicId))}">${esc(i.title)}</a></h2>
<p class="meta">${validity(p, i)}</p>
<p>${esc(excerpt(i.body))}</p>
</article>`,
        )
        .join('\n')
    : '<p>Hiện chưa có thông tin công khai. / There are no public notices at the moment.</p>';
  return page(p, {
    title: `Thông tin công khai — ${p.publisher}`,
    head: `<link rel="canonical" href="${esc(pageUrl(p))}">\n`,
    main: `<h1>Thông tin công khai <small lang="en">/ Public notices</small></h1>\n${items}`,
  });
}

export function renderItemPage(i: PublicItem, p: PageContext): string {
  const url = pageUrl(p, i.publicId);
  const facebook = `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
  const og = [
    ['og:type', 'article'],
    ['og:locale', 'vi_VN'],
    ['og:site_name', p.publisher],
    ['og:title', i.title],
    ['og:description', excerpt(i.body)],
    ['og:url', url],
    ['article:published_time', i.publishedAt],
    ['article:modified_time', i.updatedAt],
  ]
    .map(([k, v]) => `<meta property="${k}" content="${esc(v!)}">`)
    .join('\n');
  return page(p, {
    title: `${i.title} — ${p.publisher}`,
    head: `<meta name="description" content="${esc(excerpt(i.body))}">\n<link rel="canonical" href="${esc(url)}">\n${og}\n`,
    main: `<article>
<h1>${esc(i.title)}</h1>
<p class="meta">${validity(p, i)}</p>
<div class="body">${esc(i.body)}</div>
</article>
<section class="share">
<h2>Chia sẻ <small lang="en">/ Share</small></h2>
<p><label for="share-url">Liên kết của tin này / Link to this notice</label>
<input id="share-url" readonly value="${esc(url)}"></p>
<p><a href="${esc(url)}" rel="bookmark">Liên kết chia sẻ</a> · <a href="${esc(facebook)}" rel="noopener noreferrer" target="_blank">Chia sẻ lên Facebook</a></p>
</section>
<p><a href="${esc(pageUrl(p))}">← Tất cả thông tin công khai / All public notices</a></p>`,
  });
}

export function renderNotFoundPage(p: PageContext): string {
  return page(p, {
    title: 'Không tìm thấy / Not found',
    head: '<meta name="robots" content="noindex">\n',
    main: `<h1>Không tìm thấy thông tin này</h1>
<p>Thông tin có thể đã hết hiệu lực, đã được rút lại hoặc địa chỉ không đúng.</p>
<p lang="en">Not found: this notice may have expired or been withdrawn, or the address is wrong.</p>
<p><a href="${esc(pageUrl(p))}">Xem các thông tin công khai hiện có / See the current public notices</a></p>`,
  });
}
