// Player entry: bundled font (LED controllers and kiosks may lack any Vietnamese-capable font),
// global styles, and the root component.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/700.css';
import './global.css';
import { render } from 'preact';
import { App } from './app';

const root = document.getElementById('app');
if (root) render(<App />, root);
