// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettierConfig from 'eslint-config-prettier';

/** The layer rule: cli → {core, reporters, github}; reporters → core types; core → nothing of ours outside itself. */
const coreRestrictions = {
  patterns: [
    {
      group: ['**/cli/**', '**/reporters/**', '**/github/**', '**/bench/**', '**/dev/**'],
      message: 'core must not import from outer layers.',
    },
    {
      group: ['node:*', 'fs', 'fs/*', 'path', 'child_process', 'http', 'https', 'net', 'os', 'process'],
      message: 'core does no IO: pass an Io in.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'dist-action/**', 'node_modules/**', 'coverage/**', 'schemas/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', coreRestrictions],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'core does no IO: pass an Io in.' },
        { name: 'console', message: 'core does not print: return data.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'core never reads the clock: pass `now` in.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'core never reads the clock: pass `now` in.',
        },
      ],
    },
  },
  {
    files: ['src/reporters/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/cli/**', '**/github/**'], message: 'reporters depend on core types only.' }] },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'reporters return strings; the CLI writes them.' },
      ],
    },
  },
  {
    // The library returns data and throws; the caller decides what to print and when to exit.
    files: ['src/index.ts', 'src/library/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/github/**', '**/bench/**', '**/dev/**', '**/commands/**'],
              message: 'the library wires core, reporters and file IO only.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'the library takes what it needs as arguments.' }],
    },
  },
  {
    // GitHub's API at the edge: it may use core (types, errors, pure functions), the
    // reporters' escaping and the guardrail phrasing (a commit status must say a crossing in the
    // same words as the comment: one phrasing, no second copy here), never the CLI; it returns
    // and throws, the CLI exits.
    files: ['src/github/**/*.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/cli/**', '**/library/**', '**/bench/**', '**/dev/**', '**/index.js'],
              message: 'github is called by the CLI; it must not import it or the outer entry points.',
            },
            {
              group: [
                '**/reporters/**',
                '!**/reporters/sanitize.js',
                '!**/reporters/markdown-escape.js',
                '!**/reporters/phrase-guardrail.js',
              ],
              message:
                'github renders nothing: of the reporters it may use only the escaping (sanitize.ts) and the guardrail phrasing (phrase-guardrail.ts).',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'github takes env, token and clock as arguments; only bin.ts ends the process.' },
        { name: 'console', message: 'github returns results; the CLI prints them.' },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/bin.ts', 'src/cli/node-io.ts'],
    rules: {
      'no-console': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='process'][callee.property.name='exit']",
          message: 'only bin.ts ends the process.',
        },
      ],
    },
  },
  // Last: layout is Prettier's (`npm run format`); turn off the lint rules it owns.
  prettierConfig,
);
