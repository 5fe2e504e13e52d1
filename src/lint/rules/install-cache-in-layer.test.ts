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
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n', errors: [{ messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 16 }] },
    { code: 'FROM python:3.12\nRUN python -m pip install x==1\n', errors: [{ messageId: 'pip', line: 2, column: 5, endLine: 2, endColumn: 26 }] },
    { code: 'FROM python:3.12\nRUN uv sync --locked\n', errors: [{ messageId: 'uv', line: 2, column: 5, endLine: 2, endColumn: 12 }] },
    { code: 'FROM python:3.12\nRUN poetry install --only main\n', errors: [{ messageId: 'poetry', line: 2, column: 5, endLine: 2, endColumn: 19 }] },
  ],
});
