import { describe, expect, it } from 'vitest';
import { defaultCheckConfig } from '../config.js';
import { lint } from '../engine.js';
import { ruleTester } from '../testing/rule-tester.js';
import { installIgnoresLock } from './install-ignores-lock.js';

const uvBind = '--mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml';

ruleTester(installIgnoresLock, {
  valid: [
    'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n',
    'FROM python:3.12\nCOPY . .\nRUN poetry install\n',
    'FROM python:3.12\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install\n',
    `FROM python:3.12\nRUN ${uvBind} uv sync --locked --no-install-project\n`,
    'FROM python:3.12\nCOPY uv.lock pyproject.toml ./\nRUN uv sync --frozen\n',
    'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
    'FROM python:3.12\nRUN poetry lock --check\n',
    'FROM python:3.12 AS a\nCOPY pyproject.toml poetry.lock ./\nFROM a\nRUN poetry install\n',
    'FROM python:3.12\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\n',
    // uv: flags from ARG/ENV values, and the UV_LOCKED / UV_FROZEN variables
    { name: 'flags in an ARG', code: 'FROM python:3.12\nARG UV_OPTIONS="--frozen --no-dev"\nCOPY uv.lock pyproject.toml ./\nRUN uv sync $UV_OPTIONS\n' },
    { name: 'flags in an ENV', code: 'FROM python:3.12\nENV UV_SYNC_ARGS=--locked\nCOPY uv.lock pyproject.toml ./\nRUN uv sync ${UV_SYNC_ARGS}\n' },
    { name: 'an ARG without a default: cannot tell', code: 'FROM python:3.12\nARG UV_OPTIONS\nCOPY uv.lock pyproject.toml ./\nRUN uv sync $UV_OPTIONS\n' },
    { name: 'flags in one of several ARGs of a line', code: 'FROM python:3.12\nARG UV_OPTIONS="--frozen" APP_DIR=/app\nCOPY uv.lock pyproject.toml ./\nRUN uv sync $UV_OPTIONS\n' },
    { name: 'flags in a global ARG redeclared in the stage', code: 'ARG PY=3.12 UV_OPTIONS=--locked\nFROM python:${PY}\nARG UV_OPTIONS\nCOPY uv.lock pyproject.toml ./\nRUN uv sync ${UV_OPTIONS}\n' },
    { name: 'pipenv --deploy from an ARG', code: 'FROM python:3.12\nARG PIPENV_FLAGS="--deploy --system"\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install $PIPENV_FLAGS\n' },
    { name: 'pdm --frozen-lockfile from an ENV', code: 'FROM python:3.12\nENV PDM_ARGS="--prod --frozen-lockfile"\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install $PDM_ARGS\n' },
    { name: 'ENV UV_FROZEN in the legacy form', code: 'FROM python:3.12\nENV UV_FROZEN 1\nCOPY uv.lock pyproject.toml ./\nRUN uv sync\n' },
    { name: 'PIPENV_IGNORE_PIPFILE', code: 'FROM python:3.12\nENV PIPENV_IGNORE_PIPFILE=1\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system\n' },
    { name: 'ENV UV_LOCKED', code: 'FROM python:3.12\nENV UV_LOCKED=1\nCOPY uv.lock pyproject.toml ./\nRUN uv sync --no-dev\n' },
    { name: 'ARG UV_FROZEN', code: 'FROM python:3.12\nARG UV_FROZEN=true\nCOPY uv.lock pyproject.toml ./\nRUN uv sync\n' },
    { name: 'inline UV_FROZEN', code: 'FROM python:3.12\nCOPY uv.lock pyproject.toml ./\nRUN UV_FROZEN=1 uv sync\n' },
    { name: 'uv export --frozen', code: 'FROM python:3.12\nCOPY uv.lock pyproject.toml ./\nRUN uv export --frozen --no-hashes -o /tmp/r.txt && pip install -r /tmp/r.txt\n' },
    { name: 'uv run after a locked sync', code: `FROM python:3.12\nRUN ${uvBind} uv sync --locked\nRUN uv run python manage.py collectstatic\n` },
    { name: 'uv run --no-sync', code: 'FROM python:3.12\nCOPY . .\nRUN uv run --no-sync python -m compileall .\n' },
    { name: 'uv pip install of a compiled lock', code: 'FROM python:3.12\nCOPY requirements.lock .\nRUN uv pip install --system -r requirements.lock\n' },
    { name: 'uv pip sync', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN uv pip sync --system requirements.txt\n' },
    // PDM
    { name: 'pdm sync never locks', code: 'FROM python:3.12\nCOPY pyproject.toml pdm.lock ./\nRUN pdm sync --prod --no-editable\n' },
    { name: 'pdm install --frozen-lockfile', code: 'FROM python:3.12\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install --prod --frozen-lockfile --no-self\n' },
    { name: 'pdm install --check', code: 'FROM python:3.12\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install --check -G :all\n' },
    { name: 'PDM_FROZEN_LOCKFILE', code: 'FROM python:3.12\nENV PDM_FROZEN_LOCKFILE=1\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install --prod\n' },
    { name: 'pdm export of the lock, installed by pip with hashes', code: 'FROM python:3.12\nCOPY pdm.lock pyproject.toml ./\nRUN pdm export --prod -o /tmp/requirements.txt && pip install --no-deps --require-hashes -r /tmp/requirements.txt\n' },
    // pipenv
    { name: 'pipenv sync', code: 'FROM python:3.12\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv sync --dev\n' },
    { name: 'pipenv install --ignore-pipfile', code: 'FROM python:3.12\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --ignore-pipfile --system\n' },
    { name: 'ENV PIPENV_DEPLOY', code: 'FROM python:3.12\nENV PIPENV_DEPLOY=1 PIPENV_SYSTEM=1\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install\n' },
    { name: 'pipenv requirements, installed with hashes', code: 'FROM python:3.12\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv requirements --hash > /tmp/requirements.txt && pip install --require-hashes -r /tmp/requirements.txt\n' },
    // pip and pip-tools
    { name: 'requirements.in with hash checking', code: 'FROM python:3.12\nCOPY requirements.in .\nRUN pip install --require-hashes -r requirements.in\n' },
    { name: 'requirements.in within a constraints file', code: 'FROM python:3.12\nCOPY requirements.in constraints.txt ./\nRUN pip install -r requirements.in -c constraints.txt\n' },
    { name: 'pip-sync of the compiled file', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip-sync requirements.txt\n', facts: { manager: 'pip-tools' } },
    { name: 'pinned requirements file (facts)', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-deps -r requirements.txt\n', facts: { manager: 'pip', requirements: [{ path: 'requirements.txt', pinned: true }] } },
    { name: 'unknown file without facts', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
    { name: 'the project after the locked dependencies', code: 'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nRUN poetry export -o r.txt && pip install -r r.txt\nCOPY . .\nRUN pip install .\n' },
    { name: 'the project with --no-deps', code: 'FROM python:3.12\nCOPY . .\nRUN pip wheel --no-deps --no-build-isolation -w /tmp/dist . && pip install --no-deps --no-index /tmp/dist/*.whl\n', facts: { manager: 'uv' } },
    { name: 'pip install . without a lock (pep621)', code: 'FROM python:3.12\nCOPY . .\nRUN pip install .\n', facts: { manager: 'pep621' } },
    { name: 'a variable may name any package (adsblol/api)', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN PYOPENSSL=$(grep pyopenssl= requirements.txt) && pip install $PYOPENSSL && pip install -r requirements.txt\n' },
    { name: 'setup.py install without a lock (facts)', code: 'FROM python:3.12\nCOPY . .\nRUN python setup.py install\n', facts: { manager: 'setuptools' } },
    { name: 'setup.py builds that install nothing, and an install after the requirements', code: 'FROM python:3.12\nCOPY . .\nRUN python setup.py bdist_wheel && python -c "import setup" && pip install -r requirements.txt && python3 setup.py install\n' },
    { name: 'pip install . within constraints', code: 'FROM python:3.12\nCOPY . .\nRUN pip install -c constraints.txt .\n', facts: { manager: 'hatch' } },
    // a project without any lock: the build cannot honour one (inspect warns)
    { name: 'uv project without uv.lock', code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN uv sync --no-dev\n', facts: { manager: 'uv', lock: false } },
    { name: 'pdm project without pdm.lock locks on build day', code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN pdm lock && pdm export --prod -o /tmp/r.txt\n', facts: { manager: 'pdm', lock: false } },
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN poetry install --no-root\n', errors: [{ messageId: 'poetryNoLock', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN poetry lock && poetry install\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'poetry export without the lock, once per build', code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN poetry install --no-root && poetry export -o r.txt\n', errors: [{ messageId: 'poetryNoLock', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN uv sync\n', errors: [{ messageId: 'uvUnlocked', line: 3, column: 5, endLine: 3, endColumn: 12 }] },
    { code: 'FROM python:3.12\nCOPY pyproject.toml .\nRUN uv sync --locked\n', errors: [{ messageId: 'uvNoLock', line: 3, column: 5, endLine: 3, endColumn: 12 }] },
    { name: 'ARG with other flags only', code: 'FROM python:3.12\nARG UV_OPTIONS="--no-dev --no-editable"\nCOPY . .\nRUN uv sync $UV_OPTIONS\n', errors: [{ messageId: 'uvUnlocked', line: 4, column: 5, endLine: 4, endColumn: 12 }] },
    { name: 'UV_LOCKED=0', code: 'FROM python:3.12\nENV UV_LOCKED=0\nCOPY . .\nRUN uv sync\n', errors: [{ messageId: 'uvUnlocked', line: 4, column: 5, endLine: 4, endColumn: 12 }] },
    { name: 'uv export re-locks', code: 'FROM python:3.12\nCOPY . .\nRUN uv export -o /tmp/r.txt && pip install -r /tmp/r.txt\n', errors: [{ messageId: 'uvUnlocked', line: 3, column: 5, endLine: 3, endColumn: 14 }] },
    { name: 'uv run in a build syncs and locks', code: 'FROM python:3.12\nCOPY . .\nRUN uv sync --frozen\nRUN uv run python manage.py collectstatic\n', errors: [{ messageId: 'uvUnlocked', line: 4, column: 5, endLine: 4, endColumn: 11 }] },
    { name: 'uv lock and uv pip compile', code: 'FROM python:3.12\nCOPY . .\nRUN uv lock && uv pip compile pyproject.toml -o r.txt\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 12 }, { messageId: 'relock', line: 3, column: 16, endLine: 3, endColumn: 30 }] },
    { name: 'uv pip install of pyproject.toml', code: 'FROM python:3.12\nCOPY pyproject.toml .\nRUN uv pip install --system -r pyproject.toml\n', errors: [{ messageId: 'requirementsIn', line: 3, column: 32, endLine: 3, endColumn: 46 }] },
    { code: 'FROM python:3.12\nCOPY requirements.in .\nRUN pip install -r requirements.in\n', errors: [{ messageId: 'requirementsIn', line: 3, column: 20, endLine: 3, endColumn: 35 }] },
    { name: 'uv pip sync of the input', code: 'FROM python:3.12\nCOPY requirements.in .\nRUN uv pip sync requirements.in\n', errors: [{ messageId: 'requirementsIn', line: 3, column: 17, endLine: 3, endColumn: 32 }] },
    { name: 'pip-compile in the build', code: 'FROM python:3.12\nCOPY requirements.in .\nRUN pip-compile requirements.in && pip-sync\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'python -m piptools compile in the build', code: 'FROM python:3.12\nCOPY requirements.in .\nRUN python -m piptools compile -o requirements.txt requirements.in && pip install -r requirements.txt\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 11 }] },
    { name: 'pip-compile of pyproject.toml with hashes is still a resolve', code: 'FROM python:3.12\nCOPY pyproject.toml .\nRUN pip-compile --generate-hashes -o requirements.txt pyproject.toml\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'a multi-name ARG without the flag', code: 'FROM python:3.12\nARG UV_OPTIONS="--no-dev" UV_OTHER=--frozen\nCOPY . .\nRUN uv sync $UV_OPTIONS\n', errors: [{ messageId: 'uvUnlocked', line: 4, column: 5, endLine: 4, endColumn: 12 }] },
    { name: 'PDM_FROZEN_LOCKFILE=0', code: 'FROM python:3.12\nENV PDM_FROZEN_LOCKFILE=0\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install --prod\n', errors: [{ messageId: 'pdmUnlocked', line: 4, column: 5, endLine: 4, endColumn: 16 }] },
    { name: 'unpinned requirements file (facts)', code: 'FROM python:3.12\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirements.txt\n', facts: { manager: 'pip', requirements: [{ path: 'requirements.txt', pinned: false }] }, errors: [{ messageId: 'unpinnedFile', line: 3, column: 20, endLine: 3, endColumn: 41 }] },
    { name: 'pip-tools input installed (facts)', code: 'FROM python:3.12\nCOPY requirements/ requirements/\nRUN pip install -r requirements/base.src\n', facts: { manager: 'pip-tools', requirementInputs: ['requirements/base.src'] }, errors: [{ messageId: 'requirementsIn', line: 3, column: 20, endLine: 3, endColumn: 41 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN pipenv install --system\n', errors: [{ messageId: 'pipenv', line: 3, column: 5, endLine: 3, endColumn: 19 }] },
    { name: 'pipenv lock', code: 'FROM python:3.12\nCOPY Pipfile ./\nRUN pipenv lock && pipenv sync\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'pdm install re-locks', code: 'FROM python:3.12\nCOPY pyproject.toml pdm.lock ./\nRUN pdm install --prod --no-editable\n', errors: [{ messageId: 'pdmUnlocked', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'pdm install without pdm.lock', code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN pdm install --prod --frozen-lockfile\n', errors: [{ messageId: 'pdmNoLock', line: 3, column: 5, endLine: 3, endColumn: 16 }] },
    { name: 'pdm lock, pdm update', code: 'FROM python:3.12\nCOPY . .\nRUN pdm lock && pdm update\n', errors: [{ messageId: 'relock', line: 3, column: 5, endLine: 3, endColumn: 13 }, { messageId: 'relock', line: 3, column: 17, endLine: 3, endColumn: 27 }] },
    { name: 'pdm export --pyproject', code: 'FROM python:3.12\nCOPY pyproject.toml ./\nRUN pdm export --pyproject -o r.txt\n', errors: [{ messageId: 'pdmExportPyproject', line: 3, column: 5, endLine: 3, endColumn: 15 }] },
    {
      name: 'without project facts a lock cannot be ruled out: pip install ., uv pip install ., setup.py install resolve on build day',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir .\nRUN pip install uv && uv pip install --no-cache --system -e .\nRUN python3 setup.py install\n',
      errors: [
        { messageId: 'projectUnlocked', line: 4, column: 32, endLine: 4, endColumn: 33 },
        { messageId: 'projectUnlocked', line: 5, column: 61, endLine: 5, endColumn: 62 },
        { messageId: 'projectUnlocked', line: 6, column: 13, endLine: 6, endColumn: 21 },
      ],
    },
    { name: 'setup.py install beside a copied lock', code: 'FROM python:3.12\nCOPY . .\nCOPY poetry.lock .\nRUN python setup.py -q develop\n', errors: [{ messageId: 'projectResolves', line: 4, column: 12, endLine: 4, endColumn: 20 }] },
    { name: 'pip install . beside a copied lock', code: 'FROM python:3.12\nCOPY pyproject.toml poetry.lock ./\nCOPY src src\nRUN pip install .\n', errors: [{ messageId: 'projectResolves', line: 4, column: 17, endLine: 4, endColumn: 18 }] },
    { name: 'pip install -e . of a uv project (facts)', code: 'FROM python:3.12\nCOPY . .\nRUN pip install -e .\n', facts: { manager: 'uv' }, errors: [{ messageId: 'projectResolves', line: 3, column: 20, endLine: 3, endColumn: 21 }] },
    { name: 'pip wheel . resolves', code: 'FROM python:3.12\nCOPY . .\nRUN pip wheel -w /wheels .\n', facts: { manager: 'pdm' }, errors: [{ messageId: 'projectResolves', line: 3, column: 26, endLine: 3, endColumn: 27 }] },
  ],
});

// Found by the fuzzer: each `uv sync` rescanned every instruction before it (20,000 of them: seconds).
describe('install-ignores-lock on 12,000 installs', () => {
  const ids = (text: string) => lint({ dockerfile: { path: 'Dockerfile', text } }, defaultCheckConfig, [installIgnoresLock]).diagnostics.map((d) => d.messageId);
  it('reports each uv sync without the lock, and none once the lock is copied', () => {
    const runs = 'RUN uv sync --locked\n'.repeat(12_000);
    expect(ids(`FROM python:3.13-slim\n${runs}`)).toEqual(Array(12_000).fill('uvNoLock'));
    expect(ids(`FROM python:3.13-slim\nRUN uv sync --locked\nCOPY uv.lock pyproject.toml ./\n${runs}`)).toEqual(['uvNoLock']);
  });
});
