// The committed starter-pack sounds (media/sounds/, made by media/scripts/generate-sounds.ts) must pass the
// same ingest a user upload passes, and already sit at the loudspeaker loudness target.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestUpload } from './ingest';

const soundsDir = fileURLToPath(new URL('../../../media/sounds', import.meta.url));
let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'bantin-sounds-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe('starter-pack sounds', () => {
  it.each([
    ['jingle.ogg', 3],
    ['attention.ogg', 2],
  ])('%s is Ogg/Opus of about %i s at −16 LUFS', async (name, seconds) => {
    const result = await ingestUpload({ stream: createReadStream(join(soundsDir, name)), fileName: name, dataDir, loudness: true });
    expect(result).toMatchObject({ kind: 'audio', format: 'ogg', audioCodec: 'opus' });
    expect(result.durationSeconds).toBeCloseTo(seconds, 0);
    expect(result.loudness!.inputLufs).toBeGreaterThan(-17);
    expect(result.loudness!.inputLufs).toBeLessThan(-15);
  });
});
