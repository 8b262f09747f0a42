// Bodies that are not JSON: media uploads (raw bytes, garbage multipart, broken pictures, lying names) and
// OASIS CAP XML (entity bombs, deep nesting, missing fields, invalid UTF-8 inside an otherwise valid alert).
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Gen } from './schema-values';
import { BAD_UTF8 } from './raw-json';
import type { Fixtures } from './api-fixtures';
import type { FuzzRequest } from './http-inputs';

const pick = <T>(g: Gen, xs: readonly T[]): T => xs[g(fc.nat, { max: xs.length - 1 })]!;
const chance = (g: Gen, p: number) => g(fc.double, { min: 0, max: 1, noNaN: true }) < p;

/** The upload limit the fuzz context is configured with (BANTIN_MAX_UPLOAD_MB=1). */
export const UPLOAD_LIMIT = 1024 * 1024;

function multipart(g: Gen, content: Buffer): { body: Buffer; type: string } {
  const boundary = pick(g, ['----fuzz', 'x', '"quoted"', '-'.repeat(70) + 'y']);
  const parts = [
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${pick(g, ['a.png', '../../etc/passwd', 'ế.png', '"x.png'])}"\r\nContent-Type: image/png\r\n\r\n`,
    content,
    `\r\n--${boundary}\r\nContent-Disposition: form-data; name="__proto__"\r\n\r\n{"polluted":1}\r\n--${boundary}--\r\n`,
  ];
  const body = Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return { body: chance(g, 0.3) ? body.subarray(0, g(fc.nat, { max: body.length })) : body, type: `multipart/form-data; boundary=${boundary}` };
}

/** POST /api/media: a body and a query that the ingest pipeline must refuse without leaving a file behind. */
export function uploadBody(g: Gen, fx: Fixtures, r: FuzzRequest) {
  const png = fx.png;
  const q = new URLSearchParams();
  let type: string | null = pick(g, ['application/octet-stream', 'image/png', 'text/plain']);
  const kind = pick(g, ['random', 'multipart', 'truncated', 'corrupted', 'wrong-accept', 'bad-name', 'bad-upload-id', 'empty', 'too-large', 'script', 'fake-magic'] as const);
  r.notes.push(`upload ${kind}`);
  let body: Buffer = png;
  switch (kind) {
    case 'random':
      body = Buffer.from(g(fc.uint8Array, { minLength: 1, maxLength: 65_536 }));
      break;
    case 'multipart': {
      const m = multipart(g, chance(g, 0.5) ? png : Buffer.from(g(fc.uint8Array, { maxLength: 2048 })));
      body = m.body;
      type = m.type;
      r.sure = true;
      break;
    }
    case 'truncated':
      body = png.subarray(0, g(fc.integer, { min: 1, max: Math.floor(png.length / 2) }));
      break;
    case 'corrupted': {
      body = Buffer.from(png);
      for (let i = 0; i < 16; i++) body[g(fc.integer, { min: 8, max: body.length - 1 })] = g(fc.nat, { max: 255 });
      break;
    }
    case 'wrong-accept':
      q.set('accept', pick(g, ['video', 'audio']));
      r.sure = true;
      break;
    case 'bad-name':
      if (chance(g, 0.5)) {
        q.set('name', pick(g, ['x'.repeat(1001), 'ế'.repeat(1001)]));
        r.sure = true;
      } else {
        r.headers['x-file-name'] = pick(g, ['%ff%fe.png', '%c0%af.png', '%ed%a0%80.png', 'a%e2%82.png']);
        r.sure = true;
      }
      break;
    case 'bad-upload-id':
      q.set('uploadId', pick(g, ['short', 'x'.repeat(65), 'a b c d e f g', '../../../x', '%00%00%00%00%00%00%00%00', '']));
      r.sure = true;
      break;
    case 'empty':
      body = Buffer.alloc(0);
      r.sure = true;
      break;
    case 'too-large':
      body = Buffer.concat([png, Buffer.alloc(UPLOAD_LIMIT + 1 - png.length + g(fc.nat, { max: 10_000 }), 0x41)]);
      r.sure = true;
      break;
    case 'script':
      body = Buffer.from(pick(g, ['<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', '<html><script>alert(1)</script></html>', '#!/bin/sh\nrm -rf /\n']));
      r.sure = true;
      break;
    case 'fake-magic':
      // The right first bytes of a format with nothing valid behind them.
      body = Buffer.concat([pick(g, [png.subarray(0, 8), Buffer.from('GIF89a'), Buffer.from('%PDF-1.7\n'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('RIFF\0\0\0\0WEBPVP8 '), Buffer.from('ID3\x04\0\0'), Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70])]), Buffer.from(g(fc.uint8Array, { maxLength: 512 }))]);
      break;
  }
  if (chance(g, 0.2)) {
    q.set(pick(g, ['__proto__', 'constructor[prototype][x]', 'unknown']), 'fuzz');
    r.notes.push('query extra key');
  }
  if (type) r.headers['content-type'] = type;
  r.body = body;
  const qs = q.toString();
  if (qs) r.url += `?${qs}`;
}

const CAP_NS = 'urn:oasis:names:tc:emergency:cap:1.2';

