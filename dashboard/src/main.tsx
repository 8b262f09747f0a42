// Dashboard entry: bundled font (never a system font: Vietnamese diacritics must look right on every
// office PC), global styles, and the root component.
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/600.css';
import '@fontsource/be-vietnam-pro/700.css';
import './global.css';
import { render } from 'preact';
import { App } from './app';
import { lang } from './lib/i18n';

document.documentElement.lang = lang.value;
const root = document.getElementById('app');
if (root) render(<App />, root);
