import { ruleTester } from '../testing/rule-tester.js';
import { webServerWithoutHealthcheck } from './web-server-without-healthcheck.js';

const HC = 'HEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://127.0.0.1:8000/health\')"]\n';

ruleTester(webServerWithoutHealthcheck, {
  valid: [
    { name: 'a HEALTHCHECK', code: `FROM python:3.12-slim\n${HC}CMD ["gunicorn", "app:app"]\n` },
    { name: 'HEALTHCHECK NONE is a decision', code: 'FROM python:3.12-slim\nHEALTHCHECK NONE\nCMD ["uvicorn", "app:app"]\n' },
    { name: 'a HEALTHCHECK in the stage it is built FROM', code: `FROM python:3.12-slim AS base\n${HC}FROM base AS app\nCMD ["gunicorn", "app:app"]\n` },
    { name: 'a CLI, no port', code: 'FROM python:3.12-slim\nENTRYPOINT ["/opt/venv/bin/hello"]\nCMD ["--help"]\n' },
    { name: 'a worker', code: 'FROM python:3.12-slim\nCMD ["celery", "-A", "app", "worker"]\n' },
    { name: 'a Python program without EXPOSE', code: 'FROM python:3.12-slim\nCMD ["python", "bot.py"]\n' },
    { name: 'EXPOSE with a non-Python program', code: 'FROM nginx:1.27\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n' },
    { name: 'fastapi dev is not a production server', code: 'FROM python:3.12-slim\nCMD ["fastapi", "dev", "app/main.py"]\n' },
    { name: 'a script starts the server', code: 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["./start.sh"]\n' },
    {
      name: 'the compose service that builds it has a healthcheck',
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      files: { compose: 'services:\n  web:\n    build: .\n    healthcheck:\n      test: ["CMD", "python", "-c", "print(1)"]\n' },
    },
    { name: 'a dev stage is not the runtime', code: `FROM python:3.12-slim AS app\n${HC}CMD ["gunicorn", "app:app"]\nFROM app AS dev\nCMD ["flask", "run"]\n` },
  ],
  invalid: [
    { name: 'gunicorn', code: 'FROM python:3.12-slim\nEXPOSE 8000\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n', errors: [{ messageId: 'server', line: 3, column: 6, endLine: 3, endColumn: 16 }] },
    { name: 'uvicorn through uv run', code: 'FROM python:3.12-slim\nCMD ["uv", "run", "uvicorn", "app:app"]\n', errors: [{ messageId: 'server', line: 2, column: 19, endLine: 2, endColumn: 28 }] },
    { name: 'python -m daphne', code: 'FROM python:3.12-slim\nCMD ["python", "-m", "daphne", "app.asgi:application"]\n', errors: [{ messageId: 'server', line: 2, column: 6, endLine: 2, endColumn: 14 }] },
    { name: 'manage.py runserver, shell form', code: 'FROM python:3.12-slim\nCMD python manage.py runserver 0.0.0.0:8000\n', errors: [{ messageId: 'server', line: 2, column: 5, endLine: 2, endColumn: 11 }] },
    { name: 'fastapi run', code: 'FROM python:3.12-slim\nCMD ["fastapi", "run", "app/main.py"]\n', errors: [{ messageId: 'server', line: 2, column: 6, endLine: 2, endColumn: 15 }] },
    { name: 'flask run behind tini', code: 'FROM python:3.12-slim\nENTRYPOINT ["tini", "--"]\nCMD ["flask", "run", "--host=0.0.0.0"]\n', errors: [{ messageId: 'server', line: 3, column: 6, endLine: 3, endColumn: 13 }] },
    { name: 'hypercorn and granian in a venv', code: 'FROM python:3.12-slim\nENTRYPOINT ["/opt/venv/bin/granian", "--interface", "asgi", "app:app"]\n', errors: [{ messageId: 'server', line: 2, column: 13, endLine: 2, endColumn: 36 }] },
    { name: 'EXPOSE with a Python program', code: 'FROM python:3.12-slim\nEXPOSE 8080/tcp\nCMD ["python", "server.py"]\n', errors: [{ messageId: 'exposed', line: 3, column: 6, endLine: 3, endColumn: 14 }] },
    { name: 'gunicorn after migrations in sh -c', code: 'FROM python:3.9\nCMD ["sh", "-c", "python manage.py migrate && gunicorn --bind 0.0.0.0:8000 app.wsgi:application"]\n', errors: [{ messageId: 'server', line: 2, column: 18, endLine: 2, endColumn: 97 }] },
    { name: 'runserver after a script, shell form', code: 'FROM python:3\nEXPOSE 8000\nCMD sh init.sh && python3 manage.py runserver 0.0.0.0:8000\n', errors: [{ messageId: 'server', line: 3, column: 19, endLine: 3, endColumn: 26 }] },
    { name: 'the base image starts gunicorn', code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY . /app\nEXPOSE 8000\n', errors: [{ messageId: 'server', line: 1, column: 6, endLine: 1, endColumn: 50 }] },
    { name: 'a start script named for gunicorn', code: 'FROM python:3.12-slim\nCOPY gunicorn.sh /\nCMD ["/gunicorn.sh"]\n', errors: [{ messageId: 'server', line: 3, column: 6, endLine: 3, endColumn: 20 }] },
    {
      name: 'a compose healthcheck on another service',
      code: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      files: { compose: 'services:\n  web:\n    build: .\n  db:\n    image: postgres:17\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n' },
      errors: [{ messageId: 'server', line: 2, column: 6, endLine: 2, endColumn: 16 }],
    },
  ],
});
