import { ruleTester } from '../testing/rule-tester.js';
import { copyFromUnknownStage } from './copy-from-unknown-stage.js';

ruleTester(copyFromUnknownStage, {
  valid: [
    'FROM python:3.12 AS build\nFROM python:3.12\nCOPY --from=build /a /a\n',
    'FROM python:3.12 AS Build\nFROM python:3.12\nCOPY --from=build /a /a\n',
    'FROM python:3.12\nFROM python:3.12\nCOPY --from=0 /a /a\n',
    'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/\n',
    'FROM python:3.12\nCOPY --from=busybox /bin/busybox /bin/\n',
    'FROM python:3.12 AS b\nFROM python:3.12\nRUN --mount=from=b,source=/a,target=/a cp /a /x\n',
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS builder\nFROM python:3.12\nCOPY --from=buidler /a /a\n',
      errors: [{ messageId: 'unknown-name', line: 3, column: 6, endLine: 3, endColumn: 20 }],
    },
    {
      code: 'FROM python:3.12 AS a\nCOPY --from=b /x /x\nFROM python:3.12 AS b\n',
      errors: [{ messageId: 'later-stage', line: 2, column: 6, endLine: 2, endColumn: 14 }],
    },
    { code: 'FROM python:3.12\nCOPY --from=0 /a /a\n', errors: [{ messageId: 'self', line: 2, column: 6, endLine: 2, endColumn: 14 }] },
    { code: 'FROM python:3.12\nFROM python:3.12\nCOPY --from=5 /a /a\n', errors: [{ messageId: 'index', line: 3, column: 6, endLine: 3, endColumn: 14 }] },
    {
      code: 'FROM python:3.12\nRUN --mount=type=cache,from=deps,target=/x true\n',
      errors: [{ messageId: 'unknown-name', line: 2, column: 5, endLine: 2, endColumn: 43 }],
    },
  ],
});
