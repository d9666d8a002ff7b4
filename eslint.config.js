import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['.output', '.wxt', 'node_modules', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node, chrome: 'readonly' } },
    plugins: { react, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    settings: { react: { version: '19' } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      // Scraped text is data: never HTML.
      'react/no-danger': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression[left.property.name=/^(innerHTML|outerHTML)$/]", message: 'Set textContent or build nodes: scraped text must never become HTML.' },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'Build nodes instead: scraped text must never become HTML.' },
        { selector: "CallExpression[callee.object.name='document'][callee.property.name='write']", message: 'No document.write.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Node scripts (icon rendering, benchmarks' runners).
    files: ['scripts/**/*.mjs', 'tests/**/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Content scripts run in the web page's origin: the database is not theirs to open.
    files: ['entrypoints/*.content/**/*.ts', 'entrypoints/*.content.ts', 'utils/extract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/utils/db/**', '@/utils/db/*', 'dexie', 'dexie-react-hooks', 'react', 'react-dom'], message: 'Content scripts and extractors never load the database or React.' }] },
      ],
    },
  },
  {
    // The content script and the on-demand page reader carry no zod: the receiver validates
    // (protocol.ts), the sender only needs the types (wire.ts). Type imports stay allowed.
    files: ['entrypoints/*.content/**/*.ts', 'entrypoints/*.content.ts', 'entrypoints/read-page.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['zod', 'zod/*', '**/utils/zod', '@/utils/zod', '**/messaging/protocol', '@/utils/messaging/protocol'], allowTypeImports: true, message: 'No zod in page scripts: import types from protocol.ts, values from wire.ts.' },
          ],
        },
      ],
    },
  },
  {
    // Meeting adapters run in the meeting content scripts: no zod (the background validates),
    // no database, no React, nothing from the domain layer that pulls zod in.
    files: ['utils/meeting/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/utils/db/**', '@/utils/db/*', '../db/*', 'dexie', 'dexie-react-hooks', 'react', 'react-dom', 'zod', '../zod', '@/utils/zod', '../domain/*', '@/utils/domain/*', '../messaging/*'],
              message: 'Meeting adapters ship in content scripts: keep zod, the database, React and the domain out.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'location'],
    },
  },
  {
    // Extractors are pure: the Document and URL come in as arguments.
    files: ['utils/extract/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-globals': ['error', 'document', 'location', 'window'],
      // The content script bundles the extractors: no schema library on that path (issue #11).
      // Types from the schemas are fine; values come from utils/domain/limits.ts.
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '../domain/schemas', allowTypeImports: true, message: 'Import values from ../domain/limits (zod-free); only types from ../domain/schemas.' },
            { name: 'zod', message: 'The extraction path is zod-free (issue #11).' },
            { name: '../zod', message: 'The extraction path is zod-free (issue #11).' },
          ],
          patterns: [{ group: ['**/utils/db/**', '@/utils/db/*', 'dexie', 'dexie-react-hooks', 'react', 'react-dom'], message: 'Content scripts and extractors never load the database or React.' }],
        },
      ],
    },
  },
  {
    // Layers: utils/core is beneath extract, domain and db and imports none of them;
    // domain and db never reach into the extractors.
    files: ['utils/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../*', '@/*'], message: 'utils/core is the bottom layer: it imports nothing from the rest of Introbook.' }] },
      ],
    },
  },
  {
    files: ['utils/domain/**/*.ts', 'utils/db/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['../extract', '../extract/*', '@/utils/extract', '@/utils/extract/*'], message: 'Shared helpers live in utils/core; domain and db never import the extractors.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
