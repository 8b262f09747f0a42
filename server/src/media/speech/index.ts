// Speech rendering (text → WAV) for loudspeaker players, with espeak-ng.
export { createSpeechRenderer, renderSpeech, MAX_SPOKEN_CHARS, type SpeechRenderer, type SpeechRendererOptions, type SpeechRequest, type SpeechResult } from './render-speech';
export { SPEECH_VOICES, SPEED_WPM, PITCH, SpeechError, espeakVoiceArgs, type SpeechVoice, type SpeechSettings } from './voices';
export { parseWav, peakAmplitude, type WavInfo } from './wav';
