import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'http', 'net', 'url'];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'dist', 'release', 'native', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  {
    // shared/ is the contract: pure TypeScript, loadable by every runtime.
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'electron', 'better-sqlite3', 'react', 'react-dom', '../electron/*', '../renderer/*'], message: 'shared/ must stay free of Node, Electron and UI code' }] },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...nodeBuiltins, 'electron', 'better-sqlite3', '../../electron/*', '../../../electron/*'], message: 'the renderer talks to the Node side only through the API client' }] },
      ],
    },
  },
  {
    // Only the two Electron entry points may import electron; everything else must run under plain Node.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'only electron/main.ts and electron/preload.ts import electron' }] }] },
  },
);
