// One fuzzed HTTP request for one OpenAPI operation: who sends it (the allowed role, nobody, a forged
// cookie, a missing CSRF token), path parameters (existing, absent, garbage), a query string and a body, each
// usually broken. `sure` says the request is invalid by construction, so accepting it would be a bug.
import fc from 'fast-check';
import type { JsonSchema, Operation, Param } from './openapi-operations';
import { isValid } from './json-schema-check';
import { classifyJson, BAD_UTF8, BREAKERS, serialize } from './raw-json';
import { addExtraKey, outOfRange, plausible, violate, wrongType, type Gen } from './schema-values';
import { existingKey, type Fixtures } from './api-fixtures';
import { capBody, uploadBody } from './body-kinds';

export type FuzzRequest = { method: string; url: string; headers: Record<string, string>; body?: Uint8Array; notes: string[]; sure: boolean };

export const JSON_LIMIT = 1024 * 1024;
const pick = <T>(g: Gen, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: Gen, p: number) => g(fc.double, { min: 0, max: 1, noNaN: true }) < p;

/** The body kinds the fuzzer knows; an operation with any other media type has no fuzz case (a test fails). */
export const KNOWN_MEDIA_TYPES = ['application/json', 'application/octet-stream', 'application/cap+xml', 'application/xml'];

const SESSION_COOKIE = 'bantin_session';
const FORGED_COOKIES = ['A'.repeat(5000), '%zz', '"quoted"', 'x; bantin_session=y', '', '\u00ff\u00fe', 'null', '../../etc/passwd'];

function authOf(g: Gen, op: Operation, fx: Fixtures, r: FuzzRequest) {
  const session = () => {
    r.headers.cookie = `${SESSION_COOKIE}=${fx.session.cookie.split('=')[1]}`;
    if (op.method !== 'GET') r.headers['x-csrf-token'] = fx.session.csrf;
  };
  if (op.access === 'device') {
    const v = g(fc.nat, { max: 9 });
    if (v < 8) r.headers.authorization = `Bearer ${fx.deviceToken}`;
    else if (v === 8) r.notes.push('no device token');
    else {
      r.headers.authorization = pick(g, ['Bearer ' + 'x'.repeat(300), 'Bearer', 'Basic YTpi', `Bearer ${fx.deviceToken}x`, 'Bearer \u00ff']);
      r.notes.push(`forged device token ${r.headers.authorization.slice(0, 20)}`);
    }
    r.sure ||= v >= 8;
    return;
  }
  if (op.access === 'public') {
    if (chance(g, 0.4)) session();
    else r.notes.push('no session');
    return;
  }
  // An operation with nothing to validate (no parameters, no body) can only be refused for who calls it.
  const bare = !op.pathParams.length && !op.queryParams.length && !op.body;
  const v = g(fc.nat, { max: 99 });
  if (v < (bare ? 40 : 80)) return session();
  r.sure = true;
  if (v < (bare ? 70 : 88)) r.notes.push('no session');
  else if (v < (bare ? 85 : 94) || op.method === 'GET') {
    r.headers.cookie = `${SESSION_COOKIE}=${pick(g, FORGED_COOKIES)}`;
    r.notes.push('forged session cookie');
  } else {
    session();
    r.headers['x-csrf-token'] = pick(g, ['', 'wrong', fx.session.csrf + 'x']);
    r.notes.push('wrong CSRF token');
  }
}

const coerce = (s: JsonSchema, v: string | string[]): unknown => {
  const types = s.type ? (Array.isArray(s.type) ? s.type : [s.type]) : [];
  if (Array.isArray(v)) return v;
  return types.includes('integer') || types.includes('number') ? Number(v) : v;
};

const NONEXISTENT_ID = ['999999', '2147483647', '9007199254740991', '0x3e7', '1e6'];
const GARBAGE_PATH = ['0', '-1', '1.5', 'abc', 'NaN', 'Infinity', '1e400', '99999999999999999999999', '%00', '%ff', '%2e%2e', '..%2f..%2fetc%2fpasswd', 'x'.repeat(5000), '%E1%BA%BF', '__proto__', 'constructor', 'null', '%5B%5D', '%20', "1'--", '%3BDROP%20TABLE%20users'];

/** A well-formed value that names nothing: another sha256, id, archive number or calendar key. */
function absentLike(g: Gen, existing: string): string {
  if (/^[0-9a-f]{64}$/.test(existing)) return g(fc.stringMatching, /^[0-9a-f]{64}$/);
  if (/^\d+$/.test(existing)) return pick(g, NONEXISTENT_ID);
  if (/^\d+\.xlsx$/.test(existing)) return '999999.xlsx';
  if (/[0-9a-f]\.ics$/.test(existing)) return existing.replace(/[0-9a-f](?=\.ics$)/, (c) => (c === '0' ? '1' : '0'));
  return `${existing}9`;
}

