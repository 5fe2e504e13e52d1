import { ruleTester } from '../testing/rule-tester.js';
import { entrypointRunsNoApp } from './entrypoint-runs-no-app.js';

ruleTester(entrypointRunsNoApp, {
  valid: [
    'FROM python:3.12\nCMD ["python", "-m", "app"]\n',
    'FROM python:3.12\nENTRYPOINT ["python"]\nCMD ["main.py"]\n',
    'FROM python:3.12\nCMD ["python", "-u", "main.py"]\n',
    'FROM python:3.12\nCMD python app.py\n',
    'FROM python:3.12\n',
    'FROM python:3.12 AS app\nCMD ["app"]\nFROM python:3.12 AS dev\nCMD ["bash"]\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nENTRYPOINT [ "python" ]\nCMD [ "--version" ]\n', errors: [{ messageId: 'bare', line: 2, column: 12, endLine: 2, endColumn: 24 }] },
    { code: 'FROM python:3.12\nCMD ["python3"]\n', errors: [{ messageId: 'bare', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { code: 'FROM python:3.12\nCMD ["bash"]\n', errors: [{ messageId: 'bare', line: 2, column: 5, endLine: 2, endColumn: 13 }] },
  ],
});
