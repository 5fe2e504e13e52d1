import { ruleTester } from '../testing/rule-tester.js';
import { noDevTarget } from './no-dev-target.js';

ruleTester(noDevTarget, {
  valid: ['FROM python:3.12 AS app\nFROM app AS dev\n', 'FROM python:3.12 AS base\nFROM base AS test\n', 'FROM python:3.12 AS development\n'],
  invalid: [
    { code: 'FROM python:3.12\n', errors: [{ messageId: 'noDev', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
    { code: 'FROM python:3.12 AS build\nFROM python:3.12 AS app\nCOPY --from=build /a /a\n', errors: [{ messageId: 'noDev', line: 2, column: 1, endLine: 2, endColumn: 5 }] },
  ],
});
