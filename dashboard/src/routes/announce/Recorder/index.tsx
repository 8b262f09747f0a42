// "Ghi âm": records the microphone with MediaRecorder (WebM/Opus where the browser has it) with start and
// stop buttons, the elapsed time and the live level, and stops by itself at ten minutes. The finished recording
// goes to the recording store, where the review part lets the announcer listen, name it and send it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { announceText } from '../../../lib/messages/announce';
import { createRecorder, formatElapsed, MAX_RECORDING_MS, micErrorKind, recordingFileName } from '../../../lib/mic';
import { keepRecording } from '../recording-store';
import type { MicState } from '../use-mic';
import controls from '../../../components/controls.module.css';
import styles from './style.module.css';

const TICK_MS = 250;
const SLICE_MS = 1000;

interface Active {
  recorder: MediaRecorder;
  chunks: Blob[];
  startedAt: number;
  wallStart: Date;
  atLimit: boolean;
}

export function Recorder({ mic }: { mic: MicState }) {
  const { t, tf } = announceText;
  const [elapsed, setElapsed] = useState(0);
  const [recordingNow, setRecordingNow] = useState(false);
  const [empty, setEmpty] = useState(false);
  const active = useRef<Active | null>(null);

  function stop(atLimit = false) {
    const a = active.current;
    if (!a || a.recorder.state === 'inactive') return;
    a.atLimit = atLimit;
    a.recorder.stop();
  }

  async function start() {
    setEmpty(false);
    const input = await mic.acquire('record');
    if (!input) return;
    let recorder: MediaRecorder;
    try {
      recorder = createRecorder(input.stream);
    } catch (err) {
      mic.release('record');
      mic.fail(micErrorKind(err));
      return;
    }
    const a: Active = { recorder, chunks: [], startedAt: performance.now(), wallStart: new Date(), atLimit: false };
    recorder.ondataavailable = (e) => {
      if (e.data.size > 0) a.chunks.push(e.data);
    };
    recorder.onstop = () => {
      const durationMs = performance.now() - a.startedAt;
      const mimeType = recorder.mimeType || a.chunks[0]?.type || 'audio/webm';
      const blob = new Blob(a.chunks, { type: mimeType });
      active.current = null;
      setRecordingNow(false);
      mic.release('record');
      if (blob.size === 0) {
        setEmpty(true);
        return;
      }
      // Kept in the store, not in this component: it survives leaving the screen before it is sent.
      keepRecording({ blob, mimeType, fileName: recordingFileName(a.wallStart, mimeType), durationMs, stoppedAtLimit: a.atLimit });
    };
    active.current = a;
    try {
      // Slices of a second: the bytes so far are already in memory should anything stop the recorder.
      recorder.start(SLICE_MS);
    } catch (err) {
      active.current = null;
      mic.release('record');
      mic.fail(micErrorKind(err));
      return;
    }
    setElapsed(0);
    setRecordingNow(true);
  }

  useEffect(() => {
    if (!recordingNow) return;
    const timer = setInterval(() => {
      const a = active.current;
      if (!a) return;
      const ms = performance.now() - a.startedAt;
      setElapsed(ms);
      if (ms >= MAX_RECORDING_MS) stop(true);
    }, TICK_MS);
    return () => clearInterval(timer);
  }, [recordingNow]);

  // Leaving the screen mid-recording stops it; what was recorded is kept (onstop still runs).
  useEffect(() => () => stop(), []);

  const max = formatElapsed(MAX_RECORDING_MS);
  return (
    <div class={styles.recorder} data-testid="recorder" data-state={recordingNow ? 'recording' : 'idle'}>
      <div class={controls.row}>
        {recordingNow ? (
          <button type="button" class={controls.danger} onClick={() => stop()} data-testid="record-stop">
            {t('rec.stop')}
          </button>
        ) : (
          <button type="button" class={controls.primary} onClick={start} disabled={mic.opening} data-testid="record-start">
            {t('rec.start')}
          </button>
        )}
        <span class={styles.clock} aria-label={t('rec.elapsed')} data-testid="record-elapsed" data-ms={Math.round(elapsed)}>
          {recordingNow && <span class={styles.dot} aria-hidden="true" />}
          {recordingNow ? `${t('rec.recording')} ` : ''}
          {formatElapsed(elapsed)} / {max}
        </span>
      </div>
      <p class={controls.muted}>{tf('rec.limit', { max })}</p>
      {empty && (
        <p class={styles.warn} role="alert" data-testid="record-empty">
          {t('rec.empty')}
        </p>
      )}
    </div>
  );
}
