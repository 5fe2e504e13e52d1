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
    // globs among the dependency files are dependency files
    { name: 'poetry.lock* beside pyproject.toml', code: 'FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock* ./\nRUN poetry install --no-root\nCOPY . .\n' },
    { name: 'Pipfile*', code: 'FROM python:3.12\nWORKDIR /app\nCOPY Pipfile* ./\nRUN pipenv install --deploy --system\nCOPY . .\n' },
    { name: 'requirements*.txt', code: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements*.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'requirements/*.txt', code: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements/*.txt requirements/\nRUN pip install -r requirements/prod.txt\nCOPY . .\n' },
    // the container's helpers and configuration are not the source
    { name: 'a root filesystem overlay', code: 'FROM python:3.12\nWORKDIR /app\nCOPY docker/rootfs /\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'build helpers into /tmp', code: 'FROM python:3.12\nWORKDIR /app\nCOPY build_helpers/* /tmp/\nRUN /tmp/install-deps.sh && pip install -r /tmp/requirements.txt\nCOPY . .\n' },
    { name: 'an entrypoint script', code: 'FROM python:3.12\nCOPY scripts/entrypoint.sh /\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'web server configuration', code: 'FROM python:3.12\nWORKDIR /app\nCOPY nginx.conf /etc/nginx/\nCOPY conf/supervisord /etc/supervisor/conf.d\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'a helper folder by name', code: 'FROM python:3.12\nWORKDIR /app\nCOPY docker ./docker\nCOPY scripts/ ./scripts/\nCOPY requirements.txt .\nRUN ./docker/apt.sh && pip install -r requirements.txt\nCOPY . .\n' },
    {
      name: 'set-up helpers of the machine (Ryo4499/ae_tutorial: COPY setup_vim/ before uv sync)',
      code: 'FROM ubuntu:24.04\nWORKDIR /root\nCOPY setup_vim/ ./setup_vim/\nRUN ./setup_vim/neovim/scripts/install_dependencies_root.sh\nWORKDIR /root/app\nCOPY README.md pyproject.toml uv.lock .python-version .\nRUN uv sync\nCOPY . .\n',
    },
    {
      name: 'dotfiles, editor and shell configuration, conf.d, a *-setup folder',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY dotfiles/ ./dotfiles/\nCOPY .config/nvim ./.config/nvim\nCOPY .vim .vim\nCOPY conf.d ./conf.d\nCOPY dev-setup ./dev-setup\nCOPY configs ./configs\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    },
    { name: 'outside every WORKDIR', code: 'FROM python:3.12\nWORKDIR /app\nCOPY tools /opt/tools\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'a Makefile', code: 'FROM python:3.12\nWORKDIR /app\nCOPY Makefile ./\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    { name: 'a glob of text files', code: 'FROM python:3.12\nWORKDIR /app\nCOPY *.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\n' },
    // the project's own install after the dependency install
    { name: 'pip install -e . after the requirements', code: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -e .\n' },
    { name: 'poetry install (the root) after --no-root', code: 'FROM python:3.12\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n' },
    { name: 'pip install . of a project whose metadata came first', code: 'FROM python:3.12\nWORKDIR /app\nCOPY setup.py setup.cfg ./\nRUN pip install -e .\nCOPY . .\nRUN pip install --no-deps -e .\n' },
    { name: 'pip wheel -r is the dependency step', code: 'FROM python:3.12 AS build\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip wheel -r requirements.txt -w /wheels\nCOPY . .\nRUN pip wheel --no-deps -w /wheels .\n' },
    { name: 'tools only: nothing of the project installed', code: 'FROM python:3.12\nCOPY . .\nRUN pip install --upgrade pip poetry==1.8.3\n' },
    { name: 'a dev requirements file after the main ones', code: 'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -r requirements-dev.txt\n' },
    { name: 'named packages before the source, the project alone after', code: 'FROM python:3.12\nRUN pip install gunicorn==22.0.0\nCOPY . .\nRUN pip install --no-deps .\n' },
  ],
  invalid: [
    { code: 'FROM python:3.12\nCOPY app.py requirements.txt ./\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'early', line: 2, column: 6, endLine: 2, endColumn: 32 }] },
    { code: 'FROM python:3.12\nCOPY . .\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'early', line: 2, column: 6, endLine: 2, endColumn: 9 }] },
    {
      code: 'FROM python:3.12 AS base\nWORKDIR /app\nCOPY src/ ./src/\nCOPY pyproject.toml poetry.lock ./\nFROM base\nRUN poetry install --no-root\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 17 }],
    },
    {
      name: 'not only the first install: a named package, the source, then the requirements',
      code: 'FROM python:3.12\nWORKDIR /app\nRUN pip install gunicorn==22.0.0\nCOPY . .\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 4, column: 6, endLine: 4, endColumn: 9 }],
    },
    {
      name: 'a tool first, then the source, then the dependencies',
      code: 'FROM python:3.12\nWORKDIR /app\nRUN pip install poetry==1.8.3\nCOPY . .\nRUN poetry install --no-root\n',
      errors: [{ messageId: 'early', line: 4, column: 6, endLine: 4, endColumn: 9 }],
    },
    {
      name: 'pip wheel -r after the source',
      code: 'FROM python:3.12 AS build\nWORKDIR /app\nCOPY . .\nRUN pip wheel --wheel-dir /wheels -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'pip download -r after the source',
      code: 'FROM python:3.12 AS build\nWORKDIR /app\nCOPY src ./src\nCOPY requirements.txt .\nRUN python -m pip download -d /pkgs -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 15 }],
    },
    {
      name: 'the project install is the dependency install when nothing came before',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -e .\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'the project install after named packages only',
      code: 'FROM python:3.12\nWORKDIR /app\nRUN pip install gunicorn==22.0.0\nCOPY . .\nRUN pip install .\n',
      errors: [{ messageId: 'early', line: 4, column: 6, endLine: 4, endColumn: 9 }],
    },
    {
      name: 'the code folders still count next to set-up helpers: src/, app/, a package, a config/ settings package',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY setup_env/ ./setup_env/\nCOPY src/ ./src\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --locked\nFROM python:3.12\nCOPY app/ /app/app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12\nWORKDIR /app\nCOPY mypkg ./mypkg\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12\nWORKDIR /app\nCOPY config ./config\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      errors: [
        { messageId: 'early', line: 4, column: 6, endLine: 4, endColumn: 16 },
        { messageId: 'early', line: 8, column: 6, endLine: 8, endColumn: 19 },
        { messageId: 'early', line: 13, column: 6, endLine: 13, endColumn: 19 },
        { messageId: 'early', line: 18, column: 6, endLine: 18, endColumn: 21 },
      ],
    },
    {
      name: 'helpers first are fine, the code folder is not',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY docker/rootfs /\nCOPY app ./app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 4, column: 6, endLine: 4, endColumn: 15 }],
    },
    {
      name: 'a glob of code',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY src/* ./\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 3, column: 6, endLine: 3, endColumn: 14 }],
    },
    {
      name: 'the code copied to the WORKDIR set later',
      code: 'FROM python:3.12\nCOPY src /srv/app/src\nWORKDIR /srv/app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      errors: [{ messageId: 'early', line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
  ],
});
