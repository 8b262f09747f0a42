// Where the server finds what it reads at run time from the repository: SQL migrations, the starter media,
// the built front ends. This file sits two folders below the repository root (server/src/paths.ts), as does
// the built bundle (server/dist/main.js) that inlines it, so the same import.meta.url answers for both.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Numbered SQL migrations, read from the source tree by the source and the built server alike. */
export const MIGRATIONS_DIR = path.join(REPO_ROOT, 'server', 'src', 'db', 'migrations');

/** The repository's media/ folder: the built-in assets a fresh install is seeded from. */
export const MEDIA_DIR = path.join(REPO_ROOT, 'media');

/** The built front ends (`npm run build`). */
export const STATIC_ROOTS = {
  dashboard: path.join(REPO_ROOT, 'dashboard', 'dist'),
  player: path.join(REPO_ROOT, 'player', 'dist'),
};
