import { ruleTester } from '../testing/rule-tester.js';
import { sourceBeforeDeps } from './source-before-deps.js';

ruleTester(sourceBeforeDeps, {
  valid: [
    'FROM python:3.12\nCOPY requirements.txt gunicorn_start ./\nRUN pip install -r requirements.txt\nCOPY django /django\n',
    'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install --no-deps .\n',
    'FROM python:3.12\nCOPY pyproject.toml poetry.lock README.md ./\nRUN poetry install --no-root\nCOPY src ./src\nRUN poetry install --only-root\n',
    'FROM python:3.12\nRUN --mount=type=bind,source=uv.lock,target=uv.lock uv sync --locked --no-install-project\nCOPY . /app\nRUN uv sync --locked\n',
    'FROM python:3.12\nCOPY . .\nRUN python setup.py build\n',
    { name: 'a single config file is not the source', code: 'FROM python:3.12\nCOPY requirements.txt .\nCOPY alembic.ini .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY app.py requirements.txt ./\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'early', line: 2, column: 6, endLine: 2, endColumn: 32 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'early', line: 2, column: 6, endLine: 2, endColumn: 9 }] },
    {
      code: 'FROM python:3.12 AS base\nWORKDIR /app\nCOPY src/ ./src/\nCOPY pyproject.toml poetry.lock ./\nFROM base\nRUN poetry install --no-root\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 17 }],
    },
  ],
});
