import { describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { useEditorContext } from '../../test/support/hooks';
import { callerFor, vn, type Caller } from '../../test/factories/scheduling';

let t: TestCtx;
let ed: Caller;
const now = vn('2026-03-02', '08:00');
useEditorContext(() => now, (s) => ({ t, ed } = s));

const newGroup = async (name = 'Tổ dân phố 5') => (await ed('POST', '/api/groups', { name })).body.id as number;

describe('PUT /api/groups/{id}/stream-zone', () => {
  it('makes a group a stream zone with the defaults, lists it for every staff member, audits and announces it', async () => {
    const g = await newGroup();
    const events: number[] = [];
    t.bus.on('stream-zone.changed', ({ groupId }) => void events.push(groupId));
    const res = await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-5' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      groupId: g,
      name: 'Tổ dân phố 5',
      slug: 'to-5',
      bitrateKbps: 64,
      channels: 1,
      volume: 100,
      quietHours: null,
      enabled: true,
      urls: { mp3: '/stream/to-5.mp3', hls: '/stream/to-5/index.m3u8', icecast: null },
    });
    expect(events).toEqual([g]);
    const viewer = await callerFor(t, 'viewer1', ['viewer']);
    const list = await viewer('GET', '/api/stream-zones');
    expect(list.status).toBe(200);
    expect(list.body).toHaveLength(1);
    const audit = await t.db.get<{ action: string; target: string }>("SELECT action, target FROM audit_log WHERE action LIKE 'stream_zone.%' ORDER BY seq DESC LIMIT 1");
    expect(audit).toEqual({ action: 'stream_zone.create', target: `group:${g}` });
  });

  it('changes the settings of an existing zone and keeps one row per group', async () => {
    const g = await newGroup();
    await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-5' });
    const res = await ed('PUT', `/api/groups/${g}/stream-zone`, {
      slug: 'to-5-moi', bitrateKbps: 128, channels: 2, volume: 70, quietHours: { start: '22:00', end: '05:00' }, enabled: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ slug: 'to-5-moi', bitrateKbps: 128, channels: 2, volume: 70, quietHours: { start: '22:00', end: '05:00' }, enabled: false });
    expect((await ed('GET', '/api/stream-zones')).body).toHaveLength(1);
    const audit = await t.db.get<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'stream_zone.%' ORDER BY seq DESC LIMIT 1");
    expect(audit?.action).toBe('stream_zone.update');
  });

  it('refuses a bad slug, bitrate, channel count or volume, in Vietnamese first', async () => {
    const g = await newGroup();
    for (const body of [{ slug: 'Tổ 5' }, { slug: '-x' }, { slug: 'a'.repeat(41) }, { slug: 'ok', bitrateKbps: 80 }, { slug: 'ok', channels: 3 }, { slug: 'ok', volume: 101 }, { slug: 'ok', extra: 1 }]) {
      const res = await ed('PUT', `/api/groups/${g}/stream-zone`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('refuses a slug another zone uses (409) and an unknown group (404)', async () => {
    const a = await newGroup('A');
    const b = await newGroup('B');
    await ed('PUT', `/api/groups/${a}/stream-zone`, { slug: 'chung' });
    const dup = await ed('PUT', `/api/groups/${b}/stream-zone`, { slug: 'chung' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('stream_zone_slug_taken');
    expect(dup.body.detail).toContain('Tên luồng "chung"');
    expect((await ed('PUT', '/api/groups/999/stream-zone', { slug: 'x' })).status).toBe(404);
  });

  it('is refused to a viewer', async () => {
    const g = await newGroup();
    const viewer = await callerFor(t, 'viewer1', ['viewer']);
    expect((await viewer('PUT', `/api/groups/${g}/stream-zone`, { slug: 'x' })).status).toBe(403);
    expect((await viewer('DELETE', `/api/groups/${g}/stream-zone`)).status).toBe(403);
  });
});

describe('DELETE /api/groups/{id}/stream-zone', () => {
  it('stops streaming the group, announces it, and answers 404 the second time', async () => {
    const g = await newGroup();
    await ed('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-5' });
    const events: number[] = [];
    t.bus.on('stream-zone.changed', ({ groupId }) => void events.push(groupId));
    expect((await ed('DELETE', `/api/groups/${g}/stream-zone`)).status).toBe(204);
    expect(events).toEqual([g]);
    expect((await ed('GET', '/api/stream-zones')).body).toEqual([]);
    const again = await ed('DELETE', `/api/groups/${g}/stream-zone`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('group_not_stream_zone');
    expect((await ed('GET', `/api/groups/${g}`)).status).toBe(200);
  });
});

describe('GET /api/stream-zones with Icecast configured', () => {
  it('tells the Icecast mount URL, without the source password', async () => {
    const other = await createTestContext({ env: { BANTIN_ICECAST_URL: 'icecast://source:secret-pw@127.0.0.1:8123' } });
    try {
      const e = await callerFor(other, 'editor2', ['editor']);
      const g = (await e('POST', '/api/groups', { name: 'Tổ 9' })).body.id;
      const res = await e('PUT', `/api/groups/${g}/stream-zone`, { slug: 'to-9' });
      expect(res.body.urls.icecast).toBe('http://127.0.0.1:8123/to-9.mp3');
      expect(JSON.stringify((await e('GET', '/api/stream-zones')).body)).not.toContain('secret-pw');
    } finally {
      await other.cleanup();
    }
  });
});
