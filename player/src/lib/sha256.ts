// SHA-256 of media bytes, hex. WebCrypto where the page is a secure context; otherwise (a ward LAN served
// over plain http, where `crypto.subtle` is undefined) a small pure-JS implementation, because the player
// must never show a file it has not hashed.

const K = new Uint32Array(64);
const H0 = new Uint32Array(8);
(() => {
  // The constants are the fractional parts of the square / cube roots of the first primes (FIPS 180-4);
  // computing them is smaller than spelling them out, and the known-vector tests pin the result.
  const frac = (x: number) => ((x - Math.floor(x)) * 0x100000000) >>> 0;
  let n = 0;
  for (let p = 2; n < 64; p++) {
    let prime = true;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
    if (!prime) continue;
    if (n < 8) H0[n] = frac(Math.sqrt(p));
    K[n++] = frac(Math.cbrt(p));
  }
})();

const W = new Uint32Array(64);

function compress(h: Uint32Array, v: DataView, off: number): void {
  for (let i = 0; i < 16; i++) W[i] = v.getUint32(off + i * 4);
  for (let i = 16; i < 64; i++) {
    const a = W[i - 15]!;
    const b = W[i - 2]!;
    const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
    const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let [a, b, c, d, e, f, g, hh] = h as unknown as number[];
  for (let i = 0; i < 64; i++) {
    const S1 = ((e! >>> 6) | (e! << 26)) ^ ((e! >>> 11) | (e! << 21)) ^ ((e! >>> 25) | (e! << 7));
    const t1 = (hh! + S1 + ((e! & f!) ^ (~e! & g!)) + K[i]! + W[i]!) | 0;
    const S0 = ((a! >>> 2) | (a! << 30)) ^ ((a! >>> 13) | (a! << 19)) ^ ((a! >>> 22) | (a! << 10));
    const t2 = (S0 + ((a! & b!) ^ (a! & c!) ^ (b! & c!))) | 0;
    hh = g;
    g = f;
    f = e;
    e = (d! + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  h[0]! += a!;
  h[1]! += b!;
  h[2]! += c!;
  h[3]! += d!;
  h[4]! += e!;
  h[5]! += f!;
  h[6]! += g!;
  h[7]! += hh!;
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += bytes[i]!.toString(16).padStart(2, '0');
  return s;
}

/** Pure-JS SHA-256, hex. Works block by block on the input, copying only the final padded tail. */
export function sha256Js(data: Uint8Array): string {
  const h = H0.slice();
  const full = data.length - (data.length % 64);
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let off = 0; off < full; off += 64) compress(h, view, off);
  const tailLen = data.length - full;
  const tail = new Uint8Array(tailLen < 56 ? 64 : 128);
  tail.set(data.subarray(full));
  tail[tailLen] = 0x80;
  const tv = new DataView(tail.buffer);
  tv.setUint32(tail.length - 8, Math.floor(data.length / 0x20000000));
  tv.setUint32(tail.length - 4, (data.length << 3) >>> 0);
  for (let off = 0; off < tail.length; off += 64) compress(h, tv, off);
  const out = new DataView(new ArrayBuffer(32));
  for (let i = 0; i < 8; i++) out.setUint32(i * 4, h[i]!);
  return toHex(new Uint8Array(out.buffer));
}

/** SHA-256 hex of `data`: WebCrypto when available, the pure-JS fallback otherwise. */
export async function sha256Hex(
  data: ArrayBuffer | Uint8Array,
  subtle: SubtleCrypto | undefined = typeof crypto === 'undefined' ? undefined : crypto.subtle,
): Promise<string> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (subtle) {
    try {
      return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
    } catch {
      // Some locked-down builds expose subtle but refuse digest; fall through to the JS version.
    }
  }
  return sha256Js(bytes);
}
