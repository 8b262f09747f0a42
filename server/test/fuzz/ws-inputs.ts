// Fuzzed WebSocket frames: for each device → server message type of the protocol, broken variants of a
// plausible message (wrong types, missing fields, huge strings, deep nesting, unknown and prototype keys),
// and protocol-level garbage (malformed JSON, unknown types, binary frames, invalid UTF-8, oversized and
// broken frames). `expect` says what a clean server does: answer error.v1, or close with a protocol code.
import fc from 'fast-check';
import { z } from 'zod';
import { DeviceToServerSchema, MAX_DEVICE_MESSAGE_BYTES } from '@bantin/protocol';
import type { JsonSchema } from './openapi-operations';
import { isValid } from './json-schema-check';
import { BAD_UTF8, BREAKERS, RawJson, classifyJson, deepNesting, serialize, setOwn } from './raw-json';
import { addExtraKey, plausible, violate, type Gen } from './schema-values';
import { clientFrame } from './ws-client';

export type WsFrame = {
  /** text and binary go through ws; raw bytes are written under the framing. */
  kind: 'text' | 'binary' | 'raw';
  data: Buffer;
  notes: string[];
  /** Invalid by construction: the server must refuse it. */
  sure: boolean;
  /** 'error' = an error.v1 answer; 'close' = a close with one of `closeCodes`. */
  expect: 'error' | 'close';
  closeCodes: number[];
};

const pick = <T>(g: Gen, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: Gen, p: number) => g(fc.double, { min: 0, max: 1, noNaN: true }) < p;

/** The device → server message types and their JSON Schemas, read from the protocol (no list of our own). */
export const DEVICE_MESSAGES: { type: string; schema: JsonSchema }[] = DeviceToServerSchema.options.map((o) => ({
  type: o.shape.type.value,
  schema: z.toJSONSchema(o, { unrepresentable: 'any', io: 'input' }) as JsonSchema,
}));

const textFrame = (data: Buffer, notes: string[], sure: boolean, maxBytes: number): WsFrame => {
  const c = classifyJson(data);
  if (data.length > maxBytes) return { kind: 'text', data, notes: [...notes, `${data.length} B > ${maxBytes}`], sure: true, expect: 'close', closeCodes: [1009] };
  if (c.badUtf8) return { kind: 'text', data, notes, sure: true, expect: 'close', closeCodes: [1007] };
  return { kind: 'text', data, notes, sure: sure || c.malformed, expect: 'error', closeCodes: [] };
};

/** A broken message of one type. */
export function messageFrameArb(msg: { type: string; schema: JsonSchema }, maxBytes = MAX_DEVICE_MESSAGE_BYTES): fc.Arbitrary<WsFrame> {
  return fc.gen().map((g) => {
    let root = plausible(g, msg.schema);
    const notes: string[] = [msg.type];
    const n = chance(g, 0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const v = violate(g, root, msg.schema);
      root = v.root;
      notes.push(v.note);
    }
    if (chance(g, 0.3)) {
      const v = addExtraKey(g, root, msg.schema);
      root = v.root;
      notes.push(v.note);
    }
    let data = serialize(root);
    if (chance(g, 0.1)) {
      const b = pick(g, BREAKERS);
      data = b.apply(data, g(fc.nat, { max: data.length }));
      notes.push(`malformed: ${b.name}`);
    }
    const c = classifyJson(data);
    const valid = !c.badUtf8 && !c.malformed && c.parsed !== undefined && isValid(msg.schema, c.parsed);
    return textFrame(data, notes, !valid, maxBytes);
  });
}

const MASKED_EMPTY = Buffer.alloc(0);

