// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'sample-logs/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Readers and pure stages never touch the database; only src/store imports better-sqlite3.
    files: ['src/**/*.ts'],
    ignores: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Only src/store may import better-sqlite3.' }],
        },
      ],
    },
  },
  {
    files: ['src/model/**/*.ts', 'src/readers/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'better-sqlite3', message: 'Only src/store may import better-sqlite3.' }],
          patterns: [
            {
              group: ['**/store/**', '**/cli/**'],
              message: 'Readers and model do not depend on store or cli.',
            },
          ],
        },
      ],
    },
  },
);
