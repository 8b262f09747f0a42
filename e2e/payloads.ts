// A corpus of XSS and injection payloads for the content-safety tests. Every payload that could
// run script calls the sentinel SENTINEL (sets top.__pwned); every payload that could load a resource
// points at MARKER_PATH; every element a payload could inject carries the attribute `data-xss`. So a test
// that puts these strings into text fields can check for real that no script ran (the sentinel was never
// set), nothing was fetched (no request to MARKER_PATH) and no markup was injected (no [data-xss] element),
// and that each string is shown literally. All strings are NFC and have no surrounding white space, so the
// API's text fields (normalised to NFC, trimmed) keep them exactly.

/** What a payload runs if it ever executes. The tests trap writes to window.__pwned. */
export const SENTINEL = 'top.__pwned=(top.__pwned||0)+1';
/** Where a payload that loads a resource points (a same-origin path, so CSP would allow the load). */
export const MARKER_PATH = '/__pwned/';

export type PayloadKind = 'html' | 'attribute' | 'url' | 'template' | 'unicode' | 'sql' | 'path' | 'text';

export interface Payload {
  id: string;
  kind: PayloadKind;
  text: string;
}

const S = SENTINEL;
const M = (id: string) => `${MARKER_PATH}${id}`;

const RAW: readonly Payload[] = [
  // Markup that runs script when parsed as HTML.
  { id: 'script', kind: 'html', text: `<script data-xss>${S}</script>` },
  { id: 'img-onerror', kind: 'html', text: `<img data-xss src=x onerror="${S}">` },
  { id: 'svg-onload', kind: 'html', text: `<svg data-xss onload="${S}">` },
  { id: 'svg-script', kind: 'html', text: `<svg data-xss><script>${S}</script></svg>` },
  { id: 'svg-animate', kind: 'html', text: `<svg><animate data-xss onbegin="${S}" attributeName=x dur=1s>` },
  { id: 'iframe-srcdoc', kind: 'html', text: `"><iframe data-xss srcdoc="<script>${S}</script>"></iframe>` },
  { id: 'details-toggle', kind: 'html', text: `<details data-xss open ontoggle="${S}">mở</details>` },
  { id: 'input-focus', kind: 'html', text: `<input data-xss autofocus onfocus="${S}">` },
  { id: 'body-onload', kind: 'html', text: `<body data-xss onload="${S}">` },
  { id: 'object-js', kind: 'html', text: `<object data-xss data="javascript:${S}"></object>` },
  { id: 'embed-marker', kind: 'html', text: `<embed data-xss src="${M('embed')}">` },
  { id: 'img-marker', kind: 'html', text: `<img data-xss src="${M('img')}">` },
  { id: 'link-css', kind: 'html', text: `<link data-xss rel="stylesheet" href="${M('css')}">` },
  { id: 'meta-refresh', kind: 'html', text: `<meta data-xss http-equiv="refresh" content="0;url=javascript:${S}">` },
  { id: 'base-href', kind: 'html', text: `<base data-xss href="http://127.0.0.2${M('base')}">` },
  { id: 'form-action', kind: 'html', text: `<form data-xss action="javascript:${S}"><button>Gửi</button></form>` },
  { id: 'video-source', kind: 'html', text: `<video data-xss><source onerror="${S}"></video>` },
  { id: 'style-url', kind: 'html', text: `<div data-xss style="background:url('${M('style')}')">nền</div>` },
  { id: 'alert-dialog', kind: 'html', text: `<img data-xss src=x onerror=alert(document.domain)>` },
  { id: 'mxss-noscript', kind: 'html', text: `<noscript><p title="</noscript><img data-xss src=x onerror=${S}>">` },
  { id: 'mxss-math', kind: 'html', text: `<math><mtext><table><mglyph><style><img data-xss src=x onerror=${S}>` },
  { id: 'entities', kind: 'html', text: `&lt;script&gt;${S}&lt;/script&gt; &#60;img src=x onerror=${S}&#62;` },
  // Breaking out of the attribute, element or string a value might be placed in.
  { id: 'attr-double', kind: 'attribute', text: `" data-xss autofocus onfocus="${S}" x="` },
  { id: 'attr-single', kind: 'attribute', text: `' data-xss autofocus onfocus='${S}' x='` },
  { id: 'attr-unquoted', kind: 'attribute', text: `x data-xss onmouseover=${S}` },
  { id: 'textarea-break', kind: 'attribute', text: `</textarea><img data-xss src=x onerror=${S}>` },
  { id: 'title-break', kind: 'attribute', text: `</title><script data-xss>${S}</script>` },
  { id: 'style-break', kind: 'attribute', text: `</style><img data-xss src=x onerror=${S}>` },
  { id: 'js-string', kind: 'attribute', text: `';${S};//\\";${S};//</script>` },
  // URLs that run script if used as a link or source.
  { id: 'js-url', kind: 'url', text: `javascript:${S}//` },
  { id: 'js-link', kind: 'url', text: `<a data-xss href="javascript:${S}">Bấm vào đây</a>` },
  { id: 'data-url', kind: 'url', text: 'data:text/html;base64,PHNjcmlwdD50b3AuX19wd25lZD0xPC9zY3JpcHQ+' },
  {
    id: 'polyglot',
    kind: 'url',
    text: `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${S} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${S}//>\\x3e`,
  },
  // Template engines (Angular, Vue, Handlebars, ERB, JS template literals).
  { id: 'tpl-constructor', kind: 'template', text: `{{constructor.constructor('${S}')()}}` },
  { id: 'tpl-literal', kind: 'template', text: `\${${S}} {{{${S}}}} <%= ${S} %> #{7*7}` },
  // Unicode tricks: direction overrides, zero-width characters, full-width brackets, NUL.
  { id: 'rtl-override', kind: 'unicode', text: `\u202e<img data-xss src=x onerror=${S}>\u202c gnp.exe` },
  { id: 'zero-width', kind: 'unicode', text: `<scr\u200bipt data-xss>${S}</scr\u200bipt>` },
  { id: 'fullwidth', kind: 'unicode', text: `＜script＞${S}＜/script＞` },
  { id: 'nul', kind: 'unicode', text: `<scr\u0000ipt>${S}</script>\u0000<img data-xss src=x onerror=${S}>` },
  {
    id: 'vietnamese',
    kind: 'unicode',
    text: `Thông báo khẩn: <b data-xss>ngập lụt</b> ở tổ dân phố số 5 – phường Bến Nghé, quận Một <img data-xss src=x onerror=${S}>`,
  },
  // SQL injection.
  { id: 'sql-drop', kind: 'sql', text: "'; DROP TABLE content; --" },
  { id: 'sql-or', kind: 'sql', text: '1 OR 1=1' },
  { id: 'sql-quote-or', kind: 'sql', text: "' OR '1'='1" },
  { id: 'sql-dq', kind: 'sql', text: '" OR ""="' },
  { id: 'sql-union', kind: 'sql', text: "' UNION SELECT username, password_hash FROM users --" },
  { id: 'sql-bobby', kind: 'sql', text: "Robert'); DROP TABLE users;--" },
  { id: 'sql-like', kind: 'sql', text: '%_%\\' },
  // Path traversal.
  { id: 'path-unix', kind: 'path', text: '../../../../etc/passwd' },
  { id: 'path-windows', kind: 'path', text: '..\\..\\..\\windows\\win.ini' },
  { id: 'path-encoded', kind: 'path', text: '%2e%2e%2f%2e%2e%2fetc%2fpasswd' },
  // Plain Vietnamese, to prove that ordinary text with diacritics goes through untouched alongside.
  { id: 'plain-vi', kind: 'text', text: 'Người dân tổ 7 đóng góp ý kiến về giờ làm việc của bộ phận một cửa — “rất tốt”' },
];

