import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import { ruleTester } from '../testing/rule-tester.js';
import { buildToolsInRuntime } from './build-tools-in-runtime.js';

/** The builder of `pycrane init` for pipx-installed tools (pdm, pipenv, poetry, pip-tools). */
const pipxBuilder = (tool: string, arg: string) =>
  `FROM python:3.13-slim AS builder\nARG PIPX_VERSION=1.7.1\nARG ${arg}=1.0.0\nENV PIPX_HOME=/opt/pipx PIPX_BIN_DIR=/opt/pipx/bin PATH=/opt/pipx/bin:$PATH\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=secret,id=netrc,target=/root/.netrc pip install "pipx==\${PIPX_VERSION}" && pipx install "${tool}==\${${arg}}"\n`;
const runtime = 'FROM python:3.13-slim AS app\nCOPY --from=app-build /opt/venv /opt/venv\nRUN groupadd --gid 10001 app && useradd --uid 10001 --gid 10001 app\nUSER 10001:10001\nENTRYPOINT ["/opt/venv/bin/app"]\n';
const initShape = (builder: string) =>
  `${builder}FROM builder AS app-pre\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nRUN python -m venv /opt/venv\nFROM app-pre AS app-build\nCOPY . .\nRUN pip wheel --no-deps --no-build-isolation -w /tmp/dist . && pip install --no-deps --no-index /tmp/dist/*.whl\n${runtime}`;

