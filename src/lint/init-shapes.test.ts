/**
 * The Dockerfile shapes `pycrane init` writes for each package manager, written out by hand (the
 * generator's own output is checked by test/check-golden.test.ts): every rule must find them clean
 * except PC602 (digests, info), and each mutation that breaks what a rule guards must be found.
 */
import { describe, expect, it } from 'vitest';
import { lint } from './engine.js';
import type { FactsInput } from './facts-input.js';
import { makeFacts } from './testing/facts.js';

const SECRET = '--mount=type=secret,id=netrc,target=/root/.netrc';
const PIP_CACHE = '--mount=type=cache,target=/root/.cache/pip';

interface Shape {
  readonly facts: FactsInput;
  /** The builder stage's tool lines (after FROM ... AS builder). */
  readonly builder: string;
  /** app-pre: the dependency files and the locked install. */
  readonly deps: string;
  /** app-build: the project, never editable. */
  readonly project: string;
  /** dev: every group. */
  readonly dev: string;
}

const pipx = (tool: string, arg: string, version: string) =>
  `ARG PIPX_VERSION=1.7.1\nARG ${arg}=${version}\nENV PIPX_HOME=/opt/pipx PIPX_BIN_DIR=/opt/pipx/bin PATH=/opt/pipx/bin:$PATH\nRUN ${PIP_CACHE} \\\n    ${SECRET} \\\n    pip install "pipx==\${PIPX_VERSION}" \\\n    && pipx install "${tool}==\${${arg}}"\n`;
const venv = 'ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH\nRUN python -m venv "${VIRTUAL_ENV}"\n';
const wheel = `COPY . .\nRUN ${PIP_CACHE} ${SECRET} pip wheel --no-deps --no-build-isolation -w /tmp/dist . \\\n    && pip install --no-deps --no-index /tmp/dist/*.whl \\\n    && pip uninstall --yes --quiet pip setuptools wheel\n`;
const compile = 'python -m compileall -q "${VIRTUAL_ENV}/lib"';

