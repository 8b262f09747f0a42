#!/usr/bin/env node
// Size budgets for the two front ends, checked after `vite build` of both (root `npm run build`).
// - dashboard: the initial JavaScript only, i.e. the entry chunk(s) that dist/index.html loads through
//   <script type="module" src> plus everything it modulepreloads; lazy route chunks load later and
//   do not count.
// - player: all of its JavaScript, because a screen has to hold the whole player.
// Sizes are gzip (level 9) of the files as served. Exit 1 when a budget is exceeded or a build is missing,
// or when zod ended up in the player: it must import only the zod-free @bantin/protocol/core.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1024;

const budgets = [
  { app: 'dashboard', what: 'initial-js', limitKb: 150, files: dashboardInitialJs },
  { app: 'player', what: 'js', limitKb: 40, files: playerJs },
];

/** Local script/modulepreload URLs referenced by an index.html, as paths inside dist. */
function initialScriptPaths(html, base) {
  const urls = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModuleScript = /^<script/i.test(tag) && /\btype\s*=\s*["']?module\b/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel\s*=\s*["']?modulepreload\b/i.test(tag);
    if (!isModuleScript && !isPreload) continue;
    const url = /\b(?:src|href)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (!url || /^(?:[a-z]+:)?\/\//i.test(url)) continue;
    urls.add(url.startsWith(base) ? url.slice(base.length) : url.replace(/^\.?\//, ''));
  }
  return [...urls];
}

function dashboardInitialJs() {
  const dist = join(root, 'dashboard', 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = initialScriptPaths(html, '/').map((p) => join(dist, p));
  if (files.length === 0) throw new Error('dashboard/dist/index.html references no module script');
  return files;
}

function listFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function playerJs() {
  const dist = join(root, 'player', 'dist');
  const files = listFiles(dist).filter((f) => /\.m?js$/.test(f));
  if (files.length === 0) throw new Error('player/dist holds no JavaScript');
  return files;
}

/**
 * Traces zod leaves in a minified bundle: its `$constructor` names ("$ZodType", …) are string literals and
 * its internals hang off a `_zod` property, and minifiers rename neither.
 */
const ZOD_TRACE = /\$ZodType\b|\._zod\b/;

/** Player JavaScript files that contain zod (relative paths). */
function filesWithZod(files) {
  return files.filter((f) => ZOD_TRACE.test(readFileSync(f, 'utf8'))).map((f) => relative(root, f));
}

function gzipSize(file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

let failed = false;
for (const budget of budgets) {
  let line;
  try {
    const files = budget.files();
    for (const f of files) if (!existsSync(f)) throw new Error(`missing ${relative(root, f)}`);
    const bytes = files.reduce((sum, f) => sum + gzipSize(f), 0);
    const ok = bytes <= budget.limitKb * KB;
    failed ||= !ok;
    line = `budget ${budget.app} ${budget.what} ${(bytes / KB).toFixed(1)} KB gzip (limit ${budget.limitKb} KB) ${ok ? 'ok' : 'OVER BUDGET'}`;
  } catch (err) {
    failed = true;
    line = `budget ${budget.app} ${budget.what} cannot be measured: ${err.message} (run the build first)`;
  }
  console.log(line);
}

try {
  const withZod = filesWithZod(playerJs());
  failed ||= withZod.length > 0;
  console.log(withZod.length > 0 ? `player bundles zod: ${withZod.join(', ')} (import @bantin/protocol/core, not @bantin/protocol)` : 'player zod-free ok');
} catch (err) {
  failed = true;
  console.log(`player zod check cannot run: ${err.message} (run the build first)`);
}
process.exit(failed ? 1 : 0);
