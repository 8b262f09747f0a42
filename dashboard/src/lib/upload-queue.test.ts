import { describe, expect, it } from 'vitest';
import { nextToStart, percentSent, reduceUploads, summarize, type UploadEvent, type UploadItem } from './upload-queue';

type Media = { sha256: string };
const run = (events: UploadEvent<Media>[], from: UploadItem<Media>[] = []) => events.reduce(reduceUploads<Media>, from);
const add = (...names: string[]): UploadEvent<Media> => ({
  type: 'add',
  files: names.map((n) => ({ id: n, name: `${n}.mp4`, size: 1000 })),
});

describe('reduceUploads', () => {
  it('walks one file from queued through upload and ingest to done', () => {
    const states: string[] = [];
    let items: UploadItem<Media>[] = [];
    for (const e of [
      add('a'),
      { type: 'start', id: 'a' },
      { type: 'progress', id: 'a', sent: 400 },
      { type: 'sent', id: 'a' },
      { type: 'stage', id: 'a', stage: 'probing' },
      { type: 'done', id: 'a', media: { sha256: 'f'.repeat(64) } },
    ] as UploadEvent<Media>[]) {
      items = reduceUploads(items, e);
      states.push(`${items[0]!.status}:${percentSent(items[0]!)}:${items[0]!.stage ?? '-'}`);
    }
    expect(states).toEqual([
      'queued:0:-',
      'uploading:0:-',
      'uploading:40:-',
      'processing:100:-',
      'processing:100:probing',
      'done:100:done',
    ]);
    expect(items[0]!.media).toEqual({ sha256: 'f'.repeat(64) });
  });

  it('keeps the server’s reason when a file is rejected', () => {
    const items = run([
      add('a'),
      { type: 'start', id: 'a' },
      { type: 'sent', id: 'a' },
      { type: 'rejected', id: 'a', reason: 'Tệp không phải video.' },
    ]);
    expect(items[0]).toMatchObject({ status: 'rejected', error: 'Tệp không phải video.' });
  });

  it('never moves progress backwards nor past the file size', () => {
    const items = run([
      add('a'),
      { type: 'start', id: 'a' },
      { type: 'progress', id: 'a', sent: 700 },
      { type: 'progress', id: 'a', sent: 300 },
    ]);
    expect(items[0]!.sent).toBe(700);
    expect(run([{ type: 'progress', id: 'a', sent: 5000 }], items)[0]!.sent).toBe(1000);
  });

  it('ignores late progress and stage events after a file finished', () => {
    const done = run([add('a'), { type: 'start', id: 'a' }, { type: 'failed', id: 'a', reason: 'mạng' }]);
    const after = run(
      [
        { type: 'progress', id: 'a', sent: 900 },
        { type: 'stage', id: 'a', stage: 'hashing' },
        { type: 'sent', id: 'a' },
      ],
      done,
    );
    expect(after[0]).toMatchObject({ status: 'failed', sent: 0, stage: null });
  });

  it('ignores an unknown stage name', () => {
    const items = run([add('a'), { type: 'start', id: 'a' }, { type: 'stage', id: 'a', stage: 'transcoding' }]);
    expect(items[0]!.stage).toBeNull();
  });

  it('requeues a failed or rejected file on retry, clearing the reason', () => {
    const items = run([add('a'), { type: 'start', id: 'a' }, { type: 'failed', id: 'a', reason: 'x' }, { type: 'retry', id: 'a' }]);
    expect(items[0]).toMatchObject({ status: 'queued', error: null, sent: 0 });
  });

  it('does not add the same file twice and removes a file on request', () => {
    const items = run([add('a', 'b'), add('a'), { type: 'remove', id: 'b' }]);
    expect(items.map((i) => i.id)).toEqual(['a']);
  });
});

describe('nextToStart', () => {
  it('starts queued files up to the parallel limit, in order', () => {
    const items = run([add('a', 'b', 'c', 'd'), { type: 'start', id: 'a' }]);
    expect(nextToStart(items, 2)).toEqual(['b']);
    expect(nextToStart(items, 1)).toEqual([]);
    expect(nextToStart(run([{ type: 'failed', id: 'a', reason: 'x' }], items), 3)).toEqual(['b', 'c', 'd']);
  });
});

describe('summarize', () => {
  it('counts files per status', () => {
    const items = run([add('a', 'b', 'c'), { type: 'start', id: 'a' }, { type: 'rejected', id: 'b', reason: 'x' }]);
    expect(summarize(items)).toMatchObject({ queued: 1, uploading: 1, rejected: 1, done: 0 });
  });
});