const SHAPES: Readonly<Record<string, Shape>> = {
  pdm: {
    facts: { manager: 'pdm', toolVersion: '2.20.1', scripts: ['app'] },
    builder: pipx('pdm', 'PDM_VERSION', '2.20.1'),
    deps: `${venv}COPY pdm.lock pyproject.toml ./\nRUN ${PIP_CACHE} --mount=type=cache,target=/root/.cache/pdm ${SECRET} \\\n    pdm export --prod --no-default -o /tmp/requirements.txt \\\n    && pip install --no-deps --require-hashes -r /tmp/requirements.txt \\\n    && ${compile}\n`,
    project: wheel,
    dev: `RUN --mount=type=cache,target=/root/.cache/pdm ${PIP_CACHE} ${SECRET} pdm sync -G :all\n`,
  },
  pipenv: {
    facts: { manager: 'pipenv', scripts: ['app'] },
    builder: pipx('pipenv', 'PIPENV_VERSION', '2026.8.0'),
    deps: `${venv}COPY Pipfile Pipfile.lock ./\nRUN --mount=type=cache,target=/root/.cache/pipenv ${PIP_CACHE} ${SECRET} \\\n    pipenv requirements --hash > /tmp/requirements.txt \\\n    && pip install --no-deps --require-hashes -r /tmp/requirements.txt \\\n    && ${compile}\n`,
    project: wheel,
    dev: `RUN --mount=type=cache,target=/root/.cache/pipenv ${PIP_CACHE} ${SECRET} pipenv sync --dev\n`,
  },
  poetry: {
    facts: { manager: 'poetry', lockGenerator: 'Poetry 2.1.2', scripts: ['app'] },
    builder: pipx('poetry', 'POETRY_VERSION', '2.1.2'),
    deps: `${venv}COPY pyproject.toml poetry.lock ./\nRUN --mount=type=cache,target=/root/.cache/pypoetry ${PIP_CACHE} ${SECRET} poetry install --no-root --only main && ${compile}\n`,
    project: wheel,
    dev: `RUN --mount=type=cache,target=/root/.cache/pypoetry ${PIP_CACHE} ${SECRET} poetry install --no-root --with dev\n`,
  },
  'pip (hashes)': {
    facts: { manager: 'pip', requirements: [{ path: 'requirements.txt', pinned: true, hashes: true }], scripts: ['app'] },
    builder: '',
    deps: `${venv}COPY requirements.txt ./\nRUN ${PIP_CACHE} ${SECRET} pip install --no-deps --require-hashes -r requirements.txt && ${compile}\n`,
    project: wheel,
    dev: `RUN ${PIP_CACHE} --mount=type=bind,source=requirements-dev.txt,target=/app/requirements-dev.txt ${SECRET} pip install -r requirements-dev.txt\n`,
  },
  'pip (pinned, no hashes)': {
    facts: { manager: 'pip', requirements: [{ path: 'requirements.txt', pinned: true }, { path: 'requirements-dev.txt', pinned: true }], scripts: ['app'] },
    builder: '',
    deps: `${venv}COPY requirements.txt ./\nRUN ${PIP_CACHE} ${SECRET} pip install --no-deps -r requirements.txt && ${compile}\n`,
    project: wheel,
    dev: `RUN ${PIP_CACHE} --mount=type=bind,source=requirements-dev.txt,target=/app/requirements-dev.txt ${SECRET} pip install -r requirements-dev.txt\n`,
  },
  'pip-tools': {
    facts: { manager: 'pip-tools', toolVersion: '7.5.2', scripts: ['app'] },
    builder: pipx('pip-tools', 'PIP_TOOLS_VERSION', '7.5.2'),
    deps: `${venv}COPY requirements.txt ./\nRUN ${PIP_CACHE} ${SECRET} pip install --require-hashes -r requirements.txt && ${compile}\n`,
    project: wheel,
    dev: `RUN ${PIP_CACHE} ${SECRET} pip-sync --python-executable "\${VIRTUAL_ENV}/bin/python" requirements.txt\n`,
  },
  uv: {
    facts: { manager: 'uv', toolVersion: '0.9.14', scripts: ['app'] },
    builder: 'ENV UV_PYTHON_DOWNLOADS=0 UV_LINK_MODE=copy\nCOPY --from=ghcr.io/astral-sh/uv:0.9.14 /uv /uvx /bin/\n',
    deps: `ENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH UV_PROJECT_ENVIRONMENT=/opt/venv UV_COMPILE_BYTECODE=1\nRUN --mount=type=cache,target=/root/.cache/uv \\\n    --mount=type=bind,source=uv.lock,target=uv.lock \\\n    --mount=type=bind,source=pyproject.toml,target=pyproject.toml \\\n    ${SECRET} \\\n    uv sync --locked --no-install-project --no-dev --no-editable\n`,
    project: `COPY . .\nRUN --mount=type=cache,target=/root/.cache/uv ${SECRET} uv sync --locked --no-dev --no-editable\n`,
    dev: `RUN --mount=type=cache,target=/root/.cache/uv ${SECRET} uv sync --locked --no-install-project --all-groups\n`,
  },
};

