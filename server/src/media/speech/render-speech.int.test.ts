import { afterAll, describe, expect, it } from 'vitest';
import { processTree } from '../../../../bench/proc-tree';
import { createSpeechRenderer, renderSpeech } from './render-speech';
import { SPEECH_VOICES, SpeechError } from './voices';
import { parseWav, peakAmplitude } from './wav';

const SHORT = 'Thông báo của UBND phường.';
const LONG =
  'Thông báo của UBND phường: từ 06:30 đến 17h ngày 20/10/2026, khu vực TDP số 5 tạm ngừng cấp nước để sửa chữa đường ống. Bà con vui lòng chủ động trữ nước. Liên hệ 0912 345 678.';

describe('renderSpeech (espeak-ng)', () => {
  const renderer = createSpeechRenderer();
  afterAll(() => renderer.close());

  it.each(SPEECH_VOICES)('renders Vietnamese speech as a non-silent RIFF/WAVE with voice %s', async (voice) => {
    const { wav, durationMs, spokenText } = await renderer.render({ text: SHORT, voice });
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    const info = parseWav(wav);
    expect(info.durationMs).toBe(durationMs);
    expect(durationMs).toBeGreaterThan(800);
    expect(peakAmplitude(wav, info)).toBeGreaterThan(1000);
    expect(spokenText).toBe('Thông báo của Ủy ban nhân dân phường.');
  });

  it('takes longer for a longer text', async () => {
    const short = await renderer.render({ text: SHORT, voice: 'vi' });
    const long = await renderer.render({ text: LONG, voice: 'vi' });
    expect(long.durationMs).toBeGreaterThan(short.durationMs * 3);
  });

  it('takes less time at a higher speed', async () => {
    const slow = await renderer.render({ text: LONG, voice: 'vi', speed: 100 });
    const fast = await renderer.render({ text: LONG, voice: 'vi', speed: 300 });
    expect(fast.durationMs).toBeLessThan(slow.durationMs * 0.6);
  });

  it('serialises concurrent calls and answers each with its own audio', async () => {
    const [a, b] = await Promise.all([
      renderer.render({ text: SHORT, voice: 'vi' }),
      renderer.render({ text: LONG, voice: 'vi' }),
    ]);
    expect(b.durationMs).toBeGreaterThan(a.durationMs);
  });

  it('rejects text with nothing to say', async () => {
    await expect(renderer.render({ text: ' … 📢 ', voice: 'vi' })).rejects.toThrow(/nothing to say/);
  });

  it('keeps working after a rejected request', async () => {
    await expect(renderer.render({ text: SHORT, voice: 'vi', speed: 1000 })).rejects.toBeInstanceOf(SpeechError);
    const ok = await renderer.render({ text: SHORT, voice: 'vi' });
    expect(ok.durationMs).toBeGreaterThan(0);
  });

  it('times out, then renders again with a fresh worker', async () => {
    const impatient = createSpeechRenderer({ timeoutMs: 1 });
    await expect(impatient.render({ text: LONG, voice: 'vi' })).rejects.toMatchObject({ code: 'timeout' });
    await impatient.close();
    const { durationMs } = await renderSpeech({ text: SHORT, voice: 'vi-vn-x-south' });
    expect(durationMs).toBeGreaterThan(0);
  });

  it('ends its worker when idle and starts a new one for the next job', async () => {
    const idle = createSpeechRenderer({ idleMs: 300 });
    try {
      await idle.render({ text: SHORT, voice: 'vi' });
      expect(idle.hasWorker()).toBe(true);
      await new Promise((r) => setTimeout(r, 800));
      expect(idle.hasWorker()).toBe(false);
      const again = await idle.render({ text: SHORT, voice: 'vi' });
      expect(again.durationMs).toBeGreaterThan(0);
    } finally {
      await idle.close();
    }
  });

  it('runs in its own process, and release() ends it after the queued jobs, renderer still usable', async () => {
    const released = createSpeechRenderer({ idleMs: 60_000 });
    const children = () => processTree(process.pid).filter((p) => p.pid !== process.pid && p.comm === 'node').length;
    const before = children();
    try {
      const jobs = [released.render({ text: SHORT, voice: 'vi' }), released.render({ text: LONG, voice: 'vi' })] as const;
      await new Promise((r) => setTimeout(r, 50));
      expect(released.hasWorker()).toBe(true);
      expect(children()).toBe(before + 1);
      await released.release();
      const [short, long] = await Promise.all(jobs);
      expect(long.durationMs).toBeGreaterThan(short.durationMs);
      expect(released.hasWorker()).toBe(false);
      expect(children()).toBe(before);
      const again = await released.render({ text: SHORT, voice: 'vi' });
      expect(again.durationMs).toBe(short.durationMs);
    } finally {
      await released.close();
    }
    expect(children()).toBe(before);
  });

  it('does not leave a failing exit code on the process', () => {
    expect(process.exitCode ?? 0).toBe(0);
  });
});
