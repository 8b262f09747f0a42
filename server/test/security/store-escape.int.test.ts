// Media names cannot escape the store. The data directory sits inside a "jail" folder holding a
// secret file; a real listening server takes uploads named with traversal, absolute and UNC paths, NUL,
// backslashes, bidi marks, very long names and URL-encoded traversal (by query and by X-File-Name), and raw
// HTTP requests (paths sent as written, not normalised by a client) try to read through the media, device
// media, report archive, calendar and upload-progress routes and the static front-end handler. Afterwards
// nothing outside <data>/media, <data>/tmp and <data>/derived has changed (the database aside), stored files
// sit only at media/xx/yy/<sha256>, nothing named after a payload exists anywhere, and no answer carries
// the secret, the database or /etc/passwd. Extends the single traversal cases of content.int.test.ts,
// ingest.int.test.ts and calendar.int.test.ts.
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Server } from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestCtx } from '../support/context';
import { deviceRepo } from '../../src/repos/device-repo';
import { mountSpa } from '../../src/http/static';
import type { AppEnv } from '../../src/http/env';

const jail = fs.mkdtempSync(path.join(os.tmpdir(), 'bantin-jail-'));
const dataDir = path.join(jail, 'data');
const staticRoot = path.join(jail, 'static');
const SECRET = `TOP-SECRET-${randomBytes(8).toString('hex')}`;
/** Where a naive join of an upload name would land, relative to the store. */
const ESCAPE = `escape-${randomBytes(4).toString('hex')}`;
const LEAKS = [SECRET, 'SQLite format 3', 'root:x:0:0'];

let t: TestCtx;
let server: Server;
let spaServer: Server;
let base: string;
let spaBase: string;
let editor: { cookie: string; csrf: string };
let deviceToken: string;
let sha: string;

const listen = async (fetch: (req: Request) => Response | Promise<Response>) => {
  const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((res) => (s.listening ? res() : s.once('listening', () => res())));
  return { s, url: `127.0.0.1:${(s.address() as AddressInfo).port}` };
};

beforeAll(async () => {
  fs.writeFileSync(path.join(jail, 'secret.txt'), SECRET);
  fs.mkdirSync(staticRoot);
  fs.writeFileSync(path.join(staticRoot, 'index.html'), '<!doctype html><title>player</title>');
  t = await createTestContext({ env: { BANTIN_DATA_DIR: dataDir } });
  fs.writeFileSync(path.join(dataDir, 'secret-in-data.txt'), SECRET);
  ({ s: server, url: base } = await listen(t.app.fetch));
  const spa = new Hono<AppEnv>();
  mountSpa(spa, { prefix: '/player', root: staticRoot, missingHtml: 'missing' });
  ({ s: spaServer, url: spaBase } = await listen(spa.fetch));
  editor = await t.createUser('bientap', ['editor']);
  const d = await t.devices.create({ id: null, name: 'test' }, { name: 'LED chợ', kind: 'led' });
  deviceToken = randomBytes(32).toString('base64url');
  await deviceRepo.setToken(t.db, d.id, createHash('sha256').update(deviceToken).digest('hex'), Date.now());
});

afterAll(async () => {
  await new Promise<void>((res) => server.close(() => res()));
  await new Promise<void>((res) => spaServer.close(() => res()));
  await t.cleanup();
  fs.rmSync(jail, { recursive: true, force: true });
});

/** Every file under the jail: relative path → size and sha256. */
function fsState(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.set(path.relative(jail, full), `${fs.statSync(full).size}:${createHash('sha256').update(fs.readFileSync(full)).digest('hex')}`);
    }
  };
  walk(jail);
  return out;
}
/** Paths where uploads may legitimately write: the store, its temp folder, derived files, the database. */
const mayChange = (rel: string) => /^data\/(media|tmp|derived)\//.test(rel) || /^data\/bantin\.db(-wal|-shm|-journal)?$/.test(rel);

