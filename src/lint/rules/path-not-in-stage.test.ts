import { ruleTester } from '../testing/rule-tester.js';
import { pathNotInStage } from './path-not-in-stage.js';

const builder = 'FROM python:3.12-slim AS builder\nENV PIPX_BIN_DIR=/opt/pipx/bin\nRUN pip install pipx==1.7.1 && pipx install poetry==1.8.3\n';

ruleTester(pathNotInStage, {
  valid: [
    `${builder}ENV PATH=/opt/pipx/bin:$PATH\n`,
    `${builder}FROM builder AS app\nENV PATH=/opt/pipx/bin:$PATH\n`,
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\nENV PATH=/opt/venv/bin:$PATH\nENTRYPOINT ["/opt/venv/bin/app"]\n',
    'FROM python:3.12\nENV PATH=/opt/venv/bin:$PATH\nRUN python -m venv /opt/venv\n',
    'FROM python:3.12\nENV PATH=/root/.local/bin:/usr/local/bin:$PATH\n',
    'FROM python:3.12\nENV PATH=/opt/tools/bin:$PATH\n',
    'FROM python:3.12\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nWORKDIR /app\nENV PATH=/app/.venv/bin:$PATH\nRUN poetry install\n',
    {
      name: 'a base stage sets PATH for the stages built on it',
      code: 'FROM python:3.11 AS base\nENV POETRY_HOME=/opt/poetry VENV_PATH=/opt/pysetup/.venv\nENV PATH="$POETRY_HOME/bin:$VENV_PATH/bin:$PATH"\nFROM base AS builder\nRUN curl -sSL https://install.python-poetry.org | python3 -\nWORKDIR /opt/pysetup\nRUN python -m venv .venv\nFROM base AS prod\nCOPY --from=builder /opt/pysetup /opt/pysetup\n',
    },
    { name: 'uv sync creates .venv in the workdir', code: 'FROM python:3.12 AS b\nWORKDIR /app\nRUN uv sync --locked\nFROM python:3.12\nWORKDIR /app\nCOPY --from=b /app /app\nENV PATH=/app/.venv/bin:$PATH\n' },
  ],
  invalid: [
    {
      name: 'the seed: pipx bin in the app stage',
      code: `${builder}FROM python:3.12-slim AS app\nENV PATH=/opt/pipx/bin:/app/.venv/bin:$PATH\nCOPY --from=builder /app /app\n`,
      errors: [{ messageId: 'path', line: 5, column: 10, endLine: 5, endColumn: 23 }],
    },
    {
      name: 'venv bin never created',
      code: 'FROM python:3.12\nENV PATH="/opt/venv/bin:$PATH"\nCMD ["app"]\n',
      errors: [{ messageId: 'path', line: 2, column: 11, endLine: 2, endColumn: 24 }],
    },
    {
      name: 'entrypoint into a dir of another stage',
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12\nCOPY . /app\nENTRYPOINT ["/opt/venv/bin/app"]\n',
      errors: [{ messageId: 'entrypoint', line: 5, column: 13, endLine: 5, endColumn: 32 }],
    },
  ],
});
