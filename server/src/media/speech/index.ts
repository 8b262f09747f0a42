// Speech rendering (text → WAV) for loudspeaker players, with espeak-ng.
export { createSpeechRenderer, type SpeechRenderer } from './render-speech';
export type { SpeechVoice } from './voices';
export { parseWav } from './wav';
