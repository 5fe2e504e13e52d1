import { ruleTester } from '../testing/rule-tester.js';
import { pythonOutputBuffered } from './python-output-buffered.js';

ruleTester(pythonOutputBuffered, {
  valid: [
    'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n',
    'FROM python:3.12\nCMD ["python", "-u", "app.py"]\n',
    'FROM python:3.12 AS base\nENV PYTHONUNBUFFERED=1\nFROM base\nCMD ["gunicorn", "app:app"]\n',
    'FROM python:3.12\nCMD ["/entrypoint.sh"]\n',
    { name: 'a non-Python program on a non-Python base', code: 'FROM debian:12\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'a runner, unbuffered', code: 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["uv", "run", "--frozen", "uvicorn", "app:app"]\n' },
    { name: 'python -u behind a runner', code: 'FROM python:3.12\nCMD ["poetry", "run", "python", "-u", "app.py"]\n' },
    { name: 'a bare interpreter through uv run', code: 'FROM ghcr.io/astral-sh/uv:python3.13-alpine\nCMD ["uv", "run", "python"]\n' },
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
    { name: 'python on a non-Python base', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y python3\nCMD ["python3", "app.py"]\n', errors: [{ messageId: 'buffered', line: 3, column: 6, endLine: 3, endColumn: 15 }] },
    { name: 'fastapi on a CUDA base', code: 'FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04\nCMD ["fastapi", "run", "app/main.py", "--port", "80"]\n', errors: [{ messageId: 'buffered', line: 2, column: 6, endLine: 2, endColumn: 15 }] },
    { name: 'celery through uv run on a uv base', code: 'FROM ghcr.io/astral-sh/uv:debian-slim\nCMD ["uv", "run", "celery", "-A", "app", "worker"]\n', errors: [{ messageId: 'buffered', line: 2, column: 19, endLine: 2, endColumn: 27 }] },
    { name: 'a venv console script on a miniconda base', code: 'FROM continuumio/miniconda3:24.1.2-0\nENTRYPOINT ["/opt/venv/bin/app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 13, endLine: 2, endColumn: 32 }] },
    { name: 'python inside sh -c', code: 'FROM python:3.12-slim\nCMD ["sh", "-c", "alembic upgrade head && python -m app"]\n', errors: [{ messageId: 'buffered', line: 2, column: 18, endLine: 2, endColumn: 57 }] },
    { name: 'the server a tiangolo base starts', code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY ./app /app\n', errors: [{ messageId: 'buffered', line: 1, column: 6, endLine: 1, endColumn: 50 }] },
    { name: 'a console script of the project', code: 'FROM python:3.12-slim\nENTRYPOINT ["hello-cli"]\n', facts: { scripts: ['hello-cli'] }, errors: [{ messageId: 'buffered', line: 2, column: 13, endLine: 2, endColumn: 24 }] },
  ],
});
