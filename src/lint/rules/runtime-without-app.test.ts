import { ruleTester } from '../testing/rule-tester.js';
import { runtimeWithoutApp } from './runtime-without-app.js';

const deps = 'FROM python:3.12-slim AS deps\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN python -m venv /opt/venv && poetry install --no-root --only main\n';

ruleTester(runtimeWithoutApp, {
  valid: [
    { name: 'source copied into the runtime stage', code: `${deps}FROM python:3.12-slim AS app\nCOPY --from=deps /opt/venv /opt/venv\nCOPY . /app\n` },
    {
      name: 'project installed in a build stage from the source',
      code: `${deps}FROM deps AS build\nCOPY src ./src\nRUN poetry build -f wheel && /opt/venv/bin/pip install --no-deps dist/*.whl\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n`,
    },
    { name: 'a published app installed by name', code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir mytool==1.2\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n' },
    { name: 'no venv copied', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n' },
    { name: 'wheel from a build stage', code: `${deps}FROM deps AS w\nCOPY . .\nRUN pip wheel -w /wheels .\nFROM python:3.12-slim\nCOPY --from=deps /opt/venv /opt/venv\nCOPY --from=w /wheels /wheels\nRUN /opt/venv/bin/pip install /wheels/*.whl\n` },
    { name: 'dev target is not the runtime', code: `${deps}FROM python:3.12-slim AS app\nCOPY --from=deps /opt/venv /opt/venv\nCOPY . .\nFROM deps AS dev\n` },
  ],
  invalid: [
    {
      name: 'dependencies only',
      code: `${deps}FROM python:3.12-slim AS app\nCOPY --from=deps /opt/venv /opt/venv\nCMD ["python"]\n`,
      errors: [{ messageId: 'noApp', line: 6, column: 1, endLine: 6, endColumn: 37 }],
    },
    {
      name: 'the seed: in-project venv copied with the workdir',
      code: 'FROM python:3.8-slim AS builder\nENV POETRY_VIRTUALENVS_IN_PROJECT=true\nWORKDIR /app\nCOPY pyproject.toml poetry.lock /app/\nFROM builder AS app-pre\nRUN poetry install --no-root --only main\nFROM python:3.8-slim AS app\nCOPY --from=app-pre /app /app\nFROM app-pre AS dev\n',
      errors: [{ messageId: 'noApp', line: 8, column: 1, endLine: 8, endColumn: 30 }],
    },
  ],
});
