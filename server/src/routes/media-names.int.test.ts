// File names belong to uploads and to the versions that use them: the same bytes uploaded twice under two
// names are stored once, and each content item keeps the name it was made from.
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../../test/support/context';
import { jsonAs, useMediaFixtures, type StaffSession } from '../../test/support/hooks';

type S = StaffSession;
let t: TestCtx;
let editor: S;
let other: S;
const fx = useMediaFixtures(['poster.png']);
beforeEach(async () => {
  t = await createTestContext({ clock: () => Date.parse('2026-12-01T02:00:00Z') });
  editor = await t.createUser('bien-tap', ['editor']);
  other = await t.createUser('bien-tap-2', ['editor']);
});
afterEach(() => t.cleanup());

const json = jsonAs;
const upload = async (s: S, name: string) => {
  const res = await t.request(`/api/media?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    ...s,
    headers: { 'content-type': 'application/octet-stream' },
    body: new Uint8Array(fs.readFileSync(fx['poster.png']!)),
  });
  expect(res.status).toBe(201);
  return res.json();
};
const clip = async (s: S, title: string, mediaSha256: string, extra: Record<string, unknown> = {}) => {
  const res = await t.request('/api/content', json('POST', s, { kind: 'clip', title, mediaSha256, ...extra }));
  expect(res.status).toBe(201);
  return res.json();
};

describe('POST /api/media with bytes already stored under another name', () => {
  it('keeps poster.png on the first item and the new name on the second', async () => {
    const first = await upload(editor, 'poster.png');
    const a = await clip(editor, 'Áp phích', first.sha256);
    const second = await upload(other, 'fake-png-as.mp4');
    expect(second.sha256).toBe(first.sha256);
    expect(second.fileName).toBe('fake-png-as.mp4');
    const b = await clip(other, 'Bản sao', second.sha256);
    expect((await t.db.all('SELECT sha256 FROM media_files')).length).toBe(1);

    const library = (await (await t.request('/api/content', json('GET', editor))).json()) as {
      id: number;
      latest: { media: { fileName: string } };
    }[];
    expect(library.find((c) => c.id === a.id)?.latest.media.fileName).toBe('poster.png');
    expect(library.find((c) => c.id === b.id)?.latest.media.fileName).toBe('fake-png-as.mp4');
    // An edit that keeps the media keeps its name.
    const edited = await (await t.request(`/api/content/${a.id}/versions`, json('POST', editor, { title: 'Áp phích mới' }))).json();
    expect(edited.latest.media.fileName).toBe('poster.png');
  });

  it('names an item after the upload it names, even when the same person uploaded the bytes twice', async () => {
    const first = await upload(editor, 'poster.png');
    await upload(editor, 'copy.png');
    const a = await clip(editor, 'Áp phích', first.sha256, { mediaUploadId: first.uploadId });
    expect(a.latest.media.fileName).toBe('poster.png');
  });
});

describe('POST /api/media with a name that says another type than the content', () => {
  it('stores PNG bytes named x.mp4 as an image, warns in vi+en, and the version and the reviewer keep the warning', async () => {
    const reviewer = await t.createUser('kiem-duyet', ['reviewer']);
    const up = await upload(editor, 'x.mp4');
    expect(up.kind).toBe('image');
    expect(up.warning).toEqual({
      code: 'media_name_mismatch',
      params: { ext: '.mp4', kind: 'image', format: 'PNG' },
      vi: 'Tệp tên .mp4 nhưng nội dung là ảnh PNG',
      en: 'The file is named .mp4 but contains a PNG image',
    });
    const item = await clip(editor, 'Áp phích', up.sha256, { mediaUploadId: up.uploadId });
    expect(item.latest.mediaWarning).toEqual(up.warning);
    // An edit that keeps the media keeps the warning with its name.
    const edited = await (await t.request(`/api/content/${item.id}/versions`, json('POST', editor, { title: 'Áp phích mới' }))).json();
    expect(edited.latest.mediaWarning?.vi).toBe('Tệp tên .mp4 nhưng nội dung là ảnh PNG');
    expect((await t.request(`/api/content/${item.id}/versions/2/submit`, json('POST', editor))).status).toBe(200);
    const queue = (await (await t.request('/api/reviews', json('GET', reviewer))).json()) as {
      version: { contentId: number; mediaWarning: unknown };
    }[];
    expect(queue.find((e) => e.version.contentId === item.id)?.version.mediaWarning).toEqual(up.warning);
  });

  it('gives no warning when the name fits the content', async () => {
    const up = await upload(editor, 'poster.png');
    expect(up.warning).toBeNull();
    expect((await clip(editor, 'Áp phích', up.sha256)).latest.mediaWarning).toBeNull();
  });
});
