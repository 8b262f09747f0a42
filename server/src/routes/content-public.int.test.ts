// "Công khai trên cổng thông tin": the public flag is a field of the version (the approval covers it) and the
// item's public id is random, made once and kept across versions.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { publicContentFlow } from '../../test/support/public-content';

let t: TestCtx;
let flow: ReturnType<typeof publicContentFlow>;
beforeEach(async () => {
  t = await createTestContext({ clock: () => Date.parse('2026-12-01T02:00:00Z') });
  flow = publicContentFlow(t, await t.createUser('bien-tap', ['editor']), await t.createUser('van-hoa', ['reviewer']));
});
afterEach(() => t.cleanup());

describe('POST /api/content with public', () => {
  it('stores public in the version fields, so the version hash (what a reviewer approves) covers it', async () => {
    const open = await flow.create({ title: 'Giữ vệ sinh chung', public: true });
    const closed = await flow.create({ title: 'Giữ vệ sinh chung', public: false });
    expect(open.latest.fields.public).toBe(true);
    expect(closed.latest.fields.public).toBe(false);
    expect(open.latest.versionSha256).not.toBe(closed.latest.versionSha256);
  });

  it('gives a public item a random public id that is no internal id, and keeps it across versions', async () => {
    const item = await flow.create({ title: 'Giữ vệ sinh chung', public: true });
    expect(item.publicId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const v2 = await flow.edit(item.id, { title: 'Giữ vệ sinh chung nơi công cộng' });
    expect(v2.latest.fields.public).toBe(true);
    expect(v2.publicId).toBe(item.publicId);
    // Unpublishing and publishing again keeps the same id, so a link shared once still names the item.
    const v3 = await flow.edit(item.id, { public: false });
    expect(v3.latest.fields.public).toBe(false);
    expect(v3.publicId).toBe(item.publicId);
    expect((await flow.edit(item.id, { public: true })).publicId).toBe(item.publicId);
  });

  it('gives no public id to an item never marked public', async () => {
    const item = await flow.create({ title: 'Nội bộ' });
    expect(item.publicId).toBeNull();
    expect(item.latest.fields).not.toHaveProperty('public');
  });
});
