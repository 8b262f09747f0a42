// The ward portal's public pages through the real app: Vietnamese, escaped, with Open Graph tags and a share
// link, the bundled font, and a vi/en not-found page for anything not public now.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { publicContentFlow } from '../../test/support/public-content';

const TRICKY = 'Cảnh báo <script>alert("x")</script> & \'lừa đảo\'';
const BODY = 'Người dân không cung cấp mã OTP cho bất kỳ ai. <img src=x onerror=alert(1)>';
let t: TestCtx;
let flow: ReturnType<typeof publicContentFlow>;
beforeEach(async () => {
  t = await createTestContext({ clock: () => Date.parse('2026-12-01T02:00:00Z'), env: { BANTIN_PUBLIC_URL: 'https://namdinh.example.vn' } });
  flow = publicContentFlow(t, await t.createUser('bien-tap', ['editor']), await t.createUser('van-hoa', ['reviewer']));
}, 60_000);
afterEach(() => t.cleanup());

const html = async (path: string, status = 200) => {
  const res = await t.request(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  return res.text();
};
const meta = (page: string, property: string) => new RegExp(`<meta property="${property}" content="([^"]*)">`).exec(page)?.[1];

describe('GET /p/ and /p/:publicId', () => {
  it('lists the public messages in Vietnamese, escaped, with the feeds linked', async () => {
    const item = await flow.published({ title: TRICKY, body: BODY, public: true });
    await flow.published({ title: 'Nội bộ', public: false });
    const page = await html('/p/');
    expect(page).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(page).toContain('<link rel="stylesheet" href="/p/portal.css">');
    expect(page).toContain('UBND phường Nam Định');
    expect(page).toContain(`href="https://namdinh.example.vn/p/${item.publicId}"`);
    expect(page).toContain('Cảnh báo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;lừa đảo&#39;');
    expect(page).not.toMatch(/<script|<img/);
    expect(page).not.toContain('Nội bộ');
    expect(page).toContain('href="https://namdinh.example.vn/feed/messages.atom"');
    expect((await t.request('/p')).headers.get('location')).toBe('/p/');
  });

  it('shows one message with Open Graph tags and a share link, escaped in text and attributes', async () => {
    const item = await flow.published({ title: TRICKY, body: BODY, public: true });
    const url = `https://namdinh.example.vn/p/${item.publicId}`;
    const page = await html(`/p/${item.publicId}`);
    expect(meta(page, 'og:title')).toBe('Cảnh báo &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;lừa đảo&#39;');
    expect(meta(page, 'og:description')).toBe('Người dân không cung cấp mã OTP cho bất kỳ ai. &lt;img src=x onerror=alert(1)&gt;');
    expect(meta(page, 'og:url')).toBe(url);
    expect(meta(page, 'og:locale')).toBe('vi_VN');
    expect(page).toContain(`<input id="share-url" readonly value="${url}">`);
    expect(page).toContain(`https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`);
    expect(page).not.toMatch(/<script|<img/);
    expect(page).not.toMatch(/bien-tap|van-hoa/);
  });

  it('answers a vi/en 404 page for an unknown, withdrawn or never-public id', async () => {
    const item = await flow.published({ title: 'Sắp rút', public: true });
    const closed = await flow.create({ title: 'Nội bộ' });
    await flow.withdraw(item.id, 1);
    for (const path of [`/p/${item.publicId}`, '/p/00000000-0000-4000-8000-000000000000', `/p/${closed.id}`, '/p/%3Cscript%3E', '/p/a/b']) {
      const page = await html(path, 404);
      expect(page).toContain('Không tìm thấy thông tin này');
      expect(page).toContain('Not found');
      expect(page).not.toContain('<script');
    }
  });

  it('serves its stylesheet with the bundled Vietnamese font, and only the font files it names', async () => {
    const css = await (await t.request('/p/portal.css')).text();
    const fonts = [...css.matchAll(/url\((\/p\/fonts\/[\w-]+\.woff2)\)/g)].map((m) => m[1]!);
    expect(fonts).toContain('/p/fonts/be-vietnam-pro-vietnamese-400-normal.woff2');
    for (const f of fonts) {
      const res = await t.request(f);
      expect(res.status, f).toBe(200);
      expect(res.headers.get('content-type')).toBe('font/woff2');
      expect(Buffer.from(await res.arrayBuffer()).subarray(0, 4).toString('latin1')).toBe('wOF2');
    }
    expect((await t.request('/p/fonts/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await t.request('/p/fonts/OFL.txt')).status).toBe(404);
  });
});
