import { ruleTester } from '../testing/rule-tester.js';
import { composeVenvVolume } from './compose-venv-volume.js';

ruleTester(composeVenvVolume, {
  valid: [
    'services:\n  dev:\n    build: .\n    volumes:\n      - .:/app\n',
    { name: 'a bind mount of a host venv is another problem', code: 'services:\n  dev:\n    image: x\n    volumes:\n      - ./.venv:/app/.venv\n' },
    { name: 'cache volumes are fine', code: 'services:\n  dev:\n    image: x\n    volumes:\n      - pip-cache:/root/.cache/pip\n      - data:/var/lib/postgresql/data\n' },
    { name: 'a path that merely contains venv', code: 'services:\n  dev:\n    image: x\n    volumes:\n      - cfg:/etc/venv-tools/config\n' },
    { name: 'synced on every start', code: 'services:\n  dev:\n    build: .\n    command: sh -c "uv sync --locked && exec uvicorn app:app --reload"\n    volumes:\n      - .:/app\n      - /app/.venv\n' },
    { name: 'pip-sync on every start', code: 'services:\n  dev:\n    build: .\n    command: sh -c "pip-sync requirements.txt && exec flask run"\n    volumes:\n      - venv:/opt/venv\n' },
    { name: 'hatch env create on every start', code: 'services:\n  dev:\n    build: .\n    command: sh -c "hatch env create && exec hatch run serve"\n    volumes:\n      - venv:/app/.venv\n' },
    { name: 'tmpfs', code: 'services:\n  dev:\n    image: x\n    volumes:\n      - type: tmpfs\n        target: /app/.venv\n' },
  ],
  invalid: [
    {
      name: 'the seed: named volume over /app/.venv',
      code: 'services:\n  app-dev:\n    build: .\n    volumes:\n      - python_venv_app_dev:/app/.venv\nvolumes:\n  python_venv_app_dev:\n',
      errors: [{ messageId: 'stale', line: 5, column: 9, endLine: 5, endColumn: 39 }],
    },
    { name: 'anonymous volume', code: 'services:\n  web:\n    image: x\n    volumes:\n      - .:/app\n      - /app/.venv\n', errors: [{ messageId: 'stale', line: 6, column: 9, endLine: 6, endColumn: 19 }] },
    {
      name: 'long syntax over /opt/venv',
      code: 'services:\n  web:\n    image: x\n    volumes:\n      - type: volume\n        source: venv\n        target: /opt/venv/\n',
      errors: [{ messageId: 'stale', line: 7, column: 17, endLine: 7, endColumn: 27 }],
    },
    { name: 'Poetry\'s virtualenvs folder', code: 'services:\n  web:\n    image: x\n    volumes:\n      - pv:/root/.cache/pypoetry/virtualenvs\n', errors: [{ messageId: 'stale', line: 5, column: 9, endLine: 5, endColumn: 45 }] },
    { name: 'site-packages', code: 'services:\n  web:\n    image: x\n    volumes:\n      - sp:/usr/local/lib/python3.12/site-packages\n', errors: [{ messageId: 'stale', line: 5, column: 9, endLine: 5, endColumn: 51 }] },
    {
      name: 'the venv the Dockerfile declares',
      code: 'services:\n  web:\n    build: .\n    volumes:\n      - env:/srv/env\n',
      files: { dockerfile: 'FROM python:3.12-slim\nENV VIRTUAL_ENV=/srv/env\nRUN python -m venv $VIRTUAL_ENV\n' },
      errors: [{ messageId: 'stale', line: 5, column: 9, endLine: 5, endColumn: 21 }],
    },
  ],
});
