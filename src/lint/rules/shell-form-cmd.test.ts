import { ruleTester } from '../testing/rule-tester.js';
import { shellFormCmd } from './shell-form-cmd.js';

ruleTester(shellFormCmd, {
  valid: ['FROM python:3.12\nCMD ["python", "-m", "app"]\n', 'FROM python:3.12\nENTRYPOINT ["/opt/venv/bin/app"]\nCMD ["--help"]\n', 'FROM python:3.12\nCMD []\n', 'FROM python:3.12\nCMD exec gunicorn app:app --bind 0.0.0.0:$PORT\n'],
  invalid: [
    { code: 'FROM python:3.12\nCMD python -m app\n', errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 18 }] },
    { code: 'FROM python:3.12\nENTRYPOINT gunicorn \\\n  app:app\n', errors: [{ messageId: 'shellForm', line: 2, column: 12, endLine: 3, endColumn: 10 }] },
    { code: 'FROM python:3.12 AS dev\nCMD sleep infinity\n', errors: [{ messageId: 'shellForm', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
