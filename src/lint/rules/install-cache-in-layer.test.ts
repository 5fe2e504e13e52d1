import { ruleTester } from '../testing/rule-tester.js';
import { installCacheInLayer } from './install-cache-in-layer.js';

ruleTester(installCacheInLayer, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir x==1\n',
    'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install x==1\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install x==1\n',
    'FROM python:3.12 AS b\nRUN pip install x==1\nFROM python:3.12\nCOPY --from=b /x /x\n',
    'FROM python:3.12\nRUN pip install --no-deps dist/*.whl\n',
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n',
    'FROM python:3.12\nRUN poetry install --no-root && rm -rf $POETRY_CACHE_DIR\n',
    'FROM python:3.12\nRUN PIP_NO_CACHE_DIR=1 pip install x==1\n',
    'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n',
    { name: 'a mount on ~/.cache covers every installer', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install -r r.txt && uv pip install --system -r r.txt && poetry install && pdm sync && pipenv sync\n' },
    { name: 'pdm cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pdm pdm sync --prod\n' },
    { name: 'pipenv cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pipenv pipenv install --deploy --system\n' },
    { name: 'pipenv with PIP_NO_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pipenv install --deploy --system\n' },
    { name: 'UV_CACHE_DIR on a cache mount', code: 'FROM python:3.12\nENV UV_CACHE_DIR=/cache/uv\nRUN --mount=type=cache,target=/cache uv sync --locked\n' },
    { name: 'UV_NO_CACHE', code: 'FROM python:3.12\nENV UV_NO_CACHE=1\nRUN uv pip install --system -r requirements.txt\n' },
    { name: 'uv --no-cache', code: 'FROM python:3.12\nRUN uv pip sync --no-cache --system requirements.txt\n' },
    { name: 'POETRY_CACHE_DIR removed', code: 'FROM python:3.12\nENV POETRY_CACHE_DIR=/tmp/poetry_cache\nRUN poetry install --no-root && rm -rf /tmp/poetry_cache\n' },
    { name: 'a user\'s home', code: 'FROM python:3.12\nUSER 1000\nRUN --mount=type=cache,target=/home/app/.cache/pip,uid=1000 pip install -r requirements.txt\n' },
    { name: 'builder stages are out of scope (PC402 covers them)', code: 'FROM python:3.12 AS build\nRUN pdm sync --prod && pipenv sync && uv sync --locked\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n' },
    {
      name: 'the runtime stage pycrane init writes',
      code: 'FROM python:3.13-slim AS app\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nCOPY --from=app-build /opt/venv /opt/venv\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid 10001 app\nUSER 10001:10001\n',
    },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { code: 'FROM python:3.12\nRUN python -m pip install x==1\n', errors: [{ messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 26 }] },
    { code: 'FROM python:3.12\nRUN uv sync --locked\n', errors: [{ messageId: 'uv', line: 2, column: 5, endLine: 2, endColumn: 12 }] },
    { code: 'FROM python:3.12\nRUN poetry install --only main\n', errors: [{ messageId: 'poetry', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'pdm sync', code: 'FROM python:3.12\nRUN pdm sync --prod --no-editable\n', errors: [{ messageId: 'other', line: 2, column: 5, endLine: 2, endColumn: 13 }] },
    { name: 'pipenv install', code: 'FROM python:3.12\nRUN pipenv install --deploy --system\n', errors: [{ messageId: 'other', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'a pip cache mount does not hold pipenv\'s cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pipenv sync --system\n', errors: [{ messageId: 'other', line: 2, column: 48, endLine: 2, endColumn: 59 }] },
    { name: 'uv pip sync and pip-sync', code: 'FROM python:3.12\nRUN uv pip sync --system requirements.txt && pip-sync requirements.txt\n', errors: [{ messageId: 'uv', line: 2, column: 5, endLine: 2, endColumn: 16 }, { messageId: 'pip', line: 2, column: 46, endLine: 2, endColumn: 54 }] },
    { name: 'hatch env create', code: 'FROM python:3.12\nRUN hatch env create prod\n', errors: [{ messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 21 }] },
    { name: 'UV_CACHE_DIR elsewhere than the mount', code: 'FROM python:3.12\nENV UV_CACHE_DIR=/opt/uv-cache\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --locked\n', errors: [{ messageId: 'uv', line: 3, column: 47, endLine: 3, endColumn: 54 }] },
    { name: 'a stage the runtime is built FROM', code: 'FROM python:3.12 AS base\nRUN uv pip install --system -r requirements.txt\nFROM base AS app\nCOPY . /app\n', errors: [{ messageId: 'uv', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
