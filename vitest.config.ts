// Three test tiers (STYLE.md): unit (pure), integration (real SQLite, real sockets), e2e (real Chromium).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['{protocol,server,player,dashboard}/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/*.int.test.ts', '**/*.e2e.test.ts'],
          // A few unit tests run ESLint or fast-check over hundreds of cases in-process: seconds on an idle
          // machine, more beside the integration tier on two cores. The default 5 s cut them off there.
          testTimeout: 30_000,
        },
        oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
      },
      {
        test: {
          name: 'integration',
          include: ['{protocol,server,player,dashboard}/**/*.int.test.ts', '{scripts,deploy}/**/*.int.test.ts'],
          exclude: ['**/node_modules/**'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
