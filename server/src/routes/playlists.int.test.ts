import { describe, expect, it } from 'vitest';
import type { TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { addContent, callerFor, everyDay, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(
  () => now,
  (s) => ({ t, ed } = s),
);

const morning = everyDay('2026-03-01', '2026-03-31', [{ start: '07:00', end: '11:00' }]);

describe('/api/playlists', () => {
  it('creates, lists, reorders and renames a playlist, keeping each item’s duration', async () => {
    const [a, b, c] = [await addContent(t, { media: 'image' }), await addContent(t, { media: 'video' }), await addContent(t)];
    const created = await ed('POST', '/api/playlists', {
      name: 'Buổi sáng',
      items: [{ contentId: a, durationMs: 5000 }, { contentId: b }, { contentId: c }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Buổi sáng',
      items: [{ contentId: a, durationMs: 5000 }, { contentId: b }, { contentId: c }],
    });
    const id = created.body.id as number;

    const reordered = await ed('PATCH', `/api/playlists/${id}`, {
      items: [{ contentId: c, durationMs: 7000 }, { contentId: a, durationMs: 5000 }, { contentId: b }],
    });
    expect(reordered.status).toBe(200);
    expect((await ed('GET', `/api/playlists/${id}`)).body.items).toEqual([
      { contentId: c, durationMs: 7000 },
      { contentId: a, durationMs: 5000 },
      { contentId: b },
    ]);
    expect((await ed('PATCH', `/api/playlists/${id}`, { name: 'Buổi chiều' })).body).toMatchObject({
      name: 'Buổi chiều',
      items: [{ contentId: c }, { contentId: a }, { contentId: b }],
    });
    expect((await ed('GET', '/api/playlists')).body.map((p: { id: number }) => p.id)).toEqual([id]);
  });

  it('refuses an empty playlist, unknown content and an unknown id', async () => {
    expect((await ed('POST', '/api/playlists', { name: 'Rỗng', items: [] })).status).toBe(400);
    const unknown = await ed('POST', '/api/playlists', { name: 'X', items: [{ contentId: 4242 }] });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ code: 'playlist_content_unknown' });
    expect(unknown.body.detail).toContain('#4242');
    expect((await ed('PATCH', '/api/playlists/999', { name: 'Y' })).status).toBe(404);
  });

  it('lets a viewer read playlists but not change them', async () => {
    const a = await addContent(t);
    const id = (await ed('POST', '/api/playlists', { name: 'Vòng lặp', items: [{ contentId: a }] })).body.id as number;
    const viewer = await callerFor(t, 'lanhdao', ['viewer']);
    expect((await viewer('GET', '/api/playlists')).body).toHaveLength(1);
    expect((await viewer('PATCH', `/api/playlists/${id}`, { name: 'Z' })).status).toBe(403);
    expect((await viewer('POST', '/api/playlists', { name: 'Z', items: [{ contentId: a }] })).status).toBe(403);
  });

  it('plays a scheduled playlist’s items in order with their durations, follows a reorder, and cannot be deleted while used', async () => {
    const led = (await ed('POST', '/api/devices', { name: 'LED chợ', kind: 'led' })).body.id as number;
    const [a, b, c] = [
      await addContent(t, { media: 'image' }),
      await addContent(t, { media: 'image' }),
      await addContent(t, { media: 'image' }),
    ];
    const id = (
      await ed('POST', '/api/playlists', {
        name: 'Ba ảnh',
        items: [{ contentId: a, durationMs: 4000 }, { contentId: b, durationMs: 6000 }, { contentId: c }],
      })
    ).body.id as number;
    const s = await ed('POST', '/api/schedules', { class: 'normal', playlistId: id, target: { kinds: ['led'] }, when: morning });
    expect(s.status, JSON.stringify(s.body)).toBe(201);
    const firstRun = async () => {
      const tl = await ed('GET', `/api/devices/${led}/timeline?from=${vn('2026-03-02', '09:00')}&to=${vn('2026-03-02', '09:01')}`);
      const seg = (tl.body.segments as { items: { contentId: string; durationMs: number }[] }[]).find((x) => x.items.length > 0)!;
      return seg.items.slice(0, 3).map((i) => [i.contentId, i.durationMs]);
    };
    expect(await firstRun()).toEqual([
      [String(a), 4000],
      [String(b), 6000],
      [String(c), 10_000],
    ]);
    await ed('PATCH', `/api/playlists/${id}`, {
      items: [{ contentId: c }, { contentId: a, durationMs: 4000 }, { contentId: b, durationMs: 6000 }],
    });
    expect(await firstRun()).toEqual([
      [String(c), 10_000],
      [String(a), 4000],
      [String(b), 6000],
    ]);
    const del = await ed('DELETE', `/api/playlists/${id}`);
    expect(del.status).toBe(409);
    expect(del.body.code).toBe('playlist_in_use');
  });
});
