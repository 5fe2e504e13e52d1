import { ruleTester } from '../testing/rule-tester.js';
import { runtimeRunsAsRoot } from './runtime-runs-as-root.js';

ruleTester(runtimeRunsAsRoot, {
  valid: [
    'FROM python:3.12\nUSER 10001\n',
    'FROM dhi.io/python:3.13\nCOPY . /app\nCMD ["python", "-m", "app"]\n',
    'FROM cgr.dev/chainguard/python:latest\nCMD ["python"]\n',
    'FROM python:3.12 AS base\nUSER app\nFROM base AS app\nCMD ["app"]\n',
    'FROM python:3.12 AS app\nUSER 1000\nFROM python:3.12 AS dev\nUSER root\n',
    'FROM gcr.io/distroless/python3-debian12:nonroot\nCMD ["app.py"]\n',
    'FROM python:3.12\nENTRYPOINT ["gosu", "app", "python"]\n',
    'FROM myorg/base:1.0\nCMD ["app"]\n',
    'ARG UID\nFROM python:3.12\nARG UID\nUSER $UID\n',
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCMD ["python"]\n', errors: [{ messageId: 'noUser', line: 1, column: 1, endLine: 1, endColumn: 5 }] },
    { code: 'FROM python:3.12-slim\nUSER app\nRUN x\nUSER root\n', errors: [{ messageId: 'root', line: 4, column: 6, endLine: 4, endColumn: 10 }] },
    { code: 'FROM python:3.12-slim AS base\nUSER 0:0\nFROM base\n', errors: [{ messageId: 'root', line: 2, column: 6, endLine: 2, endColumn: 9 }] },
  ],
});
