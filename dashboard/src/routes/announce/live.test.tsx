// Speaking live (phát trực tiếp): the session over a fake WebSocket and MediaRecorder — the start request,
// no audio before "accepted", slices in order, tone → on-air → ended, stopping with the last slice before
// "stop", refusals and a dropped connection — and the parts that show it: the status, the form (no
// "Khẩn cấp" without alerts.issue, busy groups), and the log with its recordings.
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../lib/api';
import { lang } from '../../lib/i18n';
import { announceText } from '../../lib/messages/announce';
import { can } from '../../lib/permissions';
import { session } from '../../lib/session';
import { AnnounceScreen } from './AnnounceScreen/index';
import { listLiveAnnouncements, listLiveTargets, type LiveAnnouncement, type LiveTarget } from './live-api';
import { clockOf, timeOf } from './live-format';
import {
  IDLE_VIEW,
  liveMimeType,
  LIVE_PROTOCOL,
  startLive,
  startMessage,
  wsUrl,
  type LiveRecorder,
  type LiveSocket,
  type LiveView,
  type StartRequest,
} from './live-session';
import { EMPTY_DRAFT, LiveForm } from './LiveForm/index';
import { lastWeek } from './LiveLog/index';
import { LiveLogTable } from './LiveLogTable/index';
import { endSummary, LiveStatus } from './LiveStatus/index';

const count = (html: string, testId: string) => html.split(`data-testid="${testId}"`).length - 1;
const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  lang.value = 'vi';
  session.value = undefined;
  vi.unstubAllGlobals();
});

class FakeSocket implements LiveSocket {
  readyState = 0;
  binaryType = 'blob';
  sent: (string | ArrayBuffer)[] = [];
  closedWith: number | null = null;
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly url: string,
    readonly protocol: string,
  ) {}
  send(data: string | ArrayBuffer) {
    if (this.readyState !== 1) throw new Error('InvalidStateError');
    this.sent.push(data);
  }
  close(code?: number) {
    this.closedWith ??= code ?? 1005;
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(frame: object) {
    this.onmessage?.({ data: JSON.stringify(frame) });
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code });
  }
  /** What was sent: JSON messages parsed, binary ones as byte arrays. */
  messages(): unknown[] {
    return this.sent.map((d) => (typeof d === 'string' ? JSON.parse(d) : [...new Uint8Array(d)]));
  }
}

/** A slice whose bytes arrive after `delayMs`, as Blob.arrayBuffer() can. */
const slice = (bytes: number[], delayMs = 0) => ({
  size: bytes.length,
  arrayBuffer: () => new Promise<ArrayBuffer>((resolve) => setTimeout(() => resolve(new Uint8Array(bytes).buffer), delayMs)),
});

class FakeRecorder implements LiveRecorder {
  state = 'inactive';
  timeslice: number | null = null;
  /** The slice the browser hands over when stopped. */
  tail: number[] = [];
  ondataavailable: LiveRecorder['ondataavailable'] = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  constructor(
    readonly stream: MediaStream,
    readonly options: { mimeType: string },
  ) {}
  start(timeslice: number) {
    this.state = 'recording';
    this.timeslice = timeslice;
  }
  stop() {
    this.state = 'inactive';
    // As the browser: a last dataavailable, then stop, after the call returns.
    queueMicrotask(() => {
      this.emit(this.tail);
      this.onstop?.();
    });
  }
  emit(bytes: number[], delayMs = 0) {
    this.ondataavailable?.({ data: slice(bytes, delayMs) });
  }
}

const REQ: StartRequest = { groupIds: [3, 5], class: 'emergency', title: '  Thông báo khẩn: nước lên  ' };

function harness(req: StartRequest = REQ, opus = true) {
  const sockets: FakeSocket[] = [];
  const recorders: FakeRecorder[] = [];
  class WS extends FakeSocket {
    constructor(url: string, protocol: string) {
      super(url, protocol);
      sockets.push(this);
    }
  }
  class Rec extends FakeRecorder {
    static isTypeSupported = (type: string) => opus || type !== 'audio/webm;codecs=opus';
    constructor(stream: MediaStream, options: { mimeType: string }) {
      super(stream, options);
      recorders.push(this);
    }
  }
  const views: LiveView[] = [];
  const clock = { now: 10_000 };
  const live = startLive(
    {} as MediaStream,
    req,
    { WebSocket: WS, MediaRecorder: Rec, url: 'ws://loa.local/ws/announce', now: () => clock.now },
    (v) => views.push(v),
  );
  return { live, socket: sockets[0]!, recorders, views, clock, last: () => views[views.length - 1]! };
}

