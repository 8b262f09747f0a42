// The live announcement of the screen as a hook: takes the shared microphone (user 'live'), runs one
// broadcast through live-session, and lets the microphone go whatever way it ends. Leaving the screen
// mid-broadcast stops it; closing the tab asks first.
import { useEffect, useRef, useState } from 'preact/hooks';
import { IDLE_VIEW, LIVE_PATH, startLive, wsUrl, type LiveDeps, type LiveSession, type LiveView, type StartRequest } from './live-session';
import { useLeaveGuard } from './use-leave-guard';
import type { MicState } from './use-mic';

export interface LiveControl {
  view: LiveView;
  /** A broadcast is being set up, on air, or stopping. */
  active: boolean;
  start(req: StartRequest): Promise<void>;
  stop(): void;
}

function browserDeps(): LiveDeps {
  return {
    // The browser's own classes have wider types than the parts live-session uses.
    WebSocket: WebSocket as unknown as LiveDeps['WebSocket'],
    MediaRecorder: MediaRecorder as unknown as LiveDeps['MediaRecorder'],
    url: wsUrl(LIVE_PATH),
    now: () => performance.now(),
  };
}

const ACTIVE = new Set(['connecting', 'tone', 'on-air']);

export function useLive(mic: MicState, onFinished?: (v: LiveView) => void): LiveControl {
  const [view, setView] = useState<LiveView>(IDLE_VIEW);
  const session = useRef<LiveSession | null>(null);
  const starting = useRef(false);
  const cancelled = useRef(false);
  const mounted = useRef(false);
  const active = ACTIVE.has(view.state);
  useLeaveGuard(active);

  async function start(req: StartRequest): Promise<void> {
    if (starting.current || session.current) return;
    starting.current = true;
    cancelled.current = false;
    setView({ ...IDLE_VIEW, state: 'connecting' });
    const input = await mic.acquire('live');
    starting.current = false;
    if (!input) {
      setView({ ...IDLE_VIEW, state: 'error', error: 'mic' });
      return;
    }
    // Called off (or the screen left) while the browser asked for the microphone.
    if (cancelled.current || !mounted.current) {
      mic.release('live');
      setView(IDLE_VIEW);
      return;
    }
    let deps: LiveDeps;
    try {
      deps = browserDeps();
    } catch {
      // No WebSocket or MediaRecorder in this browser.
      mic.release('live');
      setView({ ...IDLE_VIEW, state: 'error', error: 'mic', micError: 'unsupported' });
      return;
    }
    const s = startLive(input.stream, req, deps, setView);
    session.current = s;
    const last = await s.done;
    session.current = null;
    mic.release('live');
    onFinished?.(last);
  }

  function stop(): void {
    if (session.current) session.current.stop();
    else if (starting.current) cancelled.current = true;
  }

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      session.current?.abort();
    };
  }, []);

  return { view, active, start, stop };
}
