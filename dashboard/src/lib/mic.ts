// The microphone path of the dashboard ("Kiểm tra micrô", "Ghi âm"): the level arithmetic a meter shows
// (RMS in dBFS), the recorder's format choice and limits, the name a recording is uploaded under, and thin
// wrappers over getUserMedia, WebAudio and MediaRecorder that turn the browser's failures into named kinds.

/** Raw microphone: the ward's loudspeakers want the voice as spoken, not a phone call's processed one. */
export const MIC_CONSTRAINTS: MediaStreamConstraints = {
  audio: { echoCancellation: false, noiseSuppression: false, autoGainControl: false },
  video: false,
};

/** The quietest level a meter shows; digital silence (RMS 0) is reported as this. */
export const FLOOR_DB = -90;
/** The bottom of the meter bar: below it the bar is empty. */
export const METER_FLOOR_DB = -60;
/** An announcement is short: the recorder stops by itself at ten minutes. */
export const MAX_RECORDING_MS = 10 * 60_000;

/** Root mean square of samples in −1…1 (WebAudio's float time-domain data). */
export function rmsOf(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) sum += samples[i]! * samples[i]!;
  return Math.sqrt(sum / samples.length);
}

/** RMS as dB relative to full scale: 1 → 0 dBFS, 0.5 → −6.02 dBFS, never below `floor` nor above 0. */
export function dbfsOf(rms: number, floor = FLOOR_DB): number {
  if (!(rms > 0)) return floor;
  return Math.min(0, Math.max(floor, 20 * Math.log10(rms)));
}

/** Byte time-domain data (128 = zero) as floats in −1…1, for browsers without getFloatTimeDomainData. */
export function bytesToFloats(bytes: ArrayLike<number>): Float32Array {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i]! - 128) / 128;
  return out;
}

/** How full the meter bar is, 0–100: METER_FLOOR_DB is empty, 0 dBFS is full, linear in dB between. */
export function levelPercent(db: number, floor = METER_FLOOR_DB): number {
  if (!Number.isFinite(db) || db <= floor) return 0;
  return Math.min(100, ((db - floor) / -floor) * 100);
}

export type LevelVerdict = 'silent' | 'low' | 'good' | 'loud';

/** What the level tells staff: nothing heard (< −50), speak closer (< −30), fine, or near clipping (> −3). */
export function levelVerdict(db: number): LevelVerdict {
  if (db < -50) return 'silent';
  if (db < -30) return 'low';
  if (db > -3) return 'loud';
  return 'good';
}

/** Elapsed time as m:ss (10:00 at the limit). */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}

/** Recorder formats in order of preference; the server accepts each (WebM/Ogg with Opus, M4A with AAC). */
export const RECORDING_TYPES = ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus', 'audio/mp4'] as const;

/** The first format this browser records, or null to let MediaRecorder choose. */
export function pickRecordingType(isTypeSupported: (type: string) => boolean): string | null {
  for (const type of RECORDING_TYPES) {
    try {
      if (isTypeSupported(type)) return type;
    } catch {
      // A browser that throws on the question does not record that type.
    }
  }
  return null;
}

/** The file extension of a recorded MIME type (parameters ignored). */
export function extensionOf(mimeType: string): string {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  if (base === 'audio/ogg') return '.ogg';
  if (base === 'audio/mp4' || base === 'audio/aac') return '.m4a';
  return '.webm';
}

/** The upload name of a recording made at a local wall time: ghi-am-2026-03-01-0930.webm. */
export function recordingFileName(at: Date, mimeType: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${at.getFullYear()}-${two(at.getMonth() + 1)}-${two(at.getDate())}`;
  return `ghi-am-${day}-${two(at.getHours())}${two(at.getMinutes())}${extensionOf(mimeType)}`;
}

export type MicErrorKind = 'denied' | 'no-device' | 'busy' | 'unsupported' | 'failed';

/** Names a getUserMedia / MediaRecorder failure by its DOMException name. */
export function micErrorKind(error: unknown): MicErrorKind {
  const name = typeof error === 'object' && error !== null && 'name' in error ? String((error as { name: unknown }).name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') return 'denied';
  if (name === 'NotFoundError' || name === 'OverconstrainedError' || name === 'DevicesNotFoundError') return 'no-device';
  if (name === 'NotReadableError' || name === 'AbortError' || name === 'TrackStartError') return 'busy';
  if (name === 'NotSupportedError' || name === 'unsupported') return 'unsupported';
  return 'failed';
}

/** An open microphone: its stream (for a recorder) and its current level. */
export interface MicInput {
  stream: MediaStream;
  /** The RMS level of the last ~40 ms, in dBFS. */
  readDb(): number;
  close(): void;
}

const unsupported = () => Object.assign(new Error('unsupported'), { name: 'unsupported' });

/** Asks for the microphone and attaches a level analyser; rejects with a DOMException-like error (see micErrorKind). */
export async function openMic(): Promise<MicInput> {
  // Absent on plain http (not a secure context) and in locked-down browsers.
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) throw unsupported();
  const stream = await navigator.mediaDevices.getUserMedia(MIC_CONSTRAINTS);
  let context: AudioContext;
  try {
    context = new AudioContext();
  } catch {
    for (const track of stream.getTracks()) track.stop();
    throw unsupported();
  }
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048;
  context.createMediaStreamSource(stream).connect(analyser);
  // Opened by a button press, so resuming is allowed; a refusal only leaves the meter at the floor.
  void context.resume().catch(() => undefined);
  const floats = new Float32Array(analyser.fftSize);
  const bytes = new Uint8Array(analyser.fftSize);
  return {
    stream,
    readDb() {
      if (typeof analyser.getFloatTimeDomainData === 'function') {
        analyser.getFloatTimeDomainData(floats);
        return dbfsOf(rmsOf(floats));
      }
      analyser.getByteTimeDomainData(bytes);
      return dbfsOf(rmsOf(bytesToFloats(bytes)));
    },
    close() {
      for (const track of stream.getTracks()) track.stop();
      void context.close().catch(() => undefined);
    },
  };
}

/** A MediaRecorder on `stream` in the preferred format; throws (NotSupportedError) where there is none. */
export function createRecorder(stream: MediaStream): MediaRecorder {
  if (typeof MediaRecorder === 'undefined') throw unsupported();
  const type = pickRecordingType((t) => MediaRecorder.isTypeSupported(t));
  return type ? new MediaRecorder(stream, { mimeType: type }) : new MediaRecorder(stream);
}
