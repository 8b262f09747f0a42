#!/usr/bin/env node
// Builds the server to plain JavaScript once: server/src/main.ts and the workspace code it imports
// (@bantin/protocol) become one ES module, server/dist/main.js, that Node runs without a TypeScript loader.
// Packages from node_modules stay imports (native sqlite3 and sharp, espeak-ng's WASM, the ffmpeg binaries
// find their files next to themselves). Migrations, starter media and the front ends are read from the
// repository at run time (src/paths.ts), so nothing is copied.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, 'dist');

/** Every bare import except our own workspaces is left to Node's resolution at run time. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@bantin/') ? undefined : { path: args.path, external: true }));
  },
};

rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: [join(here, 'src', 'main.ts')],
  outfile: join(outdir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  plugins: [externalPackages],
  logLevel: 'warning',
  metafile: true,
});
const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
process.stdout.write(`server/dist/main.js  ${(bytes / 1024).toFixed(0)} KB\n`);
