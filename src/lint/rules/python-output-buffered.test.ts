import { ruleTester } from '../testing/rule-tester.js';
import { pythonOutputBuffered } from './python-output-buffered.js';

ruleTester(pythonOutputBuffered, {
  valid: [
    'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    'FROM python:3.12\nCMD ["python", "-u", "app.py"]\n',
    'FROM python:3.12 AS base\nENV PYTHONUNBUFFERED=1\nFROM base\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12\nCMD ["/entrypoint.sh"]\n',
    'FROM debian:12\nCMD ["python3", "app.py"]\n',
    { name: 'a runner, unbuffered', code: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["uv", "run", "--frozen", "uvicorn", "app:app"]\n' },
    { name: 'python -u behind a runner', code: 'FROM python:3.12\nCMD ["poetry", "run", "python", "-u", "app.py"]\n' },
    { name: 'a runner of something else', code: 'FROM python:3.12\nCMD ["pdm", "run", "./start.sh"]\n' },
    { name: 'a non-Python program outside any venv', code: 'FROM python:3.12\nCMD ["/usr/bin/nginx", "-g", "daemon off;"]\n' },
    {
      name: 'the runtime stage pycrane init writes',
      code: 'FROM python:3.13-slim AS app\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1\nCOPY --from=app-build /opt/venv /opt/venv\nUSER 10001:10001\nENTRYPOINT ["/opt/venv/bin/hello"]\nCMD ["--help"]\n',
    },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 14 }] },
    { code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "app:app"]\n', errors: [{ messageId: 'buffered', line: 3, column: 6, endLine: 3, endColumn: 16 }] },
    { name: 'uv run', code: 'FROM python:3.12-slim\nCMD ["uv", "run", "--frozen", "--with", "rich", "python", "app.py"]\n', errors: [{ messageId: 'buffered', line: 2, column: 49, endLine: 2, endColumn: 57 }] },
    { name: 'poetry run', code: 'FROM python:3.12-slim\nCMD ["poetry", "run", "uvicorn", "app:app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 23, endLine: 2, endColumn: 32 }] },
    { name: 'pdm run, shell form', code: 'FROM python:3.12-slim\nCMD pdm run python -m app\n', errors: [{ messageId: 'buffered', line: 2, column: 13, endLine: 2, endColumn: 19 }] },
    { name: 'pipenv run', code: 'FROM python:3.12-slim\nCMD ["pipenv", "run", "waitress-serve", "app:app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 23, endLine: 2, endColumn: 39 }] },
    { name: 'hatch run', code: 'FROM python:3.12-slim\nCMD ["hatch", "run", "hypercorn", "app:app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 22, endLine: 2, endColumn: 33 }] },
    { name: 'a console script in /opt/venv/bin', code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/x/y /opt/venv /opt/venv\nENTRYPOINT ["/opt/venv/bin/black"]\n', errors: [{ messageId: 'buffered', line: 3, column: 13, endLine: 3, endColumn: 34 }] },
    { name: 'a console script in .venv/bin', code: 'FROM python:3.12-slim\nWORKDIR /app\nCMD [".venv/bin/app", "serve"]\n', errors: [{ messageId: 'buffered', line: 3, column: 6, endLine: 3, endColumn: 21 }] },
    { name: 'granian', code: 'FROM python:3.12-slim\nCMD ["granian", "--interface", "asgi", "app:app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 15 }] },
    { name: 'daphne', code: 'FROM python:3.12-slim\nCMD ["daphne", "app.asgi:application"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 14 }] },
    { name: 'fastapi run', code: 'FROM python:3.12-slim\nCMD ["fastapi", "run", "app/main.py"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 15 }] },
    { name: 'a console script of the project', code: 'FROM python:3.12-slim\nENTRYPOINT ["hello-cli"]\n', facts: { scripts: ['hello-cli'] }, errors: [{ messageId: 'buffered', line: 2, column: 13, endLine: 2, endColumn: 24 }] },
  ],
});
