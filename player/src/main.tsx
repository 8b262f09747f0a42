// Player entry: bundled font (LED controllers and kiosks may lack any Vietnamese-capable font), global
// styles, the service worker that serves verified media offline, and the root component.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/700.css';
import './global.css';
import { render } from 'preact';
import { App } from './app';
import { registerServiceWorker } from './lib/browser';

registerServiceWorker();
const root = document.getElementById('app');
if (root) render(<App />, root);
