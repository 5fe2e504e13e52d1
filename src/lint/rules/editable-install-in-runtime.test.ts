import { ruleTester } from '../testing/rule-tester.js';
import { editableInstallInRuntime } from './editable-install-in-runtime.js';

ruleTester(editableInstallInRuntime, {
  valid: [
    'FROM python:3.12 AS b\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked --no-editable\nFROM python:3.12\nCOPY --from=b /src/.venv /src/.venv\n',
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install --no-cache-dir /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'single stage editable is a dev setup', code: 'FROM python:3.12\nCOPY . /app\nRUN pip install --no-cache-dir -e /app\n' },
    { name: 'only the dev stage gets it', code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12 AS app\nCOPY --from=b /opt/venv /opt/venv\nCOPY . .\nFROM b AS dev\nRUN pip install -e .\n' },
    'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/opt/venv\nRUN poetry install --no-root --only main\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'uv-docker-example: the whole project folder is copied at the same path', code: 'FROM python:3.12 AS b\nWORKDIR /app\nCOPY . /app\nRUN uv sync --locked\nFROM python:3.12\nCOPY --from=b /app /app\n' },
    {
      name: 'legnaleurc/secretary: the runtime stage copies the context to the WORKDIR the builder synced in',
      code: 'FROM python:3.12-slim AS builder\nWORKDIR /app\nCOPY pyproject.toml uv.lock /app/\nRUN uv sync --no-dev\nFROM python:3.12-slim AS production\nCOPY . /app\nCOPY --from=builder /app/.venv /app/.venv\nWORKDIR /app\n',
    },
    { name: 'COPY . . into the same WORKDIR', code: 'FROM python:3.12 AS b\nWORKDIR /srv\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main\nFROM python:3.12\nWORKDIR /srv\nCOPY --from=b /srv/.venv /srv/.venv\nCOPY . .\n' },
    { name: 'pip -e of a folder with extras and trailing slashes', code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install -e /src//[dev]\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\nCOPY --from=b /src/ /src\n' },
    { name: 'pip -e target copied at the same path from the build stage', code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install --edit /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\nCOPY --from=b /src /src\n' },
  ],
  invalid: [
    {
      name: 'pip -e of a folder named with 120,000 [ or / and a last letter',
      code: `FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install -e /src${'['.repeat(120_000)} -e /src${'/'.repeat(120_000)}x\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\nCOPY --from=b /src /src\n`,
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 30 }],
    },
    {
      name: 'the context copied to another folder than the one installed from',
      code: 'FROM python:3.12 AS b\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked\nFROM python:3.12\nCOPY --from=b /app/.venv /app/.venv\nCOPY . /srv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 12 }],
    },
    {
      name: 'only part of the context at the path, or a project moved by --directory',
      code: 'FROM python:3.12 AS b\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked --directory sub\nFROM python:3.12\nCOPY --from=b /app/.venv /app/.venv\nCOPY . /app\nCOPY src/ /app/src\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 12 }],
    },
    {
      name: 'pip -e of another folder than the one copied',
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install -e /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\nCOPY . /app\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 30 }],
    },
    {
      code: 'FROM python:3.12 AS b\nWORKDIR /src\nCOPY . .\nRUN uv sync --locked\nFROM python:3.12\nCOPY --from=b /src/.venv /src/.venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 12 }],
    },
    {
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nCOPY . /src\nRUN /opt/venv/bin/pip install -e /src\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 30 }],
    },
    {
      code: 'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/opt/venv\nCOPY . .\nRUN poetry install --only main\nFROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ messageId: 'editable', line: 4, column: 5, endLine: 4, endColumn: 19 }],
    },
  ],
});
