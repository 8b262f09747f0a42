// The product's three Vietnamese voices and the espeak-ng arguments they map to.
// The installed espeak-ng build (npm espeak-ng 1.0.2) lists, with `--voices=vi`:
//   vi              Vietnamese_(Northern)  aav/vi
//   vi-vn-x-central Vietnamese_(Central)   aav/vi-VN-x-central
//   vi-vn-x-south   Vietnamese_(Southern)  aav/vi-VN-x-south
// so each product name maps to the espeak voice of the same name.

export const SPEECH_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type SpeechVoice = (typeof SPEECH_VOICES)[number];

const ESPEAK_VOICE: Record<SpeechVoice, string> = {
  vi: 'vi',
  'vi-vn-x-central': 'vi-vn-x-central',
  'vi-vn-x-south': 'vi-vn-x-south',
};

const SPEED_WPM = { min: 80, max: 450, default: 150 } as const;
const PITCH = { min: 0, max: 99, default: 50 } as const;

export interface SpeechSettings {
  voice: SpeechVoice;
  /** Words per minute, 80..450 (espeak -s). */
  speed?: number;
  /** 0..99, 50 is the voice's normal pitch (espeak -p). */
  pitch?: number;
}

export class SpeechError extends Error {
  constructor(
    message: string,
    readonly code: 'invalid_request' | 'timeout' | 'synthesis_failed',
  ) {
    super(message);
    this.name = 'SpeechError';
  }
}

function checkedInteger(value: number, range: { min: number; max: number }, name: string): number {
  if (!Number.isInteger(value) || value < range.min || value > range.max) {
    throw new SpeechError(`${name} must be an integer from ${range.min} to ${range.max}, got ${value}`, 'invalid_request');
  }
  return value;
}

/** espeak-ng command-line arguments for a voice, speed and pitch; throws SpeechError when out of range. */
export function espeakVoiceArgs(settings: SpeechSettings): string[] {
  const voice = (ESPEAK_VOICE as Record<string, string | undefined>)[settings.voice];
  if (voice === undefined) {
    throw new SpeechError(`unknown voice "${settings.voice}"; expected one of ${SPEECH_VOICES.join(', ')}`, 'invalid_request');
  }
  const speed = checkedInteger(settings.speed ?? SPEED_WPM.default, SPEED_WPM, 'speed');
  const pitch = checkedInteger(settings.pitch ?? PITCH.default, PITCH, 'pitch');
  return ['-v', voice, '-s', String(speed), '-p', String(pitch)];
}