/** Frames the WebSocket framing forbids; the server must close with 1002 (or 1009 for an absurd length). */
const BROKEN_FRAMES: { name: string; bytes: () => Buffer; codes: number[] }[] = [
  { name: 'reserved opcode 0x3', bytes: () => clientFrame(0x83, MASKED_EMPTY), codes: [1002] },
  { name: 'reserved opcode 0xB', bytes: () => clientFrame(0x8b, MASKED_EMPTY), codes: [1002] },
  { name: 'RSV1 without an extension', bytes: () => clientFrame(0xc1, Buffer.from('{}')), codes: [1002] },
  { name: 'unmasked client frame', bytes: () => clientFrame(0x81, Buffer.from('{}'), { mask: false }), codes: [1002] },
  { name: 'ping longer than 125 bytes', bytes: () => clientFrame(0x89, Buffer.alloc(126, 1)), codes: [1002] },
  { name: 'fragmented ping', bytes: () => clientFrame(0x09, MASKED_EMPTY), codes: [1002] },
  { name: 'continuation without a start', bytes: () => clientFrame(0x80, Buffer.from('{}')), codes: [1002] },
  { name: 'new text frame inside a fragmented one', bytes: () => Buffer.concat([clientFrame(0x01, Buffer.from('{"a"')), clientFrame(0x81, Buffer.from('{}'))]), codes: [1002] },
  { name: 'length 2^63 - 1', bytes: () => clientFrame(0x82, MASKED_EMPTY, { length: Buffer.from([127, 0x7f, 255, 255, 255, 255, 255, 255, 255]) }), codes: [1009] },
  { name: 'close code 999', bytes: () => clientFrame(0x88, Buffer.from([0x03, 0xe7])), codes: [1002] },
  { name: 'close with a 1-byte body', bytes: () => clientFrame(0x88, Buffer.from([0x03])), codes: [1002] },
  { name: 'close reason not UTF-8', bytes: () => clientFrame(0x88, Buffer.concat([Buffer.from([0x03, 0xe8]), BAD_UTF8[0]!])), codes: [1007] },
];

/** Garbage that belongs to no message type: unknown types, non-objects, broken JSON, binary, bad bytes. */
export function protocolFrameArb(maxBytes = MAX_DEVICE_MESSAGE_BYTES): fc.Arbitrary<WsFrame> {
  return fc.gen().map((g) => {
    const kind = pick(g, ['unknown-type', 'unknown-type', 'not-object', 'malformed', 'binary', 'bad-utf8', 'oversize', 'broken-frame', 'proto-root'] as const);
    const some = pick(g, DEVICE_MESSAGES);
    const base = plausible(g, some.schema) as Record<string, unknown>;
    switch (kind) {
      case 'unknown-type': {
        const type = pick(g, ['hello.v2', 'HELLO.V1', 'hello', '', ' hello.v1', 'hello.v1\u0000', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'timeline.v1', 'error.v1', 'command.v1', 123, null, true, ['hello.v1'], { v: 1 }, deepNesting(pick(g, [1000, 10_000, 100_000]), 'array')]);
        setOwn(base, 'type', type);
        const label = type instanceof RawJson ? `nested ${type.bytes.length / 2} deep` : JSON.stringify(type);
        return textFrame(serialize(base), [`unknown type ${label.slice(0, 30)}`], true, maxBytes);
      }
      case 'not-object':
        return textFrame(Buffer.from(pick(g, ['[]', '[{"type":"hello.v1"}]', '"hello.v1"', '42', 'null', 'true', '1e400'])), ['root not an object'], true, maxBytes);
      case 'malformed': {
        const b = pick(g, BREAKERS);
        const data = b.apply(serialize(base), g(fc.nat, { max: 200 }));
        return textFrame(data, [`malformed: ${b.name}`], true, maxBytes);
      }
      case 'binary': {
        const data = chance(g, 0.5) ? serialize(base) : Buffer.from(g(fc.uint8Array, { minLength: 1, maxLength: 4096 }));
        return { kind: 'binary', data, notes: ['binary frame'], sure: true, expect: 'error', closeCodes: [] };
      }
      case 'bad-utf8': {
        const text = serialize(base);
        const at = g(fc.nat, { max: text.length });
        return textFrame(Buffer.concat([text.subarray(0, at), pick(g, BAD_UTF8), text.subarray(at)]), ['invalid UTF-8 text frame'], true, maxBytes);
      }
      case 'oversize':
        return textFrame(Buffer.from(`{"type":"hello.v1","playerVersion":"${'x'.repeat(maxBytes)}"}`), ['oversize'], true, maxBytes);
      case 'broken-frame': {
        const f = pick(g, BROKEN_FRAMES);
        return { kind: 'raw', data: f.bytes(), notes: [`broken frame: ${f.name}`], sure: true, expect: 'close', closeCodes: f.codes };
      }
      default: {
        const o = {};
        setOwn(o, '__proto__', { ...base, type: some.type });
        return textFrame(serialize(o), ['message hidden under __proto__'], true, maxBytes);
      }
    }
  });
}
