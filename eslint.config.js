// @ts-check
import js from '@eslint/js';
import regexp from 'eslint-plugin-regexp';
import tseslint from 'typescript-eslint';

// Layering (DESIGN.md section 3): the pure layers never touch the file system,
// processes or the CLI; only the edges (io, engine, cli) do.
const impure = ['node:fs', 'node:fs/promises', 'fs', 'fs/promises', 'node:child_process', 'child_process'];
const pureLayer = (layer) => ({
  files: [`src/${layer}/**/*.ts`],
  ignores: ['src/**/*.test.ts', 'src/**/testing/**'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: impure.map((name) => ({ name, message: `${layer}/ is pure: read files through io/, run processes through engine/.` })),
        patterns: [
          { group: ['**/cli/**', '../cli', '../../cli'], message: `${layer}/ must not import the CLI.` },
          { group: ['**/engine/**'], message: `${layer}/ must not import engine/.` },
          { group: ['**/io/**'], message: `${layer}/ must not import io/ (take a reader or text instead).` },
        ],
      },
    ],
    'no-restricted-globals': ['error', { name: 'process', message: `${layer}/ must not read process state; take options.` }],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'examples/**', 'test/**/fixtures/**', '**/__fixtures__/**', 'schemas/validators.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  // User files can be megabytes of anything (docs/fuzzing.md): a regular expression that backtracks
  // super-linearly, or is quadratic when it fails at every position, is a hang on some input.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/**/*.test.ts'],
    plugins: { regexp },
    rules: { 'regexp/no-super-linear-backtracking': 'error', 'regexp/no-super-linear-move': 'error' },
  },
  ...['core', 'inspect', 'dockerfile', 'lint', 'generate', 'engine/pure'].map(pureLayer),
  { files: ['src/cli/**/*.ts', 'src/cli.ts', 'scripts/**', 'test/**', 'src/**/*.test.ts'], rules: { 'no-console': 'off' } },
);