/** One raw HTTP/1.1 request, the path sent exactly as given. */
function raw(host: string, target: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const [hostname, port] = host.split(':') as [string, string];
  return new Promise((resolve, reject) => {
    const sock = net.connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    sock.on('data', (c) => chunks.push(c));
    sock.on('error', reject);
    sock.on('end', () => {
      const text = Buffer.concat(chunks).toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: text.slice(text.indexOf('\r\n\r\n') + 4) });
    });
    const lines = [`GET ${target} HTTP/1.1`, `Host: ${host}`, 'Connection: close', ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
    sock.write(lines.join('\r\n') + '\r\n\r\n');
  });
}

let colour = 0;
async function upload(name: { query?: string; rawQuery?: string; header?: string }) {
  colour += 1;
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: { r: colour % 256, g: 40, b: 90 } } }).png().toBuffer();
  const query = name.rawQuery ?? (name.query !== undefined ? new URLSearchParams({ name: name.query }).toString() : '');
  const res = await fetch(`http://${base}/api/media?accept=image&${query}`, {
    method: 'POST',
    headers: {
      cookie: editor.cookie,
      'x-csrf-token': editor.csrf,
      'content-type': 'application/octet-stream',
      ...(name.header !== undefined ? { 'x-file-name': name.header } : {}),
    },
    body: new Uint8Array(png),
  });
  return { status: res.status, body: (await res.json()) as { sha256?: string; fileName?: string; code?: string; reason?: string } };
}

/** Percent-encodes every byte (what a browser uploader does with X-File-Name). */
const pct = (s: string) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');

