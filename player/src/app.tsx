// The player's root. Until pairing exists (a later issue) every player shows the unpaired screen.
import { UnpairedScreen } from './components/UnpairedScreen';

export function App() {
  return <UnpairedScreen />;
}