function pathOf(g: Gen, op: Operation, fx: Fixtures, r: FuzzRequest): string {
  let path = op.path;
  for (const p of op.pathParams) {
    const existing = fx.existing[existingKey(op.path, p.name)]!;
    // GETs with an existing id are valid requests; other methods need one to reach the body's validation.
    const kind = pick(g, op.method === 'GET' ? (['existing', 'absent', 'garbage', 'garbage', 'garbage'] as const) : (['existing', 'existing', 'absent', 'garbage', 'garbage'] as const));
    let v = existing;
    if (kind === 'absent') v = absentLike(g, existing);
    if (kind === 'garbage') v = chance(g, 0.2) ? existing.toUpperCase() + 'z' : pick(g, GARBAGE_PATH);
    if (kind !== 'existing') r.notes.push(`${kind} ${p.name}=${v.slice(0, 30)}`);
    let decoded: string;
    try {
      decoded = decodeURIComponent(v);
    } catch {
      decoded = v;
    }
    if (kind === 'garbage' && !isValid(p.schema, coerce(p.schema, decoded))) r.sure = true;
    path = path.replace(`{${p.name}}`, v);
  }
  return path;
}

/** Percent-encodes like encodeURIComponent, writing a lone surrogate as the (invalid) UTF-8 bytes it would have. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => (/[\ud800-\udfff]/.test(ch) ? `%${[0xed, 0xa0 | ((ch.charCodeAt(0) >> 6) & 0x1f), 0x80 | (ch.charCodeAt(0) & 0x3f)].map((b) => b.toString(16)).join('%')}` : encodeURIComponent(ch))).join('');
  }
}

const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');

function queryOf(g: Gen, params: Param[], r: FuzzRequest): string {
  if (!params.length && !chance(g, 0.2)) return '';
  const pairs: [string, string][] = [];
  for (const p of params) if (p.required || chance(g, 0.5)) pairs.push([p.name, asText(plausible(g, p.schema))]);
  if (params.length && chance(g, 0.75)) {
    const p = pick(g, params);
    const how = pick(g, ['wrong-type', 'out-of-range', 'huge', 'repeat', 'empty'] as const);
    const v = how === 'wrong-type' ? asText(wrongType(g, p.schema)) : how === 'out-of-range' ? asText(outOfRange(g, p.schema)) : how === 'huge' ? 'ế'.repeat(60_000) : '';
    const rest = pairs.filter(([k]) => k !== p.name);
    pairs.splice(0, pairs.length, ...rest, [p.name, v]);
    if (how === 'repeat') pairs.push([p.name, '1'], [p.name, '2']);
    r.notes.push(`query ${how} ${p.name}`);
    const values = pairs.filter(([k]) => k === p.name).map(([, x]) => x);
    if (!isValid(p.schema, coerce(p.schema, values.length > 1 ? values : values[0]!))) r.sure = true;
  }
  if (chance(g, 0.3)) {
    pairs.push([pick(g, ['__proto__', 'constructor', '__proto__[polluted]', 'constructor[prototype][polluted]', 'unknown', 'a'.repeat(300)]), 'fuzz']);
    r.notes.push('query extra key');
  }
  let qs = pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&');
  if (chance(g, 0.1)) {
    qs += pick(g, ['&%', '&%zz=1', '&x=%ff', '&=&&=', '&limit=%00']);
    r.notes.push('bad percent-encoding');
  }
  return qs ? `?${qs}` : '';
}

const WRONG_JSON_TYPES = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/jsonx', 'text/json', 'application/octet-stream'];

function jsonBody(g: Gen, schema: JsonSchema, r: FuzzRequest) {
  let root = plausible(g, schema);
  if (chance(g, 0.05)) {
    root = pick(g, [[], 'text', 42, null, true, [root]]);
    r.notes.push('root not an object');
  } else {
    const n = chance(g, 0.3) ? 2 : 1;
    for (let i = 0; i < n; i++) {
      const v = violate(g, root, schema);
      root = v.root;
      r.notes.push(v.note);
    }
  }
  if (chance(g, 0.3)) {
    const v = addExtraKey(g, root, schema);
    root = v.root;
    r.notes.push(v.note);
  }
  let bytes = serialize(root);
  if (chance(g, 0.15)) {
    if (chance(g, 0.6)) {
      const b = pick(g, BREAKERS);
      bytes = b.apply(bytes, g(fc.nat, { max: bytes.length }));
      r.notes.push(`malformed: ${b.name}`);
    } else {
      const at = g(fc.nat, { max: bytes.length });
      bytes = Buffer.concat([bytes.subarray(0, at), pick(g, BAD_UTF8), bytes.subarray(at)]);
      r.notes.push('invalid UTF-8 bytes');
    }
  }
  const ct = chance(g, 0.88) ? pick(g, ['application/json', 'application/json', 'application/json; charset=utf-8']) : chance(g, 0.2) ? null : pick(g, WRONG_JSON_TYPES);
  if (ct) r.headers['content-type'] = ct;
  if (ct !== 'application/json' && ct !== 'application/json; charset=utf-8') r.notes.push(`content-type ${ct ?? '(none)'}`);
  r.body = bytes;
  const isJson = ct !== null && /^application\/([\w.-]+\+)?json$/i.test(ct.split(';')[0]!.trim());
  const c = classifyJson(bytes);
  if (bytes.length > JSON_LIMIT) r.sure = true;
  else if (ct !== null && /json/i.test(ct) && c.badUtf8) r.sure = true;
  else if (!isJson) r.sure ||= bytes.length > 0 || !isValid(schema, {});
  else r.sure ||= c.badUtf8 || c.malformed || !isValid(schema, c.parsed);
}

/** A body the server must refuse whatever the route: over the 1 MB JSON limit, or JSON that is not UTF-8. */
export function transportInvalidBody(g: Gen, r: FuzzRequest) {
  if (chance(g, 0.5)) {
    r.body = Buffer.alloc(JSON_LIMIT + 1 + g(fc.nat, { max: 4096 }), '{');
    r.notes.push('body over 1 MB');
  } else {
    r.body = Buffer.concat([Buffer.from('{"name":"'), pick(g, BAD_UTF8), Buffer.from('"}')]);
    r.notes.push('invalid UTF-8 JSON');
  }
  r.headers['content-type'] = 'application/json';
  r.sure = true;
}

