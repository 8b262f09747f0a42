// What the bench puts into the two Chromium pages (as source text: tsx would add helpers to a serialised
// function). An AudioWorklet runs the onset detector of onsets.ts on the audio it is given and posts each onset
// with its sample's AudioContext time; every 16 render quanta it posts a heartbeat (context time of the quantum's
// end), which the main thread stamps with performance.timeOrigin + performance.now(). Node maps an onset's context
// time to the wall clock with the smallest (stamp − context time) of the heartbeats around it, so main-thread
// delays do not count; what is measured is when the sample passed through the page's audio graph.
//  - the announcer's page: getUserMedia is wrapped; the stream it returns (the one the dashboard's MediaRecorder
//    records) is also fed, in its own AudioContext, into the tap. A MutationObserver notes when
//    [data-testid=live-status] first shows data-state=on-air.
//  - the speaker's page: HTMLMediaElement.play is wrapped; the live renderer's <audio data-testid=live-audio> is
//    routed through createMediaElementSource → tap, and on to the context's destination (it still plays).
// The worklet module is a blob: URL made by the init script. The pages' CSP (script-src 'self') refuses that, and
// Playwright's routing does not see a worklet's module request (tried: it went to the server), so the bench's
// browser contexts run with bypassCSP: nothing on the audio path depends on the CSP.
import { BLOCK, DETECT, FREQS } from './onsets';

export function workletSource(): string {
  return `
const P = ${JSON.stringify({ ...DETECT, freqs: FREQS, block: BLOCK })};
function goertzel(x, from, to, hz) {
  const k = 2 * Math.cos((2 * Math.PI * hz) / sampleRate);
  let s1 = 0, s2 = 0;
  for (let i = from; i < to; i++) { const s0 = x[i] + k * s1 - s2; s2 = s1; s1 = s0; }
  const n = Math.max(1, to - from);
  return (s1 * s1 + s2 * s2 - k * s1 * s2) / (n * n);
}
class OnsetTap extends AudioWorkletProcessor {
  constructor() {
    super();
    this.quietNeed = Math.round((P.quietMs * sampleRate) / 1000);
    this.skip = Math.round((P.skipMs * sampleRate) / 1000);
    this.len = Math.round((P.windowMs * sampleRate) / 1000);
    this.riseMax = Math.round((P.riseMs * sampleRate) / 1000);
    this.quiet = 0; this.cap = null; this.blocks = 0; this.armed = false; this.rising = 0; this.prev = null;
  }
  feed(ch, from) {
    const c = this.cap;
    const k = Math.min(ch.length - from, c.buf.length - c.filled);
    c.buf.set(ch.subarray(from, from + k), c.filled);
    c.filled += k;
    if (c.filled === c.buf.length) {
      let sq = 0;
      for (let i = this.skip; i < this.skip + this.len; i++) sq += c.buf[i] * c.buf[i];
      const ms = sq / this.len;
      let hz = P.freqs[0], best = -1;
      for (const f of P.freqs) { const p = goertzel(c.buf, this.skip, this.skip + this.len, f); if (p > best) { best = p; hz = f; } }
      const purity = ms > 0 ? (2 * best) / ms : 0;
      if (purity >= P.minPurity) this.port.postMessage({ t: 'onset', ctx: c.ctx, hz, purity });
      this.cap = null;
    }
  }
  process(inputs) {
    const n0 = (inputs[0] && inputs[0][0] && inputs[0][0].length) || 128;
    if (++this.blocks % 16 === 0) this.port.postMessage({ t: 'beat', ctx: currentTime + n0 / sampleRate });
    const ch = inputs[0] && inputs[0][0];
    if (!ch) return true;
    const n = ch.length;
    let sq = 0;
    for (let i = 0; i < n; i++) sq += ch[i] * ch[i];
    const rms = Math.sqrt(sq / n);
    if (this.cap) this.feed(ch, 0);
    if (!this.cap && this.armed && rms > P.high) {
      this.armed = false;
      const prev = this.rising > 0 && this.prev ? this.prev : null;
      let i = prev ? prev.b.findIndex((v) => Math.abs(v) >= P.peak) : -1;
      if (prev && i >= 0) {
        this.cap = { ctx: prev.ctx + i / sampleRate, buf: new Float32Array(this.skip + this.len), filled: 0 };
        this.feed(prev.b, i);
        if (this.cap) this.feed(ch, 0);
      } else {
        i = ch.findIndex((v) => Math.abs(v) >= P.peak);
        if (i < 0) i = 0;
        this.cap = { ctx: currentTime + i / sampleRate, buf: new Float32Array(this.skip + this.len), filled: 0 };
        this.feed(ch, i);
      }
    }
    if (rms < P.low) {
      this.quiet += n;
      this.rising = 0;
      if (this.quiet >= this.quietNeed) this.armed = true;
    } else {
      this.quiet = 0;
      this.rising += n;
      if (this.rising > this.riseMax) this.armed = false;
    }
    this.prev = { b: ch.slice(), ctx: currentTime };
    return true;
  }
}
registerProcessor('bench-onset-tap', OnsetTap);
`;
}

