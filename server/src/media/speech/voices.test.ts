import { describe, expect, it } from 'vitest';
import { espeakVoiceArgs, SpeechError } from './voices';

describe('espeakVoiceArgs', () => {
  it('maps each product voice to the espeak voice of the same name, 150 wpm and pitch 50 by default', () => {
    expect(espeakVoiceArgs({ voice: 'vi' })).toEqual(['-v', 'vi', '-s', '150', '-p', '50']);
    expect(espeakVoiceArgs({ voice: 'vi-vn-x-central' })[1]).toBe('vi-vn-x-central');
    expect(espeakVoiceArgs({ voice: 'vi-vn-x-south', speed: 200, pitch: 40 })).toEqual([
      '-v', 'vi-vn-x-south', '-s', '200', '-p', '40',
    ]);
  });

  it('accepts the speed bounds 80 and 450', () => {
    expect(espeakVoiceArgs({ voice: 'vi', speed: 80 })[3]).toBe('80');
    expect(espeakVoiceArgs({ voice: 'vi', speed: 450 })[3]).toBe('450');
  });

  it.each([79, 451, 150.5, Number.NaN])('rejects speed %s', (speed) => {
    expect(() => espeakVoiceArgs({ voice: 'vi', speed })).toThrow(SpeechError);
  });

  it('rejects a pitch outside 0..99', () => {
    expect(() => espeakVoiceArgs({ voice: 'vi', pitch: 100 })).toThrow(/pitch must be/);
  });

  it('rejects a voice that is not one of the three product voices', () => {
    // The cast stands for untyped input reaching the function (a stored setting, a request body).
    expect(() => espeakVoiceArgs({ voice: 'en-us' as 'vi' })).toThrow(/unknown voice "en-us"/);
  });
});
