import { ruleTester } from '../testing/rule-tester.js';
import { composeCacheFromWithoutExport } from './compose-cache-from-without-export.js';

ruleTester(composeCacheFromWithoutExport, {
  valid: [
    'services:\n  app:\n    build: .\n',
    { name: 'inline cache build arg (map)', code: 'services:\n  app:\n    image: a:latest\n    build:\n      context: .\n      cache_from: [a:latest]\n      args:\n        BUILDKIT_INLINE_CACHE: 1\n' },
    { name: 'inline cache build arg (list)', code: 'services:\n  app:\n    image: a:latest\n    build:\n      context: .\n      cache_from: [a:latest]\n      args:\n        - BUILDKIT_INLINE_CACHE=1\n' },
    { name: 'another service exports', code: 'services:\n  base:\n    build:\n      context: .\n      cache_to: [type=inline]\n  app:\n    build:\n      context: .\n      cache_from: [base:latest]\n' },
    { name: 'ARG in the Dockerfile', code: 'services:\n  app:\n    build:\n      context: .\n      cache_from: [a:latest]\n', files: { dockerfile: 'ARG BUILDKIT_INLINE_CACHE=1\nFROM python:3.12-slim\n' } },
    { name: 'empty cache_from', code: 'services:\n  app:\n    build:\n      context: .\n      cache_from: []\n' },
  ],
  invalid: [
    {
      name: 'the seed',
      code: 'services:\n  builder:\n    build:\n      context: .\n      target: builder\n      cache_from:\n        - "myproject-builder:latest"\n  app:\n    build:\n      context: .\n      cache_from:\n        - "myproject-app:latest"\n',
      errors: [
        { messageId: 'noExport', line: 6, column: 7, endLine: 6, endColumn: 17 },
        { messageId: 'noExport', line: 11, column: 7, endLine: 11, endColumn: 17 },
      ],
    },
    { name: 'BUILDKIT_INLINE_CACHE=0', code: 'services:\n  app:\n    build:\n      context: .\n      cache_from: [a]\n      args: {BUILDKIT_INLINE_CACHE: "0"}\n', errors: [{ messageId: 'noExport', line: 5, column: 7, endLine: 5, endColumn: 17 }] },
  ],
});