/** A CAP 1.2 alert that would be accepted as is (Actual, Alert, an area that matches a fixture group). */
export function validCap(area: string, now: number, id = randomUUID()) {
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
  return `<?xml version="1.0" encoding="UTF-8"?>
<alert xmlns="${CAP_NS}">
  <identifier>FUZZ-${id}</identifier><sender>kttv@example.vn</sender><sent>${iso(now)}</sent>
  <status>Actual</status><msgType>Alert</msgType><scope>Public</scope>
  <info><language>vi-VN</language><event>Bão</event><urgency>Immediate</urgency><severity>Extreme</severity><certainty>Observed</certainty>
    <headline>Bão số 5 đổ bộ</headline><instruction>Ở trong nhà</instruction><expires>${iso(now + 86_400_000)}</expires>
    <area><areaDesc>${area}</areaDesc></area></info>
</alert>`;
}

/** Ways to break a valid CAP document; every one must be refused. */
const CAP_BREAKERS: { name: string; apply: (xml: string, g: Gen) => string | Buffer }[] = [
  { name: 'billion laughs', apply: (x) => x.replace('<alert', '<!DOCTYPE alert [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n<alert').replace('Bão số 5', '&b;') },
  { name: 'XXE', apply: (x) => x.replace('<alert', '<!DOCTYPE alert [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<alert').replace('Bão số 5', '&x;') },
  { name: 'deep nesting', apply: (x, g) => { const n = pick(g, [40, 10_000]); return x.replace('<scope>', '<x>'.repeat(n) + '</x>'.repeat(n) + '<scope>'); } },
  { name: 'too many elements', apply: (x) => x.replace('<scope>', '<x/>'.repeat(6000) + '<scope>') },
  { name: 'truncated', apply: (x, g) => x.slice(0, g(fc.integer, { min: 1, max: x.length - 10 })) },
  { name: 'unclosed tag', apply: (x) => x.replace('</headline>', '') },
  { name: 'wrong namespace', apply: (x) => x.replace(CAP_NS, 'urn:oasis:names:tc:emergency:cap:1.1') },
  { name: 'no namespace', apply: (x) => x.replace(` xmlns="${CAP_NS}"`, '') },
  { name: 'missing identifier', apply: (x) => x.replace(/<identifier>[^<]*<\/identifier>/, '') },
  { name: 'missing sender', apply: (x) => x.replace(/<sender>[^<]*<\/sender>/, '') },
  { name: 'missing event', apply: (x) => x.replace(/<event>[^<]*<\/event>/, '') },
  { name: 'bad sent date', apply: (x) => x.replace(/<sent>[^<]*<\/sent>/, '<sent>2024-13-45T99:99:99+07:00</sent>') },
  { name: 'expired', apply: (x) => x.replace(/<expires>[^<]*<\/expires>/, '<expires>2001-01-01T00:00:00+07:00</expires>') },
  { name: 'unknown status', apply: (x) => x.replace('<status>Actual</status>', '<status>Real</status>') },
  { name: 'unknown msgType', apply: (x) => x.replace('<msgType>Alert</msgType>', '<msgType>Panic</msgType>') },
  { name: 'cancel of nothing', apply: (x) => x.replace('<msgType>Alert</msgType>', '<msgType>Cancel</msgType><references>nobody@example.vn,NOPE,2024-01-01T00:00:00+07:00</references>') },
  { name: 'no area match', apply: (x) => x.replace(/<areaDesc>[^<]*<\/areaDesc>/, '<areaDesc>Phường không tồn tại</areaDesc>') },
  { name: 'undeclared entity', apply: (x) => x.replace('Bão số 5', '&nbsp;Bão') },
  { name: 'bare ampersand', apply: (x) => x.replace('Bão số 5', 'Bão & lũ') },
  { name: 'bad char reference', apply: (x) => x.replace('Bão số 5', '&#0;&#xD800;') },
  { name: 'processing instruction', apply: (x) => x.replace('<scope>', '<?php system("id"); ?><scope>') },
  { name: 'text outside root', apply: (x) => `${x}\ngarbage` },
  { name: 'two roots', apply: (x) => `${x}<alert/>` },
  { name: 'over 256 KB', apply: (x) => x.replace('Ở trong nhà', 'ở'.repeat(150_000)) },
  { name: 'over 1 MB', apply: (x) => x.replace('Ở trong nhà', 'x'.repeat(1024 * 1024 + 10)) },
  { name: 'JSON instead', apply: () => '{"alert":{"identifier":"x"}}' },
  { name: 'empty', apply: () => '' },
  {
    name: 'invalid UTF-8 in headline',
    apply: (x, g) => {
      const [a, b] = x.split('Bão số 5') as [string, string];
      return Buffer.concat([Buffer.from(a), Buffer.from('Bão '), pick(g, BAD_UTF8), Buffer.from(b)]);
    },
  },
];

/** POST /api/alerts/cap: a broken CAP document, or a valid one with a wrong content type. */
export function capBody(g: Gen, fx: Fixtures, now: number, r: FuzzRequest) {
  const xml = validCap(fx.capArea, now);
  r.sure = true;
  if (chance(g, 0.1)) {
    r.headers['content-type'] = pick(g, ['application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']);
    r.body = Buffer.from(xml);
    r.notes.push(`valid CAP as ${r.headers['content-type']}`);
    return;
  }
  const b = pick(g, CAP_BREAKERS);
  const out = b.apply(xml, g);
  r.body = typeof out === 'string' ? Buffer.from(out) : out;
  r.headers['content-type'] = pick(g, ['application/cap+xml', 'application/xml', 'text/xml', 'application/cap+xml; charset=utf-8']);
  r.notes.push(`CAP ${b.name}`);
}
