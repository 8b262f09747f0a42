// Reads the header of a PCM WAV file (RIFF/WAVE) to learn its format and duration.
// espeak-ng writes 16-bit mono PCM at 22 050 Hz; the parser walks chunks so it does not assume that.

interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  /** Byte offset of the sample data. */
  dataOffset: number;
  /** Length of the sample data in bytes (clamped to the bytes actually present). */
  dataBytes: number;
  durationMs: number;
}

/** Parses a RIFF/WAVE PCM header; throws with a clear message when the buffer is not one. */
export function parseWav(buffer: Buffer): WavInfo {
  if (buffer.length < 12 || buffer.toString('ascii', 0, 4) !== 'RIFF' || buffer.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  let format: { channels: number; sampleRate: number; bitsPerSample: number } | null = null;
  let offset = 12;
  while (offset + 8 <= buffer.length) {
    const id = buffer.toString('ascii', offset, offset + 4);
    const size = buffer.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= buffer.length) {
      format = {
        channels: buffer.readUInt16LE(body + 2),
        sampleRate: buffer.readUInt32LE(body + 4),
        bitsPerSample: buffer.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format === null) throw new Error('WAV data chunk before its fmt chunk');
      const dataBytes = Math.min(size, buffer.length - body);
      const bytesPerSecond = format.sampleRate * format.channels * (format.bitsPerSample / 8);
      if (bytesPerSecond <= 0) throw new Error('WAV fmt chunk has a zero sample rate or width');
      return { ...format, dataOffset: body, dataBytes, durationMs: Math.round((dataBytes / bytesPerSecond) * 1000) };
    }
    offset = body + size + (size % 2);
  }
  throw new Error('WAV file has no data chunk');
}

/** Peak absolute sample value of 16-bit PCM data (0 = pure silence). */
export function peakAmplitude(buffer: Buffer, info: WavInfo): number {
  if (info.bitsPerSample !== 16) throw new Error(`unsupported sample width: ${info.bitsPerSample} bits`);
  let peak = 0;
  const end = info.dataOffset + info.dataBytes - 1;
  for (let i = info.dataOffset; i < end; i += 2) peak = Math.max(peak, Math.abs(buffer.readInt16LE(i)));
  return peak;
}
