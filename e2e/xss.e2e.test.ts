// Content safety in a real Chromium against the real server: the payload corpus of e2e/payloads.ts
// goes through the real API into every text field a person (or a kiosk) can type — titles, bodies, tags,
// sources, advertisers, licences, file names, review reasons, user display names, device names and
// locations, group names and descriptions, playlist and schedule names, alert text, kiosk feedback (typed on
// the kiosk's form, and sent over a device socket). Players then play it and the dashboard lists and shows
// it. In every page: the sentinel is never set, nothing is fetched from the marker path, no dialog opens, no
// CSP violation is reported, no element of a payload exists, and each payload is shown as literal text.
// The dashboard walk runs twice: under the server's CSP, and with CSP bypassed, so escaping — not CSP — is
// what is tested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import WebSocket from 'ws';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, skipBrowserTests, startServer, type RunningServer } from './harness';
import { fetchSession, sleep, TZ, until, vnDate, type Call } from './story-helpers';
import { MARKER_PATH, PAYLOADS, SHORT_PAYLOADS, payload as P, type PayloadKind } from './payloads';

const PASSWORD = 'mat-khau-xss-e2e';
const of = (...kinds: PayloadKind[]) => PAYLOADS.filter((p) => kinds.includes(p.kind)).map((p) => p.text);
const BODY_A = of('html');
const BODY_B = of('attribute', 'url', 'template');
const BODY_C = of('unicode', 'sql', 'path', 'text');

/** What one trapped browser context saw that it should not have. */
interface Trapped {
  context: BrowserContext;
  hits: string[];
}

/** A browser context whose pages report sentinel writes, CSP violations, marker fetches, dialogs and errors. */
async function trappedContext(
  browser: Browser,
  label: string,
  opts: { bypassCSP?: boolean; viewport?: { width: number; height: number } } = {},
): Promise<Trapped> {
  const hits: string[] = [];
  const context = await browser.newContext({
    viewport: opts.viewport ?? { width: 1280, height: 900 },
    timezoneId: TZ,
    bypassCSP: opts.bypassCSP ?? false,
  });
  await context.exposeBinding('__xssReport', (source, what: string) => hits.push(`${label} ${source.frame.url()}: ${what}`));
  await context.addInitScript(() => {
    type W = { __xssReport?: (what: string) => void };
    const report = (what: string) => void (window as unknown as W).__xssReport?.(what);
    let count = 0;
    Object.defineProperty(window, '__pwned', {
      configurable: false,
      get: () => count,
      set: (v: number) => {
        count = v;
        report(`sentinel ran (__pwned = ${v})`);
      },
    });
    document.addEventListener('securitypolicyviolation', (e) =>
      report(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI} ${e.sample}`),
    );
  });
  context.on('request', (r) => {
    if (new URL(r.url()).pathname.startsWith(MARKER_PATH)) hits.push(`${label}: fetched ${r.url()}`);
  });
  context.on('page', (page) => {
    page.on('dialog', (d) => {
      hits.push(`${label} ${page.url()}: dialog ${d.type()} "${d.message()}"`);
      void d.dismiss();
    });
    page.on('pageerror', (err) => hits.push(`${label} ${page.url()}: page error ${err.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) hits.push(`${label} ${page.url()}: ${m.text()}`);
    });
  });
  return { context, hits };
}

/** Everything in the page (and its frames) that a payload could have injected. Empty when clean. */
function injectedMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const all = Array.from(document.querySelectorAll('*'));
    for (const el of all) {
      for (const name of el.getAttributeNames()) if (/^on/i.test(name) || name === 'data-xss') bad.push(`<${el.localName} ${name}>`);
      if (['iframe', 'frame', 'object', 'embed', 'base', 'math', 'marquee', 'noscript'].includes(el.localName))
        bad.push(`<${el.localName}>`);
      if (el.localName === 'meta' && el.hasAttribute('http-equiv')) bad.push('<meta http-equiv>');
      const url = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('data') ?? '';
      if (/^\s*(javascript|vbscript|data:text\/html)/i.test(url)) bad.push(`<${el.localName}> to ${url.slice(0, 40)}`);
      if (el.localName === 'img' && el.getAttribute('src') === 'x') bad.push('<img src=x>');
    }
    for (const s of Array.from(document.scripts)) {
      if (!s.src || new URL(s.src).origin !== location.origin) bad.push(`<script> ${s.src || (s.textContent ?? '').slice(0, 60)}`);
    }
    return bad;
  });
}

