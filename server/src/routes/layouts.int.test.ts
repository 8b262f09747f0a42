// /api/layouts on a real SQLite file: the starter layouts, a layout's versions and their review, assignment
// to screens (a device's own layout before its group's), and the refusals, each with a bilingual message.
import { beforeEach, describe, expect, it } from 'vitest';
import { STARTER_LAYOUTS, normalizeLayout, type LayoutBody } from '@bantin/protocol/core';
import type { TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { addContent, callerFor, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
let rv: Caller;
let viewer: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(
  () => now,
  (s) => ({ t, ed } = s),
);
beforeEach(async () => {
  rv = await callerFor(t, 'kiemduyet', ['reviewer']);
  viewer = await callerFor(t, 'xem', ['viewer']);
});

const ward = (banner?: number, tickerH = 120): { name: string } & LayoutBody => ({
  name: 'LED chợ phường',
  orientation: 'landscape',
  width: 1920,
  height: 1080,
  regions: [
    { id: 'main', kind: 'main', x: 0, y: 140, w: 1920, h: 820, z: 0 },
    { id: 'banner', kind: 'banner', x: 0, y: 0, w: 1920, h: 140, z: 1, style: { color: '#FFFFFF', background: '#b71c1c', fontPx: 72 }, ...(banner ? { contentId: banner } : {}) },
    { id: 'ticker', kind: 'ticker', x: 0, y: 1080 - tickerH, w: 1920, h: tickerH, z: 1 },
  ],
});

describe('/api/layouts', () => {
  it('starts with the four starter layouts, approved and read-only', async () => {
    const list = await viewer('GET', '/api/layouts');
    expect(list.status).toBe(200);
    const starters = list.body.filter((l: { system: boolean }) => l.system);
    expect(starters.map((l: { name: string }) => l.name)).toEqual(STARTER_LAYOUTS.map((s) => s.name));
    for (const [i, l] of starters.entries()) expect(l.approved.body).toEqual(normalizeLayout(STARTER_LAYOUTS[i]!.body));
    const edit = await ed('PUT', `/api/layouts/${starters[0].id}`, ward());
    expect(edit.status).toBe(409);
    expect(edit.body).toMatchObject({ code: 'layout_system' });
  });

  it('keeps the approved version on air while an edit waits, and puts the edit on air once approved', async () => {
    const banner = await addContent(t, { title: 'UBND PHƯỜNG NAM ĐỊNH' });
    const created = await ed('POST', '/api/layouts', ward(banner));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as number;
    expect(created.body).toMatchObject({ system: false, approved: null, latest: { number: 1, state: 'submitted' } });
    // Stored normalised: regions in z order, colours lower-case.
    expect(created.body.latest.body.regions.map((r: { id: string }) => r.id)).toEqual(['main', 'banner', 'ticker']);
    expect(created.body.latest.body.regions[1].style.color).toBe('#ffffff');

    const v1 = created.body.latest.id as number;
    expect((await ed('POST', `/api/layouts/${id}/versions/${v1}/decision`, { decision: 'approve' })).status).toBe(403);
    const approved = await rv('POST', `/api/layouts/${id}/versions/${v1}/decision`, { decision: 'approve' });
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.approved).toMatchObject({ id: v1, state: 'approved' });

    const edited = await ed('PUT', `/api/layouts/${id}`, ward(banner, 160));
    expect(edited.body).toMatchObject({ approved: { id: v1 }, latest: { number: 2, state: 'submitted' } });
    const v2 = edited.body.latest.id as number;
    const rejected = await rv('POST', `/api/layouts/${id}/versions/${v2}/decision`, { decision: 'reject' });
    expect(rejected.status).toBe(422);
    expect(rejected.body).toMatchObject({ code: 'layout_reject_reason' });
    expect((await rv('POST', `/api/layouts/${id}/versions/${v2}/decision`, { decision: 'reject', reason: 'Chữ chạy quá cao' })).body).toMatchObject({
      approved: { id: v1 },
      latest: { id: v2, state: 'rejected', reason: 'Chữ chạy quá cao' },
    });
    expect((await rv('POST', `/api/layouts/${id}/versions/${v2}/decision`, { decision: 'approve' })).status).toBe(409);

    const v3 = (await ed('PUT', `/api/layouts/${id}`, ward(banner, 100))).body.latest.id as number;
    expect((await rv('POST', `/api/layouts/${id}/versions/${v3}/decision`, { decision: 'approve' })).body.approved).toMatchObject({ id: v3, number: 3 });
    const detail = await viewer('GET', `/api/layouts/${id}`);
    expect(detail.body.versions.map((v: { number: number; state: string }) => `${v.number}:${v.state}`)).toEqual(['1:approved', '2:rejected', '3:approved']);
    const audit = (await t.audit.page(undefined, 100)).map((r) => r.action).filter((a) => a.startsWith('layout.'));
    expect(audit).toEqual(expect.arrayContaining(['layout.create', 'layout.approve', 'layout.update', 'layout.reject']));
  });

  it('refuses a broken layout with every problem named, unknown banner content, and changes nothing', async () => {
    const before = (await ed('GET', '/api/layouts')).body.length;
    const bad = ward();
    bad.regions = [bad.regions[1]!, { ...bad.regions[2]!, y: 1000 }];
    const res = await ed('POST', '/api/layouts', bad);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ code: 'layout_invalid' });
    expect(res.body.detail).toContain('main_count');
    expect(res.body.detail).toContain('region_outside (ticker)');
    const unknown = await ed('POST', '/api/layouts', ward(987654));
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'layout_content_unknown' });
    expect((await ed('POST', '/api/layouts', { ...ward(), regions: [{ id: 'x', kind: 'poster', x: 0, y: 0, w: 10, h: 10, z: 0 }] })).status).toBe(400);
    expect((await viewer('POST', '/api/layouts', ward())).status).toBe(403);
    expect((await ed('GET', '/api/layouts')).body.length).toBe(before);
  });

  it('assigns layouts to a device and a group; the device’s own one wins; only approved versions count', async () => {
    const led = await ed('POST', '/api/devices', { name: 'LED cổng chợ', kind: 'led' });
    const speaker = await ed('POST', '/api/devices', { name: 'Loa tổ 3', kind: 'speaker' });
    const group = await ed('POST', '/api/groups', { name: 'Màn hình phường', deviceIds: [led.body.id] });
    expect([led.status, speaker.status, group.status], JSON.stringify(group.body)).toEqual([201, 201, 201]);
    const starters = (await ed('GET', '/api/layouts')).body.filter((l: { system: boolean }) => l.system);
    const mine = await ed('POST', '/api/layouts', { ...ward(), name: 'Chờ duyệt' });

    expect((await ed('PUT', '/api/layouts/assignments', { layoutId: starters[2].id, groupId: group.body.id })).status).toBe(204);
    expect(await t.layouts.forDevice(led.body.id)).toMatchObject({ layoutId: starters[2].id });
    expect((await ed('PUT', '/api/layouts/assignments', { layoutId: mine.body.id, deviceId: led.body.id })).status).toBe(204);
    // Assigned but not approved yet: the device keeps full screen rather than an unreviewed layout.
    expect(await t.layouts.forDevice(led.body.id)).toBeNull();
    await rv('POST', `/api/layouts/${mine.body.id}/versions/${mine.body.latest.id}/decision`, { decision: 'approve' });
    expect(await t.layouts.forDevice(led.body.id)).toMatchObject({ layoutId: mine.body.id, versionId: mine.body.latest.id });
    expect((await ed('PUT', '/api/layouts/assignments', { layoutId: null, deviceId: led.body.id })).status).toBe(204);
    expect(await t.layouts.forDevice(led.body.id)).toMatchObject({ layoutId: starters[2].id });

    const refused = await ed('PUT', '/api/layouts/assignments', { layoutId: starters[0].id, deviceId: speaker.body.id });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'layout_not_for_kind' });
    expect((await ed('PUT', '/api/layouts/assignments', { layoutId: starters[0].id })).status).toBe(400);
    expect((await ed('PUT', '/api/layouts/assignments', { layoutId: 99999, deviceId: led.body.id })).status).toBe(404);
    expect((await ed('GET', '/api/layouts/assignments')).body).toEqual([{ layoutId: starters[2].id, deviceId: null, groupId: group.body.id, assignedAt: expect.any(String) }]);
    const inUse = await ed('DELETE', `/api/layouts/${starters[2].id}`);
    expect(inUse.status).toBe(409);
    expect((await ed('DELETE', `/api/layouts/${mine.body.id}`)).status).toBe(204);
  });
});
