#!/usr/bin/env node
// Draws the dashboard's home-screen icons (dashboard/public/icon-192.png, icon-512.png): a white
// loudspeaker with two sound waves on the brand blue, with a safe margin so "maskable" crops keep it.
// The PNGs are committed; run `node scripts/make-icons.mjs` again only when the design changes.
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const out = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'dashboard', 'public');
const BRAND = [0x0b, 0x4f, 0x8a];
const WHITE = [0xff, 0xff, 0xff];

const CRC = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, tail]);
}

/** True where the glyph is white, in unit coordinates (0..1 across the icon). */
function glyph(x, y) {
  // Speaker body: a small box and a cone widening to the right.
  if (x >= 0.26 && x < 0.36 && y >= 0.42 && y <= 0.58) return true;
  if (x >= 0.36 && x < 0.52) {
    const half = 0.08 + ((x - 0.36) / 0.16) * 0.14;
    if (Math.abs(y - 0.5) <= half) return true;
  }
  // Two waves: rings around the cone's mouth, on its right side only.
  const dx = x - 0.5;
  const r = Math.hypot(dx, y - 0.5);
  const inFront = dx > 0 && Math.abs(y - 0.5) < dx * 1.4;
  return inFront && ((r >= 0.1 && r <= 0.145) || (r >= 0.19 && r <= 0.235));
}

function icon(size) {
  const raw = Buffer.alloc((size * 3 + 1) * size);
  const ss = 3; // supersampling per axis, for smooth edges
  for (let py = 0; py < size; py++) {
    raw[py * (size * 3 + 1)] = 0;
    for (let px = 0; px < size; px++) {
      let hits = 0;
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) if (glyph((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size)) hits++;
      const a = hits / (ss * ss);
      const o = py * (size * 3 + 1) + 1 + px * 3;
      for (let i = 0; i < 3; i++) raw[o + i] = Math.round(BRAND[i] * (1 - a) + WHITE[i] * a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of [192, 512]) {
  const file = join(out, `icon-${size}.png`);
  writeFileSync(file, icon(size));
  console.log(file);
}
