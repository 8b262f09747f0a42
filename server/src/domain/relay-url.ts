// The SSRF guard of relay sources (nguồn tiếp âm): may bantin pull this external stream URL? Pure: name
// resolution and this host's own addresses are parameters (services/relays/relay-url-guard.ts binds them to
// node:dns and node:os). It runs when an admin saves a source and again when the puller connects (a name
// may resolve elsewhere by then: DNS rebinding); the puller should connect to the `addresses` it returns.
//
// Rules: http: or https: only; no user:pass@; a host; port 1–65535. Host names and IP literals alike (the
// WHATWG parser has already turned 2130706433, 0x7f.1 and 0177.0.0.1 into 127.0.0.1) end in a list of
// addresses, and EVERY one must pass:
// - link-local (169.254/16 with the cloud metadata 169.254.169.254, fe80::/10), unspecified (0/8, ::),
//   multicast, broadcast and other reserved ranges are refused always;
// - private (10/8, 172.16/12, 192.168/16, CGNAT 100.64/10, fc00::/7) and loopback (127/8, ::1) are refused
//   unless the source allows private addresses (an admin's choice: a LAN Icecast, or 127.0.0.1 in tests);
// - this host itself (any interface address, loopback included, and the names in `selfHosts`) is refused,
//   and with allowPrivate still refused on the ports this server listens on (`selfPorts`): bantin never
//   relays its own API.
// IPv4-mapped, -translated, NAT64 and 6to4 IPv6 forms are judged by the IPv4 address inside them.

export type AddressKind = 'public' | 'private' | 'loopback' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/** What `dns.lookup(host, { all: true })` answers. */
export type LookupAll = (hostname: string) => Promise<readonly { address: string; family?: number }[]>;

export type RelayUrlCode =
  | 'relay_url_invalid'
  | 'relay_url_scheme'
  | 'relay_url_userinfo'
  | 'relay_url_host'
  | 'relay_url_port'
  | 'relay_url_unresolvable'
  | 'relay_url_private'
  | 'relay_url_reserved'
  | 'relay_url_self';

export type RelayUrlCheck =
  | { ok: true; url: URL; addresses: string[] }
  | { ok: false; code: RelayUrlCode; host?: string; address?: string; kind?: AddressKind };

export type RelayUrlOptions = {
  /** Private and loopback addresses are allowed (never link-local, multicast, reserved or this server). */
  allowPrivate: boolean;
  /** Resolves a host name to all its addresses. */
  lookup: LookupAll;
  /** Names of this server (the host of BANTIN_PUBLIC_URL), refused whatever they resolve to. */
  selfHosts?: readonly string[];
  /** Addresses of this host's interfaces (os.networkInterfaces()); loopback is always counted as one. */
  localAddresses?: readonly string[];
  /** Ports this server listens on: this host at one of them is refused even with allowPrivate. */
  selfPorts?: readonly number[];
};

// ---------------------------------------------------------------- addresses

/** Four bytes of a dotted-quad IPv4 address (decimal, 0–255 each), or null. */
function parseIpv4(s: string): number[] | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return bytes.every((b) => b >= 0 && b <= 255) ? bytes : null;
}

