// @ts-check
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Each third-party SDK is imported in exactly one folder (STYLE.md "Layout").
 * The funnel table below is the single source of truth: a package may only be
 * imported from files under its folder(s); everywhere else it is a lint error.
 */
const funnels = [
  { pkg: 'discord.js', folders: ['src/bot/discord'] },
  { pkg: '@slack/bolt', folders: ['src/bot/slack'] },
  { pkg: '@slack/web-api', folders: ['src/bot/slack'] },
  { pkg: '@octokit/rest', folders: ['src/forge'] },
  { pkg: 'ssh2', folders: ['src/infra'] },
  { pkg: 'dockerode', folders: ['src/infra'] },
  { pkg: 'bullmq', folders: ['src/jobs'] },
  { pkg: 'ioredis', folders: ['src/jobs', 'src/store'] },
  { pkg: 'yaml', folders: ['src/config', 'src/drift'] },
  { pkg: 'pino', folders: ['src/log.ts'] },
  { pkg: 'prom-client', folders: ['src/metrics'] },
  { pkg: '@kubernetes/client-node', folders: ['src/k8s'] },
];

const restrict = (except) =>
  funnels
    .filter((f) => !f.folders.some((d) => except.startsWith(d)))
    .map((f) => ({
      name: f.pkg,
      message: `${f.pkg} may only be imported in ${f.folders.join(', ')} (STYLE.md SDK funnels).`,
    }));

const srcFolders = [
  'src/bot/discord',
  'src/bot/slack',
  'src/forge',
  'src/infra',
  'src/jobs',
  'src/store',
  'src/config',
  'src/drift',
  'src/log.ts',
  'src/metrics',
  'src/k8s',
];

/**
 * Internal boundaries (STYLE.md "Layout"): a feature folder under src/commands may reach another
 * feature only through its index.ts, and the ground floor (src/chat, src/errors.ts) imports nothing
 * above it. src/architecture.test.ts checks the same plus import cycles over the whole graph.
 */
const featureFolders = readdirSync(join(import.meta.dirname, 'src/commands'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

const boundaries = [
  ...featureFolders.map((feature) => ({
    files: [`src/commands/${feature}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(''),
          patterns: [
            {
              regex: `^\\.\\./(?!${feature}/)[\\w-]+/(?!index\\.js$)`,
              message:
                "Reach another feature only through its index.ts (features may not import each other's internals).",
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/chat/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(''),
          patterns: [{ regex: '^\\.\\./', message: 'src/chat is the ground floor: it imports nothing above it.' }],
        },
      ],
    },
  },
  {
    files: ['src/errors.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: restrict(''),
          patterns: [{ regex: '^\\.', message: 'src/errors.ts is the ground floor: it imports nothing above it.' }],
        },
      ],
    },
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.lab/**', 'bin/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  // Default for all of src/: no SDK outside its funnel.
  {
    files: ['src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: restrict('') }] },
  },
  // Per-funnel overrides: the owning folder may import its SDK.
  ...srcFolders.map((folder) => ({
    files: [folder.endsWith('.ts') ? folder : `${folder}/**/*.ts`],
    rules: { 'no-restricted-imports': ['error', { paths: restrict(folder) }] },
  })),
  ...boundaries,
  // CLIs and tests may print; tests and the lab drive real SDKs directly.
  {
    files: ['src/cli/**/*.ts', 'src/main.ts', 'lab/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'lab/**/*.ts', 'test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    files: ['eslint.config.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
