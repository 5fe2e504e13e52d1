import { ruleTester } from '../testing/rule-tester.js';
import { installIgnoresLock } from './install-ignores-lock.js';

ruleTester(installIgnoresLock, {
  valid: [
    'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n',
    'FROM python:3.12\nCOPY . .\nRUN poetry install\n',
    'FROM python:3.12\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install\n',
    'FROM python:3.12\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project\n',
    'FROM python:3.12\nCOPY uv.lock pyproject.toml ./\nRUN uv sync --frozen\n',
    'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12\nRUN poetry lock --check\n',
    'FROM python:3.12 AS a\nCOPY pyproject.toml poetry.lock ./\nFROM a\nRUN poetry install\n',
    'FROM python:3.12\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN poetry install --no-root\n', errors: [{ messageId: 'poetryNoLock', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN poetry lock && poetry install\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN uv sync\n', errors: [{ messageId: 'uvUnlocked', line: 3, column: 5, endLine: 3, endColumn: 12 }] },
    { code: 'FROM python:3.12\nCOPY pyproject.toml .\nRUN uv sync --locked\n', errors: [{ messageId: 'uvNoLock', line: 3, column: 5, endLine: 3, endColumn: 12 }] },
    { code: 'FROM python:3.12\nCOPY requirements.in .\nRUN pip install -r requirements.in\n', errors: [{ messageId: 'requirementsIn', line: 3, column: 20, endLine: 3, endColumn: 35 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN pipenv install --system\n', errors: [{ messageId: 'pipenv', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
  ],
});