/** Sixteen bytes of an IPv6 address (with ::, and a dotted IPv4 tail), or null. */
function parseIpv6(s: string): number[] | null {
  let text = s;
  let tail: number[] = [];
  if (text.includes('.')) {
    const at = text.lastIndexOf(':');
    const v4 = parseIpv4(text.slice(at + 1));
    if (!v4) return null;
    tail = v4;
    // "::ffff:" → "::ffff"; a "::" right before the IPv4 part stays.
    text = text.slice(0, at + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  const want = 8 - tail.length / 2;
  if ([...head, ...rest].some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  if (halves.length === 1 ? head.length !== want : head.length + rest.length > want - 1) return null;
  const all = [...head, ...Array<string>(want - head.length - rest.length).fill('0'), ...rest];
  return [...all.flatMap((g) => [parseInt(g, 16) >> 8, parseInt(g, 16) & 0xff]), ...tail];
}

const inV4 = (b: number[], net: [number, number, number, number], bits: number) => {
  for (let i = 0; i < 4; i++) {
    const left = Math.max(0, Math.min(8, bits - i * 8));
    const mask = left === 0 ? 0 : (0xff << (8 - left)) & 0xff;
    if ((b[i]! & mask) !== (net[i]! & mask)) return false;
  }
  return true;
};

function classifyV4(b: number[]): AddressKind {
  if (inV4(b, [0, 0, 0, 0], 8)) return 'unspecified';
  if (inV4(b, [127, 0, 0, 0], 8)) return 'loopback';
  if (inV4(b, [10, 0, 0, 0], 8) || inV4(b, [172, 16, 0, 0], 12) || inV4(b, [192, 168, 0, 0], 16) || inV4(b, [100, 64, 0, 0], 10)) return 'private';
  if (inV4(b, [169, 254, 0, 0], 16)) return 'link-local';
  if (inV4(b, [224, 0, 0, 0], 4)) return 'multicast';
  // 240/4 holds the broadcast 255.255.255.255; then IETF assignments, documentation, benchmarking, 6to4 relay.
  const reserved: [[number, number, number, number], number][] = [
    [[240, 0, 0, 0], 4],
    [[192, 0, 0, 0], 24],
    [[192, 0, 2, 0], 24],
    [[198, 51, 100, 0], 24],
    [[203, 0, 113, 0], 24],
    [[198, 18, 0, 0], 15],
    [[192, 88, 99, 0], 24],
  ];
  return reserved.some(([net, bits]) => inV4(b, net, bits)) ? 'reserved' : 'public';
}

const zeros = (b: number[], from: number, to: number) => b.slice(from, to).every((x) => x === 0);

function classifyV6(b: number[]): AddressKind {
  const word = (i: number) => (b[i * 2]! << 8) | b[i * 2 + 1]!;
  if (zeros(b, 0, 16)) return 'unspecified';
  if (zeros(b, 0, 15) && b[15] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped), ::ffff:0:a.b.c.d (translated), 64:ff9b::a.b.c.d (NAT64): the IPv4 inside decides.
  if (zeros(b, 0, 10) && word(5) === 0xffff) return classifyV4(b.slice(12));
  if (zeros(b, 0, 8) && word(4) === 0xffff && word(5) === 0) return classifyV4(b.slice(12));
  if (word(0) === 0x64 && word(1) === 0xff9b && zeros(b, 4, 12)) return classifyV4(b.slice(12));
  if (word(0) === 0x2002) return classifyV4(b.slice(2, 6)); // 6to4
  if (zeros(b, 0, 12)) return 'reserved'; // ::a.b.c.d, the deprecated IPv4-compatible form
  if (word(0) === 0x64 && word(1) === 0xff9b && word(2) === 1) return 'private'; // local-use NAT64 64:ff9b:1::/48
  if ((b[0]! & 0xfe) === 0xfc) return 'private'; // unique local fc00::/7
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0x80) return 'link-local'; // fe80::/10
  if (b[0] === 0xfe && (b[1]! & 0xc0) === 0xc0) return 'private'; // site-local fec0::/10 (deprecated)
  if (b[0] === 0xff) return 'multicast';
  // Teredo, ORCHID and the other IETF assignments 2001::/23; documentation 2001:db8::/32.
  if (word(0) === 0x2001 && (word(1) < 0x200 || word(1) === 0xdb8)) return 'reserved';
  return (b[0]! & 0xe0) === 0x20 ? 'public' : 'reserved'; // global unicast is 2000::/3 only
}

/** What kind of address an IPv4 or IPv6 literal is; anything unparseable counts as reserved (refused). */
export function classifyAddress(ip: string): AddressKind {
  const s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = parseIpv4(s);
  if (v4) return classifyV4(v4);
  const v6 = s.includes(':') ? parseIpv6(s) : null;
  return v6 ? classifyV6(v6) : 'reserved';
}

/** A canonical text of an address, so that ::ffff:7f00:1 and ::ffff:127.0.0.1 compare equal. */
function canonical(ip: string): string {
  const s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = parseIpv4(s);
  if (v4) return v4.join('.');
  const v6 = s.includes(':') ? parseIpv6(s) : null;
  if (!v6) return s.toLowerCase();
  if (zeros(v6, 0, 10) && v6[10] === 0xff && v6[11] === 0xff) return v6.slice(12).join('.');
  return v6.map((x) => x.toString(16).padStart(2, '0')).join('');
}

// ---------------------------------------------------------------- URLs

const PORT_IN_AUTHORITY = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*:(\d+)(?:[/?#]|$)/i;
const NEVER: readonly AddressKind[] = ['link-local', 'unspecified', 'multicast', 'reserved'];
const bare = (host: string) => host.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');

export async function checkRelayUrl(raw: string, opts: RelayUrlOptions): Promise<RelayUrlCheck> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    // The parser refuses ports past 65535; say so rather than "not a URL".
    const port = PORT_IN_AUTHORITY.exec(raw.trim())?.[1];
    return { ok: false, code: port !== undefined && Number(port) > 65535 ? 'relay_url_port' : 'relay_url_invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, code: 'relay_url_scheme' };
  if (url.username || url.password) return { ok: false, code: 'relay_url_userinfo' };
  if (!url.hostname) return { ok: false, code: 'relay_url_host' };
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { ok: false, code: 'relay_url_port' };

  const host = bare(url.hostname);
  if ((opts.selfHosts ?? []).some((h) => bare(h) === host)) return { ok: false, code: 'relay_url_self', host };

  // An IP literal is its own address; the WHATWG parser leaves IPv4 as a dotted quad and IPv6 in brackets.
  const literal = url.hostname.startsWith('[') || parseIpv4(host) !== null;
  let addresses: string[];
  if (literal) addresses = [host];
  else {
    try {
      addresses = [...new Set((await opts.lookup(host)).map((a) => a.address))];
    } catch {
      addresses = [];
    }
    if (!addresses.length) return { ok: false, code: 'relay_url_unresolvable', host };
  }

  const local = new Set((opts.localAddresses ?? []).map(canonical));
  const selfPort = (opts.selfPorts ?? []).includes(port);
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (NEVER.includes(kind)) return { ok: false, code: 'relay_url_reserved', host, address, kind };
    if ((kind === 'private' || kind === 'loopback') && !opts.allowPrivate) return { ok: false, code: 'relay_url_private', host, address, kind };
    const isSelf = kind === 'loopback' || local.has(canonical(address));
    if (isSelf && (!opts.allowPrivate || selfPort)) return { ok: false, code: 'relay_url_self', host, address, kind };
  }
  return { ok: true, url, addresses };
}
