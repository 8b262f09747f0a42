// A small validator for the JSON Schema subset the OpenAPI document uses. The fuzzer asks it whether a
// generated body is invalid by the published schema, so that accepting it counts as a bug, not a lucky draw.
import type { JsonSchema } from './openapi-operations';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** The JSON types a schema admits (integer counts as number too); null when it does not say. */
export function typesOf(s: JsonSchema): Set<string> | null {
  const out = new Set<string>();
  const add = (t: string) => {
    out.add(t);
    if (t === 'number') out.add('integer');
  };
  if (s.type) (Array.isArray(s.type) ? s.type : [s.type]).forEach(add);
  else if (s.enum) s.enum.forEach((v) => add(jsonType(v)));
  else if (s.const !== undefined) add(jsonType(s.const));
  else if (s.properties) add('object');
  else if (s.items) add('array');
  for (const alt of [...(s.oneOf ?? []), ...(s.anyOf ?? [])]) {
    const t = typesOf(alt);
    if (!t) return null;
    t.forEach(add);
  }
  if (s.nullable) add('null');
  return out.size ? out : null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** True when `v` satisfies `s` (as far as JSON Schema can say: zod refinements are invisible here). */
export function isValid(s: JsonSchema, v: unknown): boolean {
  if (s.allOf && !s.allOf.every((x) => isValid(x, v))) return false;
  if (s.anyOf && !s.anyOf.some((x) => isValid(x, v))) return s.nullable === true && v === null;
  if (s.oneOf && !s.oneOf.some((x) => isValid(x, v))) return s.nullable === true && v === null;
  if (s.nullable && v === null) return true;
  if (s.enum && !s.enum.some((e) => e === v)) return false;
  if (s.const !== undefined && s.const !== v) return false;
  const types = s.type ? (Array.isArray(s.type) ? s.type : [s.type]) : null;
  if (types) {
    const t = jsonType(v);
    const ok = types.includes(t) || (t === 'integer' && types.includes('number'));
    if (!ok) return false;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return false;
    if (s.minimum !== undefined && v < s.minimum) return false;
    if (s.maximum !== undefined && v > s.maximum) return false;
    if (s.exclusiveMinimum !== undefined && v <= s.exclusiveMinimum) return false;
    if (s.exclusiveMaximum !== undefined && v >= s.exclusiveMaximum) return false;
  }
  if (typeof v === 'string') {
    if (s.minLength !== undefined && v.length < s.minLength) return false;
    if (s.maxLength !== undefined && v.length > s.maxLength) return false;
    if (s.pattern !== undefined && !new RegExp(s.pattern).test(v)) return false;
    if (s.format === 'date-time' && (!DATE_TIME.test(v) || Number.isNaN(Date.parse(v)))) return false;
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) return false;
    if (s.maxItems !== undefined && v.length > s.maxItems) return false;
    if (s.items && !v.every((x) => isValid(s.items!, x))) return false;
  }
  if (isObject(v)) {
    for (const r of s.required ?? []) if (!Object.prototype.hasOwnProperty.call(v, r)) return false;
    for (const [k, x] of Object.entries(v)) {
      const p = s.properties && Object.prototype.hasOwnProperty.call(s.properties, k) ? s.properties[k] : undefined;
      if (p) {
        if (!isValid(p, x)) return false;
      } else if (s.additionalProperties === false) return false;
      else if (typeof s.additionalProperties === 'object' && !isValid(s.additionalProperties, x)) return false;
    }
  }
  return true;
}