/** The init script of a page: mode 'mic' (announcer) or 'player' (speaker). */
export function initScript(mode: 'mic' | 'player'): string {
  return `(() => {
  const MODE = ${JSON.stringify(mode)};
  const WORKLET = URL.createObjectURL(new Blob([${JSON.stringify(workletSource())}], { type: 'text/javascript' }));
  const now = () => performance.timeOrigin + performance.now();
  const state = { taps: [], onAirAt: null, errors: [] };
  Object.defineProperty(window, '__benchLive', { value: state, enumerable: false });
  const tap = async (ctx, source, sink) => {
    const rec = { label: MODE, beats: [], onsets: [], rate: ctx.sampleRate, baseLatency: ctx.baseLatency || 0, outputLatency: 0 };
    state.taps.push(rec);
    try {
      if (ctx.state !== 'running') await ctx.resume();
      await ctx.audioWorklet.addModule(WORKLET);
      const node = new AudioWorkletNode(ctx, 'bench-onset-tap', { numberOfInputs: 1, numberOfOutputs: 1, outputChannelCount: [1] });
      node.port.onmessage = (e) => {
        const at = now();
        const m = e.data;
        if (m.t === 'beat') rec.beats.push([m.ctx, at]);
        else rec.onsets.push({ ctx: m.ctx, hz: m.hz, purity: m.purity });
      };
      const mute = ctx.createGain();
      mute.gain.value = 0;
      source.connect(node);
      node.connect(mute);
      mute.connect(sink);
      setTimeout(() => { rec.outputLatency = ctx.outputLatency || 0; }, 2000);
    } catch (err) {
      state.errors.push(String(err && err.message || err));
    }
  };
  if (MODE === 'mic') {
    const gum = MediaDevices.prototype.getUserMedia;
    MediaDevices.prototype.getUserMedia = async function (c) {
      const stream = await gum.call(this, c);
      if (stream.getAudioTracks().length) {
        const ctx = new AudioContext();
        void tap(ctx, ctx.createMediaStreamSource(stream), ctx.destination);
      }
      return stream;
    };
    const seen = () => {
      const el = document.querySelector('[data-testid="live-status"]');
      if (state.onAirAt === null && el && el.getAttribute('data-state') === 'on-air') state.onAirAt = now();
    };
    new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  } else {
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function () {
      if (this.getAttribute('data-testid') === 'live-audio' && !this.__benchTapped) {
        this.__benchTapped = true;
        try {
          const ctx = new AudioContext();
          const src = ctx.createMediaElementSource(this);
          src.connect(ctx.destination);
          void tap(ctx, src, ctx.destination);
        } catch (err) {
          state.errors.push(String(err && err.message || err));
        }
      }
      return play.apply(this, arguments);
    };
  }
})();`;
}

export type TapDump = {
  taps: { label: string; beats: [number, number][]; onsets: { ctx: number; hz: number; purity: number }[]; rate: number; baseLatency: number; outputLatency: number }[];
  onAirAt: number | null;
  errors: string[];
};

/** A tap's onsets on the page's clock: context time + the least (stamp − context time) of the heartbeats within 10 s. */
export function onsetsOnPageClock(dump: TapDump): { at: number; hz: number; purity: number }[] {
  const out: { at: number; hz: number; purity: number }[] = [];
  for (const t of dump.taps) {
    for (const o of t.onsets) {
      let off = Infinity;
      for (const [ctx, at] of t.beats) if (Math.abs(ctx - o.ctx) < 10) off = Math.min(off, at - ctx * 1000);
      if (Number.isFinite(off)) out.push({ at: o.ctx * 1000 + off, hz: o.hz, purity: o.purity });
    }
  }
  return out.sort((a, b) => a.at - b.at);
}
