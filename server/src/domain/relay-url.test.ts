// The SSRF guard of relay sources: every refused URL form, public addresses accepted, and what an admin's
// "allow private addresses" does and does not open. Name resolution is a fake: no network is needed.
import { describe, expect, it } from 'vitest';
import { checkRelayUrl, classifyAddress, type AddressKind, type LookupAll, type RelayUrlOptions } from './relay-url';

const DNS: Record<string, string[]> = {
  'vov1.vov.vn': ['203.162.4.190', '2402:800:20ff::1'],
  'radio.namdinh.gov.vn': ['113.160.50.10'],
  'rebind.example': ['8.8.8.8', '10.0.0.5'],
  'metadata.example': ['169.254.169.254'],
  'lan-icecast.example': ['192.168.1.20'],
  'mapped.example': ['::ffff:127.0.0.1'],
  'bantin.phuong.gov.vn': ['113.160.50.99'],
};
const lookup: LookupAll = async (host) => {
  const found = DNS[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};
const check = (url: string, over: Partial<RelayUrlOptions> = {}) => checkRelayUrl(url, { allowPrivate: false, lookup, ...over });
const codeOf = async (url: string, over: Partial<RelayUrlOptions> = {}) => {
  const r = await check(url, over);
  return r.ok ? 'ok' : r.code;
};

describe('classifyAddress', () => {
  it.each<[string, AddressKind]>([
    ['8.8.8.8', 'public'],
    ['203.162.4.190', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['100.127.255.255', 'private'],
    ['100.128.0.1', 'public'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['febf::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'reserved'],
    ['2402:800:20ff::1', 'public'],
    ['2001:4860:4860::8888', 'public'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:a9fe:a9fe', 'link-local'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:0.0.0.0', 'unspecified'],
    ['::ffff:8.8.8.8', 'public'],
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:808:808::1', 'public'],
    ['::127.0.0.1', 'reserved'],
    ['not-an-ip', 'reserved'],
    ['1.2.3', 'reserved'],
    ['256.0.0.1', 'reserved'],
    ['1::2::3', 'reserved'],
    ['', 'reserved'],
  ])('%s is %s', (ip, kind) => expect(classifyAddress(ip)).toBe(kind));
});

describe('checkRelayUrl', () => {
  it('accepts a public stream and returns its normalised URL and every address it resolves to', async () => {
    const r = await check('HTTP://VOV1.vov.vn:8000/live.mp3?x=1');
    expect(r).toEqual({ ok: true, url: new URL('http://vov1.vov.vn:8000/live.mp3?x=1'), addresses: ['203.162.4.190', '2402:800:20ff::1'] });
    expect(await codeOf('https://radio.namdinh.gov.vn/hls/live.m3u8')).toBe('ok');
    expect(await codeOf('http://8.8.8.8/stream.aac')).toBe('ok');
    expect(await codeOf('http://[2001:4860:4860::8888]:8443/a')).toBe('ok');
  });

  it.each([
    ['ftp://vov1.vov.vn/live.mp3', 'relay_url_scheme'],
    ['file:///etc/passwd', 'relay_url_scheme'],
    ['gopher://127.0.0.1:6379/_INFO', 'relay_url_scheme'],
    ['javascript:alert(1)', 'relay_url_scheme'],
    ['rtmp://vov1.vov.vn/live', 'relay_url_scheme'],
    ['icecast://source:pw@vov1.vov.vn:8000/', 'relay_url_scheme'],
    ['http://user:pass@vov1.vov.vn/live.mp3', 'relay_url_userinfo'],
    ['http://user@vov1.vov.vn/live.mp3', 'relay_url_userinfo'],
    ['http://:pass@vov1.vov.vn/live.mp3', 'relay_url_userinfo'],
    ['http://vov1.vov.vn:0/live.mp3', 'relay_url_port'],
    ['http://vov1.vov.vn:65536/live.mp3', 'relay_url_port'],
    ['http://vov1.vov.vn:99999/live.mp3', 'relay_url_port'],
    ['http://', 'relay_url_invalid'],
    ['not a url', 'relay_url_invalid'],
    ['', 'relay_url_invalid'],
    ['http://[::1', 'relay_url_invalid'],
    ['http://256.1.1.1/', 'relay_url_invalid'],
    ['http://no-such-host.example/live.mp3', 'relay_url_unresolvable'],
  ])('refuses %s (%s)', async (url, code) => expect(await codeOf(url)).toBe(code));

  it.each([
    // loopback, in every spelling the WHATWG parser normalises
    ['http://127.0.0.1/', 'relay_url_private'],
    ['http://127.1/', 'relay_url_private'],
    ['http://2130706433/', 'relay_url_private'],
    ['http://0x7f.1/', 'relay_url_private'],
    ['http://0x7f000001/', 'relay_url_private'],
    ['http://0177.0.0.1/', 'relay_url_private'],
    ['http://%31%32%37.0.0.1/', 'relay_url_private'],
    ['http://[::1]:8000/', 'relay_url_private'],
    ['http://[::ffff:127.0.0.1]/', 'relay_url_private'],
    ['http://[::ffff:7f00:1]/', 'relay_url_private'],
    ['http://mapped.example/', 'relay_url_private'],
    // private networks, CGNAT, unique local
    ['http://10.0.0.1/', 'relay_url_private'],
    ['http://172.16.5.4/', 'relay_url_private'],
    ['http://192.168.1.20:8000/', 'relay_url_private'],
    ['http://100.64.1.1/', 'relay_url_private'],
    ['http://[fd00::1]/', 'relay_url_private'],
    ['http://[::ffff:192.168.0.1]/', 'relay_url_private'],
    ['http://lan-icecast.example:8000/', 'relay_url_private'],
    // one private address among public ones is enough (a name that resolves both ways)
    ['http://rebind.example/', 'relay_url_private'],
    // never, whatever the flag: link-local and cloud metadata, unspecified, multicast, broadcast, reserved
    ['http://169.254.169.254/latest/meta-data/', 'relay_url_reserved'],
    ['http://metadata.example/', 'relay_url_reserved'],
    ['http://[::ffff:169.254.169.254]/', 'relay_url_reserved'],
    ['http://[::ffff:a9fe:a9fe]/', 'relay_url_reserved'],
    ['http://[fe80::1]/', 'relay_url_reserved'],
    ['http://0.0.0.0/', 'relay_url_reserved'],
    ['http://0/', 'relay_url_reserved'],
    ['http://[::]/', 'relay_url_reserved'],
    ['http://[::ffff:0.0.0.0]/', 'relay_url_reserved'],
    ['http://224.0.0.1/', 'relay_url_reserved'],
    ['http://[ff02::1]/', 'relay_url_reserved'],
    ['http://255.255.255.255/', 'relay_url_reserved'],
    ['http://[2001:db8::1]/', 'relay_url_reserved'],
  ])('refuses %s (%s)', async (url, code) => expect(await codeOf(url)).toBe(code));

  it('says which address was refused and what kind it is', async () => {
    expect(await check('http://rebind.example/')).toEqual({ ok: false, code: 'relay_url_private', host: 'rebind.example', address: '10.0.0.5', kind: 'private' });
    expect(await check('http://0x7f.1/')).toMatchObject({ address: '127.0.0.1', kind: 'loopback' });
    expect(await check('http://no-such-host.example/')).toEqual({ ok: false, code: 'relay_url_unresolvable', host: 'no-such-host.example' });
  });

  it('treats a lookup that answers nothing as unresolvable', async () => {
    expect(await codeOf('http://vov1.vov.vn/', { lookup: async () => [] })).toBe('relay_url_unresolvable');
  });

  describe('with allowPrivate (an admin’s choice)', () => {
    const allow = { allowPrivate: true };
    it('accepts loopback and LAN addresses, as a local or test Icecast needs', async () => {
      expect(await check('http://127.0.0.1:8000/radio.mp3', allow)).toMatchObject({ ok: true, addresses: ['127.0.0.1'] });
      expect(await codeOf('http://[::1]:8000/', allow)).toBe('ok');
      expect(await codeOf('http://0x7f.1:8000/', allow)).toBe('ok');
      expect(await codeOf('http://lan-icecast.example:8000/', allow)).toBe('ok');
      expect(await codeOf('http://100.64.1.1/', allow)).toBe('ok');
    });

    it('still refuses link-local (metadata), unspecified, multicast and reserved addresses', async () => {
      for (const url of ['http://169.254.169.254/', 'http://metadata.example/', 'http://0.0.0.0:8000/', 'http://[::]/', 'http://224.0.0.1/', 'http://[fe80::1]/', 'http://255.255.255.255/']) {
        expect(await codeOf(url, allow), url).toBe('relay_url_reserved');
      }
    });

    it('still refuses the scheme, userinfo and port rules', async () => {
      expect(await codeOf('ftp://127.0.0.1/', allow)).toBe('relay_url_scheme');
      expect(await codeOf('http://a:b@127.0.0.1:8000/', allow)).toBe('relay_url_userinfo');
      expect(await codeOf('http://127.0.0.1:0/', allow)).toBe('relay_url_port');
    });
  });

  describe('this server itself', () => {
    const self = { selfHosts: ['bantin.phuong.gov.vn'], selfPorts: [8080], localAddresses: ['127.0.0.1', '::1', '113.160.50.99', 'fe80::1%eth0'] };
    it('refuses its own public name and its own interface addresses', async () => {
      expect(await codeOf('https://bantin.phuong.gov.vn/api/session', self)).toBe('relay_url_self');
      expect(await codeOf('https://BANTIN.phuong.gov.vn./x', { ...self, allowPrivate: true })).toBe('relay_url_self');
      expect(await codeOf('http://113.160.50.99:8000/', self)).toBe('relay_url_self');
      expect(await codeOf('http://[::ffff:113.160.50.99]:8000/', self)).toBe('relay_url_self');
    });

    it('with allowPrivate, allows another service on this host but never its own port', async () => {
      const allow = { ...self, allowPrivate: true };
      expect(await codeOf('http://127.0.0.1:8000/radio.mp3', allow)).toBe('ok');
      expect(await codeOf('http://113.160.50.99:8000/radio.mp3', allow)).toBe('ok');
      expect(await codeOf('http://127.0.0.1:8080/metrics', allow)).toBe('relay_url_self');
      expect(await codeOf('http://127.0.0.2:8080/', allow)).toBe('relay_url_self');
      expect(await codeOf('http://[::1]:8080/', allow)).toBe('relay_url_self');
      expect(await codeOf('http://113.160.50.99:8080/', allow)).toBe('relay_url_self');
    });
  });
});