/** Headers every route reads or passes on: language, request id, conditional and range requests, origin. */
const JUNK_HEADERS: [string, string[]][] = [
  ['accept-language', ['x'.repeat(10_000), 'vi;q=NaN, en;q=-1', '*;q=1e400', ',,,;;;', 'zh-Hant-TW-x-private-1234567890']],
  ['x-request-id', ['x'.repeat(10_000), '../../etc', 'a b', '\u00ff', '']],
  ['range', ['bytes=0-0', 'bytes=-1', 'bytes=5-2', 'bytes=999999999999-', 'bytes=0-99999999999999999999', 'bytes=abc', 'bytes=0-1,2-3,4-5', 'items=0-1', 'bytes=-0', 'bytes=--1', 'bytes=' + '0-1,'.repeat(500)]],
  ['if-none-match', ['*', '"x"', 'W/"' + 'a'.repeat(5000) + '"', ',,,']],
  ['if-modified-since', ['yesterday', 'Thu, 01 Jan 275760 00:00:00 GMT', '0']],
  ['if-range', ['"nope"', 'Thu, 01 Jan 1970 00:00:00 GMT']],
  ['origin', ['null', 'http://evil.example', 'not a url', 'http://localhost:99999', 'http://[::1']],
  ['x-forwarded-for', ['1.2.3.4', 'x'.repeat(1000), '::ffff:1.2.3.4, 5.6.7.8']],
];

function junkHeader(g: Gen, r: FuzzRequest) {
  if (!chance(g, 0.25)) return;
  const [name, values] = pick(g, JUNK_HEADERS);
  r.headers[name] = pick(g, values);
  r.notes.push(`header ${name}: ${r.headers[name]!.slice(0, 30)}`);
}

export function requestArb(op: Operation, fx: Fixtures, now: () => number): fc.Arbitrary<FuzzRequest> {
  const types = Object.keys(op.body?.content ?? {});
  const unknown = types.filter((t) => !KNOWN_MEDIA_TYPES.includes(t));
  if (unknown.length) throw new Error(`no fuzz case for ${op.key} with body ${unknown.join(', ')}`);
  return fc.gen().map((g) => {
    const r: FuzzRequest = { method: op.method, url: '', headers: {}, notes: [], sure: false };
    authOf(g, op, fx, r);
    junkHeader(g, r);
    r.url = pathOf(g, op, fx, r);
    const upload = types.includes('application/octet-stream');
    if (!upload) r.url += queryOf(g, op.queryParams, r);
    if (op.method === 'GET') return r;
    if (types.includes('application/json')) jsonBody(g, op.body!.content['application/json']!, r);
    else if (upload) uploadBody(g, fx, r);
    else if (types.length) capBody(g, fx, now(), r);
    // A bodyless request that may be valid (an existing id, say) gets a body that no route accepts, so that
    // it cannot delete or revoke the fixtures; one aimed at an absent id is sometimes sent as it is.
    if (!r.sure && !types.length && !(r.notes.some((n) => n.startsWith('absent')) && chance(g, 0.5))) transportInvalidBody(g, r);
    return r;
  });
}
