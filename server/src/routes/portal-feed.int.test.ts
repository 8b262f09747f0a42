// The ward portal's feeds through the real app on a real SQLite file: only approved, currently valid, public
// messages; parsed back with a real feed parser; RFC 4287 and JSON Feed 1.1 required elements; conditional GET.
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { publicContentFlow } from '../../test/support/public-content';

const START = Date.parse('2026-12-01T02:00:00Z');
let now = START;
let t: TestCtx;
let flow: ReturnType<typeof publicContentFlow>;
const TRICKY = 'Cảnh báo <script>alert("x")</script> & \'lừa đảo\' qua điện thoại';

beforeEach(async () => {
  now = START;
  t = await createTestContext({ clock: () => now, env: { BANTIN_PUBLIC_URL: 'https://namdinh.example.vn/' } });
  flow = publicContentFlow(t, await t.createUser('bien-tap', ['editor']), await t.createUser('van-hoa', ['reviewer']));
}, 60_000);
afterEach(() => t.cleanup());

const getFeed = async (format: 'atom' | 'json', headers: Record<string, string> = {}) => t.request(`/feed/messages.${format}`, { headers });
const atom = async () => {
  const res = await getFeed('atom');
  expect(res.status).toBe(200);
  return { res, text: await res.text() };
};
type JsonFeed = { version: string; title: string; feed_url: string; home_page_url: string; authors: { name: string }[]; items: Record<string, unknown>[] };
const jsonFeed = async () => {
  const res = await getFeed('json');
  expect(res.status).toBe(200);
  return (await res.json()) as JsonFeed;
};
const atomTitles = async () => parseFeed((await atom()).text).items.map((i) => i.title);

