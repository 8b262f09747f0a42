// Preact hook: the core's state, re-rendered on change, with the subscription dropped on unmount.
import { useEffect, useState } from 'preact/hooks';
import type { CoreState, PlayerCore } from '../core/player-core';

export function useCoreState(core: PlayerCore): CoreState {
  const [state, setState] = useState(core.state());
  useEffect(() => {
    setState(core.state());
    return core.subscribe(() => setState(core.state()));
  }, [core]);
  return state;
}