describe('upload names', () => {
  // [how the name is sent, expected status, expected stored display name (for 201)]
  const cases: [string, { query?: string; rawQuery?: string; header?: string }, 201 | 400, string?][] = [
    ['relative traversal', { query: `../../../../${ESCAPE}.png` }, 400],
    ['traversal to /etc/passwd', { query: '../../etc/passwd' }, 400],
    ['Windows traversal', { query: `..\\..\\..\\${ESCAPE}.png` }, 400],
    ['mixed separators', { query: `a/..\\../${ESCAPE}.png` }, 400],
    ['a lone ..', { query: '..' }, 400],
    ['dots only', { query: '....' }, 400],
    ['NUL in the name', { query: `${ESCAPE}\u0000.png` }, 400],
    ['NUL then traversal', { query: `x.png\u0000/../../${ESCAPE}` }, 400],
    ['a right-to-left override', { query: `${ESCAPE}\u202egnp.exe` }, 400],
    ['a newline', { query: `${ESCAPE}\n.png` }, 400],
    ['traversal percent-encoded once in the raw query', { rawQuery: `name=..%2f..%2f${ESCAPE}.png` }, 400],
    ['traversal percent-encoded in X-File-Name', { header: pct(`../../${ESCAPE}.png`) }, 400],
    ['%2e%2e%2f in X-File-Name', { header: `%2e%2e%2f%2e%2e%2f${ESCAPE}.png` }, 400],
    ['NUL in X-File-Name', { header: `${ESCAPE}%00.png` }, 400],
    ['a name longer than the query allows', { query: `${'a'.repeat(5000)}.png` }, 400],
    ['an absolute path', { query: `/etc/${ESCAPE}.png` }, 201, `${ESCAPE}.png`],
    ['/etc/passwd', { query: '/etc/passwd' }, 201, 'passwd'],
    ['a Windows path', { query: `C:\\Windows\\System32\\${ESCAPE}.png` }, 201, `${ESCAPE}.png`],
    ['a UNC path', { query: `\\\\server\\share\\${ESCAPE}.png` }, 201, `${ESCAPE}.png`],
    ['%2e%2e%2f kept literally (encoded twice)', { query: `%2e%2e%2f%2e%2e%2f${ESCAPE}.png` }, 201, `%2e%2e%2f%2e%2e%2f${ESCAPE}.png`],
    ['double-encoded traversal in X-File-Name', { header: `%252e%252e%252f${ESCAPE}.png` }, 201, `%2e%2e%2f${ESCAPE}.png`],
    ['full-width dots and slash', { query: `．．／．．／${ESCAPE}.png` }, 201, `．．／．．／${ESCAPE}.png`],
    ['the database file name', { query: 'bantin.db' }, 201, 'bantin.db'],
  ];

  it('are refused with a 400 or kept as a bare display name; the bytes only ever land at media/xx/yy/<sha256>', async () => {
    const before = fsState();
    const passwd = fs.statSync('/etc/passwd');
    const rows0 = (await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM media_files'))!.n;
    let stored = 0;
    for (const [what, name, status, shown] of cases) {
      const r = await upload(name);
      expect(r.status, `${what}: ${JSON.stringify(r.body)}`).toBe(status);
      if (status === 400) {
        // The sanitiser's refusal (media_rejected, reason file_name_invalid), or the query's length limit.
        expect(r.body.reason ?? r.body.code, `${what}: ${JSON.stringify(r.body)}`).toBe(what.startsWith('a name longer') ? 'validation_failed' : 'file_name_invalid');
        continue;
      }
      stored += 1;
      sha = r.body.sha256!;
      expect(r.body.fileName, what).toBe(shown);
      expect(r.body.fileName, what).not.toMatch(/[/\\]/);
      expect(r.body.fileName, what).not.toContain('\u0000');
      expect(fs.existsSync(path.join(dataDir, 'media', sha.slice(0, 2), sha.slice(2, 4), sha)), what).toBe(true);
    }
    // A long name is cut to the limit, keeping its extension.
    const long = await upload({ header: pct(`${'phường '.repeat(80)}.png`) });
    expect(long.status).toBe(201);
    expect(Buffer.byteLength(long.body.fileName!)).toBeLessThanOrEqual(200);
    expect(long.body.fileName!.endsWith('.png')).toBe(true);
    stored += 1;

    const after = fsState();
    const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k) !== after.get(k));
    expect(changed.filter((k) => !mayChange(k))).toEqual([]);
    const media = [...after.keys()].filter((k) => k.startsWith('data/media/'));
    for (const k of media) expect(k).toMatch(/^data\/media\/([0-9a-f]{2})\/([0-9a-f]{2})\/\1\2[0-9a-f]{60}$/);
    expect([...after.keys()].filter((k) => k.startsWith('data/tmp/'))).toEqual([]);
    expect([...after.keys()].filter((k) => k.includes(ESCAPE) || path.basename(k) === 'passwd')).toEqual([]);
    expect(fs.existsSync(path.join(os.tmpdir(), `${ESCAPE}.png`))).toBe(false);
    expect(fs.existsSync(path.join(jail, `${ESCAPE}.png`))).toBe(false);
    expect(fs.statSync('/etc/passwd').mtimeMs).toBe(passwd.mtimeMs);
    expect(fs.readFileSync(path.join(jail, 'secret.txt'), 'utf8')).toBe(SECRET);
    // The database is the database still, with one row per stored file.
    expect((await t.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM media_files'))!.n).toBe(rows0 + stored);
    expect(fs.readFileSync(path.join(dataDir, 'bantin.db')).subarray(0, 15).toString()).toBe('SQLite format 3');
  });

  it('an upload id made of a path is refused', async () => {
    const r = await upload({ rawQuery: `name=a.png&uploadId=..%2f..%2f${ESCAPE}` });
    expect(r.status).toBe(400);
    expect([...fsState().keys()].filter((k) => k.includes(ESCAPE))).toEqual([]);
  });
});

describe('reads with traversal', () => {
  const staff = () => ({ Cookie: editor.cookie });
  const device = () => ({ Authorization: `Bearer ${deviceToken}` });
  const dbFile = 'data/bantin.db';

  it('are 4xx on every file-serving route and never return the secret, the database or /etc/passwd', async () => {
    expect(sha).toMatch(/^[0-9a-f]{64}$/); // a real stored file, so a prefix of a valid path exists
    const targets: [string, () => Record<string, string>][] = [
      ['/api/media/../../bantin.db', staff],
      ['/api/media/..%2f..%2fbantin.db', staff],
      ['/api/media/..%2F..%2F..%2Fsecret.txt', staff],
      ['/api/media/%2e%2e%2f%2e%2e%2fbantin.db', staff],
      ['/api/media/%2e%2e/%2e%2e/%2e%2e/secret.txt', staff],
      ['/api/media/..%5c..%5cbantin.db', staff],
      ['/api/media/%252e%252e%252fbantin.db', staff],
      ['/api/media/%00', staff],
      ['/api/media/..%00/bantin.db', staff],
      [`/api/media/${sha}%2f..%2f..%2f..%2f..%2fsecret.txt`, staff],
      [`/api/media/${sha}/..%2f..%2f..%2f..%2fsecret.txt`, staff],
      [`/api/media/${sha}/thumbnail/..%2f..%2fbantin.db`, staff],
      [`/api/media/${sha}/info%2f..%2f..%2f..%2fbantin.db`, staff],
      ['/api/media/..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', staff],
      ['/api/media//etc/passwd', staff],
      ['/api/media/uploads/..%2f..%2fbantin.db', staff],
      ['/api/device/media/..%2f..%2fbantin.db', device],
      ['/api/device/media/%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt', device],
      ['/api/device/media/../../../secret.txt', device],
      [`/api/device/media/..%2f..%2fbantin.db?token=${encodeURIComponent(deviceToken)}`, () => ({})],
      [`/api/device/media/${sha}%2f..%2f..%2f..%2f..%2fsecret.txt`, device],
      ['/api/reports/periodic/archive/..%2f..%2fbantin.db', staff],
      ['/api/reports/periodic/archive/..%2fsecret.xlsx', staff],
      ['/api/reports/periodic/archive/%2e%2e%2f%2e%2e%2fsecret.txt', staff],
      ['/api/calendar/..%2f..%2fsecret.txt', () => ({})],
      ['/api/calendar/1-..%2f..%2f..%2fsecret.ics', () => ({})],
    ];
    const before = fsState();
    for (const [target, headers] of targets) {
      const res = await raw(base, target, headers());
      // A path with literal ".." segments is normalised out of /api by the URL parser; the dashboard's
      // single-page shell then answers, which is the app's page, not a file read.
      if (res.status === 200) expect(res.body, target).toContain('<div id="app"></div>');
      else expect(res.status, target).toBeGreaterThanOrEqual(400);
      expect(res.status, target).toBeLessThan(500);
      for (const leak of LEAKS) expect(res.body.includes(leak), `${target} leaked ${leak}`).toBe(false);
    }
    const after = fsState();
    expect([...after.keys()].filter((k) => before.get(k) !== after.get(k) && k !== dbFile && !k.startsWith(`${dbFile}-`))).toEqual([]);
  });

  it('the stored file itself is served by its sha256, so the refusals above are not an outage', async () => {
    const ok = await raw(base, `/api/media/${sha}`, staff());
    expect(ok.status).toBe(200);
    expect(ok.body.startsWith('\u0089PNG')).toBe(true);
  });

  it('the front-end file handler never serves a file outside its root', async () => {
    const targets = [
      '/player/../secret.txt',
      '/player/..%2fsecret.txt',
      '/player/..%2F..%2Fjail-secret',
      '/player/%2e%2e%2fsecret.txt',
      '/player/%2e%2e/secret.txt',
      '/player/..%5csecret.txt',
      '/player/....//secret.txt',
      '/player/%252e%252e%252fsecret.txt',
      '/player/assets/..%2f..%2fsecret.txt',
      '/player/..%00/secret.txt',
      `/player/${path.relative(staticRoot, path.join(jail, 'secret.txt')).split(path.sep).map(encodeURIComponent).join('%2f')}`,
      `/player/${encodeURIComponent(path.join(jail, 'secret.txt'))}`,
    ];
    for (const target of targets) {
      const res = await raw(spaBase, target);
      expect(res.status, target).toBeLessThan(500);
      expect(res.body.includes(SECRET), `${target} leaked the secret`).toBe(false);
    }
    // Control: a file inside the root is served.
    expect((await raw(spaBase, '/player/index.html')).body).toContain('<title>player</title>');
  });
});
