import { ruleTester } from '../testing/rule-tester.js';
import { pythonOutputBuffered } from './python-output-buffered.js';

ruleTester(pythonOutputBuffered, {
  valid: [
    'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    'FROM python:3.12\nCMD ["python", "-u", "app.py"]\n',
    'FROM python:3.12 AS base\nENV PYTHONUNBUFFERED=1\nFROM base\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12\nCMD ["/entrypoint.sh"]\n',
    'FROM debian:12\nCMD ["python3", "app.py"]\n',
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 14 }] },
    { code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "app:app"]\n', errors: [{ messageId: 'buffered', line: 3, column: 6, endLine: 3, endColumn: 16 }] },
  ],
});
