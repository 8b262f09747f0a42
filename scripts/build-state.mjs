// Which build outputs are missing or older than their sources, for `npm start` (scripts/start.mjs). Each
// part of the product has one output file, written at the end of its build, and the sources it is built
// from; a part is stale when the output is missing or any source file is newer. Test files never end up
// in a build, so changing one rebuilds nothing.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const PROTOCOL = ['protocol/src', 'protocol/package.json'];
const frontEnd = (dir) => [`${dir}/src`, `${dir}/index.html`, `${dir}/public`, `${dir}/vite.config.ts`, `${dir}/package.json`, ...PROTOCOL, 'package-lock.json'];

/** The parts `npm start` builds, in build order; `build` is the command line, run in the repository root. */
export const BUILD_TARGETS = [
  {
    name: 'server',
    output: 'server/dist/main.js',
    sources: ['server/src', 'server/build.mjs', 'server/package.json', ...PROTOCOL],
    build: ['node', 'server/build.mjs'],
  },
  { name: 'player', output: 'player/dist/index.html', sources: frontEnd('player'), build: ['npm', 'run', 'build', '-w', 'player'] },
  { name: 'dashboard', output: 'dashboard/dist/index.html', sources: frontEnd('dashboard'), build: ['npm', 'run', 'build', '-w', 'dashboard'] },
];

const isTestFile = (name) => /\.test\.[cm]?[jt]sx?$/.test(name);

/** The newest file under `paths` (files or folders, relative to `root`): { path, mtimeMs }, or null when there is none. */
export function newestSource(root, paths) {
  let newest = null;
  const visit = (rel) => {
    let st;
    try {
      st = statSync(join(root, rel));
    } catch {
      return; // an optional source (public/, a config) that this part does not have
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(join(root, rel))) if (name !== 'node_modules' && name !== 'dist') visit(`${rel}/${name}`);
    } else if (!isTestFile(rel) && (newest === null || st.mtimeMs > newest.mtimeMs)) {
      newest = { path: rel, mtimeMs: st.mtimeMs };
    }
  };
  for (const p of paths) visit(p);
  return newest;
}

/** Why `target` needs a build in `root` ('missing' or the newer source), or null when its output is up to date. */
export function staleReason(root, target) {
  let outputMs;
  try {
    outputMs = statSync(join(root, target.output)).mtimeMs;
  } catch {
    return 'missing';
  }
  const newest = newestSource(root, target.sources);
  return newest !== null && newest.mtimeMs > outputMs ? `${newest.path} is newer` : null;
}

/** The targets that need a build, each with its reason. */
export function staleTargets(root, targets = BUILD_TARGETS) {
  return targets.flatMap((target) => {
    const reason = staleReason(root, target);
    return reason === null ? [] : [{ target, reason }];
  });
}
