// Values for a JSON Schema, and ways to break them: a plausible value first (so that validation gets past the
// obvious and reaches the field-level rules), then violations at random places in it.
import fc from 'fast-check';
import type { JsonSchema } from './openapi-operations';
import { typesOf } from './json-schema-check';
import { BAD_UTF8, NUMBER_TOKENS, RawJson, badUtf8String, deepNesting, setOwn } from './raw-json';

export type Gen = fc.GeneratorValue;

const pick = <T>(g: Gen, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: Gen, p: number) => g(fc.double, { min: 0, max: 1, noNaN: true }) < p;

/** A value that satisfies the schema as far as JSON Schema says (zod refinements may still refuse it). */
export function plausible(g: Gen, s: JsonSchema, depth = 0): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return pick(g, s.enum);
  const alts = s.oneOf ?? s.anyOf;
  if (alts?.length) return plausible(g, pick(g, alts), depth + 1);
  if (s.allOf?.length) return plausible(g, Object.assign({}, ...s.allOf) as JsonSchema, depth + 1);
  const types = s.type ? (Array.isArray(s.type) ? s.type : [s.type]) : s.properties ? ['object'] : s.items ? ['array'] : [];
  const nonNull = types.filter((t) => t !== 'null');
  if (!nonNull.length) return types.includes('null') ? null : pick(g, [1, 'x', true] as unknown[]);
  if (s.nullable && chance(g, 0.1)) return null;
  switch (pick(g, nonNull)) {
    case 'string':
      return plausibleString(g, s);
    case 'integer':
      return g(fc.integer, { min: Math.ceil(lowerBound(s)), max: Math.floor(Math.min(s.maximum ?? 1000, (s.exclusiveMaximum ?? Infinity) - 1, 2 ** 31)) });
    case 'number':
      return g(fc.double, { min: lowerBound(s), max: s.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return g(fc.boolean);
    case 'array': {
      const n = g(fc.integer, { min: s.minItems ?? 0, max: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 3, 3)) });
      return Array.from({ length: n }, () => plausible(g, s.items ?? {}, depth + 1));
    }
    default: {
      const o: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [k, p] of Object.entries(s.properties ?? {})) if (required.has(k) || (depth < 6 && chance(g, 0.5))) o[k] = plausible(g, p, depth + 1);
      return o;
    }
  }
}

const lowerBound = (s: JsonSchema) => Math.max(s.minimum ?? -1000, s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -Infinity, -(2 ** 31));

function plausibleString(g: Gen, s: JsonSchema): string {
  if (s.format === 'date-time') return new Date(g(fc.integer, { min: Date.UTC(2024, 0, 1), max: Date.UTC(2030, 0, 1) })).toISOString();
  if (s.pattern) {
    try {
      return g(fc.stringMatching, new RegExp(s.pattern));
    } catch {
      return 'x';
    }
  }
  const min = s.minLength ?? 1;
  return g(fc.string, { minLength: min, maxLength: Math.max(min, Math.min(s.maxLength ?? 20, 20)), unit: 'grapheme' });
}

/** A JSON object of the message (not an array, and not raw text an earlier violation put there). */
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof RawJson);

/** Every place of a value where the schema is known: the path to it and its schema. */
export type Site = { path: (string | number)[]; schema: JsonSchema; value: unknown };

export function sitesOf(s: JsonSchema, v: unknown, path: (string | number)[] = [], out: Site[] = []): Site[] {
  out.push({ path, schema: s, value: v });
  // Raw text from an earlier violation is a leaf: its fields are not the message's.
  if (v instanceof RawJson) return out;
  const alts = s.oneOf ?? s.anyOf;
  if (alts) {
    // Descend through the first alternative whose shape matches (objects: most matching keys).
    const t = Array.isArray(v) ? 'array' : typeof v;
    const fit = alts.find((a) => (t === 'object' ? !!a.properties : t === 'array' ? !!a.items : false));
    if (fit) sitesOf(fit, v, path, []).slice(1).forEach((x) => out.push(x));
    return out;
  }
  if (Array.isArray(v) && s.items) v.forEach((x, i) => sitesOf(s.items!, x, [...path, i], out));
  else if (isRecord(v) && s.properties)
    for (const [k, x] of Object.entries(v)) if (Object.prototype.hasOwnProperty.call(s.properties, k)) sitesOf(s.properties[k]!, x, [...path, k], out);
  return out;
}

export function setAt(root: unknown, path: (string | number)[], v: unknown): unknown {
  if (!path.length) return v;
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  setOwn(o as Record<string, unknown>, String(path[path.length - 1]!), v);
  return root;
}

export function deleteAt(root: unknown, path: (string | number)[]) {
  let o = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  delete o[path[path.length - 1]!];
}

const NAN_STRINGS = ['NaN', 'Infinity', '-Infinity', '1e400', '-0', '0x10', ' 1 ', '1_000', '١٢٣', '', 'null', 'undefined', 'true', '[]', '{}'];
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'hasOwnProperty', 'toString', 'valueOf'];
const PROTO_PAYLOAD = () => ({ polluted: 'fuzz', isAdmin: true, roles: ['admin'], prototype: { polluted: 'fuzz' } });

/** A value whose JSON type the schema does not admit. */
export function wrongType(g: Gen, s: JsonSchema): unknown {
  const allowed = typesOf(s) ?? new Set<string>();
  const candidates: [string, () => unknown][] = [
    ['string', () => pick(g, NAN_STRINGS.concat(['x', 'Đường Lê Lợi', '<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd']))],
    ['integer', () => pick(g, [0, -1, 1, 2 ** 53 + 2, -(2 ** 63), 1e300])],
    ['number', () => pick(g, [1.5, -0.001, 1e-300, 3.14159])],
    ['boolean', () => g(fc.boolean)],
    ['null', () => null],
    ['array', () => pick(g, [[], [1, 'a', null], [[[[]]]]])],
    ['object', () => pick(g, [{}, { a: 1 }, { type: 'x', id: 1 }])],
  ];
  const usable = candidates.filter(([t]) => !allowed.has(t) && !(t === 'integer' && allowed.has('number')));
  return usable.length ? pick(g, usable)[1]() : pick(g, NUMBER_TOKENS);
}