ruleTester(buildToolsInRuntime, {
  valid: [
    'FROM python:3.12 AS b\nRUN pip install poetry==1.8.3\nFROM python:3.12 AS app\nCOPY --from=b /opt/venv /opt/venv\n',
    'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && pip install x==1 && apt-get purge -y gcc\n',
    'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build-deps gcc musl-dev && pip install x==1 && apk del .build-deps\n',
    'FROM python:3.12 AS app\nCOPY . .\nFROM app AS dev\nRUN pip install poetry==1.8.3\n',
    'FROM python:3.12\nRUN pip install --no-cache-dir gunicorn==22.0.0\n',
    // what `pycrane init` writes: the tools stay in the builder, the runtime gets /opt/venv only
    { name: 'init shape, pdm', code: initShape(pipxBuilder('pdm', 'PDM_VERSION')) },
    { name: 'init shape, pipenv', code: initShape(pipxBuilder('pipenv', 'PIPENV_VERSION')) },
    { name: 'init shape, poetry', code: initShape(pipxBuilder('poetry', 'POETRY_VERSION')) },
    { name: 'init shape, pip-tools', code: initShape(pipxBuilder('pip-tools', 'PIP_TOOLS_VERSION')) },
    { name: 'init shape, uv', code: initShape('FROM python:3.13-slim AS builder\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /uvx /bin/\n') },
    { name: 'uv through a stage alias, in the builder only', code: 'FROM ghcr.io/astral-sh/uv:0.9.14 AS uv\nFROM python:3.13-slim AS build\nCOPY --from=uv /uv /bin/uv\nRUN uv venv /opt/venv\nFROM python:3.13-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n' },
    { name: 'a venv without tools', code: 'FROM python:3.13-slim AS build\nRUN pip install pipx==1.7.1 && pipx install pdm==2.20.1 && python -m venv /opt/venv\nFROM python:3.13-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n' },
    { name: 'a console script copied out of the builder is not a tool', code: 'FROM python:3.12 AS b\nRUN pip install --no-cache-dir app==1.0\nFROM python:3.12-slim\nCOPY --from=b /usr/local/bin/app /usr/local/bin/app\n' },
    { name: 'a tool-named file outside a bin folder', code: 'FROM python:3.12 AS b\nRUN mkdir -p /srv/docs/uv\nFROM python:3.12-slim\nCOPY --from=b /srv/docs/uv /srv/docs/uv\n' },
    { name: 'Poetry uninstalled in a later RUN', code: 'FROM python:3.12\nRUN pip install poetry==1.8.3 && poetry export -o r.txt\nRUN pip uninstall -y poetry\n' },
    { name: 'uv removed before the end', code: 'FROM python:3.13-slim\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /bin/uv\nRUN uv pip install --system -r requirements.txt && rm /bin/uv\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install poetry==1.8.3\n', errors: [{ messageId: 'tool', line: 2, column: 17, endLine: 2, endColumn: 30 }] },
    { code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y build-essential\n', errors: [{ messageId: 'tool', line: 2, column: 42, endLine: 2, endColumn: 57 }] },
    { code: 'FROM python:3.12\nCOPY --from=ghcr.io/astral-sh/uv:0.5.4 /uv /bin/uv\n', errors: [{ messageId: 'tool', line: 2, column: 6, endLine: 2, endColumn: 39 }] },
    { code: 'FROM python:3.12 AS base\nRUN curl -sSL https://install.python-poetry.org | python3 -\nFROM base\n', errors: [{ messageId: 'tool', line: 2, column: 5, endLine: 2, endColumn: 9 }] },
    { code: 'FROM python:3.12\nRUN pipx install uv==0.5.4\n', errors: [{ messageId: 'tool', line: 2, column: 18, endLine: 2, endColumn: 27 }] },
    { name: 'pip-tools, pipenv, hatch and pdm in the runtime', code: 'FROM python:3.12\nRUN pip install pip-tools==7.4.1 pipenv==2024.4.0 hatch==1.13.0 && pipx install pdm==2.20.1\n', errors: [
      { messageId: 'tool', line: 2, column: 17, endLine: 2, endColumn: 33 },
      { messageId: 'tool', line: 2, column: 34, endLine: 2, endColumn: 50 },
      { messageId: 'tool', line: 2, column: 51, endLine: 2, endColumn: 64 },
      { messageId: 'tool', line: 2, column: 81, endLine: 2, endColumn: 92 },
    ] },
    { name: 'uv through a stage alias, in the runtime', code: 'FROM ghcr.io/astral-sh/uv:0.9.14 AS uv\nFROM python:3.13-slim AS app\nCOPY --from=uv /uv /uvx /bin/\n', errors: [{ messageId: 'tool', line: 3, column: 6, endLine: 3, endColumn: 15 }] },
    { name: 'uv through a stage alias without a tag', code: 'FROM ghcr.io/astral-sh/uv AS uv\nFROM python:3.13-slim\nCOPY --from=uv /uv /bin/\n', errors: [{ messageId: 'tool', line: 3, column: 6, endLine: 3, endColumn: 15 }] },
    { name: 'uv through a stage alias whose tag is an ARG', code: 'ARG UV_VERSION=0.5\nFROM ghcr.io/astral-sh/uv:${UV_VERSION} AS uv\nFROM python:3.13-slim\nCOPY --from=uv /uv /uvx /bin/\n', errors: [{ messageId: 'tool', line: 4, column: 6, endLine: 4, endColumn: 15 }] },
    { name: 'Poetry from the installer, copied out of the builder', code: 'FROM python:3.12 AS builder\nRUN curl -sSL https://install.python-poetry.org | python3 -\nFROM python:3.12-slim\nCOPY --from=builder /root/.local/bin/poetry /usr/local/bin/poetry\n', errors: [{ messageId: 'copied', line: 4, column: 21, endLine: 4, endColumn: 44 }] },
    { name: 'pip --user Poetry, ~/.local copied', code: 'FROM python:3.12 AS builder\nRUN pip install --user poetry==1.8.3\nFROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\n', errors: [{ messageId: 'copied', line: 4, column: 21, endLine: 4, endColumn: 33 }] },
    { name: 'Poetry copied by name from a builder on an image pycrane does not know', code: 'FROM thehale/python-poetry:1.8.3 AS builder\nFROM python:3.12-slim\nCOPY --from=builder /usr/local/bin/poetry /usr/local/bin/poetry\n', errors: [{ messageId: 'copiedByName', line: 3, column: 21, endLine: 3, endColumn: 42 }] },
    { name: 'a tool copied by name from an image', code: 'FROM python:3.12-slim\nCOPY --from=acme/tools:1 /usr/bin/pdm /usr/local/bin/\n', errors: [{ messageId: 'copiedByName', line: 2, column: 26, endLine: 2, endColumn: 38 }] },
    { name: 'uv copied out of a build stage', code: 'FROM python:3.13-slim AS build\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /uvx /bin/\nFROM python:3.13-slim AS app\nCOPY --from=build /bin/uv /usr/local/bin/uv\n', errors: [{ messageId: 'copied', line: 4, column: 19, endLine: 4, endColumn: 26 }] },
    { name: 'a runtime on uv\'s image', code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim\nCOPY . /app\n', errors: [{ messageId: 'baseImage', line: 1, column: 6, endLine: 1, endColumn: 51 }] },
    { name: 'a runtime on a stage FROM uv\'s image', code: 'FROM ghcr.io/astral-sh/uv:python3.12-bookworm-slim AS base\nRUN uv pip install --system -r requirements.txt\nFROM base AS app\nCOPY . /app\n', errors: [{ messageId: 'baseImage', line: 1, column: 6, endLine: 1, endColumn: 51 }] },
    { name: '/usr/local after a system pip install of Poetry', code: 'FROM python:3.12 AS build\nRUN pip install poetry==1.8.3 && poetry config virtualenvs.create false && poetry install\nFROM python:3.12-slim AS app\nCOPY --from=build /usr/local /usr/local\n', errors: [{ messageId: 'copied', line: 4, column: 19, endLine: 4, endColumn: 29 }] },
    { name: 'a venv that pip installed Poetry into', code: 'FROM python:3.12 AS build\nENV PATH=/opt/venv/bin:$PATH\nRUN python -m venv /opt/venv && pip install poetry==1.8.3 && poetry install\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/venv /opt/venv\n', errors: [{ messageId: 'copied', line: 5, column: 19, endLine: 5, endColumn: 28 }] },
    { name: 'Poetry uninstalled before it is installed', code: 'FROM python:3.12\nRUN pip uninstall -y poetry\nRUN pip install poetry==1.8.3\n', errors: [{ messageId: 'tool', line: 3, column: 17, endLine: 3, endColumn: 30 }] },
    { name: 'pipx home copied', code: 'FROM python:3.12 AS build\nENV PIPX_HOME=/opt/pipx PIPX_BIN_DIR=/opt/pipx/bin\nRUN pip install pipx==1.7.1 && pipx install pdm==2.20.1\nFROM python:3.12-slim AS app\nCOPY --from=build /opt/pipx /opt/pipx\n', errors: [{ messageId: 'copied', line: 5, column: 19, endLine: 5, endColumn: 28 }] },
  ],
});

// Found by the fuzzer (test/fuzz/crashers/dockerfile): one pip command of 1,700 words took 2.2 s, each
// package re-reading every word of its command and every later RUN. 20,000 would take minutes.
describe('build-tools-in-runtime on a very long install', () => {
  it('reports each of 18,000 tool packages of one pip command, in one pass', () => {
    const code = `FROM python:3.12\nRUN pip install ${'poetry==1.8.3 '.repeat(18_000)}\nRUN pip uninstall -y pdm\n`;
    const findings = lint({ dockerfile: { path: 'Dockerfile', text: code } }, defaultCheckConfig, [buildToolsInRuntime]).diagnostics;
    expect(findings).toHaveLength(18_000);
  });
});