describe('startLive', () => {
  it('opens /ws/announce with the subprotocol and sends the chosen groups, class and title first', () => {
    const h = harness();
    expect(h.socket.url).toBe('ws://loa.local/ws/announce');
    expect(h.socket.protocol).toBe(LIVE_PROTOCOL);
    expect(h.last().state).toBe('connecting');
    expect(h.socket.sent).toEqual([]);
    h.socket.open();
    expect(h.socket.messages()).toEqual([{ type: 'start', groupIds: [3, 5], class: 'emergency', title: 'Thông báo khẩn: nước lên' }]);
  });

  it('leaves an empty title out of the start message', () => {
    expect(JSON.parse(startMessage({ groupIds: [1], class: 'priority', title: '   ' }))).toEqual({
      type: 'start',
      groupIds: [1],
      class: 'priority',
    });
    expect(JSON.parse(startMessage({ groupIds: [1], class: 'priority', title: 'x'.repeat(250) })).title).toHaveLength(200);
  });

  it('starts the recorder only on "accepted" (WebM/Opus, 100 ms slices) and sends its slices in order', async () => {
    const h = harness();
    h.socket.open();
    expect(h.recorders).toHaveLength(0);
    h.socket.receive({ type: 'accepted', id: 42, speakers: 7, zones: 1 });
    expect(h.recorders).toHaveLength(1);
    const rec = h.recorders[0]!;
    expect(rec.options.mimeType).toBe('audio/webm;codecs=opus');
    expect(rec.timeslice).toBe(100);
    expect(h.last()).toMatchObject({ state: 'connecting', id: 42, speakers: 7, zones: 1 });
    // The first slice (the WebM header) is slow to read; the second must still go after it. Empty ones are skipped.
    rec.emit([0x1a, 0x45, 0xdf, 0xa3], 20);
    rec.emit([]);
    rec.emit([2, 2], 0);
    await tick(40);
    expect(h.socket.messages().slice(1)).toEqual([
      [0x1a, 0x45, 0xdf, 0xa3],
      [2, 2],
    ]);
    expect(h.socket.sent.every((d, i) => (i === 0 ? typeof d === 'string' : d instanceof ArrayBuffer))).toBe(true);
  });

  it('falls back to plain WebM where the browser does not name Opus', () => {
    const h = harness(REQ, false);
    h.socket.open();
    h.socket.receive({ type: 'accepted', id: 1, speakers: 1, zones: 0 });
    expect(h.recorders[0]!.options.mimeType).toBe('audio/webm');
    expect(liveMimeType(() => true)).toBe('audio/webm;codecs=opus');
    expect(
      liveMimeType(() => {
        throw new Error('no');
      }),
    ).toBe('audio/webm');
  });

  it('goes tone → on-air → ended, and on "Kết thúc phát" sends the last slice, then stop, then waits for "ended"', async () => {
    const h = harness();
    h.socket.open();
    h.socket.receive({ type: 'accepted', id: 42, speakers: 7, zones: 1 });
    h.socket.receive({ type: 'tone' });
    expect(h.last().state).toBe('tone');
    h.clock.now = 12_000;
    h.socket.receive({ type: 'on-air', at: '2026-03-01T02:00:03.000Z' });
    expect(h.last()).toMatchObject({ state: 'on-air', onAirAt: 12_000 });
    const rec = h.recorders[0]!;
    rec.emit([1]);
    rec.tail = [9, 9];
    h.live.stop();
    expect(h.last()).toMatchObject({ state: 'on-air', stopping: true });
    expect(rec.state).toBe('inactive');
    await tick(10);
    expect(h.socket.messages().slice(1)).toEqual([[1], [9, 9], { type: 'stop' }]);
    expect(h.socket.closedWith).toBeNull();
    h.socket.receive({ type: 'ended', id: 42, reason: 'stopped', durationMs: 65_400, recording: { sha256: 'a'.repeat(64) } });
    const end = await h.live.done;
    expect(end).toMatchObject({
      state: 'ended',
      stopping: false,
      ended: { id: 42, reason: 'stopped', durationMs: 65_400, recorded: true },
    });
    expect(h.socket.closedWith).toBe(1000);
    expect(h.views.map((v) => v.state).filter((s, i, all) => s !== all[i - 1])).toEqual(['connecting', 'tone', 'on-air', 'ended']);
  });

  it('ends when the server ends it (maximum length) and sends nothing after', async () => {
    const h = harness();
    h.socket.open();
    h.socket.receive({ type: 'accepted', id: 8, speakers: 2, zones: 0 });
    h.socket.receive({ type: 'ended', id: 8, reason: 'max_duration', durationMs: 900_000, recording: null });
    expect((await h.live.done).ended).toEqual({ id: 8, reason: 'max_duration', durationMs: 900_000, recorded: false });
    const sent = h.socket.sent.length;
    h.recorders[0]!.emit([1, 2, 3]);
    await tick(5);
    expect(h.socket.sent).toHaveLength(sent);
  });

  it('shows a refusal with who is on air, and starts no recorder', async () => {
    const h = harness();
    h.socket.open();
    h.socket.receive({
      type: 'refused',
      code: 'live_busy',
      message: { vi: 'Nhóm loa đang có người phát.', en: 'Someone is on air to these groups.' },
      onAir: { by: 'Anh Tuấn', groups: ['Tổ 1', 'Tổ 3'], since: '2026-03-01T02:00:00.000Z' },
    });
    h.socket.drop(4409);
    const end = await h.live.done;
    expect(end.state).toBe('refused');
    expect(end.refused).toEqual({
      code: 'live_busy',
      message: { vi: 'Nhóm loa đang có người phát.', en: 'Someone is on air to these groups.' },
      onAir: { by: 'Anh Tuấn', groups: ['Tổ 1', 'Tổ 3'], since: '2026-03-01T02:00:00.000Z' },
    });
    expect(h.recorders).toHaveLength(0);
  });

  it('says the connection was lost when the socket closes mid-broadcast, and could not connect when it closes first', async () => {
    const h = harness();
    h.socket.open();
    h.socket.receive({ type: 'accepted', id: 3, speakers: 1, zones: 0 });
    h.socket.receive({ type: 'on-air', at: '2026-03-01T02:00:03.000Z' });
    h.socket.drop();
    expect(await h.live.done).toMatchObject({ state: 'error', error: 'lost' });
    expect(h.recorders[0]!.state).toBe('inactive');

    const refusedUpgrade = harness();
    refusedUpgrade.socket.drop(1006);
    expect(await refusedUpgrade.live.done).toMatchObject({ state: 'error', error: 'connect' });
  });

  it('lets a start be called off before the socket opens, back to idle', async () => {
    const h = harness();
    h.live.stop();
    expect(await h.live.done).toEqual(IDLE_VIEW);
    expect(h.socket.closedWith).toBe(1000);
  });

  it('builds the address from the page: wss on https, ws on http', () => {
    expect(wsUrl('/ws/announce', { protocol: 'https:', host: 'bantin.phuong.vn' })).toBe('wss://bantin.phuong.vn/ws/announce');
    expect(wsUrl('/ws/announce', { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws/announce');
  });
});

const view = (patch: Partial<LiveView>): LiveView => ({ ...IDLE_VIEW, ...patch });

describe('LiveStatus', () => {
  const render = (v: LiveView, elapsedMs = 0) => renderToString(<LiveStatus view={v} elapsedMs={elapsedMs} db={-20} micError={null} />);

  it('shows the tone, then on air with the elapsed time and the level meter', () => {
    const tone = render(view({ state: 'tone', id: 4, speakers: 7, zones: 1 }));
    expect(tone).toContain('data-state="tone"');
    expect(tone).toContain('Đang phát tín hiệu chú ý… chờ một chút');
    expect(tone).toContain('Đã kết nối tới 7 loa và 1 vùng phát.');
    const onAir = render(view({ state: 'on-air', id: 4, onAirAt: 1 }), 65_400);
    expect(onAir).toContain('data-state="on-air"');
    expect(onAir).toContain('ĐANG PHÁT — mời nói');
    expect(onAir).toMatch(/data-testid="live-elapsed" data-ms="65400">01:05</);
    expect(count(onAir, 'mic-level')).toBe(1);
    expect(count(render(view({ state: 'idle' })), 'mic-level')).toBe(0);
  });

  it('sums up a finished broadcast, and says why it stopped otherwise', () => {
    const ended = render(view({ state: 'ended', ended: { id: 4, reason: 'stopped', durationMs: 83_000, recorded: true } }));
    expect(ended).toContain('data-state="ended"');
    expect(ended).toContain('Đã kết thúc. Thời lượng 01:23. Bản ghi đã lưu.');
    expect(endSummary({ id: 4, reason: 'dropped', durationMs: 5_000, recorded: false })).toBe(
      `${announceText.tl('vi', 'live.end.dropped')} Thời lượng 00:05. Không có bản ghi.`,
    );
    expect(endSummary({ id: 4, reason: 'max_duration', durationMs: null, recorded: true })).toBe(
      `${announceText.tl('vi', 'live.end.max_duration')} Bản ghi đã lưu.`,
    );
  });

  it('shows the refusal in the current language, with who is on air', () => {
    const refused = view({
      state: 'refused',
      refused: {
        code: 'live_busy',
        message: { vi: 'Nhóm loa đang có người phát.', en: 'Someone is on air to these groups.' },
        onAir: { by: 'Anh Tuấn', groups: ['Tổ 1', 'Tổ 3'], since: '2026-03-01T02:00:00.000Z' },
      },
    });
    const vi = render(refused);
    expect(vi).toContain('data-state="refused"');
    expect(vi).toMatch(/data-testid="live-refused" data-code="live_busy">Nhóm loa đang có người phát\.</);
    expect(vi).toContain(`Đang có người phát: Anh Tuấn — Tổ 1, Tổ 3 (từ ${timeOf('2026-03-01T02:00:00.000Z', 'vi')}).`);
    lang.value = 'en';
    const en = render(refused);
    expect(en).toContain('Someone is on air to these groups.');
    expect(en).toContain('On air now: Anh Tuấn — Tổ 1, Tổ 3');
  });

  it('says when the connection was lost, could not be made, or the microphone did not open', () => {
    expect(render(view({ state: 'error', error: 'lost' }))).toContain('Mất kết nối — buổi phát đã dừng.');
    expect(render(view({ state: 'error', error: 'connect' }))).toContain(announceText.tl('vi', 'live.error.connect'));
    const mic = renderToString(<LiveStatus view={view({ state: 'error', error: 'mic' })} elapsedMs={0} db={-90} micError="denied" />);
    expect(mic).toContain(announceText.tl('vi', 'error.denied'));
  });
});

const groups: LiveTarget[] = [
  { id: 1, name: 'Tổ 1', speakers: 4, zone: false, busy: null },
  { id: 2, name: 'Tổ 2', speakers: 3, zone: true, busy: null },
  { id: 3, name: 'Tổ 3', speakers: 5, zone: false, busy: { by: 'Chị Hoa', since: '2026-03-01T02:00:00.000Z' } },
];

describe('LiveForm', () => {
  const render = (roles: Role[], picked: number[] = []) =>
    renderToString(
      <LiveForm
        groups={groups}
        draft={{ ...EMPTY_DRAFT, picked }}
        onDraft={() => {}}
        canEmergency={can(roles, 'alerts.issue')}
        targetError={false}
        disabled={false}
      />,
    );

  it('offers "Khẩn cấp" only to those who may also issue alerts; "Ưu tiên" is the default', () => {
    const announcer = render(['announcer']);
    expect(count(announcer, 'live-class-priority')).toBe(1);
    expect(count(announcer, 'live-class-emergency')).toBe(0);
    expect(announcer).toContain('Ưu tiên: không phát trong giờ yên tĩnh.');
    expect(announcer).not.toContain('Khẩn cấp');
    const editor = render(['announcer', 'editor']);
    expect(count(editor, 'live-class-emergency')).toBe(1);
    expect(editor).toContain('Ưu tiên: không phát trong giờ yên tĩnh. Khẩn cấp: phát cả trong giờ yên tĩnh.');
    expect(editor).toMatch(/value="priority" checked data-testid="live-class-priority"/);
    expect(editor).not.toMatch(/value="emergency" checked/);
  });

  it('lists the groups with their loudspeakers and zone badge, a busy one disabled with who is on air', () => {
    const html = render(['announcer'], [1, 3]);
    expect(count(html, 'live-target')).toBe(3);
    expect(html).toContain('4 loa');
    expect(count(html, 'live-target-busy')).toBe(1);
    expect(html).toContain(`Đang có người phát: Chị Hoa (từ ${timeOf('2026-03-01T02:00:00.000Z', 'vi')})`);
    expect(html.split('Vùng phát').length - 1).toBe(1);
    expect(html).toMatch(/<input type="checkbox" checked data-testid="live-target" data-id="1"/);
    expect(html).toMatch(/<input type="checkbox" disabled data-testid="live-target" data-id="3"/);
  });
});

const entry = (id: number, over: Partial<LiveAnnouncement> = {}): LiveAnnouncement => ({
  id,
  class: 'priority',
  title: `Thông báo ${id}`,
  speaker: { id: 7, name: 'Chị Lan' },
  groups: [
    { id: 1, name: 'Tổ 1', zone: false },
    { id: 2, name: 'Tổ 2', zone: true },
  ],
  startedAt: '2026-03-01T02:00:00.000Z',
  onAirAt: '2026-03-01T02:00:03.000Z',
  endedAt: '2026-03-01T02:01:08.000Z',
  endReason: 'stopped',
  durationMs: 68_000,
  speakers: 7,
  zones: 1,
  onAir: false,
  recording: { sha256: 'b'.repeat(64), url: `/api/media/${'b'.repeat(64)}`, size: 500_000, mime: 'audio/mpeg' },
  ...over,
});

describe('LiveLogTable', () => {
  it('lists each broadcast with its groups, class, length, end and recording player', () => {
    const items = [
      entry(9, { onAir: true, endedAt: null, endReason: null, durationMs: null, recording: null, class: 'emergency' }),
      entry(8),
      entry(7, { endReason: 'dropped', recording: null }),
    ];
    const html = renderToString(<LiveLogTable items={items} />);
    expect(count(html, 'live-log')).toBe(1);
    expect(count(html, 'live-log-row')).toBe(3);
    expect([...html.matchAll(/data-testid="live-log-row" data-id="(\d+)"/g)].map((m) => m[1])).toEqual(['9', '8', '7']);
    expect(count(html, 'live-recording')).toBe(1);
    expect(html).toMatch(new RegExp(`<audio controls preload="none" src="/api/media/${'b'.repeat(64)}"`));
    expect(count(html, 'live-log-on-air')).toBe(1);
    expect(html).toContain('Đang phát');
    expect(html).toContain('Khẩn cấp');
    expect(html).toContain('Ưu tiên');
    expect(html).toContain('Tổ 1, Tổ 2');
    expect(html).toContain('01:08');
    expect(html).toContain('Người phát kết thúc');
    expect(html).toContain('Mất kết nối');
    expect(html).toContain('Chị Lan');
  });

  it('says when there is nothing in the period', () => {
    expect(renderToString(<LiveLogTable items={[]} />)).toContain(announceText.tl('vi', 'log.empty'));
  });
});

describe('live API', () => {
  it('asks for the log between two dates and the targets, in the UI language', async () => {
    const calls: { url: string; lang: string | null }[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
      calls.push({ url, lang: new Headers(init.headers).get('Accept-Language') });
      const body = url.includes('targets') ? { groups } : { items: [entry(1)] };
      return new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    });
    lang.value = 'en';
    expect(await listLiveAnnouncements('2026-02-23', '2026-03-01')).toEqual([entry(1)]);
    expect(await listLiveTargets()).toEqual(groups);
    expect(calls).toEqual([
      { url: '/api/live-announcements?from=2026-02-23&to=2026-03-01', lang: 'en' },
      { url: '/api/live-announcements/targets', lang: 'en' },
    ]);
  });

  it('throws the server’s problem on a refusal', async () => {
    const problem = { type: 'x', title: 'Forbidden', status: 403, detail: 'Không có quyền phát trực tiếp.' };
    vi.stubGlobal('fetch', async () => new Response(JSON.stringify(problem), { status: 403 }));
    await expect(listLiveTargets()).rejects.toMatchObject({ status: 403, message: 'Không có quyền phát trực tiếp.' });
  });

  it('starts the log at the last 7 days, today included (ward time)', () => {
    expect(lastWeek(Date.parse('2026-03-01T20:00:00.000Z'))).toEqual({ from: '2026-02-24', to: '2026-03-02' });
    expect(clockOf(3_599_000)).toBe('59:59');
  });
});

describe('AnnounceScreen live part', () => {
  const signIn = (roles: Role[]) => {
    session.value = { user: { id: 7, username: 'lan', displayName: 'Chị Lan', roles }, csrfToken: 'x' };
  };

  it('gives an announcer the live part, idle, and the log of live broadcasts for the last 7 days', () => {
    signIn(['announcer']);
    const html = renderToString(<AnnounceScreen />);
    for (const id of ['live-announce', 'live-start', 'live-status', 'live-log-section', 'live-log-from', 'live-log-to'])
      expect(count(html, id), id).toBe(1);
    expect(html).toContain('data-state="idle"');
    expect(count(html, 'live-stop')).toBe(0);
    expect(html).toContain('Bắt đầu phát');
    expect(html).toContain('Đã phát trực tiếp');
    const week = lastWeek(Date.now());
    expect(html).toContain(`value="${week.from}"`);
    expect(html).toContain(`value="${week.to}"`);
  });

  it('shows only the log to staff without live.announce', () => {
    signIn(['editor']);
    const html = renderToString(<AnnounceScreen />);
    expect(count(html, 'live-announce')).toBe(0);
    expect(count(html, 'live-log-section')).toBe(1);
  });
});
