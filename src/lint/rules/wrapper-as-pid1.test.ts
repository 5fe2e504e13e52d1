import { ruleTester } from '../testing/rule-tester.js';
import { wrapperAsPid1 } from './wrapper-as-pid1.js';

ruleTester(wrapperAsPid1, {
  valid: [
    'FROM python:3.12\nCMD ["uvicorn", "app:app"]\n',
    'FROM python:3.12 AS dev\nCMD ["poetry", "run", "pytest"]\n',
    'FROM python:3.12\nCMD ["sh", "-c", "exec gunicorn app:app --bind 0.0.0.0:$PORT"]\n',
    'FROM python:3.12\nCMD ["sh", "-c", "gunicorn app:app"]\n',
    'FROM python:3.12\nENTRYPOINT ["tini", "--"]\nCMD ["poetry", "run", "app"]\n',
    'FROM python:3.12\nCMD ["sh", "-c", "alembic upgrade head && exec gunicorn app:app"]\n',
    'FROM python:3.12\nCMD gunicorn app:app\n',
    'FROM python:3.12\nCMD alembic upgrade head && exec gunicorn app:app\n',
    'FROM python:3.12\nCMD python manage.py migrate && gunicorn app:app\n',
    { name: 'a 200,000-letter -cccc…1 option is not -c', code: `FROM python:3.12\nCMD ["sh", "-${'c'.repeat(200_000)}1", "a && b"]\n` },
  ],
  invalid: [
    { code: 'FROM python:3.12\nCMD ["poetry", "run", "app"]\n', errors: [{ messageId: 'runner', line: 2, column: 6, endLine: 2, endColumn: 21 }] },
    { code: 'FROM python:3.12\nENTRYPOINT uv run app\n', errors: [{ messageId: 'runner', line: 2, column: 12, endLine: 2, endColumn: 18 }] },
    { name: 'pdm run', code: 'FROM python:3.12\nCMD ["pdm", "run", "gunicorn", "app:app"]\n', errors: [{ messageId: 'runner', line: 2, column: 6, endLine: 2, endColumn: 18 }] },
    { name: 'pipenv run', code: 'FROM python:3.12\nCMD ["pipenv", "run", "python", "app.py"]\n', errors: [{ messageId: 'runner', line: 2, column: 6, endLine: 2, endColumn: 21 }] },
    { name: 'hatch run', code: 'FROM python:3.12\nCMD ["hatch", "run", "serve"]\n', errors: [{ messageId: 'runner', line: 2, column: 6, endLine: 2, endColumn: 20 }] },
    { name: 'pipx run', code: 'FROM python:3.12\nCMD ["pipx", "run", "httpie"]\n', errors: [{ messageId: 'runner', line: 2, column: 6, endLine: 2, endColumn: 19 }] },
    {
      code: 'FROM python:3.12\nCMD ["/bin/sh", "-c", "alembic upgrade head && gunicorn app:app"]\n',
      errors: [{ messageId: 'shell', line: 2, column: 6, endLine: 2, endColumn: 65 }],
    },
    {
      name: 'a runner after another command in the shell form',
      code: 'FROM python:3.12\nCMD python manage.py migrate && uv run gunicorn app:app\n',
      errors: [{ messageId: 'runner', line: 2, column: 33, endLine: 2, endColumn: 39 }],
    },
  ],
});
