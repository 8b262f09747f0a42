// JSON bodies with pieces JSON.stringify cannot write: NaN-like tokens, 10,000-deep nesting written as text,
// invalid UTF-8 bytes inside strings, prototype-pollution keys as own properties, and broken JSON text.

/** A piece of a body written as raw bytes (the body is classified afterwards by parsing it). */
export class RawJson {
  constructor(readonly bytes: Buffer) {}
  static text(s: string) {
    return new RawJson(Buffer.from(s, 'utf8'));
  }
}

/** Nested arrays (or objects) `depth` levels deep, as text: a recursive parser or walker would overflow. */
export function deepNesting(depth: number, kind: 'array' | 'object'): RawJson {
  const text = kind === 'array' ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return RawJson.text(text);
}

/** Number-ish tokens: only 1e400 / -1e400 / -0 are JSON (they parse to ±Infinity and -0); the rest are not. */
export const NUMBER_TOKENS: RawJson[] = [
  RawJson.text('1e400'),
  RawJson.text('-1e400'),
  RawJson.text('-0'),
  RawJson.text('NaN'),
  RawJson.text('Infinity'),
  RawJson.text('-Infinity'),
  RawJson.text('0x10'),
  RawJson.text('01'),
  RawJson.text('.5'),
  RawJson.text('+1'),
  RawJson.text('undefined'),
];

/** Byte sequences that are not UTF-8: a lone continuation byte, an overlong '/', a UTF-16 surrogate, a cut
 * sequence, 0xFF, and Latin-1 'ế'-ish bytes. */
export const BAD_UTF8: Buffer[] = [
  Buffer.from([0x80]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
  Buffer.from([0xe2, 0x82]),
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0x54, 0xea, 0x6e]),
  Buffer.from([0xf4, 0x90, 0x80, 0x80]),
];

/** A JSON string whose bytes include an invalid UTF-8 sequence. */
export function badUtf8String(prefix: string, bad: Buffer): RawJson {
  return new RawJson(Buffer.concat([Buffer.from(JSON.stringify(prefix).slice(0, -1)), bad, Buffer.from('"')]));
}

/** Sets an own enumerable property, so that `__proto__` is written as a key instead of changing the prototype. */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown) {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const SENTINEL = /"\\u0000raw(\d+)\\u0000"/g;

/** Writes a value to bytes, splicing in every RawJson. */
export function serialize(value: unknown): Buffer {
  const raws: RawJson[] = [];
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v);
      return `\u0000raw${raws.length - 1}\u0000`;
    }
    return v;
  });
  if (text === undefined) return Buffer.alloc(0);
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(SENTINEL)) {
    parts.push(Buffer.from(text.slice(last, m.index), 'utf8'), raws[Number(m[1])]!.bytes);
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last), 'utf8'));
  return Buffer.concat(parts);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** What a server would make of a JSON body: invalid UTF-8, not JSON, or the parsed value. */
export function classifyJson(bytes: Uint8Array): { badUtf8: boolean; malformed: boolean; parsed?: unknown } {
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    return { badUtf8: true, malformed: false };
  }
  try {
    return { badUtf8: false, malformed: false, parsed: JSON.parse(text) };
  } catch {
    return { badUtf8: false, malformed: true };
  }
}

/** Ways to break valid JSON text; each result is certainly not JSON. */
export const BREAKERS: { name: string; apply: (b: Buffer, at: number) => Buffer }[] = [
  { name: 'truncated', apply: (b, at) => b.subarray(0, Math.max(1, Math.min(at, b.length - 1))) },
  { name: 'trailing garbage', apply: (b) => Buffer.concat([b, Buffer.from(' }{x')]) },
  { name: 'trailing comma', apply: (b) => (b[b.length - 1] === 0x7d ? Buffer.concat([b.subarray(0, -1), Buffer.from(',}')]) : Buffer.concat([b, Buffer.from(',')])) },
  { name: 'single quotes', apply: (b) => Buffer.from(b.toString('latin1').replace(/"/g, "'"), 'latin1') },
  { name: 'unquoted key', apply: () => Buffer.from('{title: 1}') },
  { name: 'comment', apply: (b) => Buffer.concat([Buffer.from('// hi\n'), b]) },
  { name: 'two documents', apply: (b) => Buffer.concat([b, b]) },
  { name: 'control char', apply: () => Buffer.from('{"title":"a\u0001b\nc"}') },
  { name: 'lone surrogate escape cut', apply: () => Buffer.from('{"title":"\\ud83d') },
  { name: 'empty', apply: () => Buffer.alloc(0) },
  { name: 'whitespace only', apply: () => Buffer.from(' \r\n\t ') },
  { name: 'nul bytes', apply: (b) => Buffer.concat([Buffer.from([0, 0, 0]), b]) },
];