/** Waits until every text is in the page's text (literally), then lets load/error events fire and checks. */
async function showsSafely(page: Page, trapped: Trapped, texts: readonly string[], what: string) {
  let missing: string[] = [];
  await until(
    async () => {
      const body = await page.evaluate(() => document.body.textContent ?? '').catch(() => '');
      missing = texts.filter((t) => !body.includes(t));
      return missing.length === 0;
    },
    15_000,
    () => `${what} to show literally: ${JSON.stringify(missing).slice(0, 600)}`,
  );
  await sleep(300);
  expect(await injectedMarkup(page), what).toEqual([]);
  expect(trapped.hits, what).toEqual([]);
}

async function signInOnPage(t: Trapped, server: RunningServer, username: string, password: string): Promise<Page> {
  const page = await t.context.newPage();
  await page.goto(server.url + '/');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('shell').waitFor();
  return page;
}

const activeItem = (page: Page) => page.locator('[data-testid="player-item"][data-active="true"]');

describe.skipIf(skipBrowserTests)('content safety: injection payloads in every text field render as text', () => {
  let server: RunningServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const sockets: WebSocket[] = [];
  let admin: Call;
  let editor: Call;
  let reviewer: Call;
  let adReviewer: Call;

  const names = {
    editor: P('img-onerror'),
    reviewer: P('attr-double'),
    adReviewer: P('svg-onload'),
    viewer: P('sql-bobby'),
    inspector: P('sql-dq'),
    group1: P('details-toggle'),
    group1Description: P('polyglot'),
    group2: P('sql-drop'),
    led: P('input-focus'),
    ledArea: P('attr-unquoted'),
    ledAddress: P('tpl-constructor'),
    kiosk: P('zero-width'),
    kioskArea: P('fullwidth'),
    kioskAddress: P('rtl-override'),
    socketKiosk: P('sql-quote-or'),
    playlist: P('meta-refresh'),
    schedule: P('js-string'),
    rejectReason: `${P('js-link')}\n${P('style-break')}`,
    alert: [P('svg-script'), P('body-onload'), P('base-href'), P('link-css'), P('embed-marker'), P('img-marker'), P('plain-vi')].join('\n'),
    kioskComment: [P('form-action'), P('mxss-noscript'), P('vietnamese')].join(' '),
    socketTopic: P('video-source'),
    socketComment: [P('style-url'), P('alert-dialog'), P('nul'), P('entities'), P('sql-union')].join('\n'),
  };
  const messages = [
    { title: P('script'), body: BODY_A.join('\n'), style: 'led', tags: SHORT_PAYLOADS.slice(0, 4), sourceRef: P('js-url') },
    { title: P('iframe-srcdoc'), body: BODY_B.join('\n'), style: 'kiosk', tags: SHORT_PAYLOADS.slice(4), sourceRef: P('data-url') },
    { title: P('title-break'), body: BODY_C.join('\n'), style: 'ticker' },
  ];
  const pending = { title: P('textarea-break'), body: [P('vietnamese'), P('mxss-math'), P('svg-animate')].join('\n') };
  const rejected = { title: P('object-js'), body: P('plain-vi') };
  const ad = { title: P('mxss-math'), advertiser: P('attr-single'), licenceRef: P('sql-union'), file: `${P('img-onerror')}.png` };
  const ids = { messages: [] as number[], pending: 0, rejected: 0, ad: 0, led: 0, kiosk: 0, group1: 0, alert: 0 };

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    admin = await fetchSession(server, 'admin', server.adminPassword);
    const users = [
      ['bientap', names.editor, ['editor']],
      ['duyet', names.reviewer, ['reviewer']],
      ['duyetqc', names.adReviewer, ['ad_reviewer']],
      ['xem', names.viewer, ['viewer']],
      // Walks the dashboard: every screen, both review queues.
      ['kiemtra', names.inspector, ['admin', 'reviewer', 'ad_reviewer']],
    ] as const;
    for (const [username, displayName, roles] of users) {
      const r = await admin('POST', '/api/users', { username, displayName, password: PASSWORD, roles });
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect((r.body as { displayName: string }).displayName).toBe(displayName);
    }
    editor = await fetchSession(server, 'bientap', PASSWORD);
    reviewer = await fetchSession(server, 'duyet', PASSWORD);
    adReviewer = await fetchSession(server, 'duyetqc', PASSWORD);
  });

  afterAll(async () => {
    for (const ws of sockets) ws.terminate();
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.stop();
  });

  async function upload(name: string, colour: string): Promise<string> {
    const png = await sharp({ create: { width: 320, height: 180, channels: 3, background: colour } })
      .png()
      .toBuffer();
    const r = await fetch(`${server.url}/api/media?accept=image&name=${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { ...(await editorHeaders()), 'Content-Type': 'application/octet-stream' },
      body: new Uint8Array(png),
    });
    const body = (await r.json()) as { sha256: string; fileName: string };
    expect(r.status, JSON.stringify(body)).toBe(201);
    expect(body.fileName).toBe(name);
    return body.sha256;
  }
  /** The editor's cookie and CSRF token, for the one call (upload) that is not JSON. */
  async function editorHeaders(): Promise<Record<string, string>> {
    const res = await fetch(`${server.url}/api/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'bientap', password: PASSWORD }),
    });
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    return { cookie, 'X-CSRF-Token': ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  async function create(body: Record<string, unknown>): Promise<number> {
    const r = await editor<{ id: number; latest: { title: string; body: string; tags: string[] } }>('POST', '/api/content', body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.latest.title).toBe(body.title);
    if (typeof body.body === 'string') expect(r.body.latest.body).toBe(body.body);
    if (body.tags) expect(r.body.latest.tags).toEqual(body.tags);
    return r.body.id;
  }
  async function submit(id: number): Promise<number> {
    const r = await editor<{ id: number }>('POST', `/api/content/${id}/versions/1/submit`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return r.body.id;
  }

  /** A player in its own browser (context), paired by the code it shows, as staff do it. */
  async function pairPlayer(label: string, viewport: { width: number; height: number }, device: Record<string, unknown>) {
    const trapped = await trappedContext(browser, label, { viewport });
    contexts.push(trapped.context);
    const page = await trapped.context.newPage();
    await page.goto(server.url + '/player/');
    const code = page.getByTestId('pairing-code');
    await code.waitFor({ timeout: 15_000 });
    const claim = await editor<{ id: number; name: string }>('POST', '/api/pairing/claim', {
      code: await code.getAttribute('data-code'),
      device,
    });
    expect(claim.status, JSON.stringify(claim.body)).toBe(200);
    expect(claim.body.name).toBe(device.name);
    await page.getByTestId('player-stage').waitFor({ timeout: 15_000 });
    await page.locator('[data-online="true"]').waitFor({ timeout: 15_000 });
    return { page, id: claim.body.id, trapped };
  }

  let led: { page: Page; id: number; trapped: Trapped };
  let kiosk: { page: Page; id: number; trapped: Trapped };

  it('catches script, markup, fetches, dialogs and CSP violations on a deliberately unsafe page (control)', async () => {
    // The traps must be able to fail: put payloads through innerHTML, the sink the app must never use.
    const unsafe = [P('img-onerror'), P('img-marker'), P('alert-dialog')].join('');
    for (const bypassCSP of [false, true]) {
      const t = await trappedContext(browser, 'control', { bypassCSP });
      contexts.push(t.context);
      await t.context.route(`${server.url}/xss-control`, (r) =>
        r.fulfill({
          contentType: 'text/html',
          headers: { 'Content-Security-Policy': "default-src 'self'" },
          body: '<!doctype html><title>control</title>',
        }),
      );
      const page = await t.context.newPage();
      await page.goto(`${server.url}/xss-control`);
      await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), unsafe);
      const expected = bypassCSP
        ? [/sentinel ran/, /dialog alert/, /fetched .*\/__pwned\/img/]
        : [/CSP violation: script-src-attr/, /fetched .*\/__pwned\/img/];
      await until(
        async () => expected.every((re) => t.hits.some((h) => re.test(h))),
        5_000,
        () => `the traps to fire (${bypassCSP ? 'no CSP' : 'CSP'}): ${t.hits.join(' | ')}`,
      );
      if (!bypassCSP) expect(t.hits.filter((h) => /sentinel ran|dialog/.test(h))).toEqual([]);
      expect(await injectedMarkup(page)).toEqual(expect.arrayContaining(['<img data-xss>', '<img onerror>', '<img src=x>']));
    }
  });

  it('stores every payload exactly, through the API a person or a kiosk uses', async () => {
    for (const m of messages) ids.messages.push(await create({ kind: 'message', displaySeconds: 3, ...m }));
    ids.pending = await create({ kind: 'message', ...pending });
    ids.rejected = await create({ kind: 'message', ...rejected });
    const adSha = await upload(ad.file, '#1d4f91');
    await upload(`${P('attr-double')}.png`, '#c8102e');
    ids.ad = await create({
      kind: 'ad',
      title: ad.title,
      advertiser: ad.advertiser,
      licenceRef: ad.licenceRef,
      productCategory: 'food',
      mediaSha256: adSha,
      displaySeconds: 5,
    });

    for (const id of ids.messages) {
      const r = await reviewer('POST', '/api/reviews', { versionId: await submit(id), decision: 'approve' });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    }
    await submit(ids.pending);
    await submit(ids.ad);
    const no = await reviewer('POST', '/api/reviews', {
      versionId: await submit(ids.rejected),
      decision: 'reject',
      reason: names.rejectReason,
    });
    expect(no.status, JSON.stringify(no.body)).toBe(200);
    expect((await adReviewer<unknown[]>('GET', '/api/reviews')).body.length).toBeGreaterThan(0);

    const g1 = await editor<{ id: number; name: string; description: string }>('POST', '/api/groups', {
      name: names.group1,
      description: names.group1Description,
      geocode: P('sql-or'),
    });
    expect(g1.status, JSON.stringify(g1.body)).toBe(201);
    expect(g1.body).toMatchObject({ name: names.group1, description: names.group1Description, geocode: P('sql-or') });
    ids.group1 = g1.body.id;
    expect((await editor('POST', '/api/groups', { name: names.group2 })).status).toBe(201);

    led = await pairPlayer(
      'LED player',
      { width: 1280, height: 720 },
      {
        name: names.led,
        kind: 'led',
        residentialGroup: names.ledArea,
        address: names.ledAddress,
        groupIds: [ids.group1],
      },
    );
    kiosk = await pairPlayer(
      'kiosk player',
      { width: 720, height: 1280 },
      { name: names.kiosk, kind: 'kiosk', residentialGroup: names.kioskArea, address: names.kioskAddress },
    );

    const playlist = await editor<{ id: number; name: string }>('POST', '/api/playlists', {
      name: names.playlist,
      items: ids.messages.map((contentId) => ({ contentId })),
    });
    expect(playlist.status, JSON.stringify(playlist.body)).toBe(201);
    expect(playlist.body.name).toBe(names.playlist);
    const day = (offset: number) => vnDate(Date.now() + offset * 86_400_000);
    const schedule = await editor<{ name: string }>('POST', '/api/schedules', {
      name: names.schedule,
      class: 'priority',
      playlistId: playlist.body.id,
      target: { groupIds: [], kinds: ['led', 'kiosk'], deviceIds: [] },
      when: { dateFrom: day(-1), dateTo: day(2), daysOfWeek: [1, 2, 3, 4, 5, 6, 7], windows: [{ start: '00:00', end: '23:59' }] },
    });
    expect(schedule.status, JSON.stringify(schedule.body)).toBe(201);
    expect(schedule.body.name).toBe(names.schedule);
  });

  it('plays the payload messages on the LED screen as literal text, running nothing', async () => {
    const seen = new Map<string, string>();
    await until(
      async () => {
        const item = activeItem(led.page);
        if ((await item.getAttribute('data-kind', { timeout: 1_000 }).catch(() => null)) !== 'text') return false;
        const text = await item.evaluate((el) => el.textContent ?? '', undefined, { timeout: 1_000 }).catch(() => '');
        // Titles contain one another (the corpus nests), so a slide is known by what it starts with.
        const m = messages.find((x) => text.startsWith(x.title));
        if (m) seen.set(m.title, text);
        return seen.size === messages.length;
      },
      45_000,
      () => `every payload message to play (seen ${seen.size} of ${messages.length})`,
    );
    // The whole slide is the title and the text, character for character (a ticker joins them with a dash).
    for (const m of messages)
      expect(seen.get(m.title), `${m.style} slide`).toBe(m.style === 'ticker' ? `${m.title} — ${m.body}` : m.title + m.body);
    await showsSafely(led.page, led.trapped, [], 'LED player');

    // The identify overlay shows the device's name.
    expect((await editor('POST', `/api/devices/${led.id}/commands`, { name: 'identify', durationMs: 60_000 })).status).toBe(202);
    await led.page.getByTestId('identify-overlay').waitFor({ timeout: 10_000 });
    expect(await led.page.getByTestId('identify-overlay').textContent()).toContain(names.led);
    await showsSafely(led.page, led.trapped, [names.led], 'LED identify overlay');
  });

  it('shows an alert of payloads on the screens as text', async () => {
    const r = await editor<{ id: number; text: string }>('POST', '/api/alerts', { text: names.alert, target: { all: true }, repeatMin: 0 });
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    expect(r.body.text).toBe(names.alert);
    ids.alert = r.body.id;
    for (const { page, trapped } of [led, kiosk]) {
      const banner = page.getByTestId('alert-banner');
      await banner.waitFor({ timeout: 10_000 });
      const text = (await banner.textContent()) ?? '';
      for (const line of names.alert.split('\n')) expect(text).toContain(line);
      await showsSafely(page, trapped, [], 'alert banner');
    }
    expect((await editor('POST', `/api/alerts/${ids.alert}/cancel`)).status).toBe(200);
    await kiosk.page.getByTestId('alert-banner').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('takes payload feedback from the kiosk form and from a kiosk socket', async () => {
    await kiosk.page.getByTestId('feedback-open').click();
    await kiosk.page.getByTestId('feedback-rating-2').click();
    await kiosk.page.getByTestId('feedback-form').getByRole('button', { name: 'thời gian chờ' }).click();
    await kiosk.page.getByTestId('feedback-comment').fill(names.kioskComment);
    expect(await kiosk.page.getByTestId('feedback-comment').inputValue()).toBe(names.kioskComment);
    await kiosk.page.getByTestId('feedback-submit').click();
    await kiosk.page.getByTestId('feedback-thanks').waitFor();
    await showsSafely(kiosk.page, kiosk.trapped, [], 'kiosk after feedback');

    // A second kiosk, paired the way a player does it, speaks the protocol directly over its socket.
    const code = (await (await fetch(`${server.url}/api/pairing/codes`, { method: 'POST' })).json()) as { code: string; secret: string };
    expect(
      (await editor('POST', '/api/pairing/claim', { code: code.code, device: { name: names.socketKiosk, kind: 'kiosk' } })).status,
    ).toBe(200);
    const tokenRes = await fetch(`${server.url}/api/pairing/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ code: code.code, secret: code.secret }),
    });
    const { token } = (await tokenRes.json()) as { token: string };
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws/device`, ['bantin.v1', `bantin.token.${token}`]);
    sockets.push(ws);
    const acks: string[] = [];
    ws.on('message', (d) => {
      const m = JSON.parse(d.toString()) as { type: string; eventId?: string };
      if (m.type === 'feedback.ack.v1' && m.eventId) acks.push(m.eventId);
    });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello.v1', playerVersion: P('sql-dq'), capabilities: ['touch'], deviceClock: Date.now() }));
    const eventId = crypto.randomUUID();
    ws.send(
      JSON.stringify({
        type: 'feedback.v1',
        eventId,
        rating: 1,
        topic: names.socketTopic,
        comment: names.socketComment,
        createdAt: Date.now(),
      }),
    );
    await until(async () => acks.includes(eventId), 10_000, 'the socket feedback to be acknowledged');

    type Row = { topic: string; comment: string | null };
    const rows = (await admin<{ feedback: Row[] }>('GET', '/api/feedback')).body.feedback;
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ topic: 'thời gian chờ', comment: names.kioskComment }),
        expect.objectContaining({ topic: names.socketTopic, comment: names.socketComment }),
      ]),
    );
  });

  /** The dashboard's screens and what each must show literally. */
  function screens() {
    const titles = [...messages.map((m) => m.title), pending.title, rejected.title, ad.title];
    return [
      { path: '/', texts: [names.led, names.kiosk] },
      { path: '/content', texts: [...titles, ...SHORT_PAYLOADS] },
      { path: `/content/${ids.messages[0]}`, texts: [messages[0]!.title, ...BODY_A] },
      { path: `/content/${ids.messages[1]}`, texts: [messages[1]!.title, ...BODY_B] },
      { path: `/content/${ids.messages[2]}`, texts: [messages[2]!.title, ...BODY_C] },
      { path: `/content/${ids.rejected}`, texts: [rejected.title, ...names.rejectReason.split('\n')] },
      { path: `/content/${ids.ad}`, texts: [ad.title, ad.advertiser, ad.licenceRef] },
      { path: '/review', texts: [pending.title, ad.title] },
      {
        path: '/devices',
        texts: [
          names.led,
          names.ledArea,
          names.ledAddress,
          names.kiosk,
          names.kioskArea,
          names.kioskAddress,
          names.socketKiosk,
          names.group1,
          names.group2,
        ],
      },
      { path: '/schedules', texts: [names.schedule] },
      { path: '/alerts', texts: names.alert.split('\n') },
      { path: '/reports', texts: [names.kioskComment, names.socketTopic, ...names.socketComment.split('\n')] },
      { path: '/users', texts: [names.editor, names.reviewer, names.adReviewer, names.viewer, names.inspector] },
      { path: '/audit', texts: [names.group1, names.group2, names.playlist] },
    ];
  }

  for (const bypassCSP of [false, true]) {
    it(`shows every payload as text on the dashboard's screens (${bypassCSP ? 'CSP bypassed' : 'under CSP'})`, async () => {
      const staff = await trappedContext(browser, bypassCSP ? 'dashboard/no-CSP' : 'dashboard', { bypassCSP });
      contexts.push(staff.context);
      const page = await signInOnPage(staff, server, 'kiemtra', PASSWORD);
      for (const s of screens()) {
        await page.goto(server.url + s.path);
        await page.getByTestId('shell').waitFor();
        await showsSafely(page, staff, s.texts, `dashboard ${s.path}`);
      }
      // The review panel of the pending message shows its title and text as written.
      await page.goto(server.url + '/review');
      await page.getByTestId('queue-entry').filter({ hasText: pending.title }).click();
      await page.getByTestId('review-panel').waitFor();
      await showsSafely(page, staff, pending.body.split('\n'), 'review panel');
    });
  }

  it('keeps the payloads as text in the message editor and in the printable periodic report', async () => {
    const staff = await trappedContext(browser, 'editor/no-CSP', { bypassCSP: true });
    contexts.push(staff.context);
    const page = await signInOnPage(staff, server, 'bientap', PASSWORD);
    await page.goto(`${server.url}/content/${ids.messages[0]}/edit`);
    await page.getByTestId('msg-title').waitFor();
    // The editor shows its fields before the version has loaded into them: wait for the values.
    await expect.poll(() => page.getByTestId('msg-title').inputValue(), { timeout: 10_000 }).toBe(messages[0]!.title);
    expect(await page.getByTestId('msg-body').inputValue()).toBe(messages[0]!.body);
    await showsSafely(page, staff, [], 'message editor');

    const today = vnDate();
    const report = `${server.url}/api/reports/periodic?period=month&year=${today.slice(0, 4)}&index=${Number(today.slice(5, 7))}&format=html`;
    await page.goto(report);
    await showsSafely(
      page,
      staff,
      [names.alert.split('\n')[0]!, names.kioskComment, names.socketComment.split('\n')[0]!],
      'periodic report (HTML)',
    );
  });
});