/** A value just outside the schema's bounds: numbers, lengths, item counts, enums, patterns, date-times. */
export function outOfRange(g: Gen, s: JsonSchema): unknown {
  const types = typesOf(s);
  if (s.enum) return pick(g, [`${String(s.enum[0])}x`, String(s.enum[0]).toUpperCase() + '_', ` ${String(s.enum[0])}`, '', 'ANY', '*']);
  if (types?.has('integer') || types?.has('number')) {
    const opts: unknown[] = [2 ** 53 + 1, -(2 ** 53) - 1, 1e308, -1e308, pick(g, NUMBER_TOKENS)];
    if (s.minimum !== undefined) opts.push(s.minimum - 1, s.minimum - 0.5);
    if (s.exclusiveMinimum !== undefined) opts.push(s.exclusiveMinimum);
    if (s.maximum !== undefined) opts.push(s.maximum + 1, s.maximum + 0.5);
    if (s.type === 'integer') opts.push(0.5, 1.0000001);
    return pick(g, opts);
  }
  if (types?.has('array')) {
    const n = (s.maxItems ?? 1000) + 1;
    return n <= 2000 ? Array.from({ length: n }, () => (s.items ? plausible(g, s.items, 5) : 1)) : [];
  }
  if (types?.has('string')) {
    const opts: unknown[] = ['\u0000', '\ud800', 'a\u202eb', ' '.repeat(50), '\u200b'];
    if (s.maxLength !== undefined) opts.push('ế'.repeat(s.maxLength + 1), 'x'.repeat(s.maxLength + g(fc.integer, { min: 1, max: 100 })));
    if (s.minLength) opts.push('', 'x'.repeat(s.minLength - 1));
    if (s.pattern) opts.push(...['', 'x', '0'.repeat(65), 'G'.repeat(64), '24:60', '25:00', '-1', '1'.repeat(7), 'A'.repeat(64)].filter((x) => !new RegExp(s.pattern!).test(x)));
    if (s.format === 'date-time') opts.push('2024-13-45T99:99:99Z', '2024-02-30T10:00:00+07:00', 'yesterday', '2024-01-01', '10000-01-01T00:00:00Z', '2024-01-01T00:00:00+25:00', '');
    return pick(g, opts);
  }
  return wrongType(g, s);
}

/** Breaks the value in one place. Returns the new root and a short note of what was done. */
export function violate(g: Gen, root: unknown, rootSchema: JsonSchema): { root: unknown; note: string } {
  const sites = sitesOf(rootSchema, root);
  const site = pick(g, sites);
  const where = site.path.join('.') || '(root)';
  const kind = pick(g, ['wrong-type', 'wrong-type', 'out-of-range', 'out-of-range', 'drop-required', 'huge', 'deep', 'nan', 'bad-utf8'] as const);
  switch (kind) {
    case 'drop-required': {
      const objs = sites.filter((x) => isRecord(x.value) && x.schema.required?.some((r) => r in (x.value as object)));
      if (!objs.length) break;
      const o = pick(g, objs);
      const key = pick(g, o.schema.required!.filter((r) => r in (o.value as object)));
      deleteAt(root, [...o.path, key]);
      return { root, note: `drop-required ${[...o.path, key].join('.')}` };
    }
    case 'out-of-range':
      return { root: setAt(root, site.path, outOfRange(g, site.schema)), note: `out-of-range ${where}` };
    case 'huge': {
      // Past the 1 MB body limit, or far past any maxLength while staying under it.
      const n = chance(g, 0.3) ? 1024 * 1024 + 10 : g(fc.integer, { min: 100_000, max: 600_000 });
      return { root: setAt(root, site.path, pick(g, ['a', 'ế', '\u{1F600}']).repeat(n)), note: `huge(${n}) ${where}` };
    }
    case 'deep':
      return { root: setAt(root, site.path, deepNesting(pick(g, [1000, 10_000]), pick(g, ['array', 'object'] as const))), note: `deep ${where}` };
    case 'nan':
      return { root: setAt(root, site.path, chance(g, 0.5) ? pick(g, NUMBER_TOKENS) : pick(g, NAN_STRINGS)), note: `nan-like ${where}` };
    case 'bad-utf8':
      return { root: setAt(root, site.path, badUtf8String('Tổ dân phố ', pick(g, BAD_UTF8))), note: `bad-utf8 ${where}` };
    default:
      break;
  }
  return { root: setAt(root, site.path, wrongType(g, site.schema)), note: `wrong-type ${where}` };
}

/** Extra keys a strict schema must refuse and a lenient one must ignore: unknown names, prototype keys. */
export function addExtraKey(g: Gen, root: unknown, rootSchema: JsonSchema): { root: unknown; note: string } {
  const objs = sitesOf(rootSchema, root).filter((x) => isRecord(x.value));
  if (!objs.length) return { root, note: 'no object for an extra key' };
  const o = pick(g, objs);
  const proto = chance(g, 0.6);
  const key = proto ? pick(g, PROTO_KEYS) : `unknown_${g(fc.nat, { max: 999 })}`;
  setOwn(o.value as Record<string, unknown>, key, proto ? PROTO_PAYLOAD() : g(fc.jsonValue, { maxDepth: 2 }));
  return { root, note: `extra-key ${[...o.path, key].join('.')}` };
}

