import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'demo-output/', 'bench-output/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Start-up: the largest libraries are loaded by the first call that needs them,
    // with import() (io/openpgp/library.ts, io/prompts.ts); elsewhere only their types are imported.
    files: ['src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['openpgp', '@inquirer/prompts'].map((name) => ({
            name,
            allowTypeImports: true,
            message: 'loaded on demand: import its types only, its functions through import() (start-up).',
          })),
        },
      ],
    },
  },
  {
    // The core is pure: it never reaches for files, streams, OpenPGP or oclif.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../io/*', '../commands/*', '../lib/*'],
              message: 'src/core is pure: depend inward only.',
            },
            {
              group: ['@oclif/*', 'openpgp', 'archiver', 'tar-stream', 'node:fs*'],
              message: 'src/core is pure.',
            },
          ],
        },
      ],
    },
  },
);
