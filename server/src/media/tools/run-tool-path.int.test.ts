// BANTIN_FFMPEG_PATH / BANTIN_FFPROBE_PATH choose the binaries (read once at import, so in a fresh process).
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const paths = (env: Record<string, string>) =>
  JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', '-e', "import('./server/src/media/tools/run-tool.ts').then((m) => console.log(JSON.stringify([m.ffmpegPath, m.ffprobePath])))"], {
      env: { ...process.env, BANTIN_FFMPEG_PATH: '', BANTIN_FFPROBE_PATH: '', ...env },
      encoding: 'utf8',
    }),
  ) as [string, string];

describe('ffmpeg and ffprobe paths', () => {
  it('use the npm-shipped binaries by default and the configured ones when set', async () => {
    const { runTool } = await import('./run-tool');
    const [ffmpeg, ffprobe] = paths({});
    expect(ffmpeg).toMatch(/@ffmpeg-installer/);
    expect(ffprobe).toMatch(/@ffprobe-installer/);
    expect((await runTool(ffprobe, ['-version'])).code).toBe(0);
    expect(paths({ BANTIN_FFMPEG_PATH: '/usr/local/bin/ffmpeg', BANTIN_FFPROBE_PATH: '/usr/local/bin/ffprobe' })).toEqual(['/usr/local/bin/ffmpeg', '/usr/local/bin/ffprobe']);
  });
});
