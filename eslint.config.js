// Type-checked lint: in a poller a forgotten promise is the likeliest bug.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'coverage/**', 'data/**', 'test-output/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'net-snmp',
              message: 'Only agent/src/snmp/net-snmp-client.ts may import net-snmp.',
            },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read the environment only in config.ts.' },
      ],
    },
  },
  {
    // Routes validate, call one verb and answer; SQL lives in the verbs' queries.
    files: ['collector/src/features/**/routes.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/db/*',
                'kysely',
                'better-sqlite3',
                '**/queries',
                '**/queries.ts',
                '**/queries-*',
              ],
              message: 'routes.ts must not touch the database: call a verb instead.',
            },
          ],
        },
      ],
    },
  },
  {
    // The agent is bundled: `import { z }` materialises zod's whole namespace, every locale
    // and JSON Schema tool with it (1.56 MB bundle, 5 MB more RSS at start-up than
    // `import * as z`, whose unused parts esbuild drops).
    files: ['agent/src/**/*.ts', 'shared/src/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportDeclaration[source.value='zod'][importKind!='type'] > :matches(ImportSpecifier[imported.name='z'], ImportDefaultSpecifier)",
          message:
            "The agent is bundled: write `import * as z from 'zod'` so unused parts of zod are left out.",
        },
      ],
    },
  },
  {
    files: ['agent/src/snmp/net-snmp-client.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['**/config.ts', '**/*.test.ts', 'test/**', 'bench/**', 'seeds/bin/**', '**/*.mjs'],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: globals.node, parserOptions: { projectService: false } },
  },
  {
    // The dashboard's own script runs in the browser, not in Node.
    files: ['collector/src/web/assets/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'script' },
  },
);
