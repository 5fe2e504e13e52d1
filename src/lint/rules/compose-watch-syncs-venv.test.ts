import { ruleTester } from '../testing/rule-tester.js';
import { composeWatchSyncsVenv } from './compose-watch-syncs-venv.js';

const watch = (extra: string, path = '.') => `services:\n  web:\n    build: .\n    develop:\n      watch:\n        - action: sync\n          path: ${path}\n          target: /app\n${extra}`;

ruleTester(composeWatchSyncsVenv, {
  valid: [
    { name: 'ignored', code: watch('          ignore:\n            - .venv/\n') },
    { name: 'ignored with **', code: watch('          ignore:\n            - "**/.venv"\n') },
    { name: 'a sub-folder has no .venv', code: watch('', './src') },
    { name: 'rebuild, not sync', code: 'services:\n  web:\n    build: .\n    develop:\n      watch:\n        - action: rebuild\n          path: .\n' },
    { name: '.dockerignore excludes it', code: watch(''), files: { dockerignore: '.venv\n.git\n' } },
  ],
  invalid: [
    { code: watch(''), errors: [{ messageId: 'syncsVenv', line: 7, column: 17, endLine: 7, endColumn: 18 }] },
    {
      name: 'sync+restart of ./ with unrelated ignores',
      code: 'services:\n  web:\n    build: .\n    develop:\n      watch:\n        - action: sync+restart\n          path: ./\n          target: /app\n          ignore: [node_modules/]\n',
      errors: [{ messageId: 'syncsVenv', line: 7, column: 17, endLine: 7, endColumn: 19 }],
    },
  ],
});
