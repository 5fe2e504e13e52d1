import { ruleTester } from '../testing/rule-tester.js';
import { dockerfileSyntax } from './dockerfile-syntax.js';

ruleTester(dockerfileSyntax, {
  valid: ['FROM python:3.12-slim\nRUN echo hi\n', 'ARG V=3.12\nFROM python:${V}-slim AS base\nFROM base AS app\n', '# only a comment\nFROM scratch\n'],
  invalid: [
    { code: 'FROM python:3.12-slim\nRUNN pip install x\n', errors: [{ messageId: 'syntax', line: 2, column: 1, endLine: 2, endColumn: 5 }] },
    { code: 'RUN echo hi\n', errors: [{ messageId: 'syntax', line: 1, column: 1, endLine: 1, endColumn: 4 }, { messageId: 'syntax', line: 1, column: 1, endLine: 1, endColumn: 4 }] },
    { code: 'ENV A=1\nFROM python:3.12-slim\n', errors: [{ messageId: 'syntax', line: 1, column: 1, endLine: 1, endColumn: 4 }] },
    { code: 'FROM python:3.12 AS a\nFROM python:3.12 AS A\n', errors: [{ messageId: 'syntax', line: 2, column: 21, endLine: 2, endColumn: 22 }] },
  ],
});
