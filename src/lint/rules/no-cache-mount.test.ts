import { ruleTester } from '../testing/rule-tester.js';
import { noCacheMount } from './no-cache-mount.js';

ruleTester(noCacheMount, {
  valid: [
    'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install --no-deps dist/*.whl\n',
    'FROM python:3.12\nRUN pip install --upgrade pip setuptools wheel\n',
    'FROM python:3.12\nRUN pip install pipx==1.7.1\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { code: 'FROM python:3.12\nRUN poetry install --no-root\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
    { code: 'FROM python:3.12\nRUN uv sync --locked\n', errors: [{ messageId: 'noMount', line: 2, column: 5, endLine: 2, endColumn: 12 }] },
  ],
});