describe('GET /feed/messages.atom and /feed/messages.json', () => {
  it('lists approved public messages only, parsed back by a real feed parser with every RFC 4287 required element', async () => {
    const shown = await flow.published({ title: TRICKY, body: 'Không chuyển tiền cho người lạ.\nGọi 113 khi cần.', public: true });
    await flow.published({ title: 'Nội bộ: lịch trực', public: false });
    const pending = await flow.create({ title: 'Chưa duyệt', public: true });
    await flow.submit(pending.id, 1);

    const { res, text } = await atom();
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseFeed(text);
    expect(feed.title).toContain('Thông tin công khai');
    expect(feed.self).toBe('https://namdinh.example.vn/feed/messages.atom');
    expect(feed.url).toBe('https://namdinh.example.vn/p/');
    expect(feed.updated).toBeInstanceOf(Date);
    expect(feed.authors.map((a) => a.name)).toEqual(['UBND phường Nam Định']);
    expect(feed.language).toBe('vi');
    // RFC 4287 §4.1.1: a feed has exactly one id, title and updated.
    for (const name of ['id', 'title', 'updated']) expect(feed.element.findElementsWithName(name), name).toHaveLength(1);
    expect(feed.element.findElementWithName('id')!.textContent).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);

    expect(feed.items).toHaveLength(1);
    const [entry] = feed.items;
    expect(entry!.id).toBe(`urn:uuid:${shown.publicId}`);
    expect(entry!.title).toBe(TRICKY);
    expect(entry!.content).toBe('Không chuyển tiền cho người lạ.\nGọi 113 khi cần.');
    expect(entry!.url).toBe(`https://namdinh.example.vn/p/${shown.publicId}`);
    expect(entry!.updated!.toISOString()).toBe(new Date(START).toISOString());
    expect(entry!.published!.toISOString()).toBe(new Date(START).toISOString());
    // RFC 4287 §4.1.2: each entry has exactly one id, title and updated.
    for (const name of ['id', 'title', 'updated']) expect(entry!.element.findElementsWithName(name), name).toHaveLength(1);
    expect(text).not.toContain('<script>');

    const json = await jsonFeed();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toBe(feed.title);
    expect(json.feed_url).toBe('https://namdinh.example.vn/feed/messages.json');
    expect(json.authors).toEqual([{ name: 'UBND phường Nam Định' }]);
    expect(json.items).toEqual([
      {
        id: `urn:uuid:${shown.publicId}`,
        url: `https://namdinh.example.vn/p/${shown.publicId}`,
        title: TRICKY,
        content_text: 'Không chuyển tiền cho người lạ.\nGọi 113 khi cần.',
        date_published: new Date(START).toISOString(),
        date_modified: new Date(START).toISOString(),
        language: 'vi',
      },
    ]);
    // No internal id, user or file leaves: not the content id, the editor, the reviewer nor a hash.
    for (const body of [text, JSON.stringify(json)]) {
      expect(body).not.toMatch(/bien-tap|van-hoa|admin/);
      expect(body).not.toContain(`"id": ${shown.id}`);
      expect(body).not.toMatch(/[0-9a-f]{64}/);
    }
  });

  it('keeps the approved version while a newer one waits, and takes the newer one once approved', async () => {
    const item = await flow.published({ title: 'Lịch tiêm chủng tháng 12', public: true });
    const v2 = await flow.edit(item.id, { title: 'Lịch tiêm chủng tháng 12 (đã đổi giờ)' });
    await flow.submit(item.id, 2);
    expect(await atomTitles()).toEqual(['Lịch tiêm chủng tháng 12']);
    now += 60_000;
    await flow.decide(v2.latest.id);
    const feed = parseFeed((await atom()).text);
    expect(feed.items.map((i) => [i.title, i.id])).toEqual([['Lịch tiêm chủng tháng 12 (đã đổi giờ)', `urn:uuid:${item.publicId}`]]);
    expect(feed.items[0]!.updated!.getTime()).toBe(START + 60_000);
    expect(feed.items[0]!.published!.getTime()).toBe(START);
  });

  it('drops a withdrawn item at once', async () => {
    const item = await flow.published({ title: 'Thông báo cắt điện', public: true });
    expect(await atomTitles()).toEqual(['Thông báo cắt điện']);
    await flow.withdraw(item.id, 1);
    expect(await atomTitles()).toEqual([]);
    expect((await jsonFeed()).items).toEqual([]);
  });

  it('drops an expired item the moment its validity ends, and shows a future one only from its start', async () => {
    const ends = new Date(START + 3_600_000).toISOString();
    const starts = new Date(START + 1_800_000).toISOString();
    const expiring = await flow.published({ title: 'Hết hạn sau một giờ', public: true, validTo: ends });
    const later = await flow.published({ title: 'Có hiệu lực sau nửa giờ', public: true, validFrom: starts });
    expect(await atomTitles()).toEqual(['Hết hạn sau một giờ']);
    now = START + 1_800_000;
    expect((await atomTitles()).sort()).toEqual(['Có hiệu lực sau nửa giờ', 'Hết hạn sau một giờ']);
    now = START + 3_600_000;
    expect(await atomTitles()).toEqual(['Có hiệu lực sau nửa giờ']);
    expect((await jsonFeed()).items.map((i) => i.title)).toEqual(['Có hiệu lực sau nửa giờ']);
    expect([expiring.publicId, later.publicId]).not.toContain(null);
  });

  it('drops an item whose approved new version is no longer public, but not while that version waits', async () => {
    const item = await flow.published({ title: 'Vận động hiến máu', public: true });
    const hidden = await flow.edit(item.id, { public: false });
    await flow.submit(item.id, 2);
    expect(await atomTitles()).toEqual(['Vận động hiến máu']);
    await flow.decide(hidden.latest.id);
    expect(await atomTitles()).toEqual([]);
  });
});

describe('conditional GET of the feeds', () => {
  it('answers a strong ETag, Last-Modified and a short max-age; If-None-Match and If-Modified-Since give 304', async () => {
    const item = await flow.published({ title: 'Họp tổ dân phố', public: true });
    for (const format of ['atom', 'json'] as const) {
      const first = await getFeed(format);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[\w-]{43}"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const modified = first.headers.get('last-modified')!;
      expect(Date.parse(modified)).toBeGreaterThanOrEqual(START);
      // The public answer keeps the app's security headers.
      expect(first.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(first.headers.get('x-content-type-options')).toBe('nosniff');
      expect(first.headers.get('access-control-allow-origin')).toBe('*');

      const again = await getFeed(format, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe('');
      expect((await getFeed(format, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
      expect((await getFeed(format, { 'if-modified-since': modified })).status).toBe(304);
      // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
      expect((await getFeed(format, { 'if-none-match': '"other"', 'if-modified-since': modified })).status).toBe(200);
    }
    const before = (await getFeed('atom')).headers;
    now += 5_000;
    await flow.withdraw(item.id, 1);
    const after = await getFeed('atom', { 'if-none-match': before.get('etag')!, 'if-modified-since': before.get('last-modified')! });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.get('etag'));
    expect((await getFeed('atom', { 'if-modified-since': before.get('last-modified')! })).status).toBe(200);
    expect(Date.parse(after.headers.get('last-modified')!)).toBeGreaterThan(Date.parse(before.get('last-modified')!));
  });
});