function dockerfile(s: Shape): string {
  return [
    `FROM python:3.13-slim AS builder\nENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_ROOT_USER_ACTION=ignore PYTHONDONTWRITEBYTECODE=1\n${s.builder}`,
    `FROM builder AS app-pre\nWORKDIR /app\n${s.deps}`,
    `FROM app-pre AS app-build\n${s.project}`,
    `FROM app-pre AS dev\nRUN apt-get update && apt-get install -y --no-install-recommends git sudo && rm -rf /var/lib/apt/lists/*\n${s.dev}ARG DEV_UID=1000\nARG DEV_GID=1000\nRUN groupadd --gid "\${DEV_GID}" dev && useradd --uid "\${DEV_UID}" --gid "\${DEV_GID}" --create-home dev\nENV PYTHONUNBUFFERED=1\nUSER \${DEV_UID}:\${DEV_GID}\nCMD ["sleep", "infinity"]\n`,
    'FROM python:3.13-slim AS app\nENV VIRTUAL_ENV=/opt/venv PATH=/opt/venv/bin:$PATH PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1\nWORKDIR /app\nCOPY --from=app-build /opt/venv /opt/venv\nARG APP_UID=10001\nARG APP_GID=10001\nRUN groupadd --gid "${APP_GID}" app \\\n    && useradd --no-log-init --uid "${APP_UID}" --gid "${APP_GID}" --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app\nUSER ${APP_UID}:${APP_GID}\nSTOPSIGNAL SIGINT\nENTRYPOINT ["/opt/venv/bin/app"]\n',
  ].join('\n');
}

function findings(text: string, facts: FactsInput): string[] {
  return lint({ dockerfile: { path: 'Dockerfile', text }, facts: makeFacts(facts) })
    .diagnostics.filter((d) => d.ruleId !== 'PC602')
    .map((d) => `${d.ruleId} ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`);
}

const ids = (text: string, facts: FactsInput) => [...new Set(findings(text, facts).map((f) => f.split(' ')[0]))].sort();

describe('the Dockerfiles pycrane init writes lint clean', () => {
  it.each(Object.keys(SHAPES))('%s', (name) => {
    const shape = SHAPES[name] as Shape;
    expect(findings(dockerfile(shape), shape.facts)).toEqual([]);
  });
});

describe('breaking an init shape is found', () => {
  const uv = SHAPES.uv as Shape;
  const pdm = SHAPES.pdm as Shape;
  const pipenv = SHAPES.pipenv as Shape;
  const pip = SHAPES['pip (pinned, no hashes)'] as Shape;
  it('uv sync without --locked (PC107)', () => {
    expect(ids(dockerfile({ ...uv, deps: uv.deps.replace('uv sync --locked', 'uv sync') }), uv.facts)).toEqual(['PC107']);
  });
  it('uv in the runtime stage (PC301)', () => {
    const text = dockerfile(uv).replace('COPY --from=app-build /opt/venv /opt/venv', 'COPY --from=app-build /opt/venv /opt/venv\nCOPY --from=builder /bin/uv /bin/uv');
    expect(ids(text, uv.facts)).toEqual(['PC301']);
  });
  it('uv at another version than the project asks for (PC503)', () => {
    expect(ids(dockerfile(uv).replace('uv:0.9.14', 'uv:0.8.0'), uv.facts)).toEqual(['PC503']);
  });
  it('no cache mount for pdm sync (PC402)', () => {
    expect(ids(dockerfile({ ...pdm, dev: `RUN ${SECRET} pdm sync -G :all\n` }), pdm.facts)).toEqual(['PC402']);
  });
  it('pdm install instead of the export (PC107)', () => {
    expect(ids(dockerfile({ ...pdm, dev: `RUN --mount=type=cache,target=/root/.cache/pdm pdm install -G :all\n` }), pdm.facts)).toEqual(['PC107']);
  });
  it('pipenv install without --deploy (PC107)', () => {
    expect(ids(dockerfile({ ...pipenv, dev: 'RUN --mount=type=cache,target=/root/.cache/pipenv pipenv install --dev\n' }), pipenv.facts)).toEqual(['PC107']);
  });
  it('a requirements file that pins not everything (PC107)', () => {
    const facts: FactsInput = { ...pip.facts, requirements: [{ path: 'requirements.txt', pinned: false }] };
    expect(ids(dockerfile(pip), facts)).toEqual(['PC107']);
  });
  it('pip install . that resolves past the lock (PC107, and PC401 for the order)', () => {
    expect(ids(dockerfile({ ...pdm, deps: `${venv}`, project: `COPY . .\nRUN ${PIP_CACHE} pip install .\n` }), pdm.facts)).toEqual(['PC107', 'PC401']);
  });
});