export const PAYLOADS: readonly Payload[] = RAW;

const byId = new Map(RAW.map((p) => [p.id, p]));
/** One payload by its id (throws on a typo). */
export function payload(id: string): string {
  const p = byId.get(id);
  if (!p) throw new Error(`no payload ${id}`);
  return p.text;
}

/** Payloads of at most `max` characters (for short fields such as names). */
export const payloadsUpTo = (max: number): Payload[] => RAW.filter((p) => p.text.length <= max);

/** Short payloads for fields of 40 characters or fewer (tags). */
export const SHORT_PAYLOADS: readonly string[] = [
  '<img src=x onerror=alert(1) data-xss>',
  '<b data-xss>nhãn</b>',
  '{{constructor}}',
  'javascript:alert(1)',
  "'; DROP TABLE content; --",
  '../../etc/passwd',
  '" onmouseover="alert(1)',
  'Tổ dân phố <i data-xss>7</i>',
];

/** SQL injection strings, for the server's injection test. */
export const SQL_PAYLOADS: readonly string[] = RAW.filter((p) => p.kind === 'sql').map((p) => p.text);
/** Path traversal strings, for the store-escape test. */
export const PATH_PAYLOADS: readonly string[] = RAW.filter((p) => p.kind === 'path').map((p) => p.text);

for (const p of [...RAW.map((r) => r.text), ...SHORT_PAYLOADS]) {
  if (p !== p.normalize('NFC').trim()) throw new Error(`payload is not NFC and trimmed: ${JSON.stringify(p)}`);
}
if (byId.size !== RAW.length) throw new Error('duplicate payload id');
