import { ruleTester } from '../testing/rule-tester.js';
import { composeUnknownBuildTarget } from './compose-unknown-build-target.js';

const df = 'FROM python:3.12-slim AS base\nFROM base AS App\nFROM base AS dev\n';

ruleTester(composeUnknownBuildTarget, {
  valid: [
    { code: 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n', files: { dockerfile: df } },
    { name: 'stage names are case-insensitive', code: 'services:\n  app:\n    build:\n      context: .\n      target: app\n', files: { dockerfile: df } },
    { name: 'another Dockerfile', code: 'services:\n  x:\n    build:\n      context: .\n      dockerfile: Dockerfile.ci\n      target: ci\n', files: { dockerfile: df } },
    { name: 'no Dockerfile checked', code: 'services:\n  x:\n    build:\n      context: .\n      target: nope\n' },
    { name: 'variable', code: 'services:\n  x:\n    build:\n      context: .\n      target: ${TARGET:-dev}\n', files: { dockerfile: df } },
  ],
  invalid: [
    { code: 'services:\n  dev:\n    build:\n      context: .\n      target: develop\n', files: { dockerfile: df }, errors: [{ messageId: 'unknown', line: 5, column: 15, endLine: 5, endColumn: 22 }] },
    {
      name: 'explicit dockerfile path that is the checked one',
      code: 'services:\n  dev:\n    build:\n      context: ./\n      dockerfile: ./Dockerfile\n      target: test\n',
      files: { dockerfile: df },
      errors: [{ messageId: 'unknown', line: 6, column: 15, endLine: 6, endColumn: 19 }],
    },
  ],
});
