// Player build. Served by the bantin server at `/player/`. Its whole JS must stay under 40 KB gzip
// (scripts/check-budgets.mjs), so keep dependencies to preact and our own code.
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/player/',
  plugins: [preact()],
  resolve: {
    // A second preact is hoisted to the root node_modules as a peer of other packages; use ours only.
    dedupe: ['preact'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // LED controller boxes run Android System WebViews from Chromium 69 on (player/.browserslistrc): syntax is
    // lowered to what Chromium 69 parses (ES2018); CI checks the bundle with es-check and web APIs with
    // eslint-plugin-compat.
    target: ['es2018', 'chrome69'],
    cssTarget: 'chrome69',
    // Strict CSP (font-src 'self'): never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
});
