// One microphone for the screen, shared by the test, the recorder and the live announcement: opened when the
// first of them asks, closed when the last lets go (or the screen closes), with its level read twenty times a
// second.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { FLOOR_DB, micErrorKind, openMic, type MicErrorKind, type MicInput } from '../../lib/mic';

export type MicUser = 'test' | 'record' | 'live';

export interface MicState {
  input: MicInput | null;
  users: ReadonlySet<MicUser>;
  opening: boolean;
  error: MicErrorKind | null;
  db: number;
  acquire(user: MicUser): Promise<MicInput | null>;
  release(user: MicUser): void;
  fail(kind: MicErrorKind): void;
}

const LEVEL_EVERY_MS = 50;

export function useMic(): MicState {
  const [input, setInput] = useState<MicInput | null>(null);
  const [users, setUsers] = useState<ReadonlySet<MicUser>>(new Set());
  const [opening, setOpening] = useState(false);
  const [error, setError] = useState<MicErrorKind | null>(null);
  const [db, setDb] = useState(FLOOR_DB);
  const current = useRef<MicInput | null>(null);
  const holders = useRef(new Set<MicUser>());

  const acquire = useCallback(async (user: MicUser) => {
    setError(null);
    if (!current.current) {
      setOpening(true);
      try {
        current.current = await openMic();
        setInput(current.current);
      } catch (err) {
        setError(micErrorKind(err));
        return null;
      } finally {
        setOpening(false);
      }
    }
    holders.current.add(user);
    setUsers(new Set(holders.current));
    return current.current;
  }, []);

  const release = useCallback((user: MicUser) => {
    holders.current.delete(user);
    setUsers(new Set(holders.current));
    if (holders.current.size === 0 && current.current) {
      current.current.close();
      current.current = null;
      setInput(null);
      setDb(FLOOR_DB);
    }
  }, []);

  useEffect(() => {
    if (!input) return;
    const timer = setInterval(() => setDb(input.readDb()), LEVEL_EVERY_MS);
    return () => clearInterval(timer);
  }, [input]);

  // The screen closing lets the microphone go (the browser's "in use" dot goes out).
  useEffect(
    () => () => {
      current.current?.close();
      current.current = null;
    },
    [],
  );

  return { input, users, opening, error, db, acquire, release, fail: setError };
}
