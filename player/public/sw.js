// bantin player service worker (scope /player/). Serves verified media from the Cache API at
// /player/media/<sha256> — the page put them there only after their sha256 matched — with byte ranges for
// video seeking; keeps the app shell so a player that reloads while the server is down still starts.
// Never fetches media from the network itself: an unverified file must not reach the screen.
const MEDIA_CACHE = 'bantin-media-v1';
const SHELL_CACHE = 'bantin-shell-v1';
const MEDIA_PATH = '/player/media/';

// Precache the shell at install: the page, its hashed scripts and styles, and the fonts those styles name,
// so a player that is switched on while the server is down still starts and plays its stored timeline.
async function precacheShell() {
  const cache = await caches.open(SHELL_CACHE);
  const page = await fetch('/player/', { cache: 'no-store' });
  if (!page.ok) return;
  const html = await page.clone().text();
  await cache.put('/player/', page);
  const assets = new Set(html.match(/\/player\/assets\/[^"'\s)]+/g) || []);
  for (const url of [...assets]) {
    if (!url.endsWith('.css')) continue;
    const css = await (await fetch(url)).text();
    // A global regex with exec, not String.prototype.matchAll: Chromium 69 WebViews lack matchAll.
    const re = /url\(\s*["']?([^"')]+)["']?\s*\)/g;
    for (let m = re.exec(css); m; m = re.exec(css)) assets.add(new URL(m[1], self.location.origin + url).pathname);
  }
  await cache.addAll([...assets]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    precacheShell()
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

async function serveMedia(request, path) {
  const cache = await caches.open(MEDIA_CACHE);
  const hit = await cache.match(path);
  if (!hit) return new Response('not cached', { status: 404 });
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.get('range') || '');
  if (!range) return hit;
  const blob = await hit.blob();
  const size = blob.size;
  let start = range[1] === '' ? size - Number(range[2]) : Number(range[1]);
  let end = range[1] !== '' && range[2] !== '' ? Number(range[2]) : size - 1;
  start = Math.max(0, start);
  end = Math.min(end, size - 1);
  if (start > end) return new Response(null, { status: 416, headers: { 'Content-Range': `bytes */${size}` } });
  return new Response(blob.slice(start, end + 1), {
    status: 206,
    headers: {
      'Content-Type': hit.headers.get('Content-Type') || 'application/octet-stream',
      'Content-Range': `bytes ${start}-${end}/${size}`,
      'Content-Length': String(end - start + 1),
      'Accept-Ranges': 'bytes',
    },
  });
}

async function serveShell(request, hashedAsset) {
  const cache = await caches.open(SHELL_CACHE);
  if (hashedAsset) {
    const hit = await cache.match(request);
    if (hit) return hit;
  }
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(hashedAsset ? request : '/player/', response.clone());
    return response;
  } catch (err) {
    const hit = await cache.match(hashedAsset ? request : '/player/');
    if (hit) return hit;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (url.pathname.startsWith(MEDIA_PATH)) {
    event.respondWith(serveMedia(request, url.pathname));
  } else if (request.mode === 'navigate' && url.pathname.startsWith('/player')) {
    event.respondWith(serveShell(request, false));
  } else if (url.pathname.startsWith('/player/assets/')) {
    event.respondWith(serveShell(request, true));
  }
});
