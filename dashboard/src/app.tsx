// The dashboard's root: composes the providers around the session gate, nothing else.
import { LocationProvider } from 'preact-iso';
import { SessionGate } from './components/SessionGate';

export function App() {
  return (
    <LocationProvider>
      <SessionGate />
    </LocationProvider>
  );
}
