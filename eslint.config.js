// ESLint flat config: typescript-eslint's recommended rules over the whole workspace, and the boundaries of
// ARCHITECTURE.md ("Parts", "Never") as import rules, so that crossing one fails `npm run lint`:
// - protocol/ and server/src/domain/ import no I/O (files, sockets, the database, HTTP, jobs);
// - protocol/src/core/ imports no zod and nothing outside itself (the player bundles it);
// - server/src/routes/ import no repository and no database: a route calls a service;
// - player/ and dashboard/ import nothing by a relative path out of their folder; the player imports only
//   `@bantin/protocol/core` of ours, the dashboard also `@bantin/protocol` and the server's API types
//   (type-only).
// scripts/lint-boundaries.test.ts proves that each rule catches a violation.
// The player and the protocol core it bundles use no web or ES API newer than the player's browser target
// (player/.browserslistrc, Chromium 69) unless behind a guard (eslint-plugin-compat).
import { dirname, relative, resolve, sep } from 'node:path';
import js from '@eslint/js';
import compat from 'eslint-plugin-compat';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;

/** Relative imports (static, re-exports and dynamic) must resolve inside `options.root` (relative to this file). */
const stayInside = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports stay inside one folder of the repository' },
    schema: [{ type: 'object', properties: { root: { type: 'string' }, why: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: { outside: '{{source}} leaves {{root}}/ ({{why}}).' },
  },
  create(context) {
    const { root: folder, why = 'import it by package name' } = context.options[0];
    const base = resolve(root, folder);
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const target = resolve(dirname(context.filename), source.value);
      if (target !== base && !target.startsWith(base + sep)) {
        context.report({ node: source, messageId: 'outside', data: { source: source.value, root: relative(root, base), why } });
      }
    };
    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};
const bantin = { rules: { 'stay-inside': stayInside } };

const TESTS = ['**/*.test.ts', '**/*.test.tsx'];

// Node built-ins that do I/O, in both spellings.
const NODE_IO = ['fs', 'fs/promises', 'net', 'http', 'https', 'http2', 'dgram', 'child_process', 'worker_threads', 'cluster', 'dns', 'tls', 'readline'];
const nodeIo = (message) => NODE_IO.flatMap((m) => [`node:${m}`, m]).map((name) => ({ name, message }));
const ioPackages = (message) =>
  ['sqlite3', 'ws', 'hono', '@hono/node-server', '@hono/zod-openapi', 'node-schedule', 'sharp', 'exceljs', 'espeak-ng', 'prom-client'].map(
    (name) => ({ name, message }),
  );
const ioPatterns = (message) => [
  { group: ['hono/*', '@hono/*', '@ffmpeg-installer/*', '@ffprobe-installer/*'], message },
  { group: ['**/repos', '**/repos/**', '**/db', '**/db/**'], message },
];

const PURE = 'pure code: no I/O, no database (ARCHITECTURE.md "Never")';
const DOMAIN = 'server/src/domain is pure: no I/O, no database, no services (ARCHITECTURE.md "Never")';
const CORE = 'protocol/src/core is zod-free: the player bundles it';
const ROUTES = 'a route never runs SQL: call a service (ARCHITECTURE.md "Never")';
const PLAYER = 'the player imports @bantin/protocol/core only: the package index bundles zod';
const SERVER_TYPES = 'the dashboard may import the server\'s API types only (import type)';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { bantin },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-empty': ['error', { allowEmptyCatch: true }],
      // TypeScript checks names; no-undef only misfires on DOM and service-worker globals.
      'no-undef': 'off',
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },

  // ---------------------------------------------------------------- protocol
  {
    files: ['protocol/**/*.ts'],
    rules: { 'bantin/stay-inside': ['error', { root: 'protocol', why: 'protocol imports nothing of ours' }] },
  },
  {
    files: ['protocol/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...nodeIo(PURE), ...ioPackages(PURE)],
          patterns: [{ group: ['node:*'], message: 'protocol runs in the browser too: no Node built-ins' }, ...ioPatterns(PURE)],
        },
      ],
    },
  },
  {
    // Tests of the core may check it against the schemas; only the code the player bundles must stay zod-free.
    files: ['protocol/src/core/**/*.ts'],
    ignores: TESTS,
    rules: {
      'bantin/stay-inside': ['error', { root: 'protocol/src/core', why: CORE }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: CORE }, { name: '@bantin/protocol', message: CORE }, ...nodeIo(PURE), ...ioPackages(PURE)],
          patterns: [{ group: ['zod/*'], message: CORE }, { group: ['node:*'], message: 'protocol runs in the browser too: no Node built-ins' }, ...ioPatterns(PURE)],
        },
      ],
    },
  },

  // ---------------------------------------------------------------- server
  {
    // Tests of the domain may use fixtures, libraries and services to compare against.
    files: ['server/src/domain/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [...nodeIo(DOMAIN), ...ioPackages(DOMAIN)],
          patterns: [
            ...ioPatterns(DOMAIN),
            { group: ['**/services', '**/services/**', '**/routes', '**/routes/**', '**/realtime', '**/realtime/**'], message: DOMAIN },
            { group: ['**/jobs', '**/jobs/**', '**/http', '**/http/**', '../media', '../media/**', '../../media', '../../media/**'], message: DOMAIN },
          ],
        },
      ],
    },
  },
  {
    // Route tests set up the database they call the routes against.
    files: ['server/src/routes/**/*.ts'],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'sqlite3', message: ROUTES }], patterns: [{ group: ['**/repos', '**/repos/**', '**/db', '**/db/**'], message: ROUTES }] },
      ],
    },
  },

  // ---------------------------------------------------------------- front ends
  {
    files: ['player/**/*.ts', 'player/**/*.tsx'],
    rules: {
      'bantin/stay-inside': ['error', { root: 'player', why: 'import @bantin/protocol/core by package name' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@bantin/protocol', message: PLAYER },
            { name: 'zod', message: PLAYER },
            { name: '@bantin/server', message: PLAYER },
            { name: '@bantin/dashboard', message: PLAYER },
          ],
          patterns: [{ group: ['zod/*', '@bantin/server/*', '@bantin/dashboard/*'], message: PLAYER }],
        },
      ],
    },
  },
  {
    // What runs on LED controller boxes: an API the target lacks must be guarded (`if ('x' in window)`, typeof).
    files: ['player/src/**/*.ts', 'player/src/**/*.tsx', 'player/public/**/*.js', 'protocol/src/core/**/*.ts'],
    ignores: [...TESTS, 'player/src/test-support/**'],
    plugins: { compat },
    settings: { browserslistOpts: { config: resolve(root, 'player/.browserslistrc') }, lintAllEsApis: true },
    rules: { 'compat/compat': 'error' },
  },
  {
    files: ['dashboard/**/*.ts', 'dashboard/**/*.tsx'],
    rules: {
      'bantin/stay-inside': ['error', { root: 'dashboard', why: 'import @bantin/protocol or the server\'s API types by package name' }],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@bantin/server', message: SERVER_TYPES, allowTypeImports: true },
            { name: '@bantin/player', message: 'the dashboard does not import the player' },
          ],
          patterns: [
            { group: ['@bantin/server/*'], message: SERVER_TYPES, allowTypeImports: true },
            { group: ['@bantin/player/*'], message: 'the dashboard does not import the player' },
          ],
        },
      ],
    },
  },
);
