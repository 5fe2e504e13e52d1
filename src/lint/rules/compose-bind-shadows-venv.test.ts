import { ruleTester } from '../testing/rule-tester.js';
import { composeBindShadowsVenv } from './compose-bind-shadows-venv.js';

const inProject = 'FROM python:3.12-slim\nWORKDIR /app\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nRUN pip install poetry==2.1.2\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n';
const uv = 'FROM python:3.12-slim AS base\nWORKDIR /code\nCOPY uv.lock pyproject.toml ./\nRUN uv sync --frozen\nFROM base AS dev\nCMD ["sleep", "infinity"]\n';
const pipenv = 'FROM python:3.12-slim\nWORKDIR /srv\nENV PIPENV_VENV_IN_PROJECT=1\nCOPY Pipfile Pipfile.lock ./\nRUN pip install pipenv==2024.4.0 && pipenv sync --dev\n';
const pipenvSystem = 'FROM python:3.12-slim\nWORKDIR /srv\nENV PIPENV_VENV_IN_PROJECT=1\nCOPY Pipfile Pipfile.lock ./\nRUN pip install pipenv==2024.4.0 && pipenv install --system --deploy\n';
const optVenv = 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/opt/venv\nRUN python -m venv $VIRTUAL_ENV\nWORKDIR /app\n';

ruleTester(composeBindShadowsVenv, {
  valid: [
    { name: 'venv outside the mount', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n', files: { dockerfile: optVenv } },
    { name: 'a volume over the venv keeps it visible (PC702 says it goes stale)', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n      - /app/.venv\n', files: { dockerfile: inProject } },
    { name: 'no Dockerfile known: nothing to compare', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n' },
    { name: 'another Dockerfile than the one checked', code: 'services:\n  dev:\n    build:\n      context: ./web\n    volumes:\n      - ./web:/app\n', files: { dockerfile: inProject } },
    { name: 'poetry install on start recreates it', code: 'services:\n  dev:\n    build: .\n    command: bash -c "poetry install && python -m app"\n    volumes:\n      - .:/app\n', files: { dockerfile: inProject } },
    { name: 'pipenv --system makes no venv', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/srv\n', files: { dockerfile: pipenvSystem } },
    { name: 'named volume is not a bind mount', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - data:/app/data\n', files: { dockerfile: inProject } },
  ],
  invalid: [
    { name: 'POETRY_VIRTUALENVS_IN_PROJECT under a bind of .', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n', files: { dockerfile: inProject }, errors: [{ messageId: 'shadows', line: 5, column: 9, endLine: 5, endColumn: 15 }] },
    {
      name: 'uv sync default .venv, long syntax, target stage',
      code: 'services:\n  dev:\n    build:\n      context: .\n      target: dev\n    volumes:\n      - type: bind\n        source: .\n        target: /code\n',
      files: { dockerfile: uv },
      errors: [{ messageId: 'shadows', line: 9, column: 17, endLine: 9, endColumn: 22 }],
    },
    { name: 'PIPENV_VENV_IN_PROJECT under a bind of .', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - .:/srv\n', files: { dockerfile: pipenv }, errors: [{ messageId: 'shadows', line: 5, column: 9, endLine: 5, endColumn: 15 }] },
    { name: 'the venv itself bind-mounted from the host', code: 'services:\n  dev:\n    build: .\n    volumes:\n      - ./.venv:/opt/venv\n', files: { dockerfile: optVenv }, errors: [{ messageId: 'shadows', line: 5, column: 9, endLine: 5, endColumn: 26 }] },
  ],
});
