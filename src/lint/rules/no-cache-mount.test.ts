import { ruleTester } from '../testing/rule-tester.js';
import { noCacheMount } from './no-cache-mount.js';

const secret = '--mount=type=secret,id=netrc,target=/root/.netrc';

ruleTester(noCacheMount, {
  valid: [
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install --no-deps dist/*.whl\n',
    'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n',
    'FROM python:3.12\nRUN pip install pipx==1.7.1\n',
    { name: 'a mount on ~/.cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache poetry install --no-root && pdm sync && pipenv sync && uv sync --locked\n' },
    { name: 'uv pip sync', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv uv pip sync --system requirements.txt\n' },
    { name: 'pip-sync', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip-sync requirements.txt\n' },
    { name: 'hatch env create (pip or uv)', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/uv hatch env create\n' },
    { name: 'a mount on $HOME/.cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=$HOME/.cache uv sync --locked && pip wheel -r requirements.txt -w /wheels\n' },
    { name: 'pip wheel and pip download with a pip cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip wheel -r requirements.txt -w /wheels && python -m pip download -d /pkgs flask==3.0.0\n' },
    { name: 'pip wheel of the project alone downloads nothing of the dependencies', code: 'FROM python:3.12\nRUN pip wheel --no-deps -w /dist .\n' },
    { name: 'PIP_CACHE_DIR on the mount', code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/var/cache/pip\nRUN --mount=type=cache,target=/var/cache/pip pip install -r requirements.txt\n' },
    // what `pycrane init` writes, builder and dependency stages
    { name: 'init builder: pipx and the tool', code: `FROM python:3.13-slim AS builder\nRUN --mount=type=cache,target=/root/.cache/pip ${secret} pip install "pipx==\${PIPX_VERSION}" && pipx install "pdm==\${PDM_VERSION}"\n` },
    { name: 'init app-pre: pdm export and pip', code: `FROM python:3.13-slim\nCOPY pdm.lock pyproject.toml ./\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=cache,target=/root/.cache/pdm ${secret} pdm export --prod -o /tmp/requirements.txt && pip install --no-deps --require-hashes -r /tmp/requirements.txt && python -m compileall -q /opt/venv/lib\n` },
    { name: 'init app-pre: pipenv requirements and pip', code: `FROM python:3.13-slim\nCOPY Pipfile Pipfile.lock ./\nRUN --mount=type=cache,target=/root/.cache/pipenv --mount=type=cache,target=/root/.cache/pip ${secret} pipenv requirements --hash > /tmp/requirements.txt && pip install --require-hashes -r /tmp/requirements.txt\n` },
    { name: 'init app-pre: uv', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/uv --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --locked --no-install-project --no-dev --no-editable\n' },
    { name: 'init app-build: the wheel, no downloads', code: 'FROM python:3.13-slim\nCOPY . .\nRUN pip wheel --no-deps --no-build-isolation -w /tmp/dist . && pip install --no-deps --no-index /tmp/dist/*.whl\n' },
    { name: 'init dev: pdm sync', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pdm --mount=type=cache,target=/root/.cache/pip pdm sync -G :all\n' },
    { name: 'init dev: pipenv sync', code: 'FROM python:3.13-slim\nRUN --mount=type=cache,target=/root/.cache/pipenv pipenv sync --dev\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { code: 'FROM python:3.12\nRUN poetry install --no-root\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { code: 'FROM python:3.12\nRUN uv sync --locked\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 12 }] },
    { name: 'a pip mount does not hold Poetry\'s downloads', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip poetry install --no-root\n', errors: [{ messageId: 'noMount', line: 2, column: 48, endLine: 2, endColumn: 62 }] },
    { name: 'hatch env create', code: 'FROM python:3.12\nRUN hatch env create\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 21 }] },
    { name: 'pdm install', code: 'FROM python:3.12\nRUN pdm install --prod --frozen-lockfile\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { name: 'pipenv sync', code: 'FROM python:3.12\nRUN pipenv sync --system\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { name: 'uv pip install', code: 'FROM python:3.12\nRUN uv pip install --system -r requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { name: 'uv pip sync', code: 'FROM python:3.12\nRUN uv pip sync requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { name: 'pip-sync', code: 'FROM python:3.12\nRUN pip-sync requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 13 }] },
    { name: 'pip wheel -r', code: 'FROM python:3.12 AS build\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 14 }] },
    { name: 'python -m pip download', code: 'FROM python:3.12 AS build\nRUN python -m pip download -d /pkgs -r requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 27 }] },
    { name: 'hatch env create of a named environment', code: 'FROM python:3.12\nRUN hatch env create prod\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 21 }] },
    { name: 'pdm install and pipenv install', code: 'FROM python:3.12\nRUN pdm install --prod\nRUN pipenv install --deploy --system\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }, { messageId: 'noMount', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { name: 'a builder stage too', code: 'FROM python:3.12 AS build\nRUN pdm sync --prod\nFROM python:3.12-slim\nCOPY --from=build /opt/venv /opt/venv\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 13 }] },
  ],
});
