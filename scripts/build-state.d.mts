// Types of build-state.mjs for the TypeScript tests that import it.
export interface BuildTarget {
  name: string;
  /** The file a successful build writes last, relative to the repository root. */
  output: string;
  /** Files and folders the output is built from. */
  sources: string[];
  /** Command line, run in the repository root. */
  build: string[];
}
export const BUILD_TARGETS: BuildTarget[];
export function newestSource(root: string, paths: string[]): { path: string; mtimeMs: number } | null;
export function staleReason(root: string, target: BuildTarget): string | null;
export function staleTargets(root: string, targets?: BuildTarget[]): { target: BuildTarget; reason: string }[];
