// The player's root: finds the device token (localStorage, else IndexedDB); without one it runs pairing and
// shows the code; with one it starts the runtime and shows the player.
import { useEffect, useState } from 'preact/hooks';
import { Player } from './components/Player';
import { UnpairedScreen } from './components/UnpairedScreen';
import { kvDelete, kvGet, kvSet, openDb } from './lib/idb';
import { pairDevice, type PairingCode } from './lib/pairing';
import { KEYS, startRuntime, type Runtime } from './lib/runtime';
import { readItem, removeItem, writeItem } from '@bantin/protocol/core';

type Phase = { name: 'loading' } | { name: 'unpaired'; code: string | null } | { name: 'playing'; runtime: Runtime };

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function loadPairing(): PairingCode | null {
  try {
    const p = JSON.parse(readItem(KEYS.pairing) ?? 'null') as PairingCode | null;
    return p && typeof p.code === 'string' && typeof p.secret === 'string' && typeof p.expiresAt === 'number' ? p : null;
  } catch {
    return null;
  }
}

async function forgetToken(db: IDBDatabase | null) {
  removeItem(KEYS.token);
  removeItem(KEYS.deviceId);
  await kvDelete(db, 'token');
  await kvDelete(db, 'deviceId');
}

export function App() {
  const [phase, setPhase] = useState<Phase>({ name: 'loading' });
  useEffect(() => {
    let stopped = false;
    let runtime: Runtime | null = null;
    void (async () => {
      const db = await openDb();
      let token = readItem(KEYS.token) ?? (await kvGet<string>(db, 'token')) ?? null;
      let deviceId = readItem(KEYS.deviceId) ?? (await kvGet<string>(db, 'deviceId')) ?? '';
      if (!token) {
        const paired = await pairDevice({
          show: (code) => !stopped && setPhase({ name: 'unpaired', code }),
          stopped: () => stopped,
          load: loadPairing,
          save: (p) => void (p ? writeItem(KEYS.pairing, JSON.stringify(p)) : removeItem(KEYS.pairing)),
          now: Date.now,
          sleep,
        });
        if (!paired) return;
        ({ token, deviceId } = paired);
        writeItem(KEYS.token, token);
        writeItem(KEYS.deviceId, deviceId);
        await kvSet(db, 'token', token);
        await kvSet(db, 'deviceId', deviceId);
      }
      if (stopped) return;
      runtime = await startRuntime({
        db,
        token,
        deviceId,
        onRevoked: () => void forgetToken(db).then(() => location.reload()),
      });
      if (stopped) runtime.stop();
      else setPhase({ name: 'playing', runtime });
    })();
    return () => {
      stopped = true;
      runtime?.stop();
    };
  }, []);

  if (phase.name === 'playing') return <Player runtime={phase.runtime} />;
  if (phase.name === 'unpaired') return <UnpairedScreen code={phase.code} />;
  return null;
}
