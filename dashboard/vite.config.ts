// Dashboard build. Served by the bantin server at `/` (SPA fallback to index.html).
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/',
  plugins: [preact()],
  resolve: {
    // npm hoisted a second preact (a peer of preact-iso/@preact/signals) to the root node_modules;
    // two copies break hooks and signals, so every import resolves to this workspace's copy.
    dedupe: ['preact'],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Strict CSP (font-src/img-src 'self'): never inline assets as data: URLs.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': process.env.BANTIN_API_URL ?? 'http://localhost:8080' },
  },
});
