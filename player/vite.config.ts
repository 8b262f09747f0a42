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
    // Strict CSP (font-src 'self'): never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
});
