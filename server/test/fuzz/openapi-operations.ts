// The operations of the OpenAPI document the app serves, with their parameters and body schemas resolved:
// the fuzzer iterates over these, never over a hand-written list, so a new route is fuzzed automatically.

/** The part of JSON Schema (OpenAPI 3.1) that the zod schemas produce. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  default?: unknown;
};

export type Param = { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required: boolean; schema: JsonSchema };
export type Access = 'public' | 'authenticated' | 'device' | readonly string[];

export type Operation = {
  /** "POST /api/devices/{id}" */
  key: string;
  method: string;
  /** OpenAPI path template, e.g. /api/devices/{id} */
  path: string;
  access: Access;
  pathParams: Param[];
  queryParams: Param[];
  /** Media type → schema of the request body; null when the operation takes no body. */
  body: { required: boolean; content: Record<string, JsonSchema> } | null;
};

type Doc = {
  paths: Record<string, Record<string, { parameters?: Param[]; requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> }; 'x-access'?: Access }>>;
  components?: { schemas?: Record<string, JsonSchema> };
};

/** Inlines every $ref (the zod-generated schemas are not recursive; a cycle would be cut at depth 20). */
function resolver(doc: Doc) {
  const schemas = doc.components?.schemas ?? {};
  const resolve = (s: JsonSchema, depth = 0): JsonSchema => {
    if (depth > 20) return {};
    if (s.$ref) {
      const name = s.$ref.replace('#/components/schemas/', '');
      const target = schemas[name];
      if (!target) throw new Error(`unresolved ${s.$ref}`);
      return resolve(target, depth + 1);
    }
    const out: JsonSchema = { ...s };
    if (s.properties) out.properties = Object.fromEntries(Object.entries(s.properties).map(([k, v]) => [k, resolve(v, depth + 1)]));
    if (s.items) out.items = resolve(s.items, depth + 1);
    if (s.additionalProperties && typeof s.additionalProperties === 'object') out.additionalProperties = resolve(s.additionalProperties, depth + 1);
    for (const k of ['oneOf', 'anyOf', 'allOf'] as const) if (s[k]) out[k] = s[k].map((x) => resolve(x, depth + 1));
    return out;
  };
  return resolve;
}

export function operationsOf(doc: Doc): Operation[] {
  const resolve = resolver(doc);
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters ?? []).map((p) => ({ ...p, required: !!p.required, schema: resolve(p.schema ?? {}) }));
      const rb = op.requestBody;
      ops.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        access: op['x-access'] ?? 'public',
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        body: rb ? { required: !!rb.required, content: Object.fromEntries(Object.entries(rb.content).map(([t, c]) => [t, resolve(c.schema ?? {})])) } : null,
      });
    }
  }
  return ops.sort((a, b) => a.key.localeCompare(b.key));
}
